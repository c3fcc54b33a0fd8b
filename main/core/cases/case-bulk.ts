import { latestIntakeDate } from '../../api/contract/dates'
import type { z } from 'zod'
import { CaseVaultError } from '../errors'
import type { VaultSession } from '../vault/vault-session'
import type { CaseStatus, createCaseInput } from '../../api/contract/cases'
import type { CaseRepository, PersonFields } from './case-repository'
import type { CaseSearch } from './case-search'
import { prepareCase } from './case-prepare'
import { perpetratorFields, type PerpetratorInput } from './perpetrator-service'
import { caseNumberPrefix, formatCaseNumber } from './case-number'
import { vaultCaseNumberKeys } from './case-number-key'

export interface BulkPerpetrator extends PerpetratorInput {
  /** Same key = same person: the second time, the existing person is linked, not created again. */
  key?: string
}

/** One case with the parts it would have gathered over time: status, timeline, perpetrators. */
export interface BulkCase {
  input: z.output<typeof createCaseInput>
  /** Default Active. A closed status needs a closure reason. */
  status?: CaseStatus
  closureReason?: string | null
  /** ISO timestamp for created_at/updated_at (synthetic history); default now. */
  createdAt?: string
  /** ISO timestamp of the closure; default the last comment's, or createdAt. */
  closedAt?: string
  /** Timeline notes, written as by the case's assignee. */
  comments?: { body: string; createdAt: string }[]
  perpetrators?: BulkPerpetrator[]
}

export interface BulkOptions {
  isTraining?: boolean
  /** Perpetrator keys → person ids from earlier calls; keys created by this call are added after commit. */
  knownPerpetrators?: Map<string, number>
}

export interface BulkResult {
  caseIds: number[]
  comments: number
  perpetratorLinks: number
  newPerpetrators: number
}

const MAX_COMMENT_LENGTH = 20_000

function invalid(index: number, message: string, issues?: unknown): CaseVaultError {
  return new CaseVaultError('VALIDATION', `Case ${index + 1} of the batch: ${message}`, { index, issues })
}

/**
 * The bulk path for training vaults and benchmarks only (no API channel reaches it): the same
 * validation and derived columns as create(), many cases in ONE transaction and ONE audit row.
 */
export function createBulkCaseWriter(session: VaultSession, repository: CaseRepository, search: CaseSearch) {
  function validate(item: BulkCase, index: number, assignable: Set<number>, latestIntake: string) {
    let prepared
    let perpetrators
    try {
      prepared = prepareCase(item.input, new Set(), latestIntake)
      perpetrators = (item.perpetrators ?? []).map((perpetrator) => ({
        key: perpetrator.key,
        ...perpetratorFields(perpetrator),
      }))
    } catch (error) {
      if (error instanceof CaseVaultError && error.code === 'VALIDATION') {
        throw invalid(index, error.message, error.details?.issues)
      }
      throw error
    }
    const keys = perpetrators.flatMap((perpetrator) => (perpetrator.key ? [perpetrator.key] : []))
    if (new Set(keys).size !== keys.length) throw invalid(index, 'a perpetrator is listed twice.')
    const assignedUserId = item.input.assignedUserId ?? session.user.id
    if (!assignable.has(assignedUserId))
      throw invalid(index, 'not an active caseworker, supervisor or admin.')
    const status = item.status ?? 'Active'
    const closed = status === 'Closed' || status === 'ClosedReferred'
    const closureReason = item.closureReason?.trim() || null
    if (closed !== (closureReason !== null))
      throw invalid(index, 'a closure reason goes with a closed status.')
    const comments = item.comments ?? []
    if (comments.some((comment) => !comment.body.trim() || comment.body.length > MAX_COMMENT_LENGTH)) {
      throw invalid(index, 'a comment is empty or too long.')
    }
    return { ...prepared, assignedUserId, status, closureReason, comments, perpetrators, item }
  }

  // Prepared on first use: most sessions never add cases in bulk.
  let cachedStatements: ReturnType<typeof prepareStatements> | null = null
  const statements = () => (cachedStatements ??= prepareStatements())
  function prepareStatements() {
    return {
      linkPerpetrator: session.db.prepare(
        'INSERT INTO case_perpetrators (case_id, person_id, context) VALUES (?, ?, ?)',
      ),
      insertComment: session.db.prepare(
        'INSERT INTO case_comments (case_id, author_user_id, body, created_at) VALUES (?, ?, ?, ?)',
      ),
      knownPerson: session.db.prepare<[number], { display_name: string; aliases: string }>(
        "SELECT display_name, aliases FROM persons WHERE id = ? AND kind = 'perpetrator'",
      ),
    }
  }

  return {
    createMany(cases: readonly BulkCase[], options: BulkOptions = {}): BulkResult {
      if (session.user.role !== 'admin') {
        throw new CaseVaultError('FORBIDDEN', 'Only an administrator can add cases in bulk.')
      }
      if (cases.length === 0) return { caseIds: [], comments: 0, perpetratorLinks: 0, newPerpetrators: 0 }
      const assignable = new Set(
        session.users
          .list()
          .filter((user) => user.active && user.role !== 'analyst')
          .map((user) => user.id),
      )
      // Everything is validated before the first write: a bad case leaves the vault untouched.
      const latestIntake = latestIntakeDate(session.clock())
      const valid = cases.map((item, index) => validate(item, index, assignable, latestIntake))
      const { linkPerpetrator, insertComment, knownPerson } = statements()
      const organisation = session.settings.organisation() ?? 'CaseVault'
      const prefix = caseNumberPrefix(session.settings.caseNumberPrefix(), organisation)
      const isTraining = options.isTraining ?? session.settings.isTrainingVault()
      const known = options.knownPerpetrators ?? new Map<string, number>()
      const created = new Map<string, number>()
      const now = session.clock().toISOString()

      function personFor(perpetrator: PersonFields & { key?: string | undefined }, timestamp: string) {
        const existingId = perpetrator.key
          ? (created.get(perpetrator.key) ?? known.get(perpetrator.key))
          : undefined
        if (existingId !== undefined) {
          const row = knownPerson.get(existingId)
          if (!row) throw new CaseVaultError('NOT_FOUND', 'No such perpetrator.', { personId: existingId })
          return { id: existingId, names: [row.display_name, ...(JSON.parse(row.aliases) as string[])] }
        }
        const id = repository.insertPerson(perpetrator, timestamp)
        if (perpetrator.key) created.set(perpetrator.key, id)
        return { id, names: [perpetrator.displayName, ...perpetrator.aliases] }
      }

      const result = session.db.transaction((): BulkResult => {
        const caseIds: number[] = []
        let comments = 0
        let perpetratorLinks = 0
        // Read once for the whole batch: a scan per case would cost minutes at 100k cases.
        const numbersInVault = vaultCaseNumberKeys(session.db)
        for (const entry of valid) {
          const timestamp = entry.item.createdAt ?? now
          const year = Number(entry.fields.intakeDate.slice(0, 4))
          let caseNumber = formatCaseNumber(prefix, year, repository.nextSequence(year))
          while (numbersInVault.has(caseNumber))
            caseNumber = formatCaseNumber(prefix, year, repository.nextSequence(year))
          numbersInVault.add(caseNumber)
          const survivorId = repository.insertPerson(entry.person, timestamp)
          const caseId = repository.insertCase(
            {
              ...entry.fields,
              status: entry.closureReason ? 'Active' : entry.status,
              assignedUserId: entry.assignedUserId,
              caseNumber,
              organisation,
              survivorId,
              isTraining,
              createdBy: session.user.id,
            },
            timestamp,
          )
          repository.setExploitationTypes(caseId, entry.exploitationTypes)
          repository.replaceEvents(caseId, entry.eventRows)
          for (const comment of entry.comments) {
            insertComment.run(caseId, entry.assignedUserId, comment.body, comment.createdAt)
          }
          const names = [entry.person.displayName, ...entry.person.aliases]
          for (const perpetrator of entry.perpetrators) {
            const person = personFor({ ...perpetrator.person, key: perpetrator.key }, timestamp)
            linkPerpetrator.run(caseId, person.id, JSON.stringify(perpetrator.context))
            names.push(...person.names)
          }
          // Closed the way close() does it: a second version carrying the reason.
          if (entry.closureReason) {
            const closedAt = entry.item.closedAt ?? entry.comments.at(-1)?.createdAt ?? timestamp
            repository.setStatus(caseId, 1, entry.status, entry.closureReason, closedAt)
          }
          search.index(caseId, {
            caseNumber,
            names,
            notes: entry.comments.map((comment) => comment.body),
          })
          caseIds.push(caseId)
          comments += entry.comments.length
          perpetratorLinks += entry.perpetrators.length
        }
        session.audit.append({
          actor: session.user.username,
          action: 'case.bulk_created',
          details: {
            count: caseIds.length,
            isTraining,
            firstCaseId: caseIds[0] ?? null,
            lastCaseId: caseIds.at(-1) ?? null,
            comments,
            perpetratorLinks,
          },
        })
        return { caseIds, comments, perpetratorLinks, newPerpetrators: created.size }
      })()
      for (const [key, id] of created) known.set(key, id)
      return result
    },
  }
}

export type BulkCaseWriter = ReturnType<typeof createBulkCaseWriter>
