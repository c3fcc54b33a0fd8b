// Argument handling of the admin CLI. From a reviewing helper; these failed before: an option
// given twice took the last value, a stray word (a pasted passphrase) was ignored, any command took
// any option (restore --dry-run really restored), and an unknown command printed the whole usage.
import { describe, expect, it } from 'vitest'
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import {
  BACKUP_PASSPHRASE,
  closedVault,
  closedVaultWithBackup,
  rollbackCopiesOf,
  runCommand,
} from './support/cli-run'
import { ADMIN, tempDir } from './support/temp-vault'

describe('CLI: arguments', () => {
  it('refuses a flag given twice (--out a --out b) instead of silently taking the last one', async () => {
    const { dataDir, out } = await closedVault()
    const first = join(out, 'first.cvbackup')
    const second = join(out, 'second.cvbackup')
    const result = await runCommand(
      ['backup', '--data', dataDir, '--user', ADMIN.username, '--out', first, '--out', second],
      `${ADMIN.passphrase}\n${BACKUP_PASSPHRASE}\n`,
    )
    expect(result.exit).not.toBe(0)
    expect(result.err).toHaveLength(1)
    expect(readdirSync(out)).toEqual([])
  })

  it('refuses a passphrase given on the command line as a stray positional argument', async () => {
    const { dataDir, out } = await closedVault()
    const file = join(out, 'b.cvbackup')
    // The admin pastes the passphrase onto the command line (shell history, ps), stdin still right.
    const result = await runCommand(
      ['backup', '--data', dataDir, '--user', ADMIN.username, '--out', file, ADMIN.passphrase],
      `${ADMIN.passphrase}\n${BACKUP_PASSPHRASE}\n`,
    )
    expect(result.exit).not.toBe(0)
    expect(result.err).toHaveLength(1)
    expect(existsSync(file)).toBe(false)
  })

  it('never echoes a passphrase given as --passphrase=<secret> in the error line', async () => {
    const secret = 'Olena Kovalenko secret 77'
    const result = await runCommand(['verify-backup', '--file', '/nonexistent', `--passphrase=${secret}`], '')
    expect(result.exit).not.toBe(0)
    expect(result.err).toHaveLength(1)
    expect(result.err.join('\n')).not.toContain(secret)
  })

  it('refuses a flag that does not belong to the command: restore --dry-run must not really restore', async () => {
    const { dataDir, file } = await closedVaultWithBackup()
    const rollbacks = () => rollbackCopiesOf(dataDir)
    // --dry-run is an import flag; an admin trying it on restore expects nothing to change.
    const result = await runCommand(
      ['restore', '--data', dataDir, '--file', file, '--dry-run'],
      `${BACKUP_PASSPHRASE}\n`,
    )
    expect(rollbacks()).toEqual([]) // no <vault>.rollback-… : the vault was not swapped
    expect(result.exit).not.toBe(0)
    expect(result.err).toHaveLength(1)
  })

  it('an unknown or mistyped command fails with ONE line on stderr', async () => {
    const result = await runCommand(['bakup', '--data', tempDir()], '')
    expect(result.exit).not.toBe(0)
    // Each err() call is written as one stderr write: count the lines the user actually sees.
    expect(result.err.join('\n').split('\n')).toHaveLength(1)
  })

  it('still takes every option a command reads: training --display-name', async () => {
    const { dataDir } = await closedVault()
    // An existing vault stops training before Argon2: the option itself must not be the refusal.
    const result = await runCommand(
      ['training', '--data', dataDir, '--user', 'trainer', '--cases', '1', '--display-name', 'Trainer'],
      'a passphrase for staff\n',
    )
    expect(result.err).toEqual([expect.stringMatching(/^error: VAULT_EXISTS/)])
  })
})
