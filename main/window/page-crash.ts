import type { BrowserWindow, Dialog, RenderProcessGoneDetails } from 'electron'
import type { ApiHost } from '../api/host-types'
import { nativeWords } from './native-words'

/** More crashes than this within CRASH_WINDOW_MS: the page is not loaded again (a crash loop). */
const MAX_RELOADS = 3
const CRASH_WINDOW_MS = 60_000

/**
 * The page's process died (out of memory on a large import, a GPU driver, killed by the system).
 * Electron leaves a blank window behind, while main still holds the vault unlocked with nobody able
 * to see or lock it. So main locks it, as a lock does (keys wiped, an audit row), and loads the page
 * again, which opens on the unlock screen. A page that keeps dying is not reloaded for ever: the
 * user is told, and the window closes (the vault is already locked).
 */
export function recoverFromPageCrash(
  window: BrowserWindow,
  host: Pick<ApiHost, 'lock'>,
  loadPage: () => void,
  dialog: Pick<Dialog, 'showMessageBox'>,
  now: () => number = Date.now,
): void {
  let crashes: number[] = []
  window.webContents.on('render-process-gone', (_event, details: RenderProcessGoneDetails) => {
    console.error('[casevault] the page process is gone:', details.reason, details.exitCode)
    host.lock('page-crashed')
    if (window.isDestroyed()) return
    const at = now()
    crashes = [...crashes.filter((time) => at - time < CRASH_WINDOW_MS), at]
    if (crashes.length <= MAX_RELOADS) {
      // After this event returns: Electron is still tearing the dead process down.
      setImmediate(() => {
        if (!window.isDestroyed()) loadPage()
      })
      return
    }
    const words = nativeWords().pageCrashed
    void dialog
      .showMessageBox({
        type: 'error',
        title: words.title,
        message: words.message,
        detail: words.detail,
        buttons: [words.ok],
      })
      .catch(() => undefined)
      .then(() => {
        if (!window.isDestroyed()) window.destroy()
      })
  })
}
