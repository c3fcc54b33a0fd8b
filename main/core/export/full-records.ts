// The read behind the full HTCDS formats (supervisor and admin only): every case with its survivor,
// events, perpetrators and comments. Attachments are not exported (files stay in the vault).
import type { VaultDatabase } from '../db/connection'
import type { ExportScope } from '../../api/contract/export'
import { scopeParams } from './deidentified-source'

type JsonRecord = Record<string, unknown>

export interface FullPerpetrator {
  /** The vault's person id: the same perpetrator linked to several cases has the same id. */
  personId: number
  person: JsonRecord
  aliases: string[]
  context: JsonRecord
}

export interface FullComment {
  body: string
  createdAt: string
  author: string | null
}

export interface FullCase {
  caseNumber: string
  status: string
  intakeDate: string
  closureReason: string | null
  organisation: string
  assignedTo: string | null
  isTraining: boolean
  createdAt: string
  updatedAt: string
  survivor: JsonRecord
  survivorAliases: string[]
  victim: JsonRecord
  details: JsonRecord
  events: JsonRecord[]
  perpetrators: FullPerpetrator[]
  comments: FullComment[]
}

type Json = string

/**
 * A case as read, its records still JSON text (valid by the tables' json_valid checks): the JSON
 * export splices them in as they are, without a parse and re-stringify per record.
 */
export interface RawCase extends Omit<
  FullCase,
  'survivor' | 'survivorAliases' | 'victim' | 'details' | 'events' | 'perpetrators'
> {
  survivor: Json
  survivorAliases: Json
  victim: Json
  details: Json
  events: Json[]
  perpetrators: { personId: number; person: Json; aliases: Json; context: Json }[]
}

interface CaseRow {
  id: number
  case_number: string
  status: string
  intake_date: string
  closure_reason: string | null
  organisation: string
  assigned_to: string | null
  is_training: 0 | 1
  created_at: string
  updated_at: string
  survivor: string
  aliases: string
  victim: string
  details: string
}

const IN_SCOPE = 'SELECT id FROM cases WHERE intake_date >= @from AND intake_date <= @to'

// Cases in the order they were entered. `+c.intake_date` keeps SQLite off the date index, so the
// encrypted pages are read once, in order, with no sort of the big record columns (2.5× faster).
const SQL = {
  cases: `SELECT c.id, c.case_number, c.status, c.intake_date, c.closure_reason, c.organisation,
      u.username AS assigned_to, c.is_training, c.created_at, c.updated_at,
      p.record AS survivor, p.aliases, c.victim, c.details
    FROM cases c JOIN persons p ON p.id = c.survivor_id LEFT JOIN users u ON u.id = c.assigned_user_id
    WHERE +c.intake_date >= @from AND +c.intake_date <= @to
    ORDER BY c.id`,
  events: `SELECT case_id, record FROM trafficking_events WHERE case_id IN (${IN_SCOPE})
    ORDER BY case_id, event_date, id`,
  perpetrators: `SELECT cp.case_id, p.id AS person_id, p.record, p.aliases, cp.context
    FROM case_perpetrators cp JOIN persons p ON p.id = cp.person_id WHERE cp.case_id IN (${IN_SCOPE})
    ORDER BY cp.case_id, p.display_name, p.id`,
  comments: `SELECT c.case_id, c.body, c.created_at, u.username AS author
    FROM case_comments c LEFT JOIN users u ON u.id = c.author_user_id WHERE c.case_id IN (${IN_SCOPE})
    ORDER BY c.case_id, c.id`,
}

function groupBy<T extends { case_id: number }>(rows: T[]): Map<number, T[]> {
  const groups = new Map<number, T[]>()
  for (const row of rows) {
    const group = groups.get(row.case_id)
    if (group) group.push(row)
    else groups.set(row.case_id, [row])
  }
  return groups
}

const parse = (json: string) => JSON.parse(json) as JsonRecord
const parseList = (json: string) => JSON.parse(json) as string[]

export function parseCase(raw: RawCase): FullCase {
  return {
    ...raw,
    survivor: parse(raw.survivor),
    survivorAliases: parseList(raw.survivorAliases),
    victim: parse(raw.victim),
    details: parse(raw.details),
    events: raw.events.map(parse),
    perpetrators: raw.perpetrators.map((link) => ({
      personId: link.personId,
      person: parse(link.person),
      aliases: parseList(link.aliases),
      context: parse(link.context),
    })),
  }
}

/** Reads every case in scope; call inside a read transaction so the parts agree with the cases. */
export function readRawCases(db: VaultDatabase, scope: ExportScope): RawCase[] {
  const params = scopeParams(scope)
  const events = groupBy(
    db.prepare<[typeof params], { case_id: number; record: string }>(SQL.events).all(params),
  )
  const perpetrators = groupBy(
    db
      .prepare<
        [typeof params],
        { case_id: number; person_id: number; record: string; aliases: string; context: string }
      >(SQL.perpetrators)
      .all(params),
  )
  const comments = groupBy(
    db
      .prepare<[typeof params], { case_id: number; body: string; created_at: string; author: string | null }>(
        SQL.comments,
      )
      .all(params),
  )
  return db
    .prepare<[typeof params], CaseRow>(SQL.cases)
    .all(params)
    .map((row) => ({
      caseNumber: row.case_number,
      status: row.status,
      intakeDate: row.intake_date,
      closureReason: row.closure_reason,
      organisation: row.organisation,
      assignedTo: row.assigned_to,
      isTraining: row.is_training === 1,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      survivor: row.survivor,
      survivorAliases: row.aliases,
      victim: row.victim,
      details: row.details,
      events: (events.get(row.id) ?? []).map((event) => event.record),
      perpetrators: (perpetrators.get(row.id) ?? []).map((link) => ({
        personId: link.person_id,
        person: link.record,
        aliases: link.aliases,
        context: link.context,
      })),
      comments: (comments.get(row.id) ?? []).map((comment) => ({
        body: comment.body,
        createdAt: comment.created_at,
        author: comment.author,
      })),
    }))
}

/** The same cases with their records parsed (for CSV, and for tests that compare records). */
export function readFullCases(db: VaultDatabase, scope: ExportScope): FullCase[] {
  return readRawCases(db, scope).map(parseCase)
}
