import { describe, expect, it } from 'vitest'
import { createdVault } from './support/temp-vault'

describe('the audit log', () => {
  it('links every row to the SHA-256 of the previous one and verifies intact', async () => {
    const { vault } = await createdVault()
    const { audit } = vault.session()!
    for (let i = 0; i < 20; i += 1) audit.append({ actor: 'amara', action: 'case.read', target: `case:${i}` })
    expect(audit.verify()).toEqual({ ok: true, checkedRows: 21, firstBrokenId: null })
  })

  it('refuses UPDATE and DELETE through triggers (append-only)', async () => {
    const { vault } = await createdVault()
    const { db } = vault.session()!
    expect(() => db.prepare("UPDATE audit_log SET actor = 'mallory'").run()).toThrow(/append-only/)
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/)
  })

  it('reports the first broken row when a row was edited behind the triggers', async () => {
    const { vault } = await createdVault()
    const { audit, db } = vault.session()!
    for (let i = 0; i < 10; i += 1) audit.append({ actor: 'amara', action: 'case.read', target: `case:${i}` })
    db.exec('DROP TRIGGER audit_log_no_update')
    db.prepare("UPDATE audit_log SET actor = 'mallory' WHERE id = 6").run()
    expect(audit.verify()).toEqual({ ok: false, checkedRows: 5, firstBrokenId: 6 })
  })

  it('reports a deleted row as a break at the row after the gap', async () => {
    const { vault } = await createdVault()
    const { audit, db } = vault.session()!
    for (let i = 0; i < 10; i += 1) audit.append({ actor: 'amara', action: 'case.read', target: `case:${i}` })
    db.exec('DROP TRIGGER audit_log_no_delete')
    db.prepare('DELETE FROM audit_log WHERE id = 4').run()
    expect(audit.verify()).toMatchObject({ ok: false, firstBrokenId: 5 })
  })

  it('detects a row re-hashed by an attacker who did not re-hash the rest of the chain', async () => {
    const { vault } = await createdVault()
    const { audit, db } = vault.session()!
    for (let i = 0; i < 5; i += 1) audit.append({ actor: 'amara', action: 'case.read', target: `case:${i}` })
    db.exec('DROP TRIGGER audit_log_no_update')
    db.prepare("UPDATE audit_log SET hash = '" + 'f'.repeat(64) + "' WHERE id = 3").run()
    expect(audit.verify()).toMatchObject({ ok: false, firstBrokenId: 3 })
  })
})
