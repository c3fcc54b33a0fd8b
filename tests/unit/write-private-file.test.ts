import { describe, expect, it, vi } from 'vitest'
import { open } from 'node:fs/promises'
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { writePrivateFile } from '../../main/core/write-private-file'
import { tempDir } from './support/temp-vault'

describe('writing a file the user chose (exports, saved attachments)', () => {
  it('writes the chunks in order, readable by the owner only', async () => {
    const path = join(tempDir(), 'export.csv')
    await writePrivateFile(path, [
      Buffer.from('a,b\n'),
      Buffer.from('1,2\n'),
      new Uint8Array([51, 44, 52, 10]),
    ])
    expect(readFileSync(path, 'utf8')).toBe('a,b\n1,2\n3,4\n')
    expect(statSync(path).mode & 0o777).toBe(0o600)
    expect(readdirSync(join(path, '..'))).toEqual(['export.csv'])
  })

  it('leaves no half-written file when writing fails midway, and keeps the file it was to replace', async () => {
    const folder = tempDir()
    const path = join(folder, 'export.csv')
    writeFileSync(path, 'the earlier export\n')
    function* failing() {
      yield Buffer.from('first chunk\n')
      throw new Error('the USB stick was pulled')
    }
    await expect(writePrivateFile(path, failing())).rejects.toThrow('USB stick')
    expect(readFileSync(path, 'utf8')).toBe('the earlier export\n')
    expect(readdirSync(folder)).toEqual(['export.csv']) // no temporary file left either
  })

  it('has the content on the disk before the file gets its name (a stick pulled out at once holds it whole)', async () => {
    const folder = tempDir()
    const path = join(folder, 'export.csv')
    const probe = await open(join(tempDir(), 'probe'), 'w')
    const fileHandle = Object.getPrototypeOf(probe) as { sync: () => Promise<void> }
    await probe.close()
    // Each sync, with whether the export had its name yet: the file's sync must come first.
    const syncs: boolean[] = []
    const sync = vi.spyOn(fileHandle, 'sync').mockImplementation(async function (this: unknown) {
      syncs.push(existsSync(path))
    })
    try {
      await writePrivateFile(path, [Buffer.from('a,b\r\n'), Buffer.from('1,2\r\n')])
    } finally {
      sync.mockRestore()
    }
    expect(syncs[0]).toBe(false)
    expect(readFileSync(path, 'utf8')).toBe('a,b\r\n1,2\r\n')
  })
})
