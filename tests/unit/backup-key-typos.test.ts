// age keys carry a bech32 checksum; one character typed or read wrong is caught (age-keys.ts).
// Found by a reviewing helper (each failed before): a public key with a typo was saved for
// automatic backups (every later one failed), and a private key with a typo was taken and the
// backup it did not open called damaged, with the typed key in the error's details.
import { describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { generateX25519Identity, identityToRecipient } from 'age-encryption'
import { ADMIN, call, createdVault, errorCode, tempDir, testHost } from './support/temp-vault'
import { createBackup } from '../../main/core/backup/create-backup'
import { verifyBackup } from '../../main/core/backup/verify-backup'
import {
  backupCredentialsSchema,
  backupProtectionSchema,
  type AutoBackupStatus,
} from '../../main/api/contract'
import { CaseVaultError } from '../../main/core/errors'

/** One character copied wrong (from paper, a photo, a chat): the key keeps its shape. */
function withOneTypo(key: string, at: number): string {
  const [q, p] = key.startsWith('age1') ? ['q', 'p'] : ['Q', 'P']
  return key.slice(0, at) + (key[at] === q ? p : q) + key.slice(at + 1)
}

describe('an age key with one character wrong', () => {
  it('a public key is refused when automatic backups are set up', async () => {
    const { host } = testHost()
    await call(host, 'vault:create', ADMIN)
    const typo = withOneTypo(await identityToRecipient(await generateX25519Identity()), 20)
    expect(typo).toMatch(/^age1[02-9ac-hj-np-z]{58}$/)
    await call(host, 'backup:chooseAutoFolder')
    expect(await errorCode(host, 'backup:updateAuto', { enabled: true, recipients: [typo], keep: 5 })).toBe(
      'VALIDATION',
    )
    expect(backupProtectionSchema.safeParse({ recipients: [typo] }).success).toBe(false)
  })

  it('a private key is refused by the schema, and by the core as the wrong key (not a damaged backup), unechoed', async () => {
    const { vault } = await createdVault({ dataDir: join(tempDir(), 'data') })
    const identity = await generateX25519Identity()
    const out = join(tempDir(), 'CaseVault-Safe-Harbour-Shelter-auto-2026-11-27-090000.cvbackup')
    const key = vault.databaseKeyCopy()
    await createBackup(
      vault.session()!,
      vault.dataDir,
      out,
      { recipients: [await identityToRecipient(identity)] },
      { appVersion: 'test', databaseKey: key },
    )
    key.fill(0)
    const typo = withOneTypo(identity, 30)
    expect(typo).toMatch(/^AGE-SECRET-KEY-1[0-9A-Z]{58}$/)
    expect(backupCredentialsSchema.safeParse({ identity: typo }).success).toBe(false)
    expect(backupCredentialsSchema.safeParse({ identity }).success).toBe(true)
    const error = await verifyBackup(out, { identity: typo }).then(
      () => null,
      (reason: unknown) => reason,
    )
    expect(error).toBeInstanceOf(CaseVaultError)
    expect((error as CaseVaultError).code).toBe('WRONG_PASSPHRASE')
    expect(JSON.stringify((error as CaseVaultError).details ?? {})).not.toContain(typo.slice(16, 50))
  })

  it('a stored key with a typo (saved before checksums were checked) does not silently reset automatic backups (found by a reviewing helper)', async () => {
    const dataDir = join(tempDir(), 'data')
    const folder = tempDir()
    const good = await identityToRecipient(await generateX25519Identity())
    const typo = withOneTypo(await identityToRecipient(await generateX25519Identity()), 20)
    const { vault } = await createdVault({ dataDir })
    vault.session()!.settings.saveAutoBackup({
      enabled: true,
      folder,
      recipients: [good, typo],
      keep: 7,
      lastRunAt: null,
      lastFailure: 'failed',
    })
    vault.lock('user')
    const { host } = testHost(dataDir)
    await call(host, 'vault:unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase })
    expect(await call<AutoBackupStatus>(host, 'backup:autoStatus')).toMatchObject({
      enabled: true,
      folder,
      keep: 7,
      recipients: [good, typo],
    })
  })
})
