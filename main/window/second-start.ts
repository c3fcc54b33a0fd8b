import type { App, BrowserWindow, Dialog } from 'electron'
import { isSameFolder, resolveDataDir } from './data-dir'
import { nativeWords } from './native-words'

/** What a second start tells the running one (Electron's `additionalData` of the instance lock). */
export interface SecondStartRequest {
  dataDir: string
}

/**
 * The data folder a second start asked for: the one it sent (it resolved its own --data and
 * CASEVAULT_DATA), else read from its command line, as a start that sent none did. Null when
 * that cannot be told.
 */
function folderAsked(argv: readonly string[], cwd: string, sent: unknown, userData: string): string | null {
  const dataDir = (sent as Partial<SecondStartRequest> | null | undefined)?.dataDir
  if (typeof dataDir === 'string' && dataDir) return dataDir
  try {
    return resolveDataDir(argv, {}, userData, cwd)
  } catch {
    return null
  }
}

/**
 * Only one CaseVault runs (two processes on one SQLCipher file corrupt it), so a second start
 * brings the open window forward. When it asked for another data folder (the training vault's
 * shortcut while the real vault is open, a USB stick's while the office vault is), the user is
 * told that folder was NOT opened: otherwise trainees practise on real survivor records, or real
 * cases are typed into the training vault.
 */
export function answerSecondStarts(
  app: Pick<App, 'on'>,
  window: BrowserWindow,
  dialog: Pick<Dialog, 'showMessageBox'>,
  open: { dataDir: string; userData: string },
): void {
  app.on('second-instance', (_event, argv, workingDirectory, additionalData) => {
    if (window.isDestroyed()) return
    if (window.isMinimized()) window.restore()
    window.focus()
    const asked = folderAsked(argv, workingDirectory, additionalData, open.userData)
    if (asked === null || isSameFolder(asked, open.dataDir)) return
    const words = nativeWords().otherVaultOpen
    void dialog
      .showMessageBox(window, {
        type: 'warning',
        title: words.title,
        message: words.message,
        detail: words.detail,
        buttons: [words.ok],
        noLink: true,
      })
      .catch((error: unknown) => console.error('[casevault] could not say another vault is open', error))
  })
}
