import type { z } from 'zod'
import { CaseVaultError } from '../errors'
import { assertDayInRange, assertNotTooEarly } from '../referrals/referral-date-rules'
import { latestIntakeDate } from '../../api/contract/dates'
import type { VaultSession } from '../vault/vault-session'
import type { createSupportPlanInput, updateSupportPlanInput } from '../../api/contract/referrals'
import type { SupportPlan, SupportPlanStatus, SupportPlanType } from '../../api/contract/referral-types'

interface SupportPlanRow {
  id: number
  case_id: number
  referral_id: number | null
  type: SupportPlanType
  objectives: string
  action_plan: string | null
  start_date: string
  planned_end_date: string | null
  actual_end_date: string | null
  follow_up_date: string | null
  status: SupportPlanStatus
  outcome: string | null
  version: number
  created_by_name: string | null
  created_at: string
  updated_at: string
}

function rowToPlan(row: SupportPlanRow): SupportPlan {
  return {
    id: row.id,
    caseId: row.case_id,
    referralId: row.referral_id,
    type: row.type,
    objectives: row.objectives,
    actionPlan: row.action_plan,
    startDate: row.start_date,
    plannedEndDate: row.planned_end_date,
    actualEndDate: row.actual_end_date,
    followUpDate: row.follow_up_date,
    status: row.status,
    outcome: row.outcome,
    version: row.version,
    createdByName: row.created_by_name,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}

const SELECT_PLAN = `SELECT sp.*, u.display_name AS created_by_name
  FROM support_plans sp LEFT JOIN users u ON u.id = sp.created_by`

/**
 * Support plans (HTCDS spl_) belong to a case; a plan may come out of one of that case's
 * referrals. Visibility is the case's (checked by the caller's assertCaseVisible).
 */
export function createSupportPlanService(session: VaultSession, assertCaseVisible: (caseId: number) => void) {
  const statements = {
    forCase: session.db.prepare<[number], SupportPlanRow>(
      `${SELECT_PLAN} WHERE sp.case_id = ? ORDER BY sp.start_date DESC, sp.id DESC`,
    ),
    one: session.db.prepare<[number], SupportPlanRow>(`${SELECT_PLAN} WHERE sp.id = ?`),
    referralCase: session.db.prepare<[number], { case_id: number | null }>(
      'SELECT case_id FROM referrals WHERE id = ?',
    ),
    insert: session.db.prepare(
      `INSERT INTO support_plans (case_id, referral_id, type, objectives, action_plan, start_date, planned_end_date,
         follow_up_date, status, created_by, created_at, updated_at)
       VALUES (@caseId, @referralId, @type, @objectives, @actionPlan, @startDate, @plannedEndDate, @followUpDate,
         'active', @userId, @now, @now)`,
    ),
    update: session.db.prepare(
      `UPDATE support_plans SET referral_id = @referralId, type = @type, objectives = @objectives,
         action_plan = @actionPlan, start_date = @startDate, planned_end_date = @plannedEndDate,
         actual_end_date = @actualEndDate, follow_up_date = @followUpDate, status = @status, outcome = @outcome,
         version = version + 1, updated_at = @now
       WHERE id = @id AND version = @version`,
    ),
  }

  function audit(action: string, caseId: number, details: Record<string, unknown>): void {
    session.audit.append({ actor: session.user.username, action, target: `case:${caseId}`, details })
  }

  /** A linked referral must be one of this case's own referrals. */
  function checkReferral(caseId: number, referralId: number | null): void {
    if (referralId === null) return
    if (statements.referralCase.get(referralId)?.case_id !== caseId) {
      throw new CaseVaultError('VALIDATION', 'Some fields are not valid.', {
        issues: [{ path: 'referralId', code: 'custom', message: 'not a referral of this case' }],
      })
    }
  }

  /**
   * A start or follow-up may lie ahead, but not before 1950 (1026 for 2026), as every other date of
   * a case: a follow-up of 1026 stood overdue at the top of every list of follow-ups for ever. On
   * an edit only a changed day is passed (null otherwise): older imported plans stay editable.
   */
  function assertPlannedDays(days: { startDate: string | null; followUpDate: string | null }): void {
    assertNotTooEarly('startDate', days.startDate)
    assertNotTooEarly('followUpDate', days.followUpDate)
  }

  return {
    list(caseId: number): SupportPlan[] {
      assertCaseVisible(caseId)
      return statements.forCase.all(caseId).map(rowToPlan)
    },

    create(input: z.output<typeof createSupportPlanInput>): SupportPlan {
      assertCaseVisible(input.caseId)
      checkReferral(input.caseId, input.referralId)
      assertPlannedDays(input)
      const id = session.db.transaction(() => {
        const planId = Number(
          statements.insert.run({ ...input, userId: session.user.id, now: session.clock().toISOString() })
            .lastInsertRowid,
        )
        audit('support_plan.created', input.caseId, {
          supportPlanId: planId,
          type: input.type,
          referralId: input.referralId,
        })
        return planId
      })()
      return rowToPlan(statements.one.get(id)!)
    },

    update(input: z.output<typeof updateSupportPlanInput>): SupportPlan {
      const existing = statements.one.get(input.id)
      if (!existing) throw new CaseVaultError('NOT_FOUND', 'This support plan does not exist.')
      assertCaseVisible(existing.case_id)
      checkReferral(existing.case_id, input.referralId)
      // An actual end is a fact, not a plan: one next year took the plan off the reminders as done;
      // one before 1950 (1026 for 2026) the import refuses, so the case could not move to a new
      // vault. An unchanged one is not judged again (an imported plan that ended "today" east of here).
      assertPlannedDays({
        startDate: input.startDate !== existing.start_date ? input.startDate : null,
        followUpDate: input.followUpDate !== existing.follow_up_date ? input.followUpDate : null,
      })
      const endChanged = input.actualEndDate !== existing.actual_end_date
      if (endChanged && input.actualEndDate !== null)
        assertDayInRange('actualEndDate', input.actualEndDate, latestIntakeDate(session.clock()))
      session.db.transaction(() => {
        if (statements.update.run({ ...input, now: session.clock().toISOString() }).changes !== 1) {
          throw new CaseVaultError(
            'CONFLICT',
            'Someone else changed this support plan after you opened it.',
            {
              stale: true,
            },
          )
        }
        audit('support_plan.updated', existing.case_id, {
          supportPlanId: input.id,
          status: input.status,
          ...(existing.status !== input.status ? { from: existing.status } : {}),
        })
      })()
      return rowToPlan(statements.one.get(input.id)!)
    },
  }
}
