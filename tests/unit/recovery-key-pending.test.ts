// The recovery key shown once at setup, kept until confirmed: a lock before its last group was
// typed had lost it for good (a helper's hunt, session 21; the screen test is in
// tests/component/access-recovery-review-ui.test.ts). Here: what main allows and records.
import { describe, expect, it } from 'vitest'
import { ADMIN, call, errorCode, testHost } from './support/temp-vault'
import { CASEWORKER, signInAs } from './support/case-fixtures'
import type { AuditEntry, CreatedVault, VaultStatus } from '../../main/api/contract'

describe('a recovery key not yet confirmed', () => {
  it('is shown again to the admin after a lock, once, until it is confirmed', async () => {
    const { host } = testHost()
    const { recoveryKey, status } = await call<CreatedVault>(host, 'vault:create', ADMIN)
    expect(status.recoveryKeyPending).toBe(true)
    await call(host, 'vault:lock')
    const unlocked = await call<VaultStatus>(host, 'vault:unlock', {
      username: ADMIN.username,
      passphrase: ADMIN.passphrase,
    })
    expect(unlocked.recoveryKeyPending).toBe(true)
    expect(await call<string>(host, 'vault:pendingRecoveryKey')).toBe(recoveryKey)
    const confirmed = await call<VaultStatus>(host, 'vault:confirmRecoveryKey')
    expect(confirmed.recoveryKeyPending).toBeUndefined()
    // Confirmed: the key is never handed out again.
    expect(await errorCode(host, 'vault:pendingRecoveryKey')).toBe('CONFLICT')
    const audit = await call<AuditEntry[]>(host, 'audit:list', { limit: 50 })
    const actions = audit.map((row) => row.action)
    expect(actions).toContain('vault.recovery_key_shown_again')
    expect(actions).toContain('vault.recovery_key_confirmed')
    expect(JSON.stringify(audit)).not.toContain(recoveryKey.slice(0, 9))
  })

  it('is never handed to a caseworker, whose status does not mention it', async () => {
    const { host } = testHost()
    await call(host, 'vault:create', ADMIN)
    await call(host, 'users:create', CASEWORKER)
    await signInAs(host, CASEWORKER.username)
    const status = await call<VaultStatus>(host, 'vault:status')
    expect(status.recoveryKeyPending).toBeUndefined()
    expect(await errorCode(host, 'vault:pendingRecoveryKey')).toBe('FORBIDDEN')
    expect(await errorCode(host, 'vault:confirmRecoveryKey')).toBe('FORBIDDEN')
  })
})
