import type { VaultDatabase } from '../db/connection'
import { caseNumberInVault } from './case-number-key'
import type { CaseStatus } from '../../api/contract/cases'
import { createCitizenshipWriter } from './person-citizenships'

/** A case joined with its survivor and assignee, as read from SQL. JSON columns are still text. */
export interface CaseRow {
  id: number
  case_number: string
  status: CaseStatus
  intake_date: string
  organisation: string
  assigned_user_id: number | null
  assigned_user_name: string | null
  survivor_id: number
  survivor_name: string
  survivor_record: string
  survivor_aliases: string
  gender: string | null
  citizenship: string | null
  age_at_intake: number | null
  closure_reason: string | null
  details: string
  victim: string
  version: number
  is_training: 0 | 1
  created_at: string
  updated_at: string
}

export interface PersonFields {
  kind: 'survivor' | 'perpetrator' | 'other'
  displayName: string
  birthdate: string | null
  gender: string | null
  citizenship: string | null
  aliases: string[]
  record: Record<string, unknown>
}

export interface CaseFields {
  status: CaseStatus
  intakeDate: string
  assignedUserId: number | null
  ageAtIntake: number | null
  traffickingStatus: string | null
  details: Record<string, unknown>
  victim: Record<string, unknown>
}

export interface EventRow {
  id: number
  record: string
}

const SELECT_CASE = `
  SELECT c.id, c.case_number, c.status, c.intake_date, c.organisation, c.assigned_user_id,
         u.display_name AS assigned_user_name, c.survivor_id, p.display_name AS survivor_name,
         p.record AS survivor_record, p.aliases AS survivor_aliases, p.gender, p.citizenship,
         c.age_at_intake, c.closure_reason, c.details, c.victim, c.version, c.is_training,
         c.created_at, c.updated_at
  FROM cases c
  JOIN persons p ON p.id = c.survivor_id
  LEFT JOIN users u ON u.id = c.assigned_user_id`

/** SQL for cases and their parts; prepared once per unlocked session. No rules here. */
export function createCaseRepository(db: VaultDatabase) {
  const setCitizenships = createCitizenshipWriter(db)
  const statements = {
    insertPerson: db.prepare(
      `INSERT INTO persons (kind, display_name, birthdate, gender, citizenship, aliases, record, created_at, updated_at)
       VALUES (@kind, @displayName, @birthdate, @gender, @citizenship, @aliases, @record, @now, @now)`,
    ),
    updatePerson: db.prepare(
      `UPDATE persons SET display_name = @displayName, birthdate = @birthdate, gender = @gender,
       citizenship = @citizenship, aliases = @aliases, record = @record, updated_at = @now WHERE id = @id`,
    ),
    insertCase: db.prepare(
      `INSERT INTO cases (case_number, status, intake_date, organisation, assigned_user_id, survivor_id,
         age_at_intake, trafficking_status, details, victim, is_training, created_by, created_at, updated_at)
       VALUES (@caseNumber, @status, @intakeDate, @organisation, @assignedUserId, @survivorId, @ageAtIntake,
         @traffickingStatus, @details, @victim, @isTraining, @createdBy, @now, @now)`,
    ),
    updateCase: db.prepare(
      `UPDATE cases SET status = @status, intake_date = @intakeDate, assigned_user_id = @assignedUserId,
         age_at_intake = @ageAtIntake, trafficking_status = @traffickingStatus, details = @details,
         victim = @victim, version = version + 1, updated_at = @now
       WHERE id = @id AND version = @version`,
    ),
    setStatus: db.prepare(
      `UPDATE cases SET status = @status, closure_reason = @closureReason, version = version + 1, updated_at = @now
       WHERE id = @id AND version = @version`,
    ),
    getCase: db.prepare<[number], CaseRow>(`${SELECT_CASE} WHERE c.id = ?`),
    clearExploitationTypes: db.prepare('DELETE FROM case_exploitation_types WHERE case_id = ?'),
    addExploitationType: db.prepare(
      'INSERT OR IGNORE INTO case_exploitation_types (case_id, code) VALUES (?, ?)',
    ),
    eventsOf: db.prepare<[number], EventRow>(
      'SELECT id, record FROM trafficking_events WHERE case_id = ? ORDER BY event_date, id',
    ),
    insertEvent: db.prepare(
      'INSERT INTO trafficking_events (case_id, type, event_date, country, record) VALUES (@caseId, @type, @date, @country, @record)',
    ),
    updateEvent: db.prepare(
      'UPDATE trafficking_events SET type = @type, event_date = @date, country = @country, record = @record WHERE id = @id AND case_id = @caseId',
    ),
    deleteEvent: db.prepare('DELETE FROM trafficking_events WHERE id = ? AND case_id = ?'),
    nextNumber: db.prepare<[number], { last_number: number }>(
      `INSERT INTO case_number_sequences (year, last_number) VALUES (?, 1)
       ON CONFLICT (year) DO UPDATE SET last_number = last_number + 1 RETURNING last_number`,
    ),
    deleteCase: db.prepare('DELETE FROM cases WHERE id = ?'),
    deletePerson: db.prepare('DELETE FROM persons WHERE id = ?'),
    orphanPerpetrators: db.prepare<[number], { person_id: number }>(
      `SELECT cp.person_id FROM case_perpetrators cp WHERE cp.case_id = ?
       AND NOT EXISTS (SELECT 1 FROM case_perpetrators other WHERE other.person_id = cp.person_id AND other.case_id <> cp.case_id)`,
    ),
  }

  function personParams(person: PersonFields) {
    return {
      kind: person.kind,
      displayName: person.displayName,
      birthdate: person.birthdate,
      gender: person.gender,
      citizenship: person.citizenship,
      aliases: JSON.stringify(person.aliases),
      record: JSON.stringify(person.record),
    }
  }

  function caseParams(fields: CaseFields) {
    return {
      status: fields.status,
      intakeDate: fields.intakeDate,
      assignedUserId: fields.assignedUserId,
      ageAtIntake: fields.ageAtIntake,
      traffickingStatus: fields.traffickingStatus,
      details: JSON.stringify(fields.details),
      victim: JSON.stringify(fields.victim),
    }
  }

  return {
    insertPerson(person: PersonFields, now: string): number {
      const id = Number(statements.insertPerson.run({ ...personParams(person), now }).lastInsertRowid)
      setCitizenships(id, person.record, false)
      return id
    },
    updatePerson(id: number, person: PersonFields, now: string): void {
      statements.updatePerson.run({ ...personParams(person), id, now })
      setCitizenships(id, person.record, true)
    },
    insertCase(
      fields: CaseFields & {
        caseNumber: string
        organisation: string
        survivorId: number
        isTraining: boolean
        createdBy: number
      },
      now: string,
    ): number {
      return Number(
        statements.insertCase.run({
          ...caseParams(fields),
          caseNumber: fields.caseNumber,
          organisation: fields.organisation,
          survivorId: fields.survivorId,
          isTraining: fields.isTraining ? 1 : 0,
          createdBy: fields.createdBy,
          now,
        }).lastInsertRowid,
      )
    },
    /** Returns false when the version moved on (someone else saved first): nothing is written. */
    updateCase(id: number, version: number, fields: CaseFields, now: string): boolean {
      return statements.updateCase.run({ ...caseParams(fields), id, version, now }).changes === 1
    },
    setStatus(
      id: number,
      version: number,
      status: CaseStatus,
      closureReason: string | null,
      now: string,
    ): boolean {
      return statements.setStatus.run({ id, version, status, closureReason, now }).changes === 1
    },
    getCase(id: number): CaseRow | undefined {
      return statements.getCase.get(id)
    },
    setExploitationTypes(caseId: number, codes: readonly string[]): void {
      statements.clearExploitationTypes.run(caseId)
      for (const code of codes) statements.addExploitationType.run(caseId, code)
    },
    events(caseId: number): EventRow[] {
      return statements.eventsOf.all(caseId)
    },
    /** Makes the case's events exactly `events`: updates those with ids, adds the rest, removes the missing. */
    replaceEvents(
      caseId: number,
      events: {
        id?: number | undefined
        type: string | null
        date: string | null
        country: string | null
        record: Record<string, unknown>
      }[],
    ): void {
      const keep = new Set(events.flatMap((event) => (event.id ? [event.id] : [])))
      for (const existing of statements.eventsOf.all(caseId)) {
        if (!keep.has(existing.id)) statements.deleteEvent.run(existing.id, caseId)
      }
      for (const event of events) {
        const params = {
          caseId,
          type: event.type,
          date: event.date,
          country: event.country,
          record: JSON.stringify(event.record),
        }
        if (event.id) statements.updateEvent.run({ ...params, id: event.id })
        else statements.insertEvent.run(params)
      }
    },
    nextSequence(year: number): number {
      return statements.nextNumber.get(year)!.last_number
    },
    /** In any capitals or width (caseNumberKey): for one number; many at once use vaultCaseNumberKeys. */
    caseNumberTaken(caseNumber: string): boolean {
      return caseNumberInVault(db, caseNumber)
    },
    /** Removes the case, its parts (cascade), its survivor and perpetrators linked to no other case. */
    deleteCase(id: number, survivorId: number): void {
      const orphans = statements.orphanPerpetrators.all(id).map((row) => row.person_id)
      statements.deleteCase.run(id)
      statements.deletePerson.run(survivorId)
      for (const personId of orphans) statements.deletePerson.run(personId)
    },
  }
}

export type CaseRepository = ReturnType<typeof createCaseRepository>
