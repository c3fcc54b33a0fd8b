// The screenings (risk assessments) of a batch of cases, for the full HTCDS formats, and the template
// versions they were made with. Like the casework (full-records-casework.ts), one query over the
// batch's range of case ids, never one per case; it walks assessments_by_case (case_id,
// assessed_on), so the rows come in order without a sort. A walk-in screening not linked to a case
// has no case id: it is never in range, and is not part of a case export (the JSON header says so).
//
// What travels is what the screener recorded: the template by key and version, the answers, the
// judgement and the next step, and the person screened as they gave themselves (subject: age, birth
// year, how to reach them), which a case opened from the screening keeps nowhere else. The computed
// outcome does not: it is derived from the template and
// the answers, and the import computes it again rather than trust a file's numbers.
import type { VaultDatabase } from '../db/connection'
import type { NextStep, RiskLevel, ScreeningChannel, ScreeningSubject } from '../../api/contract/screening'
import type { CaseWindow } from './full-records-casework'

export interface FullScreening {
  /** `S1`, `S2`… by position within the case, oldest first (a referral names its screening by it). */
  key: string
  templateKey: string
  templateVersion: number
  assessedOn: string
  channel: ScreeningChannel
  /** User name of the screener (null when that user was removed). */
  screener: string | null
  /** By question key, as stored (checked against the template when it was saved). */
  answers: Record<string, string>
  judgementLevel: RiskLevel | null
  judgementReason: string | null
  nextStep: NextStep
  nextStepNote: string | null
  /** When the screening was linked to the case. */
  linkedAt: string | null
  /**
   * The walk-in's own details, for a screening made before its case (opened from it, or linked to
   * it): the case's survivor record took the name, but age and birth year stay here only (HTCDS has
   * a full birthdate alone, subject.ts). Absent for a screening made on the case: none was asked.
   */
  subject?: ScreeningSubject
}

/**
 * One template version a file's screenings use: once per file, not per screening, since a version
 * made by a supervisor (or an edited default) exists in no other vault.
 */
export interface FullScreeningTemplate {
  key: string
  version: number
  name: string
  definition: Record<string, unknown>
}

/** Exported for the test that holds it to its index (no sort, no scan). */
export const SCREENINGS_SQL = `SELECT a.case_id, t.template_key, t.version, a.assessed_on, a.channel, u.username,
    a.answers, a.judgement_level, a.judgement_reason, a.next_step, a.next_step_note, a.linked_at, a.subject
  FROM assessments a JOIN assessment_templates t ON t.id = a.template_id
  LEFT JOIN users u ON u.id = a.screener_user_id
  WHERE a.case_id > @after AND a.case_id <= @last ORDER BY a.case_id, a.assessed_on, a.id`

type ScreeningRow = [
  caseId: number,
  templateKey: string,
  templateVersion: number,
  assessedOn: string,
  channel: ScreeningChannel,
  screener: string | null,
  answers: string,
  judgementLevel: RiskLevel | null,
  judgementReason: string | null,
  nextStep: NextStep,
  nextStepNote: string | null,
  linkedAt: string | null,
  subject: string | null,
]

/**
 * Prepares the query once; per batch window, answers each case's screenings as a part of the case:
 * `{ screenings }`, or nothing for a case without any (most cases).
 */
export function screeningsReader(
  db: VaultDatabase,
): (window: CaseWindow) => (caseId: number) => { screenings?: FullScreening[] } {
  const statement = db.prepare<[CaseWindow], ScreeningRow>(SCREENINGS_SQL).raw(true)
  return (window) => {
    const rows = statement.all(window)
    if (rows.length === 0) return () => ({})
    const byCase = new Map<number, FullScreening[]>()
    for (const row of rows) {
      const list = byCase.get(row[0])
      const screening: FullScreening = {
        key: `S${(list?.length ?? 0) + 1}`,
        templateKey: row[1],
        templateVersion: row[2],
        assessedOn: row[3],
        channel: row[4],
        screener: row[5],
        answers: JSON.parse(row[6]) as Record<string, string>,
        judgementLevel: row[7],
        judgementReason: row[8],
        nextStep: row[9],
        nextStepNote: row[10],
        linkedAt: row[11],
      }
      if (row[12] !== null) screening.subject = JSON.parse(row[12]) as ScreeningSubject
      if (list) list.push(screening)
      else byCase.set(row[0], [screening])
    }
    return (caseId) => {
      const screenings = byCase.get(caseId)
      return screenings ? { screenings } : {}
    }
  }
}

/** The template versions the screenings of an export use, gathered as its cases are written. */
export class TemplatesUsed {
  private readonly seen = new Map<string, { key: string; version: number }>()

  add(screenings: readonly FullScreening[]): void {
    for (const { templateKey: key, templateVersion: version } of screenings) {
      const id = `${key}\n${version}`
      if (!this.seen.has(id)) this.seen.set(id, { key, version })
    }
  }

  get size(): number {
    return this.seen.size
  }

  /** Their definitions, by key then version; call in the read transaction that read the cases. */
  read(db: VaultDatabase): FullScreeningTemplate[] {
    if (this.seen.size === 0) return []
    const rows = db
      .prepare<[string], { template_key: string; version: number; name: string; definition: string }>(
        `SELECT template_key, version, name, definition FROM assessment_templates
          WHERE (template_key, version) IN (SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]') FROM json_each(?))
          ORDER BY template_key, version`,
      )
      .all(JSON.stringify([...this.seen.values()].map(({ key, version }) => [key, version])))
    return rows.map((row) => ({
      key: row.template_key,
      version: row.version,
      name: row.name,
      definition: JSON.parse(row.definition) as Record<string, unknown>,
    }))
  }
}

/** The templates of several shares, each version once, by key then version. */
export function mergeTemplates(
  shares: readonly (readonly FullScreeningTemplate[])[],
): FullScreeningTemplate[] {
  const merged = new Map<string, FullScreeningTemplate>()
  for (const share of shares)
    for (const template of share) merged.set(`${template.key}\n${template.version}`, template)
  return [...merged.values()].sort((a, b) =>
    a.key === b.key ? a.version - b.version : a.key < b.key ? -1 : 1,
  )
}
