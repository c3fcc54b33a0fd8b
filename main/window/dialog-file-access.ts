import type { BrowserWindow, Dialog } from 'electron'
import { writePrivateFile, type FileAccess } from '../api/file-access'
import { BACKUP_EXTENSION } from '../core/backup/backup-format'
import type { ImportFormat } from '../api/contract/import'
import { nativeWords, type NativeWords } from './native-words'

// Each format's file-type name, from the message catalog (native-words.ts).
const IMPORT_FILTERS: Record<ImportFormat, { word: keyof NativeWords['fileTypes']; extensions: string[] }> = {
  'htcds-csv': { word: 'htcdsCsv', extensions: ['csv', 'txt'] },
  'htcds-json': { word: 'htcdsJson', extensions: ['json'] },
  'ctdc-csv': { word: 'ctdcCsv', extensions: ['csv', 'txt'] },
  'htcds-xlsx': { word: 'htcdsXlsx', extensions: ['xlsx'] },
}

function importFilter(format: ImportFormat): { name: string; extensions: string[] } {
  const { word, extensions } = IMPORT_FILTERS[format]
  return { name: nativeWords().fileTypes[word], extensions }
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
        filters: [{ name: nativeWords().fileTypes.backup, extensions: [BACKUP_EXTENSION.slice(1)] }],
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
      const options = { properties: ['openFile' as const], filters: [importFilter(format)] }
      const result = window
        ? await dialog.showOpenDialog(window, options)
        : await dialog.showOpenDialog(options)
      return result.canceled ? null : (result.filePaths[0] ?? null)
    },
  }
}
