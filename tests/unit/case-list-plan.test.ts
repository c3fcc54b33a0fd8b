import { describe, expect, it } from 'vitest'
import { createdVault } from './support/temp-vault'
import { listCasesInput, type ListCasesInput } from '../../main/api/contract/cases'
import { listCasesSql } from '../../main/core/cases/case-list-query'
import type { VaultDatabase } from '../../main/core/db/connection'

// Plans do not depend on the row count here (the vault runs no ANALYZE), so a small vault shows the
// plan a 100k-case vault gets. `npm run bench` has the timings this protects.
const FILTERS: [string, ListCasesInput][] = [
  ['no filter', {}],
  ['status + exploitation type', { status: ['Active'], exploitationType: ['SexualExploitation'] }],
  ['gender + status', { gender: ['Masculine'], status: ['Active'] }],
  ['citizenship', { citizenship: ['UA', 'MD'] }],
  ['age band + assignee', { ageBand: ['12-17'], assignedUserId: 3 }],
  [
    'intake range + two statuses',
    { intakeFrom: '2025-01-01', intakeTo: '2025-06-30', status: ['Active', 'FollowUp'] },
  ],
  [
    'everything',
    {
      status: ['Closed', 'ClosedReferred'],
      gender: ['Feminine'],
      citizenship: ['NG'],
      ageBand: ['18-25', '26-35'],
      exploitationType: ['ForcedLabour', 'Servitude'],
      intakeFrom: '2024-01-01',
    },
  ],
]

function widePlanLines(db: VaultDatabase, sql: string, params: unknown[]): string[] {
  const plan = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]
  // A step that reads cases or persons other than through a covering index reads their wide rows.
  return plan
    .map((step) => step.detail)
    .filter(
      (detail) => /^(SCAN|SEARCH) (c|p|cases|persons)\b/.test(detail) && !detail.includes('COVERING INDEX'),
    )
}

describe('the case list at scale', () => {
  it.each(FILTERS)('counts and picks a page from indexes only: %s', async (_, filters) => {
    const { vault } = await createdVault()
    const { db } = vault.session()!
    for (const onlyAssignedTo of [null, 2]) {
      const sql = listCasesSql(listCasesInput.parse(filters), onlyAssignedTo)
      expect(widePlanLines(db, sql.count, sql.params)).toEqual([])
      expect(widePlanLines(db, sql.pageIds, [...sql.params, 25, 0])).toEqual([])
    }
  })
})
