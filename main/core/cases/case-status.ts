import type { z } from 'zod'
import { CaseVaultError } from '../errors'
import { wipeWriteAheadLog } from '../db/connection'
import type { VaultSession } from '../vault/vault-session'
import type {
  CaseDeletionReason,
  CaseDetail,
  closeCaseInput,
  reopenCaseInput,
} from '../../api/contract/cases'
import type { CaseRepository, CaseRow } from './case-repository'
import type { CaseSearch } from './case-search'
import { PUBLIC_SOURCE } from '../export/deidentified-source'

/** What the status changes share with the rest of the case service (case-service.ts). */
export interface CaseStatusContext {
  session: VaultSession
  repository: CaseRepository
  search: CaseSearch
  /** The case, if this user may see it; NOT_FOUND or FORBIDDEN otherwise. */
  loadVisible: (id: number) => CaseRow
  reindex: (caseId: number) => void
  audit: (action: string, caseId: number, details?: Record<string, unknown>) => void
  detail: (id: number) => CaseDetail
}

const isClosed = (status: string) => status === 'Closed' || status === 'ClosedReferred'

const stale = () =>
  new CaseVaultError('CONFLICT', 'Someone else saved this case after you opened it.', { stale: true })

/** Closing, reopening and deleting a case: each one transaction, with its audit row. */
export function createCaseStatusChanges(context: CaseStatusContext) {
  const { session, repository, search, loadVisible, reindex, audit, detail } = context
  const now = () => session.clock().toISOString()
  const hasComment = session.db.prepare<[number, string], { one: number }>(
    'SELECT 1 AS one FROM case_comments WHERE case_id = ? AND body = ? LIMIT 1',
  )
  const isPublic = session.db
    .prepare<[number], number>(`SELECT source = '${PUBLIC_SOURCE}' FROM cases WHERE id = ?`)
    .pluck()
  const insertComment = session.db.prepare(
    'INSERT INTO case_comments (case_id, author_user_id, body, created_at) VALUES (?, ?, ?, ?)',
  )

  /** A closing or reopening reason, on the case's timeline (and in its search index). */
  function addToTimeline(caseId: number, body: string): void {
    insertComment.run(caseId, session.user.id, body, now())
    reindex(caseId)
  }

  return {
    close(input: z.output<typeof closeCaseInput>): CaseDetail {
      const existing = loadVisible(input.id)
      if (isClosed(existing.status)) throw new CaseVaultError('CONFLICT', 'This case is already closed.')
      session.db.transaction(() => {
        if (!repository.setStatus(input.id, input.version, input.status, input.reason, now())) throw stale()
        // As reopen's: the reason goes to the timeline too. The case row's closure reason is
        // cleared by a reopen, and nothing had then said why, or to whom, the case was closed.
        addToTimeline(input.id, input.reason)
        audit('case.closed', input.id, { status: input.status })
      })()
      return detail(input.id)
    },

    reopen(input: z.output<typeof reopenCaseInput>): CaseDetail {
      const existing = loadVisible(input.id)
      if (!isClosed(existing.status)) throw new CaseVaultError('CONFLICT', 'This case is not closed.')
      session.db.transaction(() => {
        if (!repository.setStatus(input.id, input.version, 'Active', null, now())) throw stale()
        // A case closed by an import or before closing wrote its reason to the timeline: the
        // reason the row is about to forget goes there first (with no author: nobody here wrote it).
        const closing = existing.closure_reason
        if (closing && !hasComment.get(input.id, closing)) insertComment.run(input.id, null, closing, now())
        // The reason is part of the case's story: it goes to the timeline, not the audit log.
        addToTimeline(input.id, input.reason)
        audit('case.reopened', input.id)
      })()
      return detail(input.id)
    },

    /** Admin only (checked at the API). secure_delete and FTS5 secure-delete overwrite the freed data. */
    delete(id: number, reason: CaseDeletionReason): void {
      const existing = repository.getCase(id)
      if (!existing) throw new CaseVaultError('NOT_FOUND', 'This case does not exist.')
      session.db.transaction(() => {
        // A record of CTDC's public data was never in a de-identified export (PUBLIC_SOURCE): its
        // deletion changes no release, and without the mark it raised a false "changed" warning.
        const publicData = isPublic.get(id) === 1
        search.remove(id)
        repository.deleteCase(id, existing.survivor_id)
        // The year tells a later de-identified export of that year that it changed (release-changes.ts).
        const intakeYear = Number(existing.intake_date.slice(0, 4))
        audit('case.deleted', id, {
          caseNumber: existing.case_number,
          reason,
          intakeYear,
          ...(publicData ? { publicData } : {}),
        })
      })()
      wipeWriteAheadLog(session.db)
    },
  }
}
