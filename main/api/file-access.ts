import type { FileData } from '../core/write-private-file'
import { CaseVaultError } from '../core/errors'
import type { ImportFormat } from './contract/import'
import { assertOutsideVaultFolder } from '../core/vault/vault-folder-guard'

/**
 * How the API reaches the user's file system: only through paths the user picked in a dialog.
 * Electron's main provides the OS dialogs; the e2e harness a folder of its own.
 */
export interface FileAccess {
  /** Shows a save dialog; returns the chosen path or null when the user cancelled. */
  chooseSaveLocation(suggestedName: string): Promise<string | null>
  /** Writes a whole file: one buffer, or chunks in order (a large export is never joined first). */
  /** A Cancel (the signal) heard before the file takes its name leaves any file of that name as it was. */
  write(path: string, data: FileData, signal?: AbortSignal): Promise<void>
  /** Shows an open dialog for a CaseVault backup; returns the chosen path or null when cancelled. */
  chooseBackupFile(): Promise<string | null>
  /** Shows a folder dialog (automatic backups); the chosen folder or null when cancelled. */
  chooseFolder(): Promise<string | null>
  /**
   * Shows an open dialog for a file to import in `format`; the chosen path or null when cancelled.
   * Optional so hosts without imports (the e2e harness until it adds one) still type-check.
   */
  chooseImportFile?(format: ImportFormat): Promise<string | null>
}

export const noFileAccess: FileAccess = {
  chooseSaveLocation() {
    return Promise.reject(new CaseVaultError('INTERNAL', 'Saving files is not available here.'))
  },
  write() {
    return Promise.reject(new CaseVaultError('INTERNAL', 'Saving files is not available here.'))
  },
  chooseBackupFile() {
    return Promise.reject(new CaseVaultError('INTERNAL', 'Opening files is not available here.'))
  },
  chooseFolder() {
    return Promise.reject(new CaseVaultError('INTERNAL', 'Choosing folders is not available here.'))
  },
  chooseImportFile() {
    return Promise.reject(new CaseVaultError('INTERNAL', 'Opening files is not available here.'))
  },
}

export { writePrivateFile } from '../core/write-private-file'

/**
 * The dialogs as handlers see them: the vault may lock while one is open (idle time, the lid), and
 * someone else may sign in before the user chooses. What was asked for before the dialog is then
 * not carried out for a session that did not ask: the dialog's answer becomes LOCKED. Every
 * handler gets this through its context, so none has to remember the check. Calls go to `files`
 * as it is at the time of the call. A place to save in (a file or a folder) inside the vault's own
 * data folder is refused here too (vault-folder-guard.ts), for every handler at once.
 */
export function sessionBoundFileAccess(
  files: FileAccess,
  currentSession: () => unknown,
  dataDir: string,
  /** Each write, for a quit to wait for (operations.track). */
  track: (write: Promise<unknown>) => void = () => undefined,
): FileAccess {
  const bound = async (open: () => Promise<string | null>): Promise<string | null> => {
    const before = currentSession()
    const answer = await open()
    if (currentSession() !== before) throw new CaseVaultError('LOCKED', 'The vault was locked meanwhile.')
    return answer
  }
  const outsideVault = (answer: string | null) => {
    if (answer) assertOutsideVaultFolder(answer, dataDir)
    return answer
  }
  return {
    chooseSaveLocation: async (name) => outsideVault(await bound(() => files.chooseSaveLocation(name))),
    chooseBackupFile: () => bound(() => files.chooseBackupFile()),
    chooseFolder: async () => outsideVault(await bound(() => files.chooseFolder())),
    chooseImportFile: (format) =>
      bound(() => (files.chooseImportFile ?? noFileAccess.chooseImportFile!)(format)),
    write: (path, data, signal) => {
      const writing = files.write(path, data, signal)
      track(writing)
      return writing
    },
  }
}
