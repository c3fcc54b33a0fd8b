// The read behind the full HTCDS formats (supervisor and admin only): every case with its survivor,
// events, perpetrators, comments, referrals (with consents and status history), support plans and
// screenings. Attachments are not exported (files stay in the vault), nor are walk-in screenings
// that no case is linked to.
import type { VaultDatabase } from '../db/connection'
import type { ExportScope } from '../../api/contract/export'
import { forEachRawCase } from './full-records-stream'
import type { FullScreening } from './full-records-screenings'

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

export interface FullReferralConsent {
  givenBy: string
  givenByName: string | null
  givenOn: string
  purpose: string
  categories: string[]
  /** User name of whoever recorded it (null when that user was removed). */
  recordedBy: string | null
  withdrawnOn: string | null
}

export interface FullReferralStatusChange {
  from: string | null
  to: string
  changedOn: string
  /** User name of whoever recorded the change. */
  changedBy: string | null
  note: string | null
}

/**
 * A referral of the case: the HTCDS cas_ view (`htcds`, as the referral screen shows it) and what
 * CaseVault needs to rebuild it. Directory entries travel by name, never by id: ids mean nothing
 * in another vault.
 */
export interface FullReferral {
  /** `R1`, `R2`… by position within the case (support plans point at their referral by it). */
  key: string
  direction: string
  status: string
  urgency: string
  referralDate: string
  followUpDate: string | null
  outcome: string | null
  servicesRequested: string[]
  sharedCategories: string[] | null
  /** The other organisation's name (the directory's, or the one typed in). */
  organisation: string
  service: string | null
  counterpartCaseworker: string | null
  /** User name of the referral's primary caseworker here. */
  primaryCaseworker: string | null
  /**
   * The case's screening the referral was made from (its `key`: `S1`, `S2`…), or null: none, or a
   * walk-in screening linked to no case, which does not travel with the case.
   */
  screening: string | null
  htcds: Record<string, string | null>
  history: FullReferralStatusChange[]
  consents: FullReferralConsent[]
}

/** A support plan: the HTCDS spl_ fields (`htcds`) and CaseVault's own status, dates and outcome. */
export interface FullSupportPlan {
  /** The key of the case's referral the plan came out of, or null. */
  referral: string | null
  status: string
  startDate: string
  followUpDate: string | null
  outcome: string | null
  htcds: Record<string, string | null>
}

export interface FullCase {
  caseNumber: string
  status: string
  intakeDate: string
  closureReason: string | null
  organisation: string
  assignedTo: string | null
  isTraining: boolean
  /**
   * Imported from CTDC's public dataset: never part of a de-identified export. Carried in the
   * full formats so that a vault moved by export and import still knows it.
   */
  publicData: boolean
  /**
   * Where an imported record came from (CTDC: its dataset row and values, that its intake date is
   * a year only; an import without intake dates: that the date is the import's), null for a case
   * made here. Carried so a record moved by export and import keeps its provenance and label.
   */
  sourceRecord: JsonRecord | null
  createdAt: string
  updatedAt: string
  survivor: JsonRecord
  survivorAliases: string[]
  victim: JsonRecord
  details: JsonRecord
  events: JsonRecord[]
  perpetrators: FullPerpetrator[]
  comments: FullComment[]
  referrals: FullReferral[]
  supportPlans: FullSupportPlan[]
  /**
   * The case's screenings, oldest first (full-records-screenings.ts); absent when it has none, so a
   * case without any reads as it did before screenings were exported.
   */
  screenings?: FullScreening[]
}

type Json = string

/**
 * A case as read, its records still JSON text (valid by the tables' json_valid checks): the JSON
 * export splices them in as they are, without a parse and re-stringify per record.
 */
export interface RawCase extends Omit<
  FullCase,
  'survivor' | 'survivorAliases' | 'victim' | 'details' | 'events' | 'perpetrators' | 'sourceRecord'
> {
  sourceRecord: Json | null
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
    sourceRecord: raw.sourceRecord === null ? null : parse(raw.sourceRecord),
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
