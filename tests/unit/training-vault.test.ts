import { describe, expect, it } from 'vitest'
import { createdVault } from './support/temp-vault'
import { listCasesInput } from '../../main/api/contract/cases'
import { createCaseService } from '../../main/core/cases/case-service'
import { fillWithSyntheticCases } from '../../main/core/training/fill-vault'
import { generateSyntheticCases } from '../../main/core/training/synthetic-cases'
import { openSession } from '../../main/core/vault/vault-session'
import type { VaultSession } from '../../main/core/vault/vault-session'

const TODAY = new Date('2026-05-01T12:00:00Z')

async function vaultWithStaff() {
  const { vault } = await createdVault()
  const session = vault.session()!
  const now = session.clock().toISOString()
  const caseworkers = ['bilal', 'chen', 'dana'].map(
    (username) => session.users.insert({ username, displayName: username, role: 'caseworker' }, now).id,
  )
  return { vault, session, caseworkers }
}

function auditActions(session: VaultSession) {
  return session.audit.list(100_000)
}

describe('a training vault filled with synthetic cases', () => {
  it('holds every case as training data, listed, searchable, assigned, audited in one row per batch', async () => {
    const { session, caseworkers } = await vaultWithStaff()
    const filled = fillWithSyntheticCases(session, 200, { seed: 11, assignees: caseworkers, today: TODAY })
    expect(filled).toMatchObject({ cases: 200 })
    expect(filled.closed).toBeGreaterThan(30)
    expect(session.settings.isTrainingVault()).toBe(true)

    const service = createCaseService(session)
    const page = service.list(listCasesInput.parse({ pageSize: 200 }))
    expect(page.total).toBe(200)
    expect(page.rows.every((row) => row.isTraining)).toBe(true)
    expect(new Set(page.rows.map((row) => row.assignedUserId))).toEqual(new Set(caseworkers))
    const closed = page.rows.filter((row) => row.status === 'Closed' || row.status === 'ClosedReferred')
    expect(closed.length).toBe(filled.closed)

    const someone = service.get(page.rows[17]!.id)
    const surname = someone.survivor.record.prs_SecondName as string
    const hits = service.search(surname.slice(0, Math.max(3, surname.length - 1)), 50)
    expect(hits.map((hit) => hit.id)).toContain(someone.id)

    const bulkRows = auditActions(session).filter((entry) => entry.action === 'case.bulk_created')
    expect(bulkRows).toHaveLength(1)
    expect(bulkRows[0]!.details).toMatchObject({ count: 200, isTraining: true })
    expect(auditActions(session).filter((entry) => entry.action === 'case.created')).toHaveLength(0)
    expect(session.audit.verify().ok).toBe(true)
  })

  it('links a perpetrator met again instead of duplicating the person, across batches', async () => {
    const { session, caseworkers } = await vaultWithStaff()
    const filled = fillWithSyntheticCases(session, 300, {
      seed: 5,
      assignees: caseworkers,
      today: TODAY,
      batchSize: 70,
    })
    const synthetic = generateSyntheticCases(300, { seed: 5, today: TODAY })
    const keys = new Set(synthetic.flatMap((c) => c.perpetrators.map((p) => p.key)))
    expect(filled.perpetrators).toBe(keys.size)
    expect(filled.perpetratorLinks).toBeGreaterThan(keys.size)
    const persons = session.db
      .prepare("SELECT count(*) AS n FROM persons WHERE kind = 'perpetrator'")
      .get() as { n: number }
    expect(persons.n).toBe(keys.size)
    const closedCase = session.db
      .prepare("SELECT version, closure_reason FROM cases WHERE status = 'Closed' LIMIT 1")
      .get() as { version: number; closure_reason: string }
    expect(closedCase).toMatchObject({ version: 2, closure_reason: expect.any(String) })
    const batches = auditActions(session).filter((entry) => entry.action === 'case.bulk_created')
    expect(batches).toHaveLength(5)
  })

  it('writes nothing when one case of a batch is invalid, and only an admin may add in bulk', async () => {
    const { vault, session, caseworkers } = await vaultWithStaff()
    const service = createCaseService(session)
    const [good, bad] = generateSyntheticCases(2, { seed: 1, today: TODAY })
    const badCase = { input: { ...bad!.input, victim: { vic_TypeOfExploitation: ['NotACode'] } } }
    expect(() => service.createMany([{ input: good!.input }, badCase])).toThrow(
      expect.objectContaining({ code: 'VALIDATION', details: expect.objectContaining({ index: 1 }) }),
    )
    expect(() => service.createMany([{ input: good!.input, status: 'Closed' }])).toThrow(/closure reason/)
    expect(service.list(listCasesInput.parse({})).total).toBe(0)

    const caseworker = session.users.list().find((user) => user.id === caseworkers[0])!
    const asCaseworker = openSession(vault.session()!.db, caseworker, () => TODAY)
    expect(() => createCaseService(asCaseworker).createMany([{ input: good!.input }])).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN' }),
    )
    expect(() => fillWithSyntheticCases(session, 0, { seed: 1 })).toThrow(/1 to 200000/)
  })
})
