// Forensic review of erasure (a survivor asks to be forgotten): checks that hold on the current code
// (a shared or removed perpetrator, a search, a refused import, an export). The examiner has a copy of the data folder and the vault's raw key (what a staff passphrase
// unwraps; here the recovery key, which is the raw key): every page of casevault.db and every
// frame of casevault.db-wal is decrypted, free pages and FTS5 shadow tables included, and every
// row of every table of a copy of the database is read as text (support/forensic-copy.ts).
import { describe, expect, it } from 'vitest'
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { basename, join } from 'node:path'
import { call } from './support/temp-vault'
import { createCase, signInAs, staffedHost, survivorCase } from './support/case-fixtures'
import { csv, FLAT_HEADER, fileWith, flatRow } from './support/import-fixtures'
import { decryptedFolder, has, liveRowsText, tablesWith } from './support/forensic-copy'
import type { CasePerpetrator, CaseSearchHit, ImportPreview, ImportReport } from '../../main/api/contract'

describe('a perpetrator shared by two cases', () => {
  it('stays with the other case, in its record and its search, when one case is deleted', async () => {
    const { host, dataDir, recoveryKey } = await staffedHost('bilal')
    const first = await createCase(host, survivorCase({ survivor: { prs_FirstName: 'Wuzzleporth' } }))
    const second = await createCase(host, survivorCase({ survivor: { prs_FirstName: 'Tindlequarry' } }))
    const shared = await call<CasePerpetrator>(host, 'perpetrators:add', {
      caseId: first.id,
      person: { prs_FirstName: 'Morrowvexin' },
      aliases: ['Captainblix'],
      context: {},
    })
    await call(host, 'perpetrators:add', {
      caseId: second.id,
      existingPersonId: shared.personId,
      context: {},
    })
    await signInAs(host, 'amara')
    await call(host, 'cases:delete', { id: first.id, reason: 'survivorRequest' })
    const left = await call<CasePerpetrator[]>(host, 'perpetrators:list', { caseId: second.id })
    expect(left.map((p) => [p.personId, p.displayName, p.aliases, p.otherCaseCount])).toEqual([
      [shared.personId, 'Morrowvexin', ['Captainblix'], 0],
    ])
    const hits = await call<CaseSearchHit[]>(host, 'cases:search', { query: 'Captainblix' })
    expect(hits.map((hit) => hit.id)).toEqual([second.id])
    expect(await call<CaseSearchHit[]>(host, 'cases:search', { query: 'Wuzzleporth' })).toEqual([])
    const onDisk = decryptedFolder(dataDir, recoveryKey)
    expect({ deleted: has(onDisk, 'Wuzzleporth'), kept: has(onDisk, 'Tindlequarry') }).toEqual({
      deleted: false,
      kept: true,
    })
  })
})

describe('a perpetrator removed from his only case, once the vault is locked', () => {
  // The lock checkpoints and removes the WAL: the person row, zeroed by secure_delete, is gone
  // from the file (and, since the fix in erasure-forensics.test.ts, from the WAL while unlocked too).
  it('is gone from the file, his record and the search index alike', async () => {
    const { host, dataDir, recoveryKey } = await staffedHost('bilal')
    const created = await createCase(host, survivorCase({ survivorAliases: ['Keptaliasword'] }))
    const added = await call<CasePerpetrator>(host, 'perpetrators:add', {
      caseId: created.id,
      person: { prs_FirstName: 'Grozhnavetsky' },
      aliases: ['Snakeplisken'],
      context: {},
    })
    await call(host, 'perpetrators:unlink', { caseId: created.id, personId: added.personId })
    expect(await call(host, 'perpetrators:find', { query: 'Grozhna' })).toEqual([])
    expect(await call(host, 'cases:search', { query: 'Snakeplisken' })).toEqual([])
    await call(host, 'vault:lock')
    expect(existsSync(join(dataDir, 'casevault.db-wal'))).toBe(false)
    const onDisk = decryptedFolder(dataDir, recoveryKey)
    expect({
      kept: has(onDisk, 'Keptaliasword'),
      name: has(onDisk, 'Grozhnavetsky'),
      alias: has(onDisk, 'Snakeplisken'),
    }).toEqual({
      kept: true,
      name: false,
      alias: false,
    })
  })
})

describe('what a search leaves behind', () => {
  it('stores the words searched for nowhere: not in the audit log, the settings or the WAL', async () => {
    const { host, dataDir, recoveryKey } = await staffedHost('bilal')
    await createCase(host)
    const typed = 'Blorvenquist Ashtemaroo'
    expect(await call<CaseSearchHit[]>(host, 'cases:search', { query: typed })).toEqual([])
    await call(host, 'perpetrators:find', { query: 'Skrimbletoad' })
    const onDisk = decryptedFolder(dataDir, recoveryKey)
    expect(['Blorvenquist', 'Ashtemaroo', 'Skrimbletoad'].filter((word) => has(onDisk, word))).toEqual([])
    await call(host, 'vault:lock')
    const locked = decryptedFolder(dataDir, recoveryKey)
    expect(['Blorvenquist', 'Ashtemaroo', 'Skrimbletoad'].filter((word) => has(locked, word))).toEqual([])
  })
})

describe('an all-or-nothing import refused for one bad row', () => {
  it('writes no name of its rows anywhere in the file or the WAL, previewed or run', async () => {
    const { host, dataDir, recoveryKey, files } = await staffedHost('amara')
    await createCase(host)
    files.pickImportFile(
      fileWith(
        csv([
          FLAT_HEADER,
          flatRow(1, { prs_FirstName: 'Glimmerwortha' }),
          flatRow(2, { prs_FirstName: 'Pondrexilla' }),
          flatRow(3, { prs_FirstName: 'Sworvelinda', prs_Gender: 'X' }),
        ]),
        'intake.csv',
      ),
    )
    const preview = await call<ImportPreview>(host, 'import:preview', { format: 'htcds-csv' })
    expect(preview.report).toMatchObject({ valid: 2, rejected: 1 })
    const report = await call<ImportReport>(host, 'import:run', { token: preview.token, allOrNothing: true })
    expect(report).toMatchObject({ imported: 0, rejected: 1 })
    const names = ['Glimmerwortha', 'Pondrexilla', 'Sworvelinda']
    expect(names.filter((name) => has(decryptedFolder(dataDir, recoveryKey), name))).toEqual([])
    expect(names.filter((name) => tablesWith(liveRowsText(dataDir, recoveryKey), name).length > 0)).toEqual(
      [],
    )
    // Nothing left in the data folder beside the vault's own files either.
    const leftovers = readdirSync(dataDir).filter((name) =>
      readFileSync(join(dataDir, name)).includes('Pondrexilla'),
    )
    expect(leftovers).toEqual([])
  })
})

describe('an export to a file', () => {
  it('leaves no temporary or partial file beside the one saved, nor in the data folder', async () => {
    const { host, dataDir, files } = await staffedHost('amara')
    await createCase(host, survivorCase({ survivor: { prs_FirstName: 'Exportellina' } }))
    const before = readdirSync(dataDir).sort()
    const result = await call<{ file: string }>(host, 'export:run', {
      format: 'htcds-json',
      protection: { plaintext: true, confirmed: true },
    })
    expect(readFileSync(result.file, 'utf8')).toContain('Exportellina')
    expect(readdirSync(files.folder)).toEqual([basename(result.file)])
    expect(readdirSync(dataDir).sort()).toEqual(before)
  })
})
