// A backup opened with the wrong kind of secret: main says which kind it needs. Every automatic
// backup is made to the organisation's public keys; checked with the default "Its backup
// passphrase", it said "The passphrase is not correct" about a passphrase that never existed.
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { generateX25519Identity, identityToRecipient } from 'age-encryption'
import { ADMIN, call, folderFileAccess, tempDir, testHost } from './support/temp-vault'
import type { BackupResult } from '../../main/api/contract'

const PASS = 'quiet walnut ferry orbit 1987 maple'

async function hostWithBackup(protection: object) {
  const { host } = testHost(join(tempDir(), 'data'), folderFileAccess(tempDir()))
  await call(host, 'vault:create', ADMIN)
  await call<BackupResult>(host, 'backup:create', protection)
  return host
}

describe('the wrong kind of secret for a backup', () => {
  it('a passphrase for a backup made to public keys: needs the private key', async () => {
    const identity = await generateX25519Identity()
    const host = await hostWithBackup({ recipients: [await identityToRecipient(identity)] })
    expect(await host.dispatch('backup:verify', { passphrase: PASS })).toMatchObject({
      ok: false,
      error: { code: 'WRONG_PASSPHRASE', details: { needs: 'privateKey' } },
    })
    expect(await host.dispatch('backup:verify', { identity })).toMatchObject({ ok: true })
  })

  it('a private key for a passphrase backup: needs the passphrase; a wrong passphrase says only that', async () => {
    const host = await hostWithBackup({ passphrase: PASS })
    const other = await generateX25519Identity()
    expect(await host.dispatch('backup:verify', { identity: other })).toMatchObject({
      ok: false,
      error: { code: 'WRONG_PASSPHRASE', details: { needs: 'passphrase' } },
    })
    const wrong = await host.dispatch('backup:verify', { passphrase: 'not the passphrase at all' })
    expect(wrong).toMatchObject({ ok: false, error: { code: 'WRONG_PASSPHRASE' } })
    expect((wrong as { error: { details?: unknown } }).error.details).toBeUndefined()
  })
})

describe('a new backup passphrase with a space at either end', () => {
  it('is refused by main (the words alone, as written on paper, would not open it)', async () => {
    const { host } = testHost(join(tempDir(), 'data'), folderFileAccess(tempDir()))
    await call(host, 'vault:create', ADMIN)
    expect(await host.dispatch('backup:create', { passphrase: ` ${PASS}` })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    })
    expect(await host.dispatch('backup:create', { passphrase: PASS })).toMatchObject({ ok: true })
  })
})
