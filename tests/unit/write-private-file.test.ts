import { describe, expect, it } from 'vitest'
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
    expect(readdirSync(folder)).toEqual(['export.csv'])
    expect(existsSync(`${path}.partial`)).toBe(false)
  })
})
