import { describe, expect, it } from 'vitest'
import { createdVault } from './support/temp-vault'
import { verifyAuditChain, verifyAuditChainInTurns } from '../../main/core/audit/audit-log'

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

  it('finds a break in any batch of the walk, at a batch boundary too', async () => {
    const { vault } = await createdVault()
    const { audit, db } = vault.session()!
    for (let i = 0; i < 11; i += 1) audit.append({ actor: 'amara', action: 'case.read', target: `case:${i}` })
    expect(verifyAuditChain(db, 4)).toEqual({ ok: true, checkedRows: 12, firstBrokenId: null })
    expect(verifyAuditChain(db, 3)).toEqual({ ok: true, checkedRows: 12, firstBrokenId: null })
    db.exec('DROP TRIGGER audit_log_no_update')
    db.prepare("UPDATE audit_log SET actor = 'mallory' WHERE id = 9").run() // first row of the 3rd batch of 4
    expect(verifyAuditChain(db, 4)).toEqual({ ok: false, checkedRows: 8, firstBrokenId: 9 })
    expect(verifyAuditChain(db, 1)).toEqual({ ok: false, checkedRows: 8, firstBrokenId: 9 })
  })

  it('reports a row slipped in below the first one (id 0)', async () => {
    const { vault } = await createdVault()
    const { audit, db } = vault.session()!
    for (let i = 0; i < 3; i += 1) audit.append({ actor: 'amara', action: 'case.read', target: `case:${i}` })
    db.prepare(
      "INSERT INTO audit_log (id, at, actor, action, target, details, prev_hash, hash) VALUES (0, '2026-01-01T00:00:00.000Z', 'mallory', 'case.read', NULL, NULL, ?, ?)",
    ).run('0'.repeat(64), 'a'.repeat(64))
    expect(audit.verify()).toEqual({ ok: false, checkedRows: 0, firstBrokenId: 0 })
  })

  it('in turns: the same verdict, with the event loop running between batches and a cancel heard', async () => {
    const { vault } = await createdVault()
    const { audit, db } = vault.session()!
    for (let i = 0; i < 20; i += 1) audit.append({ actor: 'amara', action: 'case.read', target: `case:${i}` })
    // Other work (here: a loop of timer-queue turns) runs while the walk is under way; a walk
    // without pauses would resolve before a single one of them.
    let turns = 0
    let walking = true
    void (async () => {
      while (walking) {
        await new Promise((resolve) => setImmediate(resolve))
        turns += 1
      }
    })()
    const verdict = await verifyAuditChainInTurns(db, { batchRows: 2 })
    walking = false
    expect(verdict).toEqual({ ok: true, checkedRows: 21, firstBrokenId: null })
    expect(turns).toBeGreaterThanOrEqual(10)

    db.exec('DROP TRIGGER audit_log_no_update')
    db.prepare("UPDATE audit_log SET actor = 'mallory' WHERE id = 17").run()
    await expect(verifyAuditChainInTurns(db, { batchRows: 4 })).resolves.toEqual({
      ok: false,
      checkedRows: 16,
      firstBrokenId: 17,
    })

    const controller = new AbortController()
    const cancelled = verifyAuditChainInTurns(db, { batchRows: 2, signal: controller.signal })
    controller.abort()
    await expect(cancelled).rejects.toThrow()
  })
})
