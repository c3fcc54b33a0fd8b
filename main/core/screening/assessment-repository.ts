import { CaseVaultError } from '../errors'
import type { VaultDatabase } from '../db/connection'
import type { z } from 'zod'
import type {
  AssessmentOutcome,
  AssessmentSummary,
  listAssessmentsInput,
  NextStep,
  RiskLevel,
  ScreeningChannel,
} from '../../api/contract/screening'

export interface AssessmentRow {
  id: number
  case_id: number | null
  case_number: string | null
  case_assignee: number | null
  person_name: string | null
  assessed_on: string
  channel: ScreeningChannel
  screener_user_id: number | null
  screener_name: string | null
  summary_risk_level: RiskLevel
  computed_risk_level: RiskLevel
  judgement_level: RiskLevel | null
  judgement_reason: string | null
  next_step: NextStep
  next_step_note: string | null
  template_id: number
  template_name: string
  template_version: number
  subject: string | null
  answers: string
  outcome: string
  individual_risk: number
  individual_protective: number
  household_risk: number
  household_protective: number
  community_risk: number
  community_protective: number
  linked_at: string | null
  created_at: string
}

export interface NewAssessment {
  caseId: number | null
  assessedOn: string
  screenerUserId: number
  channel: ScreeningChannel
  subject: string | null
  subjectName: string | null
  answers: string
  outcome: AssessmentOutcome
  judgementLevel: RiskLevel | null
  judgementReason: string | null
  summaryRiskLevel: RiskLevel
  nextStep: NextStep
  nextStepNote: string | null
  templateId: number
  createdAt: string
}

// A linked screening shows the case's survivor as they are named now; a walk-in its own subject.
const SELECT = `SELECT a.*, c.case_number, c.assigned_user_id AS case_assignee,
    CASE WHEN c.id IS NULL THEN a.subject_name ELSE p.display_name END AS person_name,
    u.display_name AS screener_name, t.name AS template_name, t.version AS template_version
  FROM assessments a
  JOIN assessment_templates t ON t.id = a.template_id
  LEFT JOIN cases c ON c.id = a.case_id
  LEFT JOIN persons p ON p.id = c.survivor_id
  LEFT JOIN users u ON u.id = a.screener_user_id`

// Caseworkers: what they screened, or what is linked to a case assigned to them (case-access.ts).
// A screening of a case follows the case (reassigned, its former caseworker no longer sees it);
// its screener keeps only the walk-ins not linked to a case.
const VISIBLE = `(@onlyFor IS NULL OR (a.screener_user_id = @onlyFor AND a.case_id IS NULL)
  OR c.assigned_user_id = @onlyFor)`

// Every filter is bound; NULL means "not filtered". Levels arrive as a JSON array.
const CHOSEN = `(@levels IS NULL OR a.summary_risk_level IN (SELECT value FROM json_each(@levels)))
  AND (@linked = 'all' OR (@linked = 'linked') = (a.case_id IS NOT NULL))
  AND (@from IS NULL OR a.assessed_on >= @from)
  AND (@to IS NULL OR a.assessed_on <= @to)
  AND (@screener IS NULL OR a.screener_user_id = @screener)`
const FILTERS = `${VISIBLE} AND ${CHOSEN}`

export function rowToSummary(row: AssessmentRow): AssessmentSummary {
  return {
    id: row.id,
    assessedOn: row.assessed_on,
    channel: row.channel,
    caseId: row.case_id,
    caseNumber: row.case_number,
    personName: row.person_name,
    screenerUserId: row.screener_user_id,
    screenerName: row.screener_name,
    computedRiskLevel: row.computed_risk_level,
    summaryRiskLevel: row.summary_risk_level,
    judgementDiffers: row.judgement_level !== null && row.judgement_level !== row.computed_risk_level,
    nextStep: row.next_step,
    riskWeight: row.individual_risk + row.household_risk + row.community_risk,
    protectiveWeight: row.individual_protective + row.household_protective + row.community_protective,
    levels: {
      individual: { risk: row.individual_risk, protective: row.individual_protective },
      household: { risk: row.household_risk, protective: row.household_protective },
      community: { risk: row.community_risk, protective: row.community_protective },
    },
    templateId: row.template_id,
    templateName: row.template_name,
    templateVersion: row.template_version,
  }
}

type ListFilter = z.output<typeof listAssessmentsInput>

export function createAssessmentRepository(db: VaultDatabase) {
  const level = (outcome: AssessmentOutcome, name: string) => outcome.levels.find((l) => l.level === name)
  const statements = {
    insert: db.prepare(
      `INSERT INTO assessments (case_id, assessed_on, screener_user_id, summary_risk_level, template_id,
         channel, subject, subject_name, answers, outcome, computed_risk_level, judgement_level,
         judgement_reason, next_step, next_step_note, individual_risk, individual_protective,
         household_risk, household_protective, community_risk, community_protective, linked_at, created_at)
       VALUES (@caseId, @assessedOn, @screenerUserId, @summaryRiskLevel, @templateId, @channel, @subject,
         @subjectName, @answers, @outcome, @computedRiskLevel, @judgementLevel, @judgementReason, @nextStep,
         @nextStepNote, @individualRisk, @individualProtective, @householdRisk, @householdProtective,
         @communityRisk, @communityProtective, @linkedAt, @createdAt)`,
    ),
    byId: db.prepare<[number], AssessmentRow>(`${SELECT} WHERE a.id = ?`),
    page: db.prepare<Record<string, unknown>, AssessmentRow>(
      `${SELECT} WHERE ${FILTERS} ORDER BY a.assessed_on DESC, a.id DESC LIMIT @limit OFFSET @offset`,
    ),
    pageAsc: db.prepare<Record<string, unknown>, AssessmentRow>(
      `${SELECT} WHERE ${FILTERS} ORDER BY a.assessed_on ASC, a.id ASC LIMIT @limit OFFSET @offset`,
    ),
    // Counts read the narrow covering index of migration 0008, never the JSON-heavy rows: all
    // screenings without the join to cases; a caseworker's as (screened by them) ∪ (on their
    // cases), each through its own index. The single OR-ed query read the whole table (495 ms
    // encrypted at 100k cases in the bench).
    countAll: db.prepare<Record<string, unknown>, { n: number }>(
      `SELECT count(*) AS n FROM assessments a WHERE ${CHOSEN}`,
    ),
    countMine: db.prepare<Record<string, unknown>, { n: number }>(
      `SELECT count(*) AS n FROM (
         SELECT a.id FROM assessments a WHERE a.screener_user_id = @onlyFor AND a.case_id IS NULL AND ${CHOSEN}
         UNION
         SELECT a.id FROM cases c JOIN assessments a ON a.case_id = c.id WHERE c.assigned_user_id = @onlyFor AND ${CHOSEN})`,
    ),
    forCase: db.prepare<[number], AssessmentRow>(
      `${SELECT} WHERE a.case_id = ? ORDER BY a.assessed_on, a.id`,
    ),
    link: db.prepare('UPDATE assessments SET case_id = ?, linked_at = ? WHERE id = ? AND case_id IS NULL'),
    // Referrals made from the screening before it had a case follow it to the case (its
    // caseworker sees them, its history lists them).
    linkReferrals: db.prepare('UPDATE referrals SET case_id = ? WHERE assessment_id = ? AND case_id IS NULL'),
    referralsOfOtherCases: db
      .prepare<[number, number], number>(
        'SELECT count(*) FROM referrals WHERE assessment_id = ? AND case_id IS NOT NULL AND case_id <> ?',
      )
      .pluck(),
  }
  return {
    insert(assessment: NewAssessment): number {
      const { outcome } = assessment
      return Number(
        statements.insert.run({
          ...assessment,
          outcome: JSON.stringify(outcome),
          computedRiskLevel: outcome.computedLevel,
          individualRisk: level(outcome, 'individual')?.riskWeight ?? 0,
          individualProtective: level(outcome, 'individual')?.protectiveWeight ?? 0,
          householdRisk: level(outcome, 'household')?.riskWeight ?? 0,
          householdProtective: level(outcome, 'household')?.protectiveWeight ?? 0,
          communityRisk: level(outcome, 'community')?.riskWeight ?? 0,
          communityProtective: level(outcome, 'community')?.protectiveWeight ?? 0,
          linkedAt: assessment.caseId === null ? null : assessment.createdAt,
        }).lastInsertRowid,
      )
    },
    get(id: number): AssessmentRow | undefined {
      return statements.byId.get(id)
    },
    page(filter: ListFilter, onlyFor: number | null): { rows: AssessmentRow[]; total: number } {
      const params = {
        onlyFor,
        levels: filter.riskLevel && filter.riskLevel.length > 0 ? JSON.stringify(filter.riskLevel) : null,
        linked: filter.linked,
        from: filter.from ?? null,
        to: filter.to ?? null,
        screener: filter.screenerUserId ?? null,
      }
      const statement = filter.sortDirection === 'asc' ? statements.pageAsc : statements.page
      const rows = statement.all({ ...params, limit: filter.pageSize, offset: filter.page * filter.pageSize })
      const count = params.onlyFor === null ? statements.countAll : statements.countMine
      return { rows, total: count.get(params)!.n }
    },
    forCase(caseId: number): AssessmentRow[] {
      return statements.forCase.all(caseId)
    },
    /** False when the screening was linked meanwhile (never re-links silently). */
    link(id: number, caseId: number, at: string): boolean {
      // A referral of another case already carries this walk-in screening (picked for that case's
      // survivor): linked here, that referral's printed form would show this case's risk level.
      const carriedElsewhere = statements.referralsOfOtherCases.get(id, caseId)!
      if (carriedElsewhere > 0)
        throw new CaseVaultError('CONFLICT', 'A referral of another case uses this screening.', {
          referralsOfOtherCases: carriedElsewhere,
        })
      if (statements.link.run(caseId, at, id).changes !== 1) return false
      statements.linkReferrals.run(caseId, id)
      return true
    },
  }
}

export type AssessmentRepository = ReturnType<typeof createAssessmentRepository>
