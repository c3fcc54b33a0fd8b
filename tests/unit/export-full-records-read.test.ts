// The batched read behind the full HTCDS exports must give exactly what the former read gave: the
// same cases, parts and order. The former read (each table whole, grouped in memory) is kept here
// as the reference, and both run on a real encrypted vault across several batches and a scope
// that leaves gaps in the case ids.
import { describe, expect, it } from 'vitest'
import { createdVault } from './support/temp-vault'
import { survivorCase } from './support/case-fixtures'
import { caseServicesFor } from '../../main/api/case-services'
import { createCaseInput } from '../../main/api/contract'
import { fillWithSyntheticCases } from '../../main/core/training/fill-vault'
import { readRawCases, type RawCase } from '../../main/core/export/full-records'
import { forEachRawCase } from '../../main/core/export/full-records-stream'
import { scopeParams } from '../../main/core/export/deidentified-source'
import type { VaultDatabase } from '../../main/core/db/connection'
import type { ExportScope } from '../../main/api/contract/export'

const IN_SCOPE = 'SELECT id FROM cases WHERE intake_date >= @from AND intake_date <= @to'
const REFERENCE_SQL = {
  cases: `SELECT c.id, c.case_number, c.status, c.intake_date, c.closure_reason, c.organisation,
      u.username AS assigned_to, c.is_training, c.source, c.source_record, c.created_at, c.updated_at,
      p.record AS survivor, p.aliases, c.victim, c.details
    FROM cases c JOIN persons p ON p.id = c.survivor_id LEFT JOIN users u ON u.id = c.assigned_user_id
    WHERE c.intake_date >= @from AND c.intake_date <= @to ORDER BY c.id`,
  events: `SELECT case_id, record FROM trafficking_events WHERE case_id IN (${IN_SCOPE})
    ORDER BY case_id, event_date, id`,
  perpetrators: `SELECT cp.case_id, p.id AS person_id, p.record, p.aliases, cp.context
    FROM case_perpetrators cp JOIN persons p ON p.id = cp.person_id WHERE cp.case_id IN (${IN_SCOPE})
    ORDER BY cp.case_id, p.display_name, p.id`,
  comments: `SELECT c.case_id, c.body, c.created_at, u.username AS author
    FROM case_comments c LEFT JOIN users u ON u.id = c.author_user_id WHERE c.case_id IN (${IN_SCOPE})
    ORDER BY c.case_id, c.id`,
}

type Row = Record<string, unknown> & { case_id: number }
interface CaseRow {
  id: number
  case_number: string
  status: string
  intake_date: string
  closure_reason: string | null
  organisation: string
  assigned_to: string | null
  is_training: number
  source: string
  source_record: string | null
  created_at: string
  updated_at: string
  survivor: string
  aliases: string
  victim: string
  details: string
}

/** The read as it was before batching: every table whole, grouped by case in memory. */
function referenceRead(db: VaultDatabase, scope: ExportScope): RawCase[] {
  const params = scopeParams(scope)
  const grouped = (sql: string) => {
    const groups = new Map<number, Row[]>()
    for (const row of db.prepare(sql).all(params) as Row[]) {
      groups.set(row.case_id, [...(groups.get(row.case_id) ?? []), row])
    }
    return (id: number) => groups.get(id) ?? []
  }
  const events = grouped(REFERENCE_SQL.events)
  const perpetrators = grouped(REFERENCE_SQL.perpetrators)
  const comments = grouped(REFERENCE_SQL.comments)
  return (db.prepare(REFERENCE_SQL.cases).all(params) as CaseRow[]).map((row) => ({
    caseNumber: row.case_number,
    status: row.status,
    intakeDate: row.intake_date,
    closureReason: row.closure_reason,
    organisation: row.organisation,
    assignedTo: row.assigned_to,
    isTraining: row.is_training === 1,
    publicData: row.source === 'ctdc-deidentified',
    sourceRecord: row.source_record,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    survivor: row.survivor,
    survivorAliases: row.aliases,
    victim: row.victim,
    details: row.details,
    events: events(row.id).map((event) => event.record as string),
    perpetrators: perpetrators(row.id).map((link) => ({
      personId: link.person_id as number,
      person: link.record as string,
      aliases: link.aliases as string,
      context: link.context as string,
    })),
    comments: comments(row.id).map((comment) => ({
      body: comment.body as string,
      createdAt: comment.created_at as string,
      author: comment.author as string | null,
    })),
    // The vaults here have no casework (export-casework.test.ts covers referrals and plans).
    referrals: [],
    supportPlans: [],
  }))
}

/** A vault whose parts test the order: same-day and undated events, names that sort by code point. */
async function vaultWithOrderings() {
  const { vault } = await createdVault()
  const session = vault.session()!
  const { cases, comments, perpetrators } = caseServicesFor(session)
  const one = cases.create(
    createCaseInput.parse(
      survivorCase({
        events: [
          { record: { hte_Type: 'Exploitation', hte_Country: 'TH' } },
          { record: { hte_Type: 'Transit', hte_Date: '2024-03-01', hte_Country: 'LA' } },
          { record: { hte_Type: 'Recruitment', hte_Date: '2024-03-01', hte_Country: 'VN' } },
          { record: { hte_Type: 'Recruitment', hte_Date: '2023-12-30', hte_Country: 'VN' } },
        ],
      }),
    ),
  )
  // An emoji (above U+FFFF) and a ligature (U+FB01) sort differently by UTF-16 unit and by code point.
  for (const name of ['Zoë', '😀 Smile', 'ﬁne', 'Anna', 'Anna']) {
    perpetrators.add(one.id, { person: { prs_FirstName: name }, aliases: [name], context: {} })
  }
  comments.add(one.id, 'first')
  comments.add(one.id, 'second, with "quotes"')
  fillWithSyntheticCases(session, 2300, { seed: 11, casework: false })
  return session
}

describe('the batched full-records read', () => {
  it('reads the same cases, parts and order as the former read, across batches and scope gaps', async () => {
    const session = await vaultWithOrderings()
    const { db } = session
    const scopes: ExportScope[] = [{}, { intakeFrom: '2024-01-01', intakeTo: '2024-12-31' }]
    for (const scope of scopes) {
      const expected = referenceRead(db, scope)
      const read = db.transaction(() => readRawCases(db, scope))()
      expect(read.length).toBe(expected.length)
      expect(read).toEqual(expected)
    }
    const total = (db.prepare('SELECT count(*) AS n FROM cases').get() as { n: number }).n
    const bounded = referenceRead(db, scopes[1]!).length
    // The bounded scope really skips cases between others (else it would prove nothing about gaps).
    expect(bounded).toBeGreaterThan(0)
    expect(bounded).toBeLessThan(total)
    expect(total).toBeGreaterThan(2000)
  })

  it('hands each case on as it reads and counts them; an empty scope reads nothing', async () => {
    const { vault } = await createdVault()
    const session = vault.session()!
    const { cases } = caseServicesFor(session)
    cases.create(createCaseInput.parse(survivorCase({ intakeDate: '2025-01-02' })))
    const seen: string[] = []
    expect(forEachRawCase(session.db, {}, (one) => seen.push(one.intakeDate))).toBe(1)
    expect(seen).toEqual(['2025-01-02'])
    expect(forEachRawCase(session.db, { intakeFrom: '2030-01-01' }, () => seen.push('x'))).toBe(0)
    expect(seen).toHaveLength(1)
  })
})
