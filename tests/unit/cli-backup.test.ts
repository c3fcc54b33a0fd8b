import { describe, expect, it } from 'vitest'
import { readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { runCli } from '../../main/cli/commands'
import { APP_VERSION } from '../../main/app-version'
import { tempDir } from './support/temp-vault'

const USER_PASSPHRASE = 'volunteer passphrase 42'
const BACKUP_PASSPHRASE = 'copper violin drifts past nine quiet harbours'

function run(argv: string[], stdin = '') {
  const out: string[] = []
  const err: string[] = []
  const code = runCli(argv, {
    stdinLines: async () => stdin.split('\n'),
    out: (line) => out.push(line),
    err: (line) => err.push(line),
  })
  return code.then((exit) => ({ exit, out, err }))
}

describe('backup commands (real Argon2 and age defaults)', () => {
  it('backs up, verifies and restores a vault from the command line', async () => {
    const root = tempDir()
    const data = join(root, 'vault')
    expect(
      (await run(['init', '--data', data, '--user', 'admin', '--org', 'Shelter'], `${USER_PASSPHRASE}\n`))
        .exit,
    ).toBe(0)
    const file = join(root, 'shelter.cvbackup')
    const backup = await run(
      ['backup', '--data', data, '--user', 'admin', '--out', file],
      `${USER_PASSPHRASE}\n${BACKUP_PASSPHRASE}\n`,
    )
    expect(backup.err).toEqual([])
    expect(backup.exit).toBe(0)
    expect(backup.out).toContain('cases: 0')

    const verify = await run(['verify-backup', '--file', file], `${BACKUP_PASSPHRASE}\n`)
    expect(verify.exit).toBe(0)
    expect(verify.out).toContain('users: 1')
    expect(verify.out).toContain('cases: 0')
    expect(verify.out.at(-1)).toBe('ok')

    const restore = await run(['restore', '--data', data, '--file', file], `${BACKUP_PASSPHRASE}\n`)
    expect(restore.exit).toBe(0)
    expect(readdirSync(root).some((name) => name.startsWith('vault.rollback-'))).toBe(true)
    expect(
      (await run(['verify', '--data', data, '--user', 'admin'], `${USER_PASSPHRASE}\n`)).out.at(-1),
    ).toBe('ok')
  })

  it('refuses a weak backup passphrase, a wrong one and a missing file with one line each', async () => {
    const root = tempDir()
    const data = join(root, 'vault')
    await run(['init', '--data', data, '--user', 'admin'], `${USER_PASSPHRASE}\n`)
    const weak = await run(
      ['backup', '--data', data, '--user', 'admin', '--out', join(root, 'b.cvbackup')],
      `${USER_PASSPHRASE}\npassword1234\n`,
    )
    expect(weak).toMatchObject({ exit: 1, err: [expect.stringMatching(/^error: WEAK_PASSPHRASE/)] })
    expect(readdirSync(root)).toEqual(['vault'])
    const file = join(root, 'ok.cvbackup')
    await run(
      ['backup', '--data', data, '--user', 'admin', '--out', file],
      `${USER_PASSPHRASE}\n${BACKUP_PASSPHRASE}\n`,
    )
    const wrong = await run(['verify-backup', '--file', file], 'a completely different passphrase\n')
    expect(wrong).toMatchObject({ exit: 1, err: [expect.stringMatching(/^error: WRONG_PASSPHRASE/)] })
    const missing = await run(
      ['verify-backup', '--file', join(root, 'nope.cvbackup')],
      `${BACKUP_PASSPHRASE}\n`,
    )
    expect(missing).toMatchObject({ exit: 1, err: ['error: NOT_FOUND: file not found'] })
  })

  it('refuses to restore a backup of another vault over this one unless --another-vault says so', async () => {
    const root = tempDir()
    const ours = join(root, 'ours')
    const other = join(root, 'other')
    await run(['init', '--data', ours, '--user', 'admin', '--org', 'Ours'], `${USER_PASSPHRASE}\n`)
    await run(['init', '--data', other, '--user', 'rita', '--org', 'Riverside'], `${USER_PASSPHRASE}\n`)
    const file = join(root, 'riverside.cvbackup')
    await run(
      ['backup', '--data', other, '--user', 'rita', '--out', file],
      `${USER_PASSPHRASE}\n${BACKUP_PASSPHRASE}\n`,
    )
    const refused = await run(['restore', '--data', ours, '--file', file], `${BACKUP_PASSPHRASE}\n`)
    expect(refused).toMatchObject({ exit: 1, err: [expect.stringMatching(/^error: OTHER_VAULT/)] })
    expect(readdirSync(root).filter((name) => name.includes('rollback'))).toEqual([])
    // A vault whose header cannot be read is what a restore is for: nothing to compare with.
    const damaged = join(root, 'damaged')
    await run(['init', '--data', damaged, '--user', 'admin', '--org', 'Ours'], `${USER_PASSPHRASE}\n`)
    writeFileSync(join(damaged, 'vault.json'), '{ not json')
    expect((await run(['restore', '--data', damaged, '--file', file], `${BACKUP_PASSPHRASE}\n`)).exit).toBe(0)
    const meant = await run(
      ['restore', '--data', ours, '--file', file, '--another-vault'],
      `${BACKUP_PASSPHRASE}\n`,
    )
    expect(meant.exit).toBe(0)
    expect((await run(['verify', '--data', ours, '--user', 'rita'], `${USER_PASSPHRASE}\n`)).out.at(-1)).toBe(
      'ok',
    )
  })

  it('refuses to write a backup or an export into the vault folder (over casevault.db, the vault was gone)', async () => {
    const root = tempDir()
    const data = join(root, 'vault')
    await run(['init', '--data', data, '--user', 'admin'], `${USER_PASSPHRASE}\n`)
    const before = readFileSync(join(data, 'casevault.db'))
    const backup = await run(
      ['backup', '--data', data, '--user', 'admin', '--out', join(data, 'casevault.db')],
      `${USER_PASSPHRASE}\n${BACKUP_PASSPHRASE}\n`,
    )
    expect(backup).toMatchObject({ exit: 1, err: [expect.stringMatching(/^error: FILE_IN_VAULT_FOLDER/)] })
    const exported = await run(
      [
        'export',
        '--data',
        data,
        '--user',
        'admin',
        '--format',
        'htcds-json',
        '--out',
        join(data, 'x.json'),
        '--plaintext',
      ],
      `${USER_PASSPHRASE}\n`,
    )
    expect(exported).toMatchObject({ exit: 1, err: [expect.stringMatching(/^error: FILE_IN_VAULT_FOLDER/)] })
    expect(readFileSync(join(data, 'casevault.db')).equals(before)).toBe(true)
    expect(
      (await run(['verify', '--data', data, '--user', 'admin'], `${USER_PASSPHRASE}\n`)).out.at(-1),
    ).toBe('ok')
  })

  it('records the same app version as package.json', () => {
    const pkg = JSON.parse(readFileSync(join(import.meta.dirname, '../../package.json'), 'utf8')) as {
      version: string
    }
    expect(APP_VERSION).toBe(pkg.version)
  })
})
