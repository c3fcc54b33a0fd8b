import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { App, BrowserWindow, Dialog, IpcMain, PowerMonitor, Session } from 'electron'
import { LOCKED_EVENT_CHANNEL, PROGRESS_EVENT_CHANNEL } from '../api/contract/channels'
import type { ApiHost } from '../api/host-types'
import { createApiHost } from '../api/host'
import { registerIpc } from '../ipc'
import { createMainWindow, loadRendererPage } from './create-window'
import { makeDataFolder, resolveDataDir, VAULT_FOLDER_IN_USER_DATA } from './data-dir'
import { moveOldRollbackCopies, moveVaultFromOldFolder } from './legacy-vault-folder'
import { finishInterruptedSwap, swapJournalPath } from '../core/backup/swap-journal'
import { dialogFileAccess } from './dialog-file-access'
import { hardenSession, hardenWebContents, isTrustedRendererUrl } from './security'
import { askBeforeUnload } from './leave-question'
import { recoverFromPageCrash } from './page-crash'
import { answerSecondStarts, type SecondStartRequest } from './second-start'

/** The slice of the `electron` module the app uses; unit tests hand in fakes of exactly this. */
export interface ElectronModules {
  app: App
  BrowserWindow: typeof BrowserWindow
  ipcMain: Pick<IpcMain, 'handle'>
  session: { readonly defaultSession: Session }
  powerMonitor: Pick<PowerMonitor, 'on' | 'getSystemIdleTime'>
  dialog: Pick<Dialog, 'showSaveDialog' | 'showOpenDialog' | 'showMessageBox'>
}

export interface StartOptions {
  /** Folder of the built main bundle (out/main); preload and renderer sit beside it. */
  mainDir: string
  argv: readonly string[]
  env: Readonly<Record<string, string | undefined>>
  cwd: string
}

export interface RunningApp {
  window: BrowserWindow
  host: ApiHost
  dataDir: string
}

/** How often idle time is checked against the auto-lock setting; well under the 1-minute minimum. */
export const IDLE_CHECK_INTERVAL_MS = 30_000

/**
 * Starts CaseVault. Resolves to the running app once the window exists, or null when another
 * instance already holds the vault (two processes on one SQLCipher file corrupt it).
 */
export async function startApp(electron: ElectronModules, options: StartOptions): Promise<RunningApp | null> {
  const { app, BrowserWindow: BrowserWindowClass, ipcMain, powerMonitor } = electron

  // The folder this start asks for, told to the running instance when there is one (it says so
  // when that is another vault than the one it has open). A bare --data throws here.
  const userData = app.getPath('userData')
  const askedDataDir = resolveDataDir(options.argv, options.env, userData, options.cwd)
  if (!app.requestSingleInstanceLock({ dataDir: askedDataDir } satisfies SecondStartRequest)) {
    app.quit()
    return null
  }
  // Every renderer, even one created by a bug, runs OS-sandboxed.
  app.enableSandbox()
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents))

  const rendererDir = join(options.mainDir, '../renderer')
  const preloadPath = join(options.mainDir, '../preload/index.cjs')
  // The dev server is honoured only in an unpackaged build: a packaged app never loads http://.
  const devServerUrl = app.isPackaged ? undefined : options.env.ELECTRON_RENDERER_URL || undefined
  const location = { rendererDir, devServerUrl }

  await app.whenReady()

  hardenSession(electron.session.defaultSession, rendererDir, devServerUrl)

  const dataDir = chooseDataDir(askedDataDir, userData)
  makeDataFolder(dataDir)
  let mainWindow: BrowserWindow | null = null
  const files = dialogFileAccess(electron.dialog, () =>
    mainWindow && !mainWindow.isDestroyed() ? mainWindow : null,
  )
  const host = createApiHost({ dataDir, files })
  registerIpc(ipcMain, host, (event) => isTrustedRendererUrl(event.senderFrame?.url, location))

  const window = createMainWindow(BrowserWindowClass, {
    rendererDir,
    devServerUrl,
    preloadPath,
    isPackaged: app.isPackaged,
  })
  mainWindow = window
  askBeforeUnload(window, electron.dialog)
  recoverFromPageCrash(window, host, () => loadRendererPage(window, location), electron.dialog)

  host.onLocked((reason) => {
    if (!window.isDestroyed()) window.webContents.send(LOCKED_EVENT_CHANNEL, reason)
  })
  host.onProgress((progress) => {
    if (!window.isDestroyed()) window.webContents.send(PROGRESS_EVENT_CHANNEL, progress)
  })
  powerMonitor.on('suspend', () => host.lock('suspend'))
  powerMonitor.on('lock-screen', () => host.lock('screen-lock'))
  const startIdleChecks = () =>
    setInterval(() => void host.checkIdle(powerMonitor.getSystemIdleTime()), IDLE_CHECK_INTERVAL_MS)
  let idleTimer = startIdleChecks()

  answerSecondStarts(app, window, electron.dialog, { dataDir: askedDataDir, userData })
  // Closing the window ends the session on every platform: an open vault must not linger in the dock.
  app.on('window-all-closed', () => app.quit())
  // Hold the quit until the automatic backup (when configured) is written, the vault is locked
  // (keys wiped, database closed) and what it cancelled has wound down. Then quit for real.
  let shuttingDown = false
  let letQuitThrough = false
  const quitCleanly = (event: { preventDefault(): void }) => {
    if (letQuitThrough) return // our own app.quit() below, once shut down
    event.preventDefault()
    if (shuttingDown) return
    shuttingDown = true
    clearInterval(idleTimer)
    void host.shutdown().finally(() => {
      shuttingDown = false
      // Electron emits before-quit within app.quit(): let that one through, and only that one.
      letQuitThrough = true
      app.quit()
      letQuitThrough = false
      // Still running: a window would not close (its user chose to stay). The next quit backs up
      // and locks again, and the idle lock goes on (both stayed off after such a quit before).
      idleTimer = startIdleChecks()
    })
  }
  app.on('before-quit', quitCleanly)
  app.on('will-quit', () => clearInterval(idleTimer))
  // A Windows log-off or restart emits no before-quit, a system shutdown elsewhere neither: the
  // automatic backup "on quit" was skipped and the process killed with the vault open. Electron
  // passes the shutdown an event (untyped): its preventDefault asks the system to wait for us.
  window.on('session-end', () => quitCleanly({ preventDefault: () => undefined }))
  powerMonitor.on('shutdown', (...args: unknown[]) => {
    const event = args[0] as { preventDefault?: () => void } | undefined
    quitCleanly({ preventDefault: () => event?.preventDefault?.() })
  })

  return { window, host, dataDir }
}

/**
 * The data folder for this start. A vault still kept directly in the per-user folder (before it
 * had a folder of its own) is moved first; if that fails, this start uses it where it is rather
 * than show an empty first-run screen over it.
 */
function chooseDataDir(dataDir: string, userData: string): string {
  if (dataDir !== join(userData, VAULT_FOLDER_IN_USER_DATA)) return dataDir
  // Swaps cut short go first: a move now could fill the place a staged vault is waiting for. One
  // begun while the vault was used in place in the per-user folder (when moving it had failed)
  // ends in the vault's own folder: Chromium has made itself a new profile in the old place.
  finishInterruptedSwap(dataDir)
  finishInterruptedSwap(userData, dataDir)
  if (existsSync(swapJournalPath(dataDir)) || existsSync(swapJournalPath(userData))) return dataDir
  try {
    moveVaultFromOldFolder(userData, dataDir)
  } catch (error) {
    console.error('[casevault] could not move the vault into its own folder; using it where it is', error)
    return userData
  }
  try {
    moveOldRollbackCopies(userData, dataDir)
  } catch (error) {
    console.error('[casevault] could not move the old rollback copies beside the vault', error)
  }
  return dataDir
}
