import type { VaultDatabase } from '../db/connection'
import type {
  ConsentCategory,
  ConsentGiver,
  ReferralDirection,
  ReferralReason,
  ReferralStatus,
  ReferralUrgency,
} from '../../api/contract/referral-types'

/** A referral joined with its case, directory entries and primary user; JSON columns still text. */
export interface ReferralRow {
  id: number
  direction: ReferralDirection
  status: ReferralStatus
  case_id: number | null
  case_number: string | null
  case_assigned_user_id: number | null
  /** The case's status: a closed case's referrals have no follow-up state (CLOSED_CASES). */
  case_status: string | null
  assessment_id: number | null
  organisation_id: number | null
  organisation_label: string
  service_id: number | null
  service_name: string | null
  counterpart_caseworker: string | null
  primary_user_name: string | null
  reason: ReferralReason | null
  details: string | null
  services_requested: string
  urgency: ReferralUrgency
  referral_date: string
  follow_up_date: string | null
  outcome: string | null
  shared_categories: string | null
  version: number
  created_by: number | null
  created_at: string
  updated_at: string
}

export interface ConsentRow {
  id: number
  given_by: ConsentGiver
  given_by_name: string | null
  given_on: string
  purpose: string
  categories: string
  recorded_by_name: string | null
  recorded_at: string
  withdrawn_on: string | null
}

export interface HistoryRow {
  id: number
  from_status: ReferralStatus | null
  to_status: ReferralStatus
  changed_on: string
  changed_by_name: string | null
  note: string | null
}

/** The referral's own columns as the service writes them. */
export interface ReferralContentRow {
  organisationId: number | null
  organisationName: string | null
  serviceId: number | null
  counterpartCaseworker: string | null
  reason: ReferralReason | null
  details: string | null
  servicesRequested: string
  urgency: ReferralUrgency
  referralDate: string
  followUpDate: string | null
}

// The organisation shown is the directory's current name, or the typed one when not in the directory.
export const REFERRAL_COLUMNS = `r.id, r.direction, r.status, r.case_id, c.case_number,
  c.assigned_user_id AS case_assigned_user_id, c.status AS case_status, r.assessment_id, r.organisation_id,
  COALESCE(o.name, r.organisation_name) AS organisation_label, r.service_id, s.name AS service_name,
  r.counterpart_caseworker, pu.display_name AS primary_user_name, r.reason, r.details,
  r.services_requested, r.urgency, r.referral_date, r.follow_up_date, r.outcome, r.shared_categories,
  r.version, r.created_by, r.created_at, r.updated_at`

export const REFERRAL_JOINS = `LEFT JOIN cases c ON c.id = r.case_id
  LEFT JOIN directory_organisations o ON o.id = r.organisation_id
  LEFT JOIN directory_services s ON s.id = r.service_id
  LEFT JOIN users pu ON pu.id = r.primary_user_id`

/** SQL for referrals, their consents and history; prepared once per session. No rules here. */
export function createReferralRepository(db: VaultDatabase) {
  const statements = {
    one: db.prepare<[number], ReferralRow>(
      `SELECT ${REFERRAL_COLUMNS} FROM referrals r ${REFERRAL_JOINS} WHERE r.id = ?`,
    ),
    forCase: db.prepare<[number], ReferralRow>(
      `SELECT ${REFERRAL_COLUMNS} FROM referrals r ${REFERRAL_JOINS} WHERE r.case_id = ? ORDER BY r.referral_date DESC, r.id DESC`,
    ),
    insert: db.prepare(
      `INSERT INTO referrals (direction, case_id, assessment_id, organisation_id, organisation_name, service_id,
         counterpart_caseworker, primary_user_id, reason, details, services_requested, urgency, referral_date,
         status, follow_up_date, created_by, created_at, updated_at)
       VALUES (@direction, @caseId, @assessmentId, @organisationId, @organisationName, @serviceId,
         @counterpartCaseworker, @userId, @reason, @details, @servicesRequested, @urgency, @referralDate,
         @status, @followUpDate, @userId, @now, @now)`,
    ),
    updateContent: db.prepare(
      `UPDATE referrals SET organisation_id = @organisationId, organisation_name = @organisationName,
         service_id = @serviceId, counterpart_caseworker = @counterpartCaseworker, reason = @reason,
         details = @details, services_requested = @servicesRequested, urgency = @urgency,
         referral_date = @referralDate, follow_up_date = @followUpDate, version = version + 1, updated_at = @now
       WHERE id = @id AND version = @version`,
    ),
    updateFollowUp: db.prepare(
      `UPDATE referrals SET follow_up_date = @followUpDate, outcome = @outcome, version = version + 1, updated_at = @now
       WHERE id = @id AND version = @version`,
    ),
    updateStatus: db.prepare(
      `UPDATE referrals SET status = @to, shared_categories = COALESCE(@sharedCategories, shared_categories),
         version = version + 1, updated_at = @now
       WHERE id = @id AND version = @version AND status = @from`,
    ),
    insertHistory: db.prepare(
      `INSERT INTO referral_status_history (referral_id, from_status, to_status, changed_on, changed_by, note, recorded_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ),
    history: db.prepare<[number], HistoryRow>(
      `SELECT h.id, h.from_status, h.to_status, h.changed_on, u.display_name AS changed_by_name, h.note
       FROM referral_status_history h LEFT JOIN users u ON u.id = h.changed_by WHERE h.referral_id = ? ORDER BY h.id`,
    ),
    consents: db.prepare<[number], ConsentRow>(
      `SELECT k.id, k.given_by, k.given_by_name, k.given_on, k.purpose, k.categories,
         u.display_name AS recorded_by_name, k.recorded_at, k.withdrawn_on
       FROM referral_consents k LEFT JOIN users u ON u.id = k.recorded_by WHERE k.referral_id = ? ORDER BY k.id`,
    ),
    insertConsent: db.prepare(
      `INSERT INTO referral_consents (referral_id, given_by, given_by_name, given_on, purpose, categories, recorded_by, recorded_at)
       VALUES (@referralId, @givenBy, @givenByName, @givenOn, @purpose, @categories, @userId, @now)`,
    ),
    // The consent named, only while it is in force: one withdrawn meanwhile is not withdrawn again.
    withdrawConsent: db.prepare(
      `UPDATE referral_consents SET withdrawn_on = ?, withdrawn_by = ?
       WHERE id = ? AND referral_id = ? AND withdrawn_on IS NULL`,
    ),
    touch: db.prepare('UPDATE referrals SET version = version + 1, updated_at = ? WHERE id = ?'),
    serviceOrganisation: db.prepare<[number], { organisation_id: number }>(
      'SELECT organisation_id FROM directory_services WHERE id = ?',
    ),
    organisationExists: db.prepare<[number], { id: number }>(
      'SELECT id FROM directory_organisations WHERE id = ?',
    ),
  }

  return {
    get: (id: number) => statements.one.get(id),
    forCase: (caseId: number) => statements.forCase.all(caseId),
    history: (id: number) => statements.history.all(id),
    consents: (id: number) => statements.consents.all(id),
    serviceOrganisation: (serviceId: number) =>
      statements.serviceOrganisation.get(serviceId)?.organisation_id,
    organisationExists: (id: number) => statements.organisationExists.get(id) !== undefined,

    insert(row: ReferralContentRow & Record<string, unknown>): number {
      return Number(statements.insert.run(row).lastInsertRowid)
    },
    updateContent(row: ReferralContentRow & { id: number; version: number; now: string }): boolean {
      return statements.updateContent.run(row).changes === 1
    },
    updateFollowUp(row: {
      id: number
      version: number
      followUpDate: string | null
      outcome: string | null
      now: string
    }) {
      return statements.updateFollowUp.run(row).changes === 1
    },
    updateStatus(row: {
      id: number
      version: number
      from: ReferralStatus
      to: ReferralStatus
      sharedCategories: string | null
      now: string
    }): boolean {
      return statements.updateStatus.run(row).changes === 1
    },
    addHistory(
      id: number,
      from: ReferralStatus | null,
      to: ReferralStatus,
      on: string,
      by: number,
      note: string | null,
      now: string,
    ) {
      statements.insertHistory.run(id, from, to, on, by, note, now)
    },
    addConsent(row: {
      referralId: number
      givenBy: ConsentGiver
      givenByName: string | null
      givenOn: string
      purpose: string
      categories: ConsentCategory[]
      userId: number
      now: string
    }): number {
      return Number(
        statements.insertConsent.run({ ...row, categories: JSON.stringify(row.categories) }).lastInsertRowid,
      )
    },
    withdrawConsent: (referralId: number, consentId: number, on: string, by: number) =>
      statements.withdrawConsent.run(on, by, consentId, referralId).changes,
    touch: (id: number, now: string) => statements.touch.run(now, id),
  }
}

export type ReferralRepository = ReturnType<typeof createReferralRepository>
