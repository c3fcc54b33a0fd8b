import type { BrowserWindow, Dialog } from 'electron'

// Main's own words: it has no vue-i18n (as for the file dialogs' filter names). English, as the
// app is; a translation would move these into the renderer's messages.
const QUESTION = {
  title: 'Unsaved changes',
  message: 'Leave without saving?',
  detail: 'What you typed and did not save yet will be lost.',
  buttons: ['Leave without saving', 'Stay'],
}
const LEAVE = 0

/**
 * A page that refuses to unload (its beforeunload handler: a form with unsaved changes) kept the
 * window open without a word in Electron, and an injected `onbeforeunload = () => false` could keep
 * an unlocked vault on screen after the user closed it. Main asks the user instead; their answer,
 * not the page, decides. (In this event, preventDefault() means: unload anyway.)
 */
export function askBeforeUnload(window: BrowserWindow, dialog: Pick<Dialog, 'showMessageBoxSync'>): void {
  window.webContents.on('will-prevent-unload', (event) => {
    const choice = dialog.showMessageBoxSync(window, {
      type: 'question',
      ...QUESTION,
      defaultId: 1,
      cancelId: 1,
      noLink: true,
    })
    if (choice === LEAVE) event.preventDefault()
  })
}
