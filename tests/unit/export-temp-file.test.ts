// An export (or backup) is written under a temporary name beside the chosen one, then renamed.
// Found by a reviewing helper (failed before): the temporary name was a fixed `<out>.partial`
// opened with 'w', so a link planted there by someone with write access to a shared folder
// received a plaintext export of every full record, in their own file.
import { readFileSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ADMIN, tempDir } from './support/temp-vault'
import { closedVault, runCommand } from './support/cli-run'
import { writeEncryptedFile } from '../../main/core/backup/encrypted-archive'
import { newFileBeside } from '../../main/core/write-private-file'

/** A file of someone else's that a link at `at` points to. */
function plantLink(at: string): string {
  const theirs = join(tempDir(), 'harvest.txt')
  writeFileSync(theirs, 'nothing yet\n', { mode: 0o666 })
  symlinkSync(theirs, at)
  return theirs
}

describe('the temporary file of an export or backup', () => {
  it('a plaintext export never writes through a link planted at <out>.partial', async () => {
    const { dataDir, out } = await closedVault(1)
    const file = join(out, 'cases.json')
    const theirs = plantLink(`${file}.partial`)
    const result = await runCommand(
      [
        'export',
        '--data',
        dataDir,
        '--user',
        ADMIN.username,
        '--format',
        'htcds-json',
        '--out',
        file,
        '--plaintext',
      ],
      `${ADMIN.passphrase}\n`,
    )
    expect(result).toMatchObject({ exit: 0, err: [] })
    expect(readFileSync(theirs, 'utf8')).toBe('nothing yet\n')
    expect(statSync(file).mode & 0o777).toBe(0o600)
    expect(
      readdirSync(out).filter((name) => name !== `cases.json.partial` && name.endsWith('.partial')),
    ).toEqual([])
  })

  it('an encrypted file never writes through one either', async () => {
    const file = join(tempDir(), 'backup.cvbackup')
    const theirs = plantLink(`${file}.partial`)
    await writeEncryptedFile(
      file,
      [Buffer.from('secret')],
      { passphrase: 'a long enough passphrase' },
      {
        scryptWorkFactor: 10,
      },
    )
    expect(readFileSync(theirs, 'utf8')).toBe('nothing yet\n')
    expect(statSync(file).size).toBeGreaterThan(0)
  })

  it('is a new file each time: its name is not fixed, and an existing name is refused', async () => {
    const path = join(tempDir(), 'export.csv')
    const first = await newFileBeside(path)
    const second = await newFileBeside(path)
    await first.file.close()
    await second.file.close()
    expect(first.temp).not.toBe(second.temp)
    expect(statSync(first.temp).mode & 0o777).toBe(0o600)
  })
})
