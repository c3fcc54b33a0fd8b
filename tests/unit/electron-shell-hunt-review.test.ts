// A reviewing helper's hunt in the Electron shell (main/index.ts, main/window/*): each test here
// failed on the code before its fix (session 21) and names one defect. Only `electron` is faked (support/fake-electron.ts);
// the API host and the encrypted vault behind it are real.
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { fake } from './support/fake-electron'
import { ADMIN } from './support/temp-vault'
import { disposeRunning, ipc, scratch, startOn, startUnlocked } from './support/electron-shell'
import { resolveDataDir } from '../../main/window/data-dir'
import { DATABASE_FILE } from '../../main/core/vault/vault-header'

vi.mock('electron', async () => (await import('./support/fake-electron')).fakeElectronModule)

afterAll(() => rmSync(scratch, { recursive: true, force: true }))

/** Every way main can speak to the user through a system dialog, recorded. */
function recordDialogs() {
  const shown: unknown[][] = []
  const record =
    (name: string, answer: unknown) =>
    (...args: unknown[]) => {
      shown.push([name, ...args])
      return answer
    }
  Object.assign(fake.dialog, {
    showErrorBox: vi.fn(record('showErrorBox', undefined)),
    showMessageBox: vi.fn(record('showMessageBox', Promise.resolve({ response: 0, checkboxChecked: false }))),
    showMessageBoxSync: vi.fn(record('showMessageBoxSync', 0)),
  })
  return shown
}

describe('the Electron shell (hunt)', () => {
  beforeEach(() => fake.reset())
  afterEach(() => {
    disposeRunning()
    vi.restoreAllMocks()
  })

  // WHAT: a trainer has the real vault open, then starts the training shortcut
  // (`casevault --data ./training`, README "Training vaults"), or a field worker starts the USB
  // stick's shortcut while the office vault is open. HAPPENS: the second instance quits at once and
  // the first one only brings its window forward: no word that the folder asked for was NOT opened.
  // Trainees then "practise" on real survivor records, or real cases are typed into the training
  // vault. SHOULD: when the second start names another data folder, the user is told (in words from
  // the catalog) that CaseVault is already open on a different vault. CAUSE: start-app.ts:99-104
  // ignores the `argv`/`workingDirectory` Electron passes to 'second-instance'.
  it('tells the user when a second start asks for another data folder than the one open', async () => {
    const officeVault = mkdtempSync(join(scratch, 'office-'))
    const trainingVault = mkdtempSync(join(scratch, 'training-'))
    const { window } = await startOn(officeVault, true)
    const shown = recordDialogs()
    const focus = vi.spyOn(window, 'focus')

    fake.app.emit('second-instance', {}, ['casevault', '--data', trainingVault], scratch, {})

    expect(focus).toHaveBeenCalled() // today: the office vault's window comes forward…
    expect(shown.length, 'a dialog saying the training folder was not opened').toBeGreaterThan(0)
  })

  // WHAT: the renderer process dies (out of memory on a large import preview, a GPU/driver crash,
  // killed by the OS). HAPPENS: nothing in main listens for 'render-process-gone': the window stays
  // a blank frame for good, with the vault still unlocked in main and no message; the only way out
  // is to close the window. SHOULD: main brings the page back (reload the renderer, locking the
  // vault first if preferred) so the caseworker sees the app, or at least an explanation.
  // CAUSE: start-app.ts (after createMainWindow, ~line 79) has no 'render-process-gone' handler.
  it('brings the page back after the renderer process crashes', async () => {
    const { window } = await startOn(mkdtempSync(join(scratch, 'data-')), true)
    const loadFile = vi.spyOn(window, 'loadFile')
    const reload = vi.fn()
    Object.assign(window.webContents, { reload, loadFile: vi.fn(), loadURL: vi.fn() })

    window.webContents.emit(
      'render-process-gone',
      { preventDefault: () => undefined },
      {
        reason: 'crashed',
        exitCode: 139,
      },
    )
    await new Promise((resolve) => setTimeout(resolve, 50))

    const reloads =
      loadFile.mock.calls.length +
      reload.mock.calls.length +
      (window.webContents as unknown as { loadFile: ReturnType<typeof vi.fn> }).loadFile.mock.calls.length
    expect(reloads, 'the page is loaded again after the crash').toBeGreaterThan(0)
  })

  // WHAT: the data folder cannot be made: the shortcut's `--data E:\CaseVault` names a USB stick
  // that is not plugged in, the path is a file, or the folder is read-only. HAPPENS: startApp
  // rejects before any window exists; main/index.ts writes the error to stderr (nobody sees it on a
  // double-click) and exits: the app "does nothing". SHOULD: a system error box (words from the
  // catalog) says the data folder could not be opened and which setting names it, then exit.
  // CAUSE: main/index.ts:16-19 (console.error + app.exit(1), no dialog.showErrorBox).
  it('says why in a dialog when the app cannot start on its data folder, instead of vanishing', async () => {
    const notAFolder = join(scratch, 'vault-is-a-file')
    writeFileSync(notAFolder, 'not a folder')
    const shown = recordDialogs()
    const exit = vi.spyOn(fake.app, 'exit')
    vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const argv = process.argv
    process.argv = [...argv, '--data', notAFolder]
    try {
      await import('../../main/index')
      await vi.waitFor(() => expect(exit).toHaveBeenCalledWith(1))
    } finally {
      process.argv = argv
    }
    expect(fake.BrowserWindow.instances).toHaveLength(0)
    expect(shown.length, 'an error box before the exit').toBeGreaterThan(0)
  })

  // WHAT: a caseworker with unsaved edits on a survivor's case closes the window, gets "Leave
  // without saving?" and walks away (or shuts the lid) without answering. HAPPENS: the question is
  // dialog.showMessageBoxSync, which "will block the process until the message box is closed"
  // (Electron's own typings, electron.d.ts:8270): main's JavaScript stops, so the 30-second idle
  // check, powerMonitor 'suspend' and 'lock-screen' never run while it is open. The vault stays
  // unlocked, the case form visible behind the question, for as long as nobody answers.
  // SHOULD: the question is asked without blocking main (dialog.showMessageBox; on "Leave",
  // window.destroy()), so auto-lock and screen-lock keep working while it is open.
  // CAUSE: main/window/leave-question.ts:16 (showMessageBoxSync inside 'will-prevent-unload').
  it('asks the leave question without blocking main, so the idle and screen locks still work meanwhile', async () => {
    const { window } = await startUnlocked()
    const shown = recordDialogs()
    window.webContents.emit('will-prevent-unload', { preventDefault: vi.fn() })
    const blocking = shown.filter(([name]) => name === 'showMessageBoxSync')
    expect(shown.length, 'the user is asked').toBeGreaterThan(0)
    expect(blocking, 'asked with a dialog that blocks the main process').toEqual([])
  })

  // WHAT: a vault created in a folder given with --data (an existing folder on a shared Linux
  // machine, a team drive). HAPPENS: vault.json and the in-use marker are written 0600, but the
  // encrypted database and its -wal/-shm are created by SQLite with its default 0644 (less umask):
  // any local account can copy the whole case database. A restored vault is 0600 throughout
  // (backup-file-attacks-held), so the two disagree. SHOULD: the database files are owner-only
  // (0600) from the moment they exist. CAUSE: main/core/db/connection.ts:91 (new Database creates
  // the file with SQLite's default mode); start-app.ts never sets a private umask.
  it('creates the database and its WAL owner-only (0600), as vault.json is', async () => {
    const dataDir = join(scratch, 'team-drive')
    mkdirSync(dataDir)
    chmodSync(dataDir, 0o755)
    await startOn(dataDir, true)
    const created = await ipc('vault:create', ADMIN)
    expect(created.ok).toBe(true)

    const modes = Object.fromEntries(
      readdirSync(dataDir)
        .filter((name) => name.startsWith(DATABASE_FILE) || name === 'vault.json')
        .map((name) => [name, (statSync(join(dataDir, name)).mode & 0o777).toString(8)]),
    )
    expect(modes).toEqual({
      'vault.json': '600',
      [DATABASE_FILE]: '600',
      [`${DATABASE_FILE}-wal`]: '600',
      [`${DATABASE_FILE}-shm`]: '600',
    })
  })
})

describe('the portable data folder (hunt)', () => {
  beforeEach(() => fake.reset())
  afterEach(() => disposeRunning())

  // WHAT: an administrator sets CASEVAULT_DATA (or --data) to the place the vault used to live, the
  // app's per-user folder itself (%APPDATA%\casevault, ~/.config/casevault), to "pin" it. HAPPENS:
  // that folder is used as the vault folder, with Chromium's profile (Local State, caches, its
  // lock file) inside it: the very layout data-dir.ts:3-7 says breaks a restore (the whole data
  // folder is renamed: Windows refuses while Chromium holds files in it, and elsewhere Chromium's
  // profile goes into the rollback copy). SHOULD: a data folder naming the per-user folder is
  // taken as the default (its `vault` folder, moving an old vault in), never the profile folder.
  // CAUSE: main/window/start-app.ts:146-148 (only the default path gets this treatment).
  it('never uses Electron’s per-user folder itself as the vault folder, even when named with --data', async () => {
    const userData = mkdtempSync(join(scratch, 'user-data-'))
    writeFileSync(join(userData, 'Local State'), '{}')
    fake.app.userData = userData
    const { startApp } = await import('../../main/window/start-app')
    const electron = await import('electron')
    const running = await startApp(electron as never, {
      mainDir: join(scratch, 'app', 'out', 'main'),
      argv: ['casevault'],
      env: { CASEVAULT_DATA: userData },
      cwd: scratch,
    })
    try {
      expect(running!.dataDir).not.toBe(userData)
    } finally {
      running?.host.dispose()
    }
  })

  // WHAT: a field team's shortcut reads `casevault --data` with its folder missing (or
  // `--data=` with an empty value, e.g. an unset variable in a launcher script). HAPPENS: the
  // argument is skipped without a word and the vault goes to the host's per-user folder — exactly
  // what the portable mode exists to avoid (data-dir.ts: "without leaving the vault on the host");
  // the first-run screen then creates a new vault on the host. SHOULD: a --data with no folder is
  // refused (an error the start reports), never silently replaced by the per-user folder.
  // CAUSE: main/window/data-dir.ts:24-31 (a missing value falls through to the default).
  it('refuses a --data given without a folder rather than using the host’s per-user folder', () => {
    const userData = join(scratch, 'user-data')
    for (const argv of [
      ['casevault', '--data'],
      ['casevault', '--data='],
      ['casevault', '--data', '--no-sandbox'],
    ])
      expect(() => resolveDataDir(argv, {}, userData, scratch), argv.join(' ')).toThrow()
  })
})
