import type { VaultDatabase } from '../db/connection'
import type { PersonFields } from '../cases/case-repository'
import type { CaseCandidate } from './case-candidate'
import { vaultCaseNumberKeys } from '../cases/case-number-key'
import { createCitizenshipWriter } from '../cases/person-citizenships'

/**
 * The SQL only an import needs. An import only ever adds: every case, person, event and type row
 * is new, so these are plain INSERTs, without the "replace what is there" reads and deletes the
 * case repository does for an edit (measured at 50k rows: those cost ~300 ms of an import's
 * ~3 s). The case row is inserted here, not through CaseRepository.insertCase, because an
 * imported case also carries where it came from (source, source_record) and may arrive closed:
 * one INSERT instead of an INSERT plus an UPDATE rewriting the whole row. Parameters are
 * positional (binding sixteen named ones per row was ~70 ms of the same import). Keep the column
 * lists in step with case-repository.ts.
 */
export function createImportRepository(db: VaultDatabase) {
  const setCitizenships = createCitizenshipWriter(db)
  const insertPerson = db.prepare(
    `INSERT INTO persons (kind, display_name, birthdate, gender, citizenship, aliases, record, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  const insertCase = db.prepare(
    `INSERT INTO cases (case_number, status, intake_date, organisation, assigned_user_id, survivor_id,
       age_at_intake, trafficking_status, closure_reason, details, victim, is_training, source, source_record,
       created_by, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  // OR IGNORE as in CaseRepository.setExploitationTypes: a code twice is one row.
  const insertExploitationType = db.prepare(
    'INSERT OR IGNORE INTO case_exploitation_types (case_id, code) VALUES (?, ?)',
  )
  const insertEvent = db.prepare(
    'INSERT INTO trafficking_events (case_id, type, event_date, country, record) VALUES (?, ?, ?, ?, ?)',
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
    /** The same row CaseRepository.insertPerson writes. */
    insertPerson(person: PersonFields, now: string): number {
      const id = Number(
        insertPerson.run(
          person.kind,
          person.displayName,
          person.birthdate,
          person.gender,
          person.citizenship,
          JSON.stringify(person.aliases),
          JSON.stringify(person.record),
          now,
          now,
        ).lastInsertRowid,
      )
      setCitizenships(id, person.record, false)
      return id
    },
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
        insertCase.run(
          row.caseNumber,
          candidate.status,
          candidate.intakeDate,
          row.organisation,
          candidate.assignedUserId,
          row.survivorId,
          candidate.ageAtIntake,
          candidate.traffickingStatus,
          candidate.closureReason,
          JSON.stringify(candidate.details),
          JSON.stringify(candidate.victim),
          row.isTraining ? 1 : 0,
          candidate.source,
          candidate.sourceRecord ? JSON.stringify(candidate.sourceRecord) : null,
          row.createdBy,
          now,
          now,
        ).lastInsertRowid,
      )
    },
    /** The rows CaseRepository.setExploitationTypes writes for a case that has none yet. */
    addExploitationTypes(caseId: number, codes: readonly string[]): void {
      for (const code of codes) insertExploitationType.run(caseId, code)
    },
    /** The rows CaseRepository.replaceEvents writes for a case that has no events yet. */
    addEvents(caseId: number, events: CaseCandidate['events']): void {
      for (const event of events)
        insertEvent.run(caseId, event.type, event.date, event.country, JSON.stringify(event.record))
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
    /**
     * Which of these case numbers the vault already holds, as caseNumberKey() compares them: in
     * capitals or not, CV-2025-001 and cv-2025-001 are one case (the unique index alone would
     * take both, and a partner's sheet in lower case made a second record of every survivor).
     */
    takenCaseNumbers(keys: readonly string[]): Set<string> {
      if (keys.length === 0) return new Set()
      const inVault = vaultCaseNumberKeys(db)
      return new Set(keys.filter((key) => inVault.has(key)))
    },
  }
}
