// What the audit log keeps, and that it can always be read. Found by a reviewing helper; both
// failed before: a case's deletion reason was free text (a survivor's name typed into it stayed in
// a log that can never be purged), and one damaged row's details made every page around it fail.
import { describe, expect, it } from 'vitest'
import { call, createdVault, errorCode } from './support/temp-vault'
import { createCase, staffedHost } from './support/case-fixtures'
import type { AuditEntry } from '../../main/api/contract'

describe('audit log content', () => {
  it('records why a case was deleted as a code: a typed reason is refused and nothing is deleted', async () => {
    const { host } = await staffedHost()
    const made = await createCase(host)
    const typed = { id: made.id, reason: 'Olena Kovalenko asked us to erase her record (she is in hiding).' }
    expect(await errorCode(host, 'cases:delete', typed)).toBe('VALIDATION')
    expect(await errorCode(host, 'cases:get', { id: made.id })).toBe('OK')

    await call(host, 'cases:delete', { id: made.id, reason: 'survivorRequest' })
    const rows = await call<AuditEntry[]>(host, 'audit:list', { limit: 20, target: `case:${made.id}` })
    expect(rows.find((row) => row.action === 'case.deleted')?.details).toEqual({
      caseNumber: made.caseNumber,
      reason: 'survivorRequest',
      intakeYear: Number(made.intakeDate.slice(0, 4)),
    })
    expect(JSON.stringify(rows)).not.toMatch(/Olena|Kovalenko|hiding/)
  })

  it('still lists the log when one row’s details were damaged; verify names the row', async () => {
    const { vault } = await createdVault()
    const { audit, db } = vault.session()!
    for (let i = 0; i < 5; i += 1) audit.append({ actor: 'amara', action: 'case.read', target: `case:${i}` })
    db.exec('DROP TRIGGER audit_log_no_update')
    db.exec('UPDATE audit_log SET details = \'{"rows":\' WHERE id = 4')
    expect(audit.verify()).toMatchObject({ ok: false, firstBrokenId: 4 })
    const entries = audit.list(50)
    expect(entries.map((entry) => entry.id)).toEqual([6, 5, 4, 3, 2, 1])
    expect(entries.find((entry) => entry.id === 4)!.details).toEqual({ unreadable: '{"rows":' })
  })
})
