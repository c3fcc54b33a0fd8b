// The referrals (with their status history and consents) and support plans of a batch of cases, for
// the full HTCDS formats. Like the other parts (full-records-stream.ts) each is one query over the
// batch's range of case ids, never a query per case; the few rows a batch has are grouped by case
// (and by referral) in maps that live as long as the batch. Referrals that belong only to a
// screening (no case) have no case id, so they are never in range: they are not exported.
import type { VaultDatabase } from '../db/connection'
import type { ReferralHistoryEntry } from '../../api/contract/referral-types'
import { REFERRAL_COLUMNS, REFERRAL_JOINS, type ReferralRow } from '../referrals/referral-repository'
import { referralToHtcds } from '../referrals/referral-htcds'
import { createSettingsRepository } from '../settings/settings-repository'
import type {
  FullReferral,
  FullReferralConsent,
  FullReferralStatusChange,
  FullSupportPlan,
} from './full-records'

/** Case ids after `after`, up to and including `last`. */
export type CaseWindow = { after: number; last: number }

const IN_WINDOW = 'r.case_id > @after AND r.case_id <= @last'
// The order of referrals_by_case (case_id, referral_date, rowid): the referrals come without a sort,
// and so do their consents and history, each read in id order through its referral's index.
const REFERRAL_ORDER = 'r.case_id, r.referral_date, r.id'

// The key full-records-screenings.ts gives the referral's screening: its position among the case's
// screenings in that reader's order (assessed_on, id). Null for none, and for a walk-in screening
// of no case (it is not exported).
const SCREENING_KEY = `(SELECT CASE WHEN count(*) = 0 THEN NULL ELSE 'S' || count(*) END
    FROM assessments linked JOIN assessments earlier ON earlier.case_id = linked.case_id
     AND (earlier.assessed_on, earlier.id) <= (linked.assessed_on, linked.id)
    WHERE linked.id = r.assessment_id AND linked.case_id = r.case_id)`

/** Exported for the test that holds each to its index (no sort, no scan). */
export const CASEWORK_SQL = {
  referrals: `SELECT ${REFERRAL_COLUMNS}, pu.username AS primary_username, ${SCREENING_KEY} AS screening_key
    FROM referrals r ${REFERRAL_JOINS} WHERE ${IN_WINDOW} ORDER BY ${REFERRAL_ORDER}`,
  history: `SELECT h.referral_id, h.id, h.from_status, h.to_status, h.changed_on, u.username, u.display_name, h.note
    FROM referrals r JOIN referral_status_history h ON h.referral_id = r.id
    LEFT JOIN users u ON u.id = h.changed_by WHERE ${IN_WINDOW} ORDER BY ${REFERRAL_ORDER}, h.id`,
  consents: `SELECT k.referral_id, k.given_by, k.given_by_name, k.given_on, k.purpose, k.categories,
      u.username, k.withdrawn_on
    FROM referrals r JOIN referral_consents k ON k.referral_id = r.id
    LEFT JOIN users u ON u.id = k.recorded_by WHERE ${IN_WINDOW} ORDER BY ${REFERRAL_ORDER}, k.id`,
  supportPlans: `SELECT case_id, referral_id, type, objectives, action_plan, start_date, planned_end_date,
      actual_end_date, follow_up_date, status, outcome
    FROM support_plans WHERE case_id > @after AND case_id <= @last ORDER BY case_id, start_date, id`,
}

type ReferralExportRow = ReferralRow & { primary_username: string | null; screening_key: string | null }
type HistoryRow = [
  referralId: number,
  id: number,
  from: string | null,
  to: string,
  changedOn: string,
  username: string | null,
  displayName: string | null,
  note: string | null,
]
type ConsentRow = [
  referralId: number,
  givenBy: string,
  givenByName: string | null,
  givenOn: string,
  purpose: string,
  categories: string,
  username: string | null,
  withdrawnOn: string | null,
]
type PlanRow = [
  caseId: number,
  referralId: number | null,
  type: string,
  objectives: string,
  actionPlan: string | null,
  startDate: string,
  plannedEndDate: string | null,
  actualEndDate: string | null,
  followUpDate: string | null,
  status: string,
  outcome: string | null,
]

export interface CaseCasework {
  referrals: FullReferral[]
  supportPlans: FullSupportPlan[]
}

const none = (): CaseCasework => ({ referrals: [], supportPlans: [] })

function groupBy<Row, Key>(rows: Iterable<Row>, keyOf: (row: Row) => Key): Map<Key, Row[]> {
  const groups = new Map<Key, Row[]>()
  for (const row of rows) {
    const key = keyOf(row)
    const group = groups.get(key)
    if (group) group.push(row)
    else groups.set(key, [row])
  }
  return groups
}

const parseCodes = (json: string) => JSON.parse(json) as string[]

/**
 * Prepares the four queries once; returns a reader that takes a batch's window and answers, case
 * by case, that case's referrals and support plans (empty lists for most cases).
 */
export function caseworkReader(db: VaultDatabase): (window: CaseWindow) => (caseId: number) => CaseCasework {
  // The same name the referral screen puts on our side of the HTCDS view.
  const ourOrganisation = createSettingsRepository(db).organisation() ?? 'CaseVault'
  const statements = {
    referrals: db.prepare<[CaseWindow], ReferralExportRow>(CASEWORK_SQL.referrals),
    history: db.prepare<[CaseWindow], HistoryRow>(CASEWORK_SQL.history).raw(true),
    consents: db.prepare<[CaseWindow], ConsentRow>(CASEWORK_SQL.consents).raw(true),
    supportPlans: db.prepare<[CaseWindow], PlanRow>(CASEWORK_SQL.supportPlans).raw(true),
  }

  return (window) => {
    const referralRows = statements.referrals.all(window)
    const planRows = statements.supportPlans.all(window)
    if (referralRows.length === 0 && planRows.length === 0) return none
    const history = groupBy(referralRows.length ? statements.history.all(window) : [], (row) => row[0])
    const consents = groupBy(referralRows.length ? statements.consents.all(window) : [], (row) => row[0])
    const referralsByCase = groupBy(referralRows, (row) => row.case_id!)
    const plansByCase = groupBy(planRows, (row) => row[0])

    return (caseId) => {
      const rows = referralsByCase.get(caseId)
      const plans = plansByCase.get(caseId)
      if (!rows && !plans) return none()
      const keys = new Map<number, string>()
      const referrals = (rows ?? []).map((row, index) => {
        const key = `R${index + 1}`
        keys.set(row.id, key)
        return fullReferral(row, key, history.get(row.id) ?? [], consents.get(row.id) ?? [], ourOrganisation)
      })
      const supportPlans = (plans ?? []).map((plan) => fullSupportPlan(plan, keys))
      return { referrals, supportPlans }
    }
  }
}

function fullReferral(
  row: ReferralExportRow,
  key: string,
  historyRows: readonly HistoryRow[],
  consentRows: readonly ConsentRow[],
  ourOrganisation: string,
): FullReferral {
  // Only an incoming referral's HTCDS date reads the history (the day it was accepted).
  const entries: ReferralHistoryEntry[] = (row.direction === 'incoming' ? historyRows : []).map((entry) => ({
    id: entry[1],
    fromStatus: entry[2] as ReferralHistoryEntry['fromStatus'],
    toStatus: entry[3] as ReferralHistoryEntry['toStatus'],
    changedOn: entry[4],
    changedByName: entry[6],
    note: entry[7],
  }))
  const history: FullReferralStatusChange[] = historyRows.map((entry) => ({
    from: entry[2],
    to: entry[3],
    changedOn: entry[4],
    changedBy: entry[5],
    note: entry[7],
  }))
  const consents: FullReferralConsent[] = consentRows.map((consent) => ({
    givenBy: consent[1],
    givenByName: consent[2],
    givenOn: consent[3],
    purpose: consent[4],
    categories: parseCodes(consent[5]),
    recordedBy: consent[6],
    withdrawnOn: consent[7],
  }))
  return {
    key,
    direction: row.direction,
    status: row.status,
    urgency: row.urgency,
    referralDate: row.referral_date,
    followUpDate: row.follow_up_date,
    outcome: row.outcome,
    servicesRequested: parseCodes(row.services_requested),
    sharedCategories: row.shared_categories === null ? null : parseCodes(row.shared_categories),
    organisation: row.organisation_label,
    service: row.service_name,
    counterpartCaseworker: row.counterpart_caseworker,
    primaryCaseworker: row.primary_username,
    screening: row.screening_key,
    htcds: referralToHtcds(row, ourOrganisation, entries),
    history,
    consents,
  }
}

function fullSupportPlan(row: PlanRow, keys: ReadonlyMap<number, string>): FullSupportPlan {
  return {
    referral: row[1] === null ? null : (keys.get(row[1]) ?? null),
    status: row[9],
    startDate: row[5],
    followUpDate: row[8],
    outcome: row[10],
    htcds: {
      spl_Type: row[2],
      spl_Objectives: row[3],
      spl_ActionPlan: row[4],
      spl_PlannedEndDate: row[6],
      spl_ActualEndDate: row[7],
    },
  }
}
