// Writes an imported case's referrals (with status history and consents) and support plans. Runs
// inside the import's single transaction, after the case row: it checks nothing (casework-check.ts
// did), and a failure rolls back the whole import. Rows are inserted as recorded, not through the
// referral service: the workflow would refuse to re-create a past that is already final, and the
// history is a record, not a sequence of new steps. The audit row is the import's own.
import type { VaultDatabase } from '../db/connection'
import type { CaseworkCandidate } from './casework-check'

export function createCaseworkWriter(db: VaultDatabase, importerId: number, now: string) {
  const insertReferral = db.prepare(
    `INSERT INTO referrals (direction, case_id, assessment_id, organisation_name, counterpart_caseworker,
       primary_user_id, reason, details, services_requested, urgency, referral_date, status, follow_up_date,
       outcome, shared_categories, created_by, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  const insertStatusChange = db.prepare(
    `INSERT INTO referral_status_history (referral_id, from_status, to_status, changed_on, changed_by, note, recorded_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  )
  const insertConsent = db.prepare(
    `INSERT INTO referral_consents (referral_id, given_by, given_by_name, given_on, purpose, categories, recorded_by,
       recorded_at, withdrawn_on)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  const insertPlan = db.prepare(
    `INSERT INTO support_plans (case_id, referral_id, type, objectives, action_plan, start_date, planned_end_date,
       actual_end_date, follow_up_date, status, outcome, created_by, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )

  return {
    /** `screeningIds`: the case's screenings just written, by their keys in the file. */
    insert(caseId: number, casework: CaseworkCandidate, screeningIds: ReadonlyMap<string, number>): void {
      const referralIds = casework.referrals.map(
        ({ referral, organisationName, reason, details, primaryUserId, history, consents }) => {
          const id = Number(
            insertReferral.run(
              referral.direction,
              caseId,
              referral.screening === null ? null : (screeningIds.get(referral.screening) ?? null),
              organisationName,
              referral.counterpartCaseworker,
              primaryUserId,
              reason,
              details,
              JSON.stringify(referral.servicesRequested),
              referral.urgency,
              referral.referralDate,
              referral.status,
              referral.followUpDate,
              referral.outcome,
              referral.sharedCategories === null ? null : JSON.stringify(referral.sharedCategories),
              importerId,
              now,
              now,
            ).lastInsertRowid,
          )
          for (const change of history)
            insertStatusChange.run(
              id,
              change.from,
              change.to,
              change.changedOn,
              change.changedById,
              change.note,
              now,
            )
          for (const consent of consents)
            insertConsent.run(
              id,
              consent.givenBy,
              consent.givenByName,
              consent.givenOn,
              consent.purpose,
              JSON.stringify(consent.categories),
              consent.recordedById,
              now,
              consent.withdrawnOn,
            )
          return id
        },
      )
      for (const { plan, referralIndex } of casework.supportPlans) {
        const { htcds } = plan
        insertPlan.run(
          caseId,
          referralIndex === null ? null : referralIds[referralIndex]!,
          htcds.spl_Type,
          htcds.spl_Objectives,
          htcds.spl_ActionPlan,
          plan.startDate,
          htcds.spl_PlannedEndDate,
          htcds.spl_ActualEndDate,
          plan.followUpDate,
          plan.status,
          plan.outcome,
          importerId,
          now,
          now,
        )
      }
    },
  }
}
