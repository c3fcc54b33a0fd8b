// Forensic review of erasure (a survivor asks to be forgotten): checks that hold on the current code.
// The examiner has a copy of the data folder and the vault's raw key (what a staff passphrase
// unwraps; here the recovery key, which is the raw key): every page of casevault.db and every
// frame of casevault.db-wal is decrypted, free pages and FTS5 shadow tables included, and every
// row of every table of a copy of the database is read as text.
import { describe, expect, it } from 'vitest'
import { copyFileSync, existsSync, readFileSync, readdirSync, statSync } from 'node:fs'
import { createDecipheriv } from 'node:crypto'
import { basename, join } from 'node:path'
import Database from 'better-sqlite3-multiple-ciphers'
import { call, tempDir } from './support/temp-vault'
import { createCase, signInAs, staffedHost, survivorCase } from './support/case-fixtures'
import { outgoingReferral, survivorConsent } from './support/referral-fixtures'
import { currentTemplateId } from './support/screening-fixtures'
import { decryptAllPages } from './support/sqlcipher-pages'
import { csv, FLAT_HEADER, fileWith, flatRow } from './support/import-fixtures'
import { parseRecoveryKey } from '../../main/core/vault/recovery-key'
import type {
  AttachmentSummary,
  CaseDetail,
  CasePerpetrator,
  CaseSearchHit,
  ImportPreview,
  ImportReport,
  ReferralDetail,
} from '../../main/api/contract'

type Host = Awaited<ReturnType<typeof staffedHost>>['host']

/** Every page image in a SQLCipher WAL file (32-byte header; frames of a 24-byte header + page). */
function decryptWalFrames(path: string, rawKey: Buffer): Buffer[] {
  const wal = existsSync(path) ? readFileSync(path) : Buffer.alloc(0)
  const pages: Buffer[] = []
  for (let offset = 32; offset + 24 + 4096 <= wal.length; offset += 24 + 4096) {
    const page = wal.subarray(offset + 24, offset + 24 + 4096)
    const decipher = createDecipheriv('aes-256-cbc', rawKey, page.subarray(4016, 4032)).setAutoPadding(false)
    pages.push(Buffer.concat([decipher.update(page.subarray(0, 4016)), decipher.final()]))
  }
  return pages
}

/** What a forensic copy of the folder gives back, decrypted: database pages and WAL frames. */
function decryptedFolder(dataDir: string, recoveryKey: string): Buffer {
  const key = parseRecoveryKey(recoveryKey)
  return Buffer.concat([
    ...decryptAllPages(join(dataDir, 'casevault.db'), key),
    ...decryptWalFrames(join(dataDir, 'casevault.db-wal'), key),
  ])
}

/** Every row of every table (shadow tables included) of a copy of the vault, as text. */
function liveRowsText(dataDir: string, recoveryKey: string): Record<string, string> {
  const copy = tempDir()
  copyFileSync(join(dataDir, 'casevault.db'), join(copy, 'casevault.db'))
  if (existsSync(join(dataDir, 'casevault.db-wal')))
    copyFileSync(join(dataDir, 'casevault.db-wal'), join(copy, 'casevault.db-wal'))
  const db = new Database(join(copy, 'casevault.db'))
  try {
    db.pragma(`cipher='sqlcipher'`)
    db.pragma('legacy=4')
    db.pragma(`key="x'${parseRecoveryKey(recoveryKey).toString('hex')}'"`)
    const tables = db
      .prepare<[], string>(
        `SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%'`,
      )
      .pluck()
      .all()
    const text: Record<string, string> = {}
    for (const table of tables) {
      const rows = db.prepare(`SELECT * FROM "${table}"`).all() as Record<string, unknown>[]
      text[table] = rows
        .map((row) =>
          Object.values(row)
            .map((value) => (Buffer.isBuffer(value) ? value.toString('latin1') : String(value)))
            .join('\u0001'),
        )
        .join('\n')
    }
    return text
  } finally {
    db.close()
  }
}

const has = (bytes: Buffer, text: string) =>
  bytes.includes(Buffer.from(text)) || bytes.includes(Buffer.from(text.toLowerCase()))

const tablesWith = (rows: Record<string, string>, text: string) =>
  Object.entries(rows)
    .filter(([, body]) => body.includes(text) || body.toLowerCase().includes(text.toLowerCase()))
    .map(([table]) => table)

const MARK = {
  first: 'Quorvanthia',
  second: 'Zelmirovska',
  alias: 'Plinkettbloom',
  comment: 'Vrestomarkle',
  perpetrator: 'Gruxtavenko',
  attachment: 'Snorblequaint',
  referral: 'Drovimpaltry',
  counterpart: 'Yentashroud',
  consentName: 'Kwibblesnath',
  screening: 'Fenwarstoop',
  plan: 'Haxelbrunde',
}

/** A case carrying the markers in every part a case has; signed in as bilal. */
async function caseWithEverything(host: Host) {
  const gone = await createCase(
    host,
    survivorCase({
      survivor: {
        prs_FirstName: MARK.first,
        prs_SecondName: MARK.second,
        prs_Birthdate: '2001-07-02',
        prs_Gender: 'Feminine',
        prs_Citizenship: ['UA', 'MD'],
      },
      survivorAliases: [MARK.alias],
    }),
  )
  await call(host, 'comments:add', {
    caseId: gone.id,
    body: `${MARK.comment} said the recruiter kept her passport`,
  })
  await call<CasePerpetrator>(host, 'perpetrators:add', {
    caseId: gone.id,
    person: { prs_FirstName: MARK.perpetrator, prs_SecondName: 'Boss' },
    aliases: [],
    context: {},
  })
  await call<AttachmentSummary>(host, 'attachments:add', {
    caseId: gone.id,
    fileName: 'statement.txt',
    content: new TextEncoder().encode(`${MARK.attachment} `.repeat(2000)),
  })
  const referral = await call<ReferralDetail>(
    host,
    'referrals:create',
    outgoingReferral(gone.id, {
      details: `${MARK.referral} needs a lawyer`,
      counterpartCaseworker: `Ms. ${MARK.counterpart}`,
    }),
  )
  await call(host, 'referrals:recordConsent', survivorConsent(referral.id, { givenByName: MARK.consentName }))
  await call(host, 'screening:createAssessment', {
    templateId: await currentTemplateId(host),
    caseId: gone.id,
    assessedOn: '2026-03-10',
    channel: 'caseReview',
    answers: { historyOfAbuse: 'risk', householdDebt: 'risk', legalStatus: 'risk', age: 'protective' },
    nextStep: 'referToServices',
    nextStepNote: `${MARK.screening} to be seen by the clinic`,
  })
  await call(host, 'referrals:createSupportPlan', {
    caseId: gone.id,
    referralId: referral.id,
    type: 'Legal',
    objectives: `${MARK.plan} represented at the labour court`,
    startDate: '2026-03-26',
  })
  return gone
}

describe('a case deleted at the survivor’s request, as a forensic examiner finds the folder', () => {
  it('leaves none of its parts in any page, WAL frame or live row, right after the deletion', async () => {
    const { host, dataDir, recoveryKey } = await staffedHost('bilal')
    const kept = await createCase(host, survivorCase({ survivorAliases: ['Keptaliasword'] }))
    const gone = await caseWithEverything(host)
    await signInAs(host, 'amara')
    await call(host, 'cases:delete', { id: gone.id, reason: 'survivorRequest' })

    // While the vault is still unlocked (a copy of the folder taken now).
    const onDisk = decryptedFolder(dataDir, recoveryKey)
    expect(has(onDisk, 'Keptaliasword')).toBe(true) // the decryption works
    const rows = liveRowsText(dataDir, recoveryKey)
    const found = Object.fromEntries(
      Object.entries(MARK).map(([part, marker]) => [
        part,
        { pages: has(onDisk, marker), rows: tablesWith(rows, marker) },
      ]),
    )
    expect(found).toEqual(
      Object.fromEntries(Object.keys(MARK).map((part) => [part, { pages: false, rows: [] }])),
    )
    // The other case is whole.
    const other = await call<CaseDetail>(host, 'cases:get', { id: kept.id })
    expect(other.survivor.aliases).toEqual(['Keptaliasword'])
  })

  it('leaves no orphaned person, citizenship, referral, consent, screening or plan row', async () => {
    const { host, dataDir, recoveryKey } = await staffedHost('bilal')
    await createCase(host)
    const gone = await caseWithEverything(host)
    await signInAs(host, 'amara')
    await call(host, 'cases:delete', { id: gone.id, reason: 'survivorRequest' })
    await call(host, 'vault:lock')
    const db = new Database(join(dataDir, 'casevault.db'), { fileMustExist: true })
    try {
      db.pragma(`cipher='sqlcipher'`)
      db.pragma('legacy=4')
      db.pragma(`key="x'${parseRecoveryKey(recoveryKey).toString('hex')}'"`)
      const n = (sql: string) => (db.prepare(sql).get() as { n: number }).n
      expect({
        persons: n('SELECT count(*) AS n FROM persons'),
        orphans: n(
          `SELECT count(*) AS n FROM persons p WHERE NOT EXISTS (SELECT 1 FROM cases c WHERE c.survivor_id = p.id)
           AND NOT EXISTS (SELECT 1 FROM case_perpetrators cp WHERE cp.person_id = p.id)`,
        ),
        citizenships: n(
          'SELECT count(*) AS n FROM person_citizenships WHERE person_id NOT IN (SELECT id FROM persons)',
        ),
        referrals: n('SELECT count(*) AS n FROM referrals'),
        consents: n('SELECT count(*) AS n FROM referral_consents'),
        history: n('SELECT count(*) AS n FROM referral_status_history'),
        assessments: n('SELECT count(*) AS n FROM assessments'),
        plans: n('SELECT count(*) AS n FROM support_plans'),
        attachments: n('SELECT count(*) AS n FROM attachments'),
        comments: n('SELECT count(*) AS n FROM case_comments'),
        search: n('SELECT count(*) AS n FROM case_search'),
        freelist: (db.pragma('freelist_count', { simple: true }) as number) >= 0,
      }).toEqual({
        persons: 1,
        orphans: 0,
        citizenships: 0,
        referrals: 0,
        consents: 0,
        history: 0,
        assessments: 0,
        plans: 0,
        attachments: 0,
        comments: 0,
        search: 1,
        freelist: true,
      })
      // The audit log outlives the case: ids, counts and codes only, no marker anywhere in it.
      const audit = (db.prepare('SELECT action, target, details FROM audit_log').all() as object[])
        .map((row) => JSON.stringify(row))
        .join('\n')
      expect(
        Object.values(MARK).filter((marker) => audit.toLowerCase().includes(marker.toLowerCase())),
      ).toEqual([])
      expect(audit).toContain('survivorRequest')
    } finally {
      db.close()
    }
  })

  it('leaves no plaintext marker in any other file of the data folder', async () => {
    const { host, dataDir } = await staffedHost('bilal')
    const gone = await caseWithEverything(host)
    await signInAs(host, 'amara')
    await call(host, 'cases:delete', { id: gone.id, reason: 'survivorRequest' })
    const files: string[] = []
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name)
        if (statSync(path).isDirectory()) walk(path)
        else files.push(path)
      }
    }
    walk(dataDir)
    const leaking = files.filter((path) => {
      const bytes = readFileSync(path)
      return Object.values(MARK).some((marker) => has(bytes, marker))
    })
    expect(leaking).toEqual([])
  })
})

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
