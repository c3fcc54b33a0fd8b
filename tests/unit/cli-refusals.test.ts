// What the admin CLI refuses. From a reviewing helper; these failed before: a caseworker or analyst
// could back up every record, --out replaced an existing file, restore --data <a folder of other
// files> moved them aside, and a CLI backup was not recorded as the last backup.
import { describe, expect, it } from 'vitest'
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  BACKUP_PASSPHRASE,
  EXPORT_PASSPHRASE,
  closedVault,
  closedVaultWithBackup,
  runCommand,
} from './support/cli-run'
import { Vault } from '../../main/core/vault/vault'
import { ADMIN, tempDir } from './support/temp-vault'
import { ANALYST, CASEWORKER } from './support/case-fixtures'

describe('CLI: backup', () => {
  it('refuses a backup (every full record, and its key) to a caseworker or an analyst, as the app does (admin only)', async () => {
    const { dataDir, out } = await closedVault()
    for (const user of [CASEWORKER, ANALYST]) {
      const file = join(out, `${user.username}.cvbackup`)
      const result = await runCommand(
        ['backup', '--data', dataDir, '--user', user.username, '--out', file],
        `${user.passphrase}\n${BACKUP_PASSPHRASE}\n`,
      )
      expect({ user: user.username, exit: result.exit, written: existsSync(file) }).toEqual({
        user: user.username,
        exit: 1,
        written: false,
      })
      expect(result.err).toEqual([expect.stringMatching(/^error: FORBIDDEN/)])
    }
  })

  it('refuses an --out that already exists instead of replacing it (backup)', async () => {
    const { dataDir, out } = await closedVault()
    const file = join(out, 'last-week.cvbackup')
    writeFileSync(file, 'the only other copy')
    const result = await runCommand(
      ['backup', '--data', dataDir, '--user', ADMIN.username, '--out', file],
      `${ADMIN.passphrase}\n${BACKUP_PASSPHRASE}\n`,
    )
    expect({ replaced: readFileSync(file, 'utf8') !== 'the only other copy' }).toEqual({ replaced: false })
    expect(result.exit).not.toBe(0)
  })

  it('refuses an --out that already exists instead of replacing it (export)', async () => {
    const { dataDir, out } = await closedVault()
    const file = join(out, 'cases.json.age')
    writeFileSync(file, 'an earlier export someone still needs')
    const result = await runCommand(
      ['export', '--data', dataDir, '--user', ADMIN.username, '--format', 'htcds-json', '--out', file],
      `${ADMIN.passphrase}\n${EXPORT_PASSPHRASE}\n`,
    )
    expect({ replaced: readFileSync(file, 'utf8') !== 'an earlier export someone still needs' }).toEqual({
      replaced: false,
    })
    expect(result.exit).not.toBe(0)
  })
})

describe('CLI: restore', () => {
  it('refuses a --data that is not a vault (a typo pointing at a folder of other files) and leaves it alone', async () => {
    const { file } = await closedVaultWithBackup()
    const documents = join(tempDir(), 'Documents')
    mkdirSync(documents)
    writeFileSync(join(documents, 'thesis.docx'), 'years of work')
    const result = await runCommand(
      ['restore', '--data', documents, '--file', file],
      `${BACKUP_PASSPHRASE}\n`,
    )
    expect(readdirSync(documents)).toEqual(['thesis.docx'])
    expect(result.exit).not.toBe(0)
    expect(result.err).toHaveLength(1)
  })

  it('verify-backup refuses a truncated backup and a non-backup file with one line that quotes no content', async () => {
    const { out, file } = await closedVaultWithBackup()
    const bytes = readFileSync(file)
    const cut = join(out, 'cut.cvbackup')
    writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length / 2)))
    const notBackup = join(out, 'notes.cvbackup')
    writeFileSync(notBackup, 'age-encryption.org/v1\n-> Olena Kovalenko, born 2001-07-02, Kyiv\n')
    for (const target of [cut, notBackup]) {
      const result = await runCommand(['verify-backup', '--file', target], `${BACKUP_PASSPHRASE}\n`)
      expect(result.exit).toBe(1)
      expect(result.err).toHaveLength(1)
      expect(result.err[0]).not.toMatch(/Olena|Kovalenko|2001|Kyiv/)
    }
  })
})

describe('what a CLI backup leaves recorded', () => {
  it('is the last backup, as one made in the app (the dashboard otherwise keeps warning)', async () => {
    const { dataDir } = await closedVaultWithBackup()
    const vault = new Vault({ dataDir })
    const session = await vault.unlock(ADMIN.username, ADMIN.passphrase)
    try {
      expect(session.settings.lastBackupAt()).not.toBeNull()
    } finally {
      vault.lock('user')
    }
  })
})
