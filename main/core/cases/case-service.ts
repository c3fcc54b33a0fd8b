import { latestIntakeDate } from '../../api/contract/dates'
import type { z } from 'zod'
import { CaseVaultError } from '../errors'
import type { VaultSession } from '../vault/vault-session'
import type {
  CaseDetail,
  CasePage,
  CaseSearchHit,
  createCaseInput,
  listCasesInput,
  updateCaseInput,
} from '../../api/contract/cases'
import { createCaseRepository, type CaseRow } from './case-repository'
import { createCaseSearch } from './case-search'
import { listCases } from './case-list-query'
import { assertCanSeeCase, caseVisibilityFilter } from './case-access'
import { assertNoNewEmptyEvent, prepareCase, type WholeUpdate } from './case-prepare'
import { createBulkCaseWriter, type BulkCase, type BulkOptions, type BulkResult } from './case-bulk'
import { vaultCaseNumberKeys } from './case-number-key'
import { formatCaseNumber, caseNumberPrefix } from './case-number'
import { searchDocument } from './search-document'
import { createCaseStatusChanges } from './case-status'

type CreateCase = z.output<typeof createCaseInput>
type UpdateCase = z.output<typeof updateCaseInput>

function rowToDetail(row: CaseRow, events: { id: number; record: string }[]): CaseDetail {
  return {
    id: row.id,
    caseNumber: row.case_number,
    version: row.version,
    status: row.status,
    intakeDate: row.intake_date,
    organisation: row.organisation,
    assignedUserId: row.assigned_user_id,
    assignedUserName: row.assigned_user_name,
    survivor: {
      id: row.survivor_id,
      record: JSON.parse(row.survivor_record) as Record<string, unknown>,
      aliases: JSON.parse(row.survivor_aliases) as string[],
    },
    victim: JSON.parse(row.victim) as Record<string, unknown>,
    details: JSON.parse(row.details) as Record<string, unknown>,
    events: events.map((event) => ({
      id: event.id,
      record: JSON.parse(event.record) as Record<string, unknown>,
    })),
    closureReason: row.closure_reason,
    isTraining: row.is_training === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}

/** Case rules: validation against HTCDS, visibility, optimistic concurrency, audit, search index. */
function staleCase(yourVersion: number, currentVersion: number): CaseVaultError {
  return new CaseVaultError('CONFLICT', 'Someone else saved this case after you opened it.', {
    stale: true,
    yourVersion,
    currentVersion,
  })
}

export function createCaseService(session: VaultSession) {
  const repository = createCaseRepository(session.db)
  const search = createCaseSearch(session.db)
  const now = () => session.clock().toISOString()

  function audit(action: string, caseId: number, details?: Record<string, unknown>): void {
    session.audit.append({
      actor: session.user.username,
      action,
      target: `case:${caseId}`,
      details: details ?? null,
    })
  }

  function loadVisible(id: number): CaseRow {
    const row = repository.getCase(id)
    if (!row) throw new CaseVaultError('NOT_FOUND', 'This case does not exist (it may have been deleted).')
    assertCanSeeCase(session, id, row.assigned_user_id)
    return row
  }

  function resolveAssignee(requested: number | null | undefined): number {
    const onlyFor = caseVisibilityFilter(session)
    if (requested === undefined || requested === null) return session.user.id
    if (onlyFor !== null && requested !== onlyFor) {
      throw new CaseVaultError('FORBIDDEN', 'Caseworkers can assign cases only to themselves.')
    }
    const assignee = session.users.list().find((user) => user.id === requested)
    if (!assignee || !assignee.active || assignee.role === 'analyst') {
      throw new CaseVaultError('VALIDATION', 'Some fields are not valid.', {
        issues: [
          {
            path: 'assignedUserId',
            code: 'invalid_assignee',
            message: 'not an active caseworker, supervisor or admin',
          },
        ],
      })
    }
    return requested
  }

  function reindex(caseId: number): void {
    const row = repository.getCase(caseId)!
    const comments = session.db
      .prepare<[number], { body: string }>('SELECT body FROM case_comments WHERE case_id = ? ORDER BY id')
      .all(caseId)
    const perpetrators = session.db
      .prepare<[number], { display_name: string; aliases: string }>(
        'SELECT p.display_name, p.aliases FROM case_perpetrators cp JOIN persons p ON p.id = cp.person_id WHERE cp.case_id = ?',
      )
      .all(caseId)
    const survivor = { display_name: row.survivor_name, aliases: row.survivor_aliases }
    search.index(caseId, searchDocument(row.case_number, survivor, perpetrators, comments))
  }

  function detail(id: number): CaseDetail {
    return rowToDetail(repository.getCase(id)!, repository.events(id))
  }

  const bulk = createBulkCaseWriter(session, repository, search)
  const statusChanges = createCaseStatusChanges({
    session,
    repository,
    search,
    loadVisible,
    reindex,
    audit,
    detail,
  })

  return {
    reindex,

    /** For the case's parts (comments, attachments, perpetrators): the same visibility as the case. */
    assertVisible(caseId: number): void {
      loadVisible(caseId)
    },

    create(input: CreateCase, options: { isTraining?: boolean } = {}): CaseDetail {
      caseVisibilityFilter(session)
      const assignedUserId = resolveAssignee(input.assignedUserId)
      const { person, fields, eventRows, exploitationTypes } = prepareCase(
        input,
        new Set(),
        latestIntakeDate(session.clock()),
      )
      assertNoNewEmptyEvent(eventRows)
      const organisation = session.settings.organisation() ?? 'CaseVault'
      const id = session.db.transaction(() => {
        const timestamp = now()
        const year = Number(input.intakeDate.slice(0, 4))
        const prefix = caseNumberPrefix(session.settings.caseNumberPrefix(), organisation)
        let caseNumber = formatCaseNumber(prefix, year, repository.nextSequence(year))
        // An imported case may already hold the next number: skip forward, never reuse. One scan
        // answers the usual case; past an imported run of numbers, the keys are read once.
        let numbers: ReturnType<typeof vaultCaseNumberKeys> | null = null
        while (numbers ? numbers.has(caseNumber) : repository.caseNumberTaken(caseNumber)) {
          numbers ??= vaultCaseNumberKeys(session.db)
          caseNumber = formatCaseNumber(prefix, year, repository.nextSequence(year))
        }
        const survivorId = repository.insertPerson(person, timestamp)
        const caseId = repository.insertCase(
          {
            ...fields,
            status: 'Active',
            assignedUserId,
            caseNumber,
            organisation,
            survivorId,
            isTraining: options.isTraining ?? session.settings.isTrainingVault(),
            createdBy: session.user.id,
          },
          timestamp,
        )
        repository.setExploitationTypes(caseId, exploitationTypes)
        repository.replaceEvents(caseId, eventRows)
        reindex(caseId)
        audit('case.created', caseId, { caseNumber })
        return caseId
      })()
      return detail(id)
    },

    /**
     * Training vaults and benchmarks only (no API channel): many cases in ONE transaction with
     * ONE 'case.bulk_created' audit row. Admin only; validated exactly as create() validates.
     */
    createMany(cases: readonly BulkCase[], options: BulkOptions = {}): BulkResult {
      return bulk.createMany(cases, options)
    },

    update(input: UpdateCase): CaseDetail {
      const existing = loadVisible(input.id)
      const assignedUserId =
        input.assignedUserId === undefined ? existing.assigned_user_id : resolveAssignee(input.assignedUserId)
      // A stale edit is told to reload before any field is judged: an event a newer version
      // removed had made it a puzzling VALIDATION (the transaction below checks again, atomically).
      if (input.version !== existing.version) throw staleCase(input.version, existing.version)
      const storedEvents = repository.events(input.id).map((event) => ({
        id: event.id,
        record: JSON.parse(event.record) as Record<string, unknown>,
      }))
      const stored = {
        intakeDate: existing.intake_date,
        survivor: JSON.parse(existing.survivor_record) as Record<string, unknown>,
        victim: JSON.parse(existing.victim) as Record<string, unknown>,
        details: JSON.parse(existing.details) as Record<string, unknown>,
        events: new Map(storedEvents.map((event) => [event.id, event.record])),
      }
      // A part left out stays as stored (contract/cases.ts: updateCaseInput).
      const whole: WholeUpdate = {
        ...input,
        survivorAliases: input.survivorAliases ?? (JSON.parse(existing.survivor_aliases) as string[]),
        victim: input.victim ?? stored.victim,
        details: input.details ?? stored.details,
        events: input.events ?? storedEvents,
      }
      const { person, fields, eventRows, exploitationTypes } = prepareCase(
        whole,
        new Set(storedEvents.map((event) => event.id)),
        latestIntakeDate(session.clock()),
        stored,
      )
      assertNoNewEmptyEvent(eventRows)
      session.db.transaction(() => {
        const timestamp = now()
        const saved = repository.updateCase(
          input.id,
          input.version,
          { ...fields, status: existing.status, assignedUserId },
          timestamp,
        )
        if (!saved) throw staleCase(input.version, existing.version)
        repository.updatePerson(existing.survivor_id, person, timestamp)
        repository.setExploitationTypes(input.id, exploitationTypes)
        repository.replaceEvents(input.id, eventRows)
        reindex(input.id)
        // A case moved to another year of intake left its old year changed too: a later
        // de-identified export of that year must know (release-changes.ts).
        const fromYear = Number(existing.intake_date.slice(0, 4))
        audit('case.updated', input.id, {
          version: input.version + 1,
          ...(assignedUserId !== existing.assigned_user_id ? { reassignedTo: `user:${assignedUserId}` } : {}),
          ...(fromYear !== Number(input.intakeDate.slice(0, 4)) ? { movedFromYear: fromYear } : {}),
        })
      })()
      return detail(input.id)
    },

    get(id: number): CaseDetail {
      loadVisible(id)
      audit('case.read', id)
      return detail(id)
    },

    list(input: z.output<typeof listCasesInput>): CasePage {
      return listCases(session.db, input, caseVisibilityFilter(session))
    },

    search(query: string, limit: number): CaseSearchHit[] {
      const hits = search.search(query, limit, caseVisibilityFilter(session))
      session.audit.append({
        actor: session.user.username,
        action: 'case.searched',
        details: { hits: hits.length },
      })
      return hits
    },

    ...statusChanges,
  }
}

export type CaseService = ReturnType<typeof createCaseService>
