// Checks of this session's later fixes that held (a reviewing helper's second look), the vault,
// command line and Electron side: the empty-database check refuses no real vault, the command
// line still lets good input through, operations.whenIdle, the leave question. Kept as
// regression tests; the rest are in session-later-fixes-data-held.test.ts.
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as electron from 'electron'
import { startApp, type ElectronModules, type RunningApp } from '../../main/window/start-app'
import { createOperations } from '../../main/api/operations'
import { fillWithSyntheticCases } from '../../main/core/training/fill-vault'
import { Vault } from '../../main/core/vault/vault'
import { fake } from './support/fake-electron'
import { ADMIN, TEST_KDF, createdVault, tempDir, testVault } from './support/temp-vault'
import { count } from './support/import-fixtures'
import { runCommand } from './support/cli-run'

vi.mock('electron', async () => (await import('./support/fake-electron')).fakeElectronModule)

describe('the empty-database check (d1d7bf1) refuses no real vault', () => {
  it('a vault just created, locked and unlocked again', async () => {
    const { vault } = await createdVault()
    vault.lock('user')
    await expect(vault.unlock(ADMIN.username, ADMIN.passphrase)).resolves.toBeTruthy()
  })

  it('a vault copied while open (its newest pages still in the WAL), as a crash leaves it', async () => {
    const { vault } = await createdVault()
    const session = vault.session()!
    session.db.pragma('wal_autocheckpoint = 0')
    fillWithSyntheticCases(session, 5, { seed: 3, today: new Date('2026-05-01T12:00:00Z') })
    const copy = tempDir()
    for (const name of ['vault.json', 'casevault.db', 'casevault.db-wal'])
      if (existsSync(join(vault.dataDir, name))) copyFileSync(join(vault.dataDir, name), join(copy, name))
    expect(existsSync(join(copy, 'casevault.db-wal'))).toBe(true)
    const reopened = new Vault({ dataDir: copy, kdf: TEST_KDF, allowKdfBelowFloor: true })
    try {
      const unlocked = await reopened.unlock(ADMIN.username, ADMIN.passphrase)
      expect(count(unlocked, 'cases')).toBe(5)
    } finally {
      reopened.lock('user')
    }
  })

  it('an empty database file is refused and left empty', async () => {
    const dataDir = tempDir()
    const made = testVault({ dataDir })
    await made.create(ADMIN)
    made.lock('user')
    rmSync(join(dataDir, 'casevault.db-wal'), { force: true })
    rmSync(join(dataDir, 'casevault.db-shm'), { force: true })
    writeFileSync(join(dataDir, 'casevault.db'), '')
    const again = testVault({ dataDir })
    await expect(again.unlock(ADMIN.username, ADMIN.passphrase)).rejects.toMatchObject({ code: 'DB_CORRUPT' })
    expect(readFileSync(join(dataDir, 'casevault.db')).length).toBe(0)
  })
})

describe('the command line checks (d1d7bf1) that must still let good input through', () => {
  it('--k with a de-identified format is still taken', async () => {
    const { vault } = await createdVault()
    vault.lock('user')
    const out = join(tempDir(), 'rows.csv')
    const result = await runCommand(
      [
        'export',
        '--data',
        vault.dataDir,
        '--user',
        ADMIN.username,
        '--format',
        'deidentified-csv',
        '--k',
        '5',
        '--out',
        out,
        '--plaintext',
      ],
      `${ADMIN.passphrase}\n`,
    )
    expect(result.exit).toBe(0)
  })

  it('a UTF-16 big-endian passphrase file opens the vault too', async () => {
    const { vault } = await createdVault()
    vault.lock('user')
    const be = Buffer.from(`${ADMIN.passphrase}\r\n`, 'utf16le').swap16()
    const result = await runCommand(
      ['verify', '--data', vault.dataDir, '--user', ADMIN.username],
      Buffer.concat([Buffer.from([0xfe, 0xff]), be]),
    )
    expect(result.err).toEqual([])
    expect(result.exit).toBe(0)
  })
})

describe('operations.whenIdle (0d0b287)', () => {
  it('resolves at once when nothing runs, and at its cap when an operation never settles', async () => {
    const operations = createOperations(() => {})
    const started = Date.now()
    await operations.whenIdle(5_000)
    expect(Date.now() - started).toBeLessThan(1_000)
    void operations.run('export', () => new Promise<never>(() => {}))
    const capped = Date.now()
    await operations.whenIdle(100)
    expect(Date.now() - capped).toBeGreaterThanOrEqual(90)
    expect(Date.now() - capped).toBeLessThan(3_000)
  })

  it('waits for work that winds down after a cancel, and for nothing started after it', async () => {
    const operations = createOperations(() => {})
    let finished = false
    const running = operations
      .run(
        'export',
        (signal) =>
          new Promise<void>((resolve) =>
            signal.addEventListener('abort', () => setTimeout(() => ((finished = true), resolve()), 50)),
          ),
      )
      .catch(() => undefined)
    operations.cancelAll()
    await operations.whenIdle(5_000)
    expect(finished).toBe(true)
    await running
  })
})

describe('the leave question (0d0b287)', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'casevault-zz-review2-held-'))
  afterAll(() => rmSync(scratch, { recursive: true, force: true }))
  let running: RunningApp | null = null
  beforeEach(() => fake.reset())
  afterEach(() => {
    running?.host.dispose()
    running = null
  })

  async function start() {
    fake.app.userData = join(scratch, 'user-data')
    const started = await startApp(electron as unknown as ElectronModules, {
      mainDir: join(scratch, 'app', 'out', 'main'),
      argv: ['casevault', '--data', mkdtempSync(join(scratch, 'data-'))],
      env: {},
      cwd: scratch,
    })
    running = started!
    return fake.BrowserWindow.instances[0]!
  }

  it.each([
    ['Stay', 1, false],
    ['Leave without saving', 0, true],
  ] as const)('%s: the window closes only when the user chose to leave', async (_, answer, leaves) => {
    const window = await start()
    fake.dialog.messageBoxAnswer = answer
    fake.dialog.calls = []
    const event = { preventDefault: vi.fn() }
    window.webContents.emit('will-prevent-unload', event)
    // Asked without blocking main (showMessageBox): the unload stays cancelled, and Leave destroys
    // the window once the answer comes.
    await vi.waitFor(() => expect(fake.dialog.calls.length).toBeGreaterThan(0))
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(event.preventDefault).not.toHaveBeenCalled()
    expect(window.isDestroyed()).toBe(leaves)
    const [, options] = fake.dialog.calls.at(-1) as [
      unknown,
      { cancelId: number; defaultId: number; buttons: string[] },
    ]
    // Escape and Enter both keep the page: leaving takes a deliberate click.
    expect(options).toMatchObject({ cancelId: 1, defaultId: 1 })
    expect(options.buttons[1]).toBe('Stay')
  })
})
