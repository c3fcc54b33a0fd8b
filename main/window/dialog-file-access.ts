import type { BrowserWindow, Dialog } from 'electron'
import { writePrivateFile, type FileAccess } from '../api/file-access'
import { BACKUP_EXTENSION } from '../core/backup/backup-format'
import type { ImportFormat } from '../api/contract/import'

const IMPORT_FILTERS: Record<ImportFormat, { name: string; extensions: string[] }> = {
  'htcds-csv': { name: 'HTCDS CSV', extensions: ['csv', 'txt'] },
  'htcds-json': { name: 'HTCDS JSON', extensions: ['json'] },
  'ctdc-csv': { name: 'CTDC dataset (CSV)', extensions: ['csv', 'txt'] },
  'htcds-xlsx': { name: 'HTCDS Excel sheet', extensions: ['xlsx'] },
}

/**
 * The API reaches the disk only through the OS save dialog: the renderer never names a path,
 * so a compromised page cannot write anywhere the user did not pick.
 */
export function dialogFileAccess(
  dialog: Pick<Dialog, 'showSaveDialog' | 'showOpenDialog'>,
  currentWindow: () => BrowserWindow | null,
): FileAccess {
  return {
    async chooseSaveLocation(suggestedName) {
      const window = currentWindow()
      const options = {
        defaultPath: suggestedName,
        properties: ['createDirectory' as const, 'showOverwriteConfirmation' as const],
      }
      const result = window
        ? await dialog.showSaveDialog(window, options)
        : await dialog.showSaveDialog(options)
      return result.canceled || !result.filePath ? null : result.filePath
    },
    write: writePrivateFile,
    async chooseBackupFile() {
      const window = currentWindow()
      const options = {
        properties: ['openFile' as const],
        filters: [{ name: 'CaseVault backup', extensions: [BACKUP_EXTENSION.slice(1)] }],
      }
      const result = window
        ? await dialog.showOpenDialog(window, options)
        : await dialog.showOpenDialog(options)
      return result.canceled ? null : (result.filePaths[0] ?? null)
    },
    async chooseFolder() {
      const window = currentWindow()
      const options = { properties: ['openDirectory' as const, 'createDirectory' as const] }
      const result = window
        ? await dialog.showOpenDialog(window, options)
        : await dialog.showOpenDialog(options)
      return result.canceled ? null : (result.filePaths[0] ?? null)
    },
    async chooseImportFile(format) {
      const window = currentWindow()
      const options = { properties: ['openFile' as const], filters: [IMPORT_FILTERS[format]] }
      const result = window
        ? await dialog.showOpenDialog(window, options)
        : await dialog.showOpenDialog(options)
      return result.canceled ? null : (result.filePaths[0] ?? null)
    },
  }
}
