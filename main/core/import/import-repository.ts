import type { VaultDatabase } from '../db/connection'
import type { CaseCandidate } from './case-candidate'

/**
 * The SQL only an import needs. The case row is inserted here, not through CaseRepository.insertCase,
 * because an imported case also carries where it came from (source, source_record) and may arrive
 * closed: one INSERT instead of an INSERT plus an UPDATE rewriting the whole row (measured: the
 * UPDATE cost ~20% of import time). Keep the column list in step with case-repository.ts.
 */
export function createImportRepository(db: VaultDatabase) {
  const insertCase = db.prepare(
    `INSERT INTO cases (case_number, status, intake_date, organisation, assigned_user_id, survivor_id,
       age_at_intake, trafficking_status, closure_reason, details, victim, is_training, source, source_record,
       created_by, created_at, updated_at)
     VALUES (@caseNumber, @status, @intakeDate, @organisation, @assignedUserId, @survivorId, @ageAtIntake,
       @traffickingStatus, @closureReason, @details, @victim, @isTraining, @source, @sourceRecord,
       @createdBy, @now, @now)`,
  )
  const insertComment = db.prepare(
    'INSERT INTO case_comments (case_id, author_user_id, body, created_at) VALUES (?, ?, ?, ?)',
  )
  const linkPerpetrator = db.prepare(
    'INSERT INTO case_perpetrators (case_id, person_id, context) VALUES (?, ?, ?)',
  )
  // A range on the unique index (prefix-year- … prefix-year.), not LIKE: the index answers it.
  const lastNumberIn = db.prepare<[string, string], { case_number: string }>(
    'SELECT case_number FROM cases WHERE case_number >= ? AND case_number < ? ORDER BY case_number DESC LIMIT 1',
  )

  return {
    insertCase(
      candidate: CaseCandidate,
      row: {
        caseNumber: string
        organisation: string
        survivorId: number
        isTraining: boolean
        createdBy: number
      },
      now: string,
    ): number {
      return Number(
        insertCase.run({
          caseNumber: row.caseNumber,
          status: candidate.status,
          intakeDate: candidate.intakeDate,
          organisation: row.organisation,
          assignedUserId: candidate.assignedUserId,
          survivorId: row.survivorId,
          ageAtIntake: candidate.ageAtIntake,
          traffickingStatus: candidate.traffickingStatus,
          closureReason: candidate.closureReason,
          details: JSON.stringify(candidate.details),
          victim: JSON.stringify(candidate.victim),
          isTraining: row.isTraining ? 1 : 0,
          source: candidate.source,
          sourceRecord: candidate.sourceRecord ? JSON.stringify(candidate.sourceRecord) : null,
          createdBy: row.createdBy,
          now,
        }).lastInsertRowid,
      )
    },
    insertComment(caseId: number, comment: CaseCandidate['comments'][number]): void {
      insertComment.run(caseId, comment.authorUserId, comment.body, comment.createdAt)
    },
    linkPerpetrator(caseId: number, personId: number, context: Record<string, unknown>): void {
      linkPerpetrator.run(caseId, personId, JSON.stringify(context))
    },
    /** The highest number already given as `<prefix>-<year>-…`, or 0. */
    lastNumber(prefix: string, year: number): number {
      const stem = `${prefix}-${year}-`
      const highest = lastNumberIn.get(stem, `${prefix}-${year}.`)?.case_number.slice(stem.length)
      return highest && /^\d+$/.test(highest) ? Number(highest) : 0
    },
  }
}
