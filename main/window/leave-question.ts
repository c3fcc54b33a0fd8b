import type { BrowserWindow, Dialog } from 'electron'
import { nativeWords } from './native-words'

// The buttons' order: the answer is an index into it.
const LEAVE = 0

/**
 * A page that refuses to unload (its beforeunload handler: a form with unsaved changes) kept the
 * window open without a word in Electron, and an injected `onbeforeunload = () => false` could keep
 * an unlocked vault on screen after the user closed it. Main asks the user instead; their answer,
 * not the page, decides.
 *
 * Asked without blocking main: showMessageBoxSync stops main's JavaScript until answered, so the
 * idle lock and the suspend and screen-lock handlers would not run while the question waits, and an
 * unanswered question would keep the vault unlocked. So the unload is left cancelled (preventDefault
 * here would mean: unload anyway, before the user answered) and "Leave" destroys the window, which
 * skips the page's beforeunload; the closing then goes on as any closing does (window-all-closed).
 */
export function askBeforeUnload(window: BrowserWindow, dialog: Pick<Dialog, 'showMessageBox'>): void {
  let asking = false
  window.webContents.on('will-prevent-unload', () => {
    if (asking) return // one question at a time: a second close while it waits adds nothing
    asking = true
    const words = nativeWords().leaveQuestion
    dialog
      .showMessageBox(window, {
        type: 'question',
        title: words.title,
        message: words.message,
        detail: words.detail,
        buttons: [words.leave, words.stay],
        defaultId: 1,
        cancelId: 1,
        noLink: true,
      })
      .then(({ response }) => {
        if (response === LEAVE && !window.isDestroyed()) window.destroy()
      })
      .catch((error: unknown) => console.error('[casevault] the leave question failed', error))
      .finally(() => {
        asking = false
      })
  })
}
