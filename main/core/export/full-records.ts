// The read behind the full HTCDS formats (supervisor and admin only): every case with its survivor,
// events, perpetrators and comments. Attachments are not exported (files stay in the vault).
import type { VaultDatabase } from '../db/connection'
import type { ExportScope } from '../../api/contract/export'
import { forEachRawCase } from './full-records-stream'

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

/** A stored record (valid JSON: the tables check json_valid). */
export const parse = (json: string) => JSON.parse(json) as JsonRecord
/** A stored list of names; most are empty, and need no parse. */
export const parseList = (json: string) => (json === '[]' ? [] : (JSON.parse(json) as string[]))

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

/** Every case in scope, in case-id order (see forEachRawCase); call inside a read transaction. */
export function readRawCases(db: VaultDatabase, scope: ExportScope): RawCase[] {
  const cases: RawCase[] = []
  forEachRawCase(db, scope, (one) => cases.push(one))
  return cases
}

/** The same cases with their records parsed (for CSV, and for tests that compare records). */
export function readFullCases(db: VaultDatabase, scope: ExportScope): FullCase[] {
  return readRawCases(db, scope).map(parseCase)
}
