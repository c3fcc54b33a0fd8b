// Edges of the admin CLI a reviewing helper probed that held up, kept as regression checks.
import { describe, expect, it } from 'vitest'
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { BACKUP_PASSPHRASE, closedVault, runCommand } from './support/cli-run'
import { ADMIN, tempDir } from './support/temp-vault'
import { ANALYST } from './support/case-fixtures'
import { csv, FLAT_HEADER, fileWith, flatRow } from './support/import-fixtures'

describe('CLI: held up', () => {
  it('restore with a wrong passphrase: one line, exit 1, vault bytes unchanged, no staging or rollback left', async () => {
    const { dataDir, out } = await closedVault()
    const file = join(out, 'ok.cvbackup')
    expect(
      (
        await runCommand(
          ['backup', '--data', dataDir, '--user', ADMIN.username, '--out', file],
          `${ADMIN.passphrase}\n${BACKUP_PASSPHRASE}\n`,
        )
      ).exit,
    ).toBe(0)
    const before = readFileSync(join(dataDir, 'casevault.db'))
    const result = await runCommand(
      ['restore', '--data', dataDir, '--file', file],
      'not the backup passphrase at all\n',
    )
    expect(result).toMatchObject({ exit: 1, err: [expect.stringMatching(/^error: WRONG_PASSPHRASE/)] })
    expect(readFileSync(join(dataDir, 'casevault.db')).equals(before)).toBe(true)
    const name = basename(dataDir)
    expect(
      readdirSync(join(dataDir, '..')).filter(
        (n) => n.startsWith(`${name}.rollback-`) || n.startsWith(`.${name}.restore-`),
      ),
    ).toEqual([])
  })

  it('backup / export / import with a --data that is not a vault: one line, exit 1, nothing written', async () => {
    const notVault = tempDir()
    mkdirSync(join(notVault, 'x'))
    const out = tempDir()
    const input = fileWith(csv([FLAT_HEADER, flatRow(1)]), 'in.csv')
    const runs = [
      ['backup', '--data', notVault, '--user', 'amara', '--out', join(out, 'b')],
      [
        'export',
        '--data',
        notVault,
        '--user',
        'amara',
        '--format',
        'htcds-json',
        '--out',
        join(out, 'e'),
        '--plaintext',
      ],
      ['import', '--data', notVault, '--user', 'amara', '--file', input, '--format', 'htcds-csv'],
    ]
    for (const argv of runs) {
      const result = await runCommand(argv, `${ADMIN.passphrase}\n${BACKUP_PASSPHRASE}\n`)
      expect(result).toMatchObject({ exit: 1, err: [expect.stringMatching(/^error: NO_VAULT/)] })
    }
    expect(readdirSync(out)).toEqual([])
    expect(readdirSync(notVault)).toEqual(['x'])
  })

  it('an analyst cannot import; a JSON import that is not JSON quotes none of its content', async () => {
    const { dataDir } = await closedVault()
    const input = fileWith(csv([FLAT_HEADER, flatRow(1)]), 'in.csv')
    const analyst = await runCommand(
      ['import', '--data', dataDir, '--user', ANALYST.username, '--file', input, '--format', 'htcds-csv'],
      `${ANALYST.passphrase}\n`,
    )
    expect(analyst).toMatchObject({ exit: 1, err: [expect.stringMatching(/^error: FORBIDDEN/)] })
    const broken = fileWith(
      new TextEncoder().encode('{"cases":[{"prs_FirstName":"Olena Kovalenko", oops'),
      'x.json',
    )
    const bad = await runCommand(
      ['import', '--data', dataDir, '--user', ADMIN.username, '--file', broken, '--format', 'htcds-json'],
      `${ADMIN.passphrase}\n`,
    )
    expect(bad.exit).toBe(1)
    expect(bad.err).toHaveLength(1)
    expect(bad.err[0]).not.toMatch(/Olena|Kovalenko/)
    writeFileSync(join(tempDir(), 'unused'), '')
  })
})
