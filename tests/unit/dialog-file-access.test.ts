import { describe, expect, it } from 'vitest'
import { readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import type { BrowserWindow, Dialog } from 'electron'
import { dialogFileAccess } from '../../main/window/dialog-file-access'
import { tempDir } from './support/temp-vault'

function fakeDialog(answer: { canceled: boolean; filePath?: string }) {
  const calls: unknown[][] = []
  const dialog = {
    showSaveDialog: async (...args: unknown[]) => {
      calls.push(args)
      return { canceled: answer.canceled, filePath: answer.filePath ?? '' }
    },
    showOpenDialog: async (...args: unknown[]) => {
      calls.push(args)
      return { canceled: answer.canceled, filePaths: answer.filePath ? [answer.filePath] : [] }
    },
  } as unknown as Pick<Dialog, 'showSaveDialog' | 'showOpenDialog'>
  return { dialog, calls }
}

describe('saving files through the OS dialog', () => {
  it('suggests the attachment name, attached to the main window, and returns the chosen path', async () => {
    const window = { id: 1 } as unknown as BrowserWindow
    const { dialog, calls } = fakeDialog({ canceled: false, filePath: '/home/user/statement.pdf' })
    const files = dialogFileAccess(dialog, () => window)
    expect(await files.chooseSaveLocation('statement.pdf')).toBe('/home/user/statement.pdf')
    expect(calls[0]![0]).toBe(window)
    expect(calls[0]![1]).toMatchObject({ defaultPath: 'statement.pdf' })
  })

  it('opens only .cvbackup files for verify and restore', async () => {
    const { dialog, calls } = fakeDialog({ canceled: false, filePath: '/media/usb/b.cvbackup' })
    expect(await dialogFileAccess(dialog, () => null).chooseBackupFile()).toBe('/media/usb/b.cvbackup')
    expect(calls[0]![0]).toMatchObject({ filters: [{ extensions: ['cvbackup'] }] })
  })

  it('returns null when the user cancels', async () => {
    const { dialog } = fakeDialog({ canceled: true })
    expect(await dialogFileAccess(dialog, () => null).chooseSaveLocation('x.pdf')).toBeNull()
  })

  it('writes the file readable by its owner only', async () => {
    const { dialog } = fakeDialog({ canceled: true })
    const path = join(tempDir(), 'out.pdf')
    await dialogFileAccess(dialog, () => null).write(path, new Uint8Array([1, 2, 3]))
    expect([...readFileSync(path)]).toEqual([1, 2, 3])
    if (process.platform !== 'win32') expect(statSync(path).mode & 0o077).toBe(0)
  })
})
