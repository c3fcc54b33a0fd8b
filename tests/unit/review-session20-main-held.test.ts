// A reviewing helper's checks of today's main-process fixes (54d3f70..HEAD) that HOLD: each passes
// on the current code and guards behaviour a later change could break.
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { Vault } from '../../main/core/vault/vault'
import { createUserService } from '../../main/core/users/user-service'
import { UNLOCK_ATTEMPTS_FILE } from '../../main/core/vault/unlock-attempts-file'
import { readCsv } from '../../main/core/import/read-csv'
import {
  ADMIN,
  call,
  createdVault,
  folderFileAccess,
  tempDir,
  TEST_KDF,
  testHost,
} from './support/temp-vault'
import { createCase, staffedHost } from './support/case-fixtures'
import { movableClocks } from './support/movable-clocks'
import type { BackupResult } from '../../main/api/contract'

afterEach(() => {
  vi.restoreAllMocks()
})

const NEW_USER = {
  username: 'efua',
  displayName: 'Efua Mensah',
  role: 'caseworker' as const,
  passphrase: 'lantern orchard pebble 4471 velvet',
}

const enc = (text: string) => new TextEncoder().encode(text)

describe('a new user: slot prepared first, then row + slot + audit (user-service.ts)', () => {
  it('a creation whose vault.json was replaced during Argon2 leaves no users row, and the name stays free', async () => {
    const { vault } = await createdVault()
    const session = vault.session()!
    const users = createUserService(vault)
    const creating = users.create(session, NEW_USER)
    // vault.json replaced while Argon2 runs (another copy of the folder synced in).
    const headerFile = join(vault.dataDir, 'vault.json')
    const original = readFileSync(headerFile, 'utf8')
    const header = JSON.parse(original) as { vaultId: string }
    writeFileSync(headerFile, JSON.stringify({ ...header, vaultId: '00000000-0000-4000-8000-000000000000' }))
    await expect(creating).rejects.toMatchObject({ code: 'CONFLICT' })
    expect(session.users.findByUsername(NEW_USER.username)).toBeUndefined()
    writeFileSync(headerFile, original)
    await users.create(session, NEW_USER)
    vault.lock('user')
    await expect(vault.unlock(NEW_USER.username, NEW_USER.passphrase)).resolves.toBeTruthy()
  })

  it('a lock during Argon2 leaves no row, and the name can be used again', async () => {
    const { vault } = await createdVault()
    const session = vault.session()!
    const users = createUserService(vault)
    const creating = users.create(session, NEW_USER)
    vault.lock('user')
    await expect(creating).rejects.toMatchObject({ code: 'LOCKED' })
    const again = await vault.unlock(ADMIN.username, ADMIN.passphrase)
    expect(again.users.findByUsername(NEW_USER.username)).toBeUndefined()
    await users.create(again, NEW_USER)
    vault.lock('user')
    await expect(vault.unlock(NEW_USER.username, NEW_USER.passphrase)).resolves.toBeTruthy()
  })

  it('two creations of one name at once (a double click, the second differently cased): one account, and it unlocks', async () => {
    const { vault } = await createdVault()
    const session = vault.session()!
    const users = createUserService(vault)
    const results = await Promise.allSettled([
      users.create(session, NEW_USER),
      users.create(session, {
        ...NEW_USER,
        username: 'EFUA',
        passphrase: 'another pebble 8812 orchard lantern',
      }),
    ])
    expect(results.map((result) => result.status).sort()).toEqual(['fulfilled', 'rejected'])
    vault.lock('user')
    await expect(vault.unlock(NEW_USER.username, NEW_USER.passphrase)).resolves.toBeTruthy()
  })

  it('a second program creating the same name (its own service on the same folder) is refused, the first account still unlocks', async () => {
    const { vault } = await createdVault()
    const other = new Vault({ dataDir: vault.dataDir, kdf: TEST_KDF, allowKdfBelowFloor: true })
    try {
      const otherSession = await other.unlock(ADMIN.username, ADMIN.passphrase)
      const results = await Promise.allSettled([
        createUserService(vault).create(vault.session()!, NEW_USER),
        createUserService(other).create(otherSession, {
          ...NEW_USER,
          passphrase: 'another pebble 8812 orchard lantern',
        }),
      ])
      expect(results.map((result) => result.status).sort()).toEqual(['fulfilled', 'rejected'])
      const winner =
        results[0]!.status === 'fulfilled' ? NEW_USER.passphrase : 'another pebble 8812 orchard lantern'
      other.lock('user')
      vault.lock('user')
      await expect(vault.unlock(NEW_USER.username, winner)).resolves.toBeTruthy()
    } finally {
      other.lock('user')
    }
  })
})

describe('unlock-attempts.json (unlock-throttle.ts, unlock-audit.ts)', () => {
  it('the delay survives a restart, the file goes on success, and attempts typed in another case are one account’s rows', async () => {
    const { vault } = await createdVault()
    vault.lock('user')
    for (const name of ['amara', 'AMARA', 'Amara'])
      await expect(vault.unlock(name, 'not the right one at all')).rejects.toMatchObject({
        code: 'WRONG_PASSPHRASE',
      })
    const restarted = new Vault({ dataDir: vault.dataDir, kdf: TEST_KDF, allowKdfBelowFloor: true })
    await expect(restarted.unlock(ADMIN.username, ADMIN.passphrase)).rejects.toMatchObject({
      code: 'TOO_MANY_ATTEMPTS',
    })
    await new Promise((resolve) => setTimeout(resolve, 1100))
    const session = await restarted.unlock(ADMIN.username, ADMIN.passphrase)
    const refused = session.audit.list(50).filter((row) => row.action === 'session.unlock_refused')
    expect(refused).toHaveLength(1)
    expect(refused[0]!.details).toMatchObject({ failedAttempts: 3 })
    restarted.lock('user')
    expect(() => readFileSync(join(vault.dataDir, UNLOCK_ATTEMPTS_FILE))).toThrow()
  })

  it('a file with negative counts or garbage is ignored: the vault unlocks', async () => {
    const { vault } = await createdVault()
    vault.lock('user')
    writeFileSync(
      join(vault.dataDir, UNLOCK_ATTEMPTS_FILE),
      JSON.stringify({
        failures: -5,
        notBefore: Date.now() + 60_000,
        failuresSinceLastUnlock: -1,
        byUser: [],
      }),
    )
    const restarted = new Vault({ dataDir: vault.dataDir, kdf: TEST_KDF, allowKdfBelowFloor: true })
    await expect(restarted.unlock(ADMIN.username, ADMIN.passphrase)).resolves.toBeTruthy()
    restarted.lock('user')
  })
})

describe('controls for the failing tests', () => {
  it('the idle lock does lock a watched, stalled export when both clocks move 8 hours (the only difference in the failing test is sleep)', async () => {
    const access = folderFileAccess(tempDir())
    let writing: () => void = () => undefined
    const started = new Promise<void>((resolve) => (writing = resolve))
    access.files.write = (_path, _data, signal) => {
      writing()
      return new Promise<void>((_resolve, reject) =>
        signal?.addEventListener('abort', () => reject(new Error('aborted'))),
      )
    }
    const { host } = testHost(tempDir(), access)
    await call(host, 'vault:create', ADMIN)
    await createCase(host)
    const exporting = host.dispatch('export:run', {
      format: 'htcds-json',
      protection: { plaintext: true, confirmed: true },
    })
    await started
    const clocks = movableClocks()
    await host.checkIdle(5)
    clocks.pass(8 * 3600_000)
    await host.checkIdle(8 * 3600)
    const state = (await call<{ state: string }>(host, 'vault:status')).state
    host.dispose()
    await exporting
    expect(state).toBe('locked')
  })

  it('a restore with no account change after the backup is not asked about newer work', async () => {
    const PASS = 'quiet walnut ferry orbit 1987 maple'
    const { host, files } = await staffedHost(ADMIN.username)
    const made = await call<BackupResult>(host, 'backup:create', { passphrase: PASS })
    files.files.chooseBackupFile = async () => made.file
    const restored = await host.dispatch('backup:restore', { passphrase: PASS })
    host.dispose()
    expect(restored.ok ? 'OK' : restored.error).toBe('OK')
  })
})

describe('CSV read row by row after text past a closing quote (read-csv.ts)', () => {
  const cells = (text: string) => readCsv(enc(text)).rows.map((row) => [row.row, row.cells])

  it('keeps quoted line breaks, a BOM, ; and tab delimiters, CR-only rows, escaped quotes and row numbers', () => {
    expect(cells('Name,Notes\r\n"Survivor1" ,"line one\nline two"\r\n"x" y,z\r\n')).toEqual([
      [2, ['Survivor1', 'line one\nline two']],
      [3, ['"x" y', 'z']],
    ])
    expect(cells('\uFEFFName;Notes\n"A" ;b\n"x" y;z\n')).toEqual([
      [2, ['A', 'b']],
      [3, ['"x" y', 'z']],
    ])
    expect(cells('Name\tNotes\r"A" \tb\r"x" y\tz\r')).toEqual([
      [2, ['A', 'b']],
      [3, ['"x" y', 'z']],
    ])
    expect(cells('Name,Notes\n\n"say ""hi""" ,c\n\n"x" y,z')).toEqual([
      [3, ['say "hi"', 'c']],
      [5, ['"x" y', 'z']],
    ])
  })

  it('an unclosed quote after such a row is reported at its row, the rows before kept', () => {
    const table = readCsv(enc('Name,Notes\n"A" ,b\n"x" y,z\n"open,q\n'))
    expect(table.rows).toHaveLength(2)
    expect(table.problems).toMatchObject([{ row: 4, code: 'quoteNotClosed' }])
  })

  it('60 000 rows with one such row are read in a few seconds', () => {
    const lines = ['Name,Notes', '"x" y,z']
    for (let n = 0; n < 60_000; n += 1) lines.push(`"Survivor${n}" ,note ${n}`)
    const started = performance.now()
    const table = readCsv(enc(lines.join('\r\n')))
    expect(table.rows).toHaveLength(60_001)
    expect(table.rows[60_000]!.cells).toEqual(['Survivor59999', 'note 59999'])
    expect(performance.now() - started).toBeLessThan(10_000)
  })
})
