// Edges of the admin command line a reviewing helper probed that held, kept as regression checks.
import { describe, expect, it } from 'vitest'
import { existsSync, readdirSync } from 'node:fs'
import { join, relative } from 'node:path'
import { closedVault, runCommand } from './support/cli-run'
import { ADMIN } from './support/temp-vault'

describe('CLI edges that held (hunt)', () => {
  it('refuses an --out given as a relative path into the vault folder, writing nothing', async () => {
    const { dataDir } = await closedVault()
    const before = readdirSync(dataDir).sort()
    const out = relative(process.cwd(), join(dataDir, 'cases.json'))
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
        out,
        '--plaintext',
      ],
      `${ADMIN.passphrase}\n`,
    )
    expect(result).toMatchObject({ exit: 1, err: [expect.stringMatching(/^error: FILE_IN_VAULT_FOLDER/)] })
    expect(existsSync(join(dataDir, 'cases.json'))).toBe(false)
    expect(readdirSync(dataDir).sort()).toEqual(before)
  })

  it('never echoes a passphrase given as --passphrase <secret> (space, not =)', async () => {
    const result = await runCommand([
      'verify',
      '--data',
      '/tmp/x',
      '--user',
      'amara',
      '--passphrase',
      'hunter2 secret words',
    ])
    expect(result.exit).not.toBe(0)
    expect(result.err).toHaveLength(1)
    expect(result.err.join('\n')).not.toMatch(/hunter2|secret words/)
  })
})
