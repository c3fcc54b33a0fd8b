// Writes an imported case's screenings, linked to it. Runs inside the import's single transaction,
// after the case row: it checks nothing (screenings-check.ts did), and a failure rolls back the whole
// import. The row is assessment-repository.ts's insert, with the per-level weights taken from the
// outcome computed on import, the file's moment of linking kept (the screening was linked to the
// case then, not now), and the walk-in's details with the name they are listed by, as main writes a
// walk-in screening (assessment-service.ts). The template versions are resolved, or created, by
// screening-templates-import.ts. Audit: the import's own row counts them (import-service.ts).
import type { VaultSession } from '../vault/vault-session'
import type { AssessmentOutcome } from '../../api/contract/screening'
import type { ScreeningCandidate } from './screenings-check'
import { createTemplateIds } from './screening-templates-import'
import { DEFAULT_TEMPLATE } from '../screening/template-service'
import { subjectName } from '../screening/subject'

const weights = (outcome: AssessmentOutcome, level: string) => {
  const found = outcome.levels.find((one) => one.level === level)
  return [found?.riskWeight ?? 0, found?.protectiveWeight ?? 0]
}

/** `all`: every screening of the import (which versions it brings decides how a new vault is seeded). */
export function createScreeningWriter(
  session: VaultSession,
  now: string,
  all: readonly (readonly ScreeningCandidate[] | undefined)[],
) {
  const firstShipped = all
    .flatMap((screenings) => screenings ?? [])
    .find(({ template }) => template.key === DEFAULT_TEMPLATE.key && template.version === 1)
  const templates = createTemplateIds(session, now, firstShipped?.template.definition)
  const insert = session.db.prepare(
    `INSERT INTO assessments (case_id, assessed_on, screener_user_id, summary_risk_level, template_id,
       channel, subject, subject_name, answers, outcome, computed_risk_level, judgement_level,
       judgement_reason, next_step, next_step_note, individual_risk, individual_protective,
       household_risk, household_protective, community_risk, community_protective, linked_at, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  let written = 0

  return {
    /** Returns the new rows' ids by the file's screening keys (for the case's referrals). */
    insert(caseId: number, screenings: readonly ScreeningCandidate[]): Map<string, number> {
      const ids = new Map<string, number>()
      for (const screening of screenings) {
        const { outcome } = screening
        const { lastInsertRowid } = insert.run(
          caseId,
          screening.assessedOn,
          screening.screenerUserId,
          screening.judgementLevel ?? outcome.computedLevel,
          templates.idFor(screening.template),
          screening.channel,
          screening.subject ? JSON.stringify(screening.subject) : null,
          screening.subject ? subjectName(screening.subject) : null,
          screening.answers,
          JSON.stringify(outcome),
          outcome.computedLevel,
          screening.judgementLevel,
          screening.judgementReason,
          screening.nextStep,
          screening.nextStepNote,
          ...weights(outcome, 'individual'),
          ...weights(outcome, 'household'),
          ...weights(outcome, 'community'),
          screening.linkedAt ?? now,
          now,
        )
        if (screening.key !== null) ids.set(screening.key, Number(lastInsertRowid))
        written += 1
      }
      return ids
    },
    /** Screenings written and template versions created so far: counts for the import's audit row. */
    counts(): { screenings: number; screeningTemplatesCreated: number } {
      return { screenings: written, screeningTemplatesCreated: templates.created }
    },
  }
}
