// Standard input as the real entry (main/cli.ts) reads it: bytes, then lines. From a reviewing
// helper; the byte-order mark test failed before (a passphrase file saved by Notepad never matched).
import { describe, expect, it } from 'vitest'
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { BACKUP_PASSPHRASE, EXPORT_PASSPHRASE, closedVault, runCommand } from './support/cli-run'
import { Vault } from '../../main/core/vault/vault'
import { ADMIN } from './support/temp-vault'

describe('CLI: standard input', () => {
  it('CRLF (Windows) line endings: backup then verify-backup with the same passphrase', async () => {
    const { dataDir, out } = await closedVault()
    const file = join(out, 'b.cvbackup')
    const made = await runCommand(
      ['backup', '--data', dataDir, '--user', ADMIN.username, '--out', file],
      `${ADMIN.passphrase}\r\n${BACKUP_PASSPHRASE}\r\n`,
    )
    expect(made.err).toEqual([])
    const verified = await runCommand(['verify-backup', '--file', file], `${BACKUP_PASSPHRASE}\n`)
    expect(verified.out.at(-1)).toBe('ok')
  })

  it('a UTF-8 byte-order mark at the start of piped stdin (Notepad / PowerShell) does not become part of the passphrase', async () => {
    const { dataDir, out } = await closedVault()
    const file = join(out, 'b.cvbackup')
    const made = await runCommand(
      ['backup', '--data', dataDir, '--user', ADMIN.username, '--out', file],
      `\uFEFF${ADMIN.passphrase}\r\n${BACKUP_PASSPHRASE}\r\n`,
    )
    // Either it is stripped (exit 0) or named as such; not a misleading WRONG_PASSPHRASE.
    expect(made.err.join('\n')).not.toMatch(/WRONG_PASSPHRASE/)
  })

  it('an NFD-typed backup passphrase opens with the NFC form (and vice versa)', async () => {
    const { dataDir, out } = await closedVault()
    const file = join(out, 'b.cvbackup')
    const nfc = 'café résumé naïve crème brûlée déjà'
    const made = await runCommand(
      ['backup', '--data', dataDir, '--user', ADMIN.username, '--out', file],
      `${ADMIN.passphrase}\n${nfc.normalize('NFD')}\n`,
    )
    expect(made.err).toEqual([])
    const verified = await runCommand(['verify-backup', '--file', file], `${nfc.normalize('NFC')}\n`)
    expect(verified.out.at(-1)).toBe('ok')
  })

  it('stdin that ends before the export passphrase: one line, exit 1, no file, vault unchanged', async () => {
    const { dataDir, out } = await closedVault()
    const file = join(out, 'x.json.age')
    const result = await runCommand(
      ['export', '--data', dataDir, '--user', ADMIN.username, '--format', 'htcds-json', '--out', file],
      `${ADMIN.passphrase}\n`,
    )
    expect(result).toMatchObject({ exit: 1, err: [expect.stringMatching(/export passphrase/)] })
    expect(existsSync(file)).toBe(false)
    expect(readdirSync(out)).toEqual([])
  })

  it('a backup passphrase with a trailing space is refused, writing nothing', async () => {
    const { dataDir, out } = await closedVault()
    const file = join(out, 'b.cvbackup')
    const result = await runCommand(
      ['backup', '--data', dataDir, '--user', ADMIN.username, '--out', file],
      `${ADMIN.passphrase}\n${BACKUP_PASSPHRASE} \n`,
    )
    expect(result).toMatchObject({ exit: 1, err: [expect.stringMatching(/space/)] })
    expect(readdirSync(out)).toEqual([])
  })

  it('export --plaintext is audit-logged as plaintext', async () => {
    const { dataDir, out } = await closedVault()
    const file = join(out, 'x.json')
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
      `${ADMIN.passphrase}\n${EXPORT_PASSPHRASE}\n`,
    )
    expect(result.exit).toBe(0)
    const vault = new Vault({ dataDir })
    const session = await vault.unlock(ADMIN.username, ADMIN.passphrase)
    try {
      const rows = session.db
        .prepare(`SELECT details FROM audit_log WHERE action = 'export.created'`)
        .all() as { details: string }[]
      expect(rows.map((row) => JSON.parse(row.details).protection)).toEqual(['plaintext'])
    } finally {
      vault.lock('user')
    }
  })
})
