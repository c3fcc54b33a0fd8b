// Main's system dialogs (the leave question, the open dialogs' file-type names) said English
// strings written into main, outside the message catalog a translation edits. They now come from
// renderer/src/i18n/en/native.ts. This test failed before: the words were literals in main.
import { EventEmitter } from 'node:events'
import { describe, expect, it } from 'vitest'
import type { BrowserWindow, Dialog } from 'electron'
import { askBeforeUnload } from '../../main/window/leave-question'
import { dialogFileAccess } from '../../main/window/dialog-file-access'
import { nativeMessages } from '../../renderer/src/i18n/en/native'
import { en } from '../../renderer/src/i18n/en'

type MessageBoxOptions = Electron.MessageBoxOptions

function windowWithQuestion(answer: number) {
  const webContents = new EventEmitter()
  let destroyed = false
  const window = {
    webContents,
    isDestroyed: () => destroyed,
    destroy: () => (destroyed = true),
  } as unknown as BrowserWindow
  const asked: MessageBoxOptions[] = []
  const dialog = {
    showMessageBox: async (_window: BrowserWindow, options: MessageBoxOptions) => {
      asked.push(options)
      return { response: answer, checkboxChecked: false }
    },
  } as unknown as Pick<Dialog, 'showMessageBox'>
  askBeforeUnload(window, dialog)
  return { webContents, asked, left: () => destroyed }
}

describe('the words of main’s system dialogs', () => {
  it('are part of the app’s message catalog', () => {
    expect(en.native).toEqual(nativeMessages.native)
  })

  it('asks the leave question in the catalog’s words, and leaves only on its Leave button', async () => {
    const words = nativeMessages.native.leaveQuestion
    const leaving = windowWithQuestion(0)
    let unloaded = 0
    leaving.webContents.emit('will-prevent-unload', { preventDefault: () => (unloaded += 1) })
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(leaving.asked[0]).toMatchObject({
      title: words.title,
      message: words.message,
      detail: words.detail,
      buttons: [words.leave, words.stay],
      cancelId: 1,
    })
    // Leave destroys the window (the unload itself stays cancelled: main is not blocked meanwhile).
    expect(leaving.left()).toBe(true)
    expect(unloaded).toBe(0)

    const staying = windowWithQuestion(1)
    staying.webContents.emit('will-prevent-unload', { preventDefault: () => (unloaded += 1) })
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(staying.left()).toBe(false)
    expect(unloaded).toBe(0)
  })

  it('names the file types of the open dialogs in the catalog’s words', async () => {
    const filters: unknown[] = []
    const dialog = {
      showOpenDialog: async (options: { filters?: unknown[] }) => {
        filters.push(...(options.filters ?? []))
        return { canceled: true, filePaths: [] }
      },
    } as unknown as Pick<Dialog, 'showSaveDialog' | 'showOpenDialog'>
    const files = dialogFileAccess(dialog, () => null)
    await files.chooseBackupFile()
    for (const format of ['htcds-csv', 'htcds-json', 'ctdc-csv', 'htcds-xlsx'] as const) {
      await files.chooseImportFile?.(format)
    }
    const types = nativeMessages.native.fileTypes
    expect(filters).toEqual([
      { name: types.backup, extensions: ['cvbackup'] },
      { name: types.htcdsCsv, extensions: ['csv', 'txt'] },
      { name: types.htcdsJson, extensions: ['json'] },
      { name: types.ctdcCsv, extensions: ['csv', 'txt'] },
      { name: types.htcdsXlsx, extensions: ['xlsx'] },
    ])
  })
})
