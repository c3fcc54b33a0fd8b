import type { VaultDatabase } from '../db/connection'
import type { AgeBand, CasePage, CaseStatus, CaseSummary, ListCasesInput } from '../../api/contract/cases'
import type { z } from 'zod'
import type { listCasesInput } from '../../api/contract/cases'
import { PUBLIC_SOURCE } from '../export/deidentified-source'

type ListQuery = z.output<typeof listCasesInput>

/** Sort keys come from this allowlist only; the renderer's string never reaches SQL. */
const SORT_COLUMNS: Record<ListQuery['sortBy'], string> = {
  caseNumber: 'c.case_number',
  intakeDate: 'c.intake_date',
  status: 'c.status',
  updatedAt: 'c.updated_at',
  survivorName: 'p.display_name COLLATE NOCASE',
}

const AGE_BAND_SQL: Record<AgeBand, string> = {
  '0-11': 'c.age_at_intake BETWEEN 0 AND 11',
  '12-17': 'c.age_at_intake BETWEEN 12 AND 17',
  '18-25': 'c.age_at_intake BETWEEN 18 AND 25',
  '26-35': 'c.age_at_intake BETWEEN 26 AND 35',
  '36-45': 'c.age_at_intake BETWEEN 36 AND 45',
  '46+': 'c.age_at_intake >= 46',
  unknown: 'c.age_at_intake IS NULL',
}

export function ageBandOf(age: number | null): AgeBand {
  if (age === null) return 'unknown'
  if (age <= 11) return '0-11'
  if (age <= 17) return '12-17'
  if (age <= 25) return '18-25'
  if (age <= 35) return '26-35'
  if (age <= 45) return '36-45'
  return '46+'
}

interface SummaryRow {
  id: number
  case_number: string
  status: CaseStatus
  intake_date: string
  survivor_name: string
  gender: string | null
  age_at_intake: number | null
  citizenship: string | null
  assigned_user_id: number | null
  assigned_user_name: string | null
  exploitation_types: string | null
  is_training: 0 | 1
  updated_at: string
}

function placeholders(values: readonly unknown[]): string {
  return values.map(() => '?').join(', ')
}

const SUMMARY_COLUMNS = `c.id, c.case_number, c.status, c.intake_date, p.display_name AS survivor_name, p.gender,
  c.age_at_intake, p.citizenship, c.assigned_user_id, u.display_name AS assigned_user_name,
  (SELECT json_group_array(code) FROM case_exploitation_types e WHERE e.case_id = c.id) AS exploitation_types,
  c.is_training, c.updated_at`

/**
 * The list's SQL. Counting and choosing a page's ids touch only narrow indexes (migration 0003):
 * the cases and persons rows carry whole HTCDS records, and reading them for every match is what
 * made a 100k-case list take 250 ms under SQLCipher (each page decrypted, too many for the cache).
 * Conditions on the survivor or the exploitation types are id sets (`+x IN (SELECT …)`): the unary
 * plus stops SQLite from driving the query from those ids (a wide-row lookup each) and makes it test
 * membership with a bloom filter while it walks an index instead. Every value is bound; only
 * allowlisted fragments are concatenated. `onlyAssignedTo` is the caseworker visibility rule.
 */
export function listCasesSql(input: ListQuery, onlyAssignedTo: number | null) {
  const where: string[] = []
  const params: unknown[] = []
  const add = (clause: string, ...values: unknown[]) => {
    where.push(clause)
    params.push(...values)
  }
  if (onlyAssignedTo !== null) add('c.assigned_user_id = ?', onlyAssignedTo)
  if (input.assignedUserId !== undefined) add('c.assigned_user_id = ?', input.assignedUserId)
  if (input.status?.length) add(`c.status IN (${placeholders(input.status)})`, ...input.status)
  // Today's "My open cases" leaves CTDC's public rows out; its link opens the list with this set,
  // so the list shows the cases the card counted, not them buried among thousands of public rows.
  if (input.caseworkOnly) add('c.source <> ?', PUBLIC_SOURCE)
  if (input.intakeFrom) add('c.intake_date >= ?', input.intakeFrom)
  if (input.intakeTo) add('c.intake_date <= ?', input.intakeTo)
  if (input.ageBand?.length) where.push(`(${input.ageBand.map((band) => AGE_BAND_SQL[band]).join(' OR ')})`)
  const survivor: string[] = []
  const survivorParams: unknown[] = []
  if (input.gender?.length) {
    survivor.push(`p.gender IN (${placeholders(input.gender)})`)
    survivorParams.push(...input.gender)
  }
  if (survivor.length > 0) {
    add(`+c.survivor_id IN (SELECT p.id FROM persons p WHERE ${survivor.join(' AND ')})`, ...survivorParams)
  }
  if (input.citizenship?.length) {
    // Any of the survivor's citizenships: the first from the persons' facets index, the others
    // from person_citizenships (migration 0010); never the persons' wide rows.
    const codes = placeholders(input.citizenship)
    add(
      `+c.survivor_id IN (SELECT p.id FROM persons p WHERE p.citizenship IN (${codes})
        UNION ALL SELECT pc.person_id FROM person_citizenships pc WHERE pc.code IN (${codes}))`,
      ...input.citizenship,
      ...input.citizenship,
    )
  }
  if (input.exploitationType?.length) {
    add(
      `+c.id IN (SELECT e.case_id FROM case_exploitation_types e WHERE e.code IN (${placeholders(input.exploitationType)}))`,
      ...input.exploitationType,
    )
  }
  const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : ''
  const direction = input.sortDirection === 'asc' ? 'ASC' : 'DESC'
  const orderBy = `ORDER BY ${SORT_COLUMNS[input.sortBy]} ${direction}, c.id ${direction}`
  // Only a sort by name needs the survivor's row to choose the page.
  const pageFrom =
    input.sortBy === 'survivorName' ? 'FROM cases c JOIN persons p ON p.id = c.survivor_id' : 'FROM cases c'
  const pageIds = `SELECT c.id ${pageFrom} ${whereSql} ${orderBy} LIMIT ? OFFSET ?`
  return {
    count: `SELECT count(*) AS n FROM cases c ${whereSql}`,
    /** The page's case ids; then `page` reads just those rows. */
    pageIds,
    page: `SELECT ${SUMMARY_COLUMNS}
      FROM cases c JOIN persons p ON p.id = c.survivor_id LEFT JOIN users u ON u.id = c.assigned_user_id
      WHERE c.id IN (${pageIds})
      ${orderBy}`,
    params,
  }
}

/** The filtered, sorted, paged case list. */
export function listCases(db: VaultDatabase, input: ListQuery, onlyAssignedTo: number | null): CasePage {
  const sql = listCasesSql(input, onlyAssignedTo)
  const total = (db.prepare(sql.count).get(...sql.params) as { n: number }).n
  const rows = db
    .prepare(sql.page)
    .all(...sql.params, input.pageSize, input.page * input.pageSize) as SummaryRow[]
  return { rows: rows.map(rowToSummary), total, page: input.page, pageSize: input.pageSize }
}

function rowToSummary(row: SummaryRow): CaseSummary {
  return {
    id: row.id,
    caseNumber: row.case_number,
    status: row.status,
    intakeDate: row.intake_date,
    survivorName: row.survivor_name,
    gender: row.gender,
    ageBand: ageBandOf(row.age_at_intake),
    citizenship: row.citizenship,
    assignedUserId: row.assigned_user_id,
    assignedUserName: row.assigned_user_name,
    exploitationTypes: row.exploitation_types ? (JSON.parse(row.exploitation_types) as string[]) : [],
    isTraining: row.is_training === 1,
    updatedAt: row.updated_at,
  }
}

export type { ListCasesInput }
