import type { BrowserWindow, Dialog } from 'electron'
import { nativeWords } from './native-words'

// The buttons' order: the answer is an index into it.
const LEAVE = 0

/**
 * A page that refuses to unload (its beforeunload handler: a form with unsaved changes) kept the
 * window open without a word in Electron, and an injected `onbeforeunload = () => false` could keep
 * an unlocked vault on screen after the user closed it. Main asks the user instead; their answer,
 * not the page, decides. (In this event, preventDefault() means: unload anyway.)
 */
export function askBeforeUnload(window: BrowserWindow, dialog: Pick<Dialog, 'showMessageBoxSync'>): void {
  window.webContents.on('will-prevent-unload', (event) => {
    const words = nativeWords().leaveQuestion
    const choice = dialog.showMessageBoxSync(window, {
      type: 'question',
      title: words.title,
      message: words.message,
      detail: words.detail,
      buttons: [words.leave, words.stay],
      defaultId: 1,
      cancelId: 1,
      noLink: true,
    })
    if (choice === LEAVE) event.preventDefault()
  })
}
