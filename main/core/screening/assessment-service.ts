import type { z } from 'zod'
import { CaseVaultError } from '../errors'
import { EARLIEST_INTAKE_DATE, latestIntakeDate } from '../../api/contract/dates'
import type { VaultSession } from '../vault/vault-session'
import type { CaseService } from '../cases/case-service'
import { caseVisibilityFilter } from '../cases/case-access'
import {
  computeOutcome,
  createCaseInput,
  judgementNeedsReason,
  type AssessmentDetail,
  type AssessmentPage,
  type AssessmentSummary,
  type ConvertedScreening,
  type convertToCaseInput,
  type createAssessmentInput,
  type listAssessmentsInput,
  type AssessmentOutcome,
  type ScreeningSubject,
} from '../../api/contract'
import { createAssessmentRepository, rowToSummary, type AssessmentRow } from './assessment-repository'
import type { TemplateService } from './template-service'
import { checkAnswers } from './answer-check'
import { subjectName, subjectToSurvivor } from './subject'

type CreateAssessment = z.output<typeof createAssessmentInput>

function validation(path: string, code: string, message: string): CaseVaultError {
  return new CaseVaultError('VALIDATION', 'Some fields are not valid.', { issues: [{ path, code, message }] })
}

/** Screenings: create, read, list, link to a case, turn into a case. Audit rows carry ids only. */
export function createAssessmentService(
  session: VaultSession,
  templates: TemplateService,
  cases: CaseService,
) {
  const repository = createAssessmentRepository(session.db)
  const now = () => session.clock().toISOString()
  // The rule of a case's intake date (a screening's date becomes its case's intake date): today
  // here or in UTC. UTC plus a day let a date pass here that "create case" then refused.
  const latestScreeningDate = () => latestIntakeDate(session.clock())

  function audit(action: string, id: number, details?: Record<string, unknown>): void {
    session.audit.append({
      actor: session.user.username,
      action,
      target: `assessment:${id}`,
      details: details ?? null,
    })
  }

  function toDetail(row: AssessmentRow): AssessmentDetail {
    return {
      ...rowToSummary(row),
      subject: row.subject === null ? null : (JSON.parse(row.subject) as ScreeningSubject),
      answers: JSON.parse(row.answers) as Record<string, string>,
      outcome: JSON.parse(row.outcome) as AssessmentOutcome,
      judgementLevel: row.judgement_level,
      judgementReason: row.judgement_reason,
      nextStepNote: row.next_step_note,
      template: templates.load(row.template_id),
      linkedAt: row.linked_at,
      createdAt: row.created_at,
    }
  }

  /**
   * Same rule as cases, widened by authorship: a caseworker keeps seeing the walk-ins they screened
   * until one is linked to a case; from then on it follows the case (a case reassigned away took
   * its screening's answers, and the survivor's name, along only for its new caseworker).
   */
  function loadVisible(id: number): AssessmentRow {
    const onlyFor = caseVisibilityFilter(session)
    const row = repository.get(id)
    if (!row) throw new CaseVaultError('NOT_FOUND', 'This screening does not exist.')
    const ownWalkIn = row.case_id === null && row.screener_user_id === onlyFor
    if (onlyFor === null || ownWalkIn || row.case_assignee === onlyFor) return row
    session.audit.append({
      actor: session.user.username,
      action: 'access.denied',
      target: `assessment:${id}`,
      details: { reason: 'not screener or assignee' },
    })
    // details.reason lets the screens say "someone else's" rather than "your role may not".
    throw new CaseVaultError('FORBIDDEN', 'This screening belongs to someone else’s work.', {
      reason: 'not_assigned',
    })
  }

  function loadUnlinked(id: number): AssessmentRow {
    const row = loadVisible(id)
    if (row.case_id !== null)
      throw new CaseVaultError('CONFLICT', 'This screening is already linked to a case.', {
        caseId: row.case_id,
      })
    return row
  }

  return {
    create(input: CreateAssessment): AssessmentDetail {
      caseVisibilityFilter(session)
      if (input.caseId !== undefined) cases.assertVisible(input.caseId)
      if (input.assessedOn > latestScreeningDate())
        throw validation('assessedOn', 'future_date', 'not in the future')
      // As for a case's intake (a screening's date becomes its case's intake date): 1026 for 2026
      // was taken (found by a reviewing helper).
      if (input.assessedOn < EARLIEST_INTAKE_DATE)
        throw validation('assessedOn', 'date_too_early', `not before ${EARLIEST_INTAKE_DATE}`)
      const template = templates.load(input.templateId)
      const answers = checkAnswers(template.definition, input.answers)
      const outcome = computeOutcome(template.definition, answers)
      const judgementLevel = input.judgementLevel ?? null
      if (judgementNeedsReason(outcome.computedLevel, judgementLevel) && !input.judgementReason)
        throw validation('judgementReason', 'reason_required', 'required when the judgement differs')
      const id = session.db.transaction(() => {
        const created = repository.insert({
          caseId: input.caseId ?? null,
          assessedOn: input.assessedOn,
          screenerUserId: session.user.id,
          channel: input.channel,
          subject: input.subject ? JSON.stringify(input.subject) : null,
          subjectName: input.subject ? subjectName(input.subject) : null,
          answers: JSON.stringify(answers),
          outcome,
          judgementLevel,
          judgementReason: input.judgementReason ?? null,
          summaryRiskLevel: judgementLevel ?? outcome.computedLevel,
          nextStep: input.nextStep,
          nextStepNote: input.nextStepNote ?? null,
          templateId: template.id,
          createdAt: now(),
        })
        audit('screening.created', created, {
          templateId: template.id,
          ...(input.caseId !== undefined ? { caseId: input.caseId } : {}),
          level: judgementLevel ?? outcome.computedLevel,
        })
        return created
      })()
      return toDetail(repository.get(id)!)
    },

    get(id: number): AssessmentDetail {
      const row = loadVisible(id)
      audit('screening.read', id)
      return toDetail(row)
    },

    /**
     * The print view is about to print: a screening on paper (name, answers about abuse and debt)
     * leaves the vault, so it is audited as a disclosure, apart from reading it. Ids only.
     */
    printed(id: number): void {
      loadVisible(id)
      audit('screening.printed', id)
    },

    list(filter: z.output<typeof listAssessmentsInput>): AssessmentPage {
      const { rows, total } = repository.page(filter, caseVisibilityFilter(session))
      return { rows: rows.map(rowToSummary), total, page: filter.page, pageSize: filter.pageSize }
    },

    /** Oldest first: the case's screenings as a series, for the change-over-time chart. */
    forCase(caseId: number): AssessmentSummary[] {
      cases.assertVisible(caseId)
      return repository.forCase(caseId).map(rowToSummary)
    },

    linkToCase(id: number, caseId: number): AssessmentDetail {
      loadUnlinked(id)
      cases.assertVisible(caseId)
      session.db.transaction(() => {
        if (!repository.link(id, caseId, now()))
          throw new CaseVaultError('CONFLICT', 'This screening is already linked to a case.')
        audit('screening.linked', id, { caseId })
      })()
      return toDetail(repository.get(id)!)
    },

    /** Opens a case for the walk-in, with their details as the survivor, and links it: all or nothing. */
    convertToCase(input: z.output<typeof convertToCaseInput>): ConvertedScreening {
      const row = loadUnlinked(input.id)
      if (row.subject === null)
        throw new CaseVaultError('CONFLICT', 'This screening has no person to open a case for.')
      const subject = JSON.parse(row.subject) as ScreeningSubject
      const caseInput = createCaseInput.parse({
        intakeDate: input.intakeDate ?? row.assessed_on,
        assignedUserId: input.assignedUserId,
        ...subjectToSurvivor(subject),
      })
      return session.db.transaction(() => {
        // cases.create runs its own transaction; nested here it becomes a savepoint of this one.
        const created = cases.create(caseInput)
        if (!repository.link(input.id, created.id, now()))
          throw new CaseVaultError('CONFLICT', 'This screening is already linked to a case.')
        audit('screening.converted', input.id, { caseId: created.id })
        return { assessmentId: input.id, caseId: created.id, caseNumber: created.caseNumber }
      })()
    },
  }
}

export type AssessmentService = ReturnType<typeof createAssessmentService>
