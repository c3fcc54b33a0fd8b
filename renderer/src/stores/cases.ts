import { ref, watch } from 'vue'
import { defineStore } from 'pinia'
import type {
  AgeBand,
  CaseDeletionReason,
  CaseDetail,
  CasePage,
  CaseSearchHit,
  CaseStatus,
  CreateCaseInput,
  ListCasesInput,
  UpdateCaseInput,
  sortableCaseColumns,
} from '../../../main/api/contract'
import { unwrap } from '../api-error'
import { casevault } from './client'
import { useVaultStore } from './vault'

export const CASE_PAGE_SIZE = 25

/** Hits asked of main per search; a search that fills them may have found more. */
export const CASE_SEARCH_LIMIT = 10

export type CaseSortColumn = (typeof sortableCaseColumns)[number]

export interface CaseListFilters {
  status: CaseStatus[]
  intakeFrom: string | null
  intakeTo: string | null
  gender: string[]
  ageBand: AgeBand[]
  citizenship: string[]
  exploitationType: string[]
  assignedUserId: number | null
  /** CTDC's public rows left out: set only by Today's "My open cases" link, which counts without them. */
  caseworkOnly: boolean
}

export function emptyCaseFilters(): CaseListFilters {
  return {
    status: [],
    intakeFrom: null,
    intakeTo: null,
    gender: [],
    ageBand: [],
    citizenship: [],
    exploitationType: [],
    assignedUserId: null,
    caseworkOnly: false,
  }
}

/** Only the filters that are set: main reads an absent filter as "any". */
export function listInput(
  filters: CaseListFilters,
  view: { page: number; sortBy: CaseSortColumn; sortDirection: 'asc' | 'desc' },
): ListCasesInput {
  const input: ListCasesInput = { ...view, pageSize: CASE_PAGE_SIZE }
  if (filters.status.length) input.status = filters.status
  if (filters.intakeFrom) input.intakeFrom = filters.intakeFrom
  if (filters.intakeTo) input.intakeTo = filters.intakeTo
  if (filters.gender.length) input.gender = filters.gender
  if (filters.ageBand.length) input.ageBand = filters.ageBand
  if (filters.citizenship.length) input.citizenship = filters.citizenship
  if (filters.exploitationType.length) input.exploitationType = filters.exploitationType
  if (filters.assignedUserId !== null) input.assignedUserId = filters.assignedUserId
  if (filters.caseworkOnly) input.caseworkOnly = true
  return input
}

/**
 * Case records: the list (with its filters and sort, kept while the person moves around the app),
 * search, and the calls that read and change one case. Main checks the role and visibility of
 * every call; caseworkers get only the cases assigned to them.
 */
export const useCasesStore = defineStore('cases', () => {
  const page = ref<CasePage | null>(null)
  const filters = ref<CaseListFilters>(emptyCaseFilters())
  const pageIndex = ref(0)
  const sortBy = ref<CaseSortColumn>('intakeDate')
  const sortDirection = ref<'asc' | 'desc'>('desc')
  let listRequest = 0

  async function loadList(): Promise<CasePage | null> {
    const loaded = await loadPage()
    // The page is kept between visits, so cases closed or deleted meanwhile can leave it past the
    // end: no rows, though there are cases, and no paginator to get back. Go to the last page that
    // has rows, once (a list shrinking again in between is shown as it comes, not chased).
    if (loaded && loaded.rows.length === 0 && loaded.total > 0 && pageIndex.value > 0) {
      pageIndex.value = Math.ceil(loaded.total / loaded.pageSize) - 1
      return loadPage()
    }
    return loaded
  }

  async function loadPage(): Promise<CasePage | null> {
    const request = ++listRequest
    const input = listInput(filters.value, {
      page: pageIndex.value,
      sortBy: sortBy.value,
      sortDirection: sortDirection.value,
    })
    const answer = await casevault().cases.list(input)
    // A slower earlier answer must not overwrite the one for the filters now on screen, nor its
    // failure be shown over it: checked before unwrap throws.
    if (request !== listRequest) return null
    page.value = unwrap(answer)
    return page.value
  }

  async function search(query: string): Promise<CaseSearchHit[]> {
    return unwrap(await casevault().cases.search({ query, limit: CASE_SEARCH_LIMIT }))
  }

  async function get(id: number): Promise<CaseDetail> {
    return unwrap(await casevault().cases.get({ id }))
  }

  async function create(input: CreateCaseInput): Promise<CaseDetail> {
    return unwrap(await casevault().cases.create(input))
  }

  async function update(input: UpdateCaseInput): Promise<CaseDetail> {
    return unwrap(await casevault().cases.update(input))
  }

  async function close(input: {
    id: number
    version: number
    status: 'Closed' | 'ClosedReferred'
    reason: string
  }): Promise<CaseDetail> {
    return unwrap(await casevault().cases.close(input))
  }

  async function reopen(input: { id: number; version: number; reason: string }): Promise<CaseDetail> {
    return unwrap(await casevault().cases.reopen(input))
  }

  async function remove(id: number, reason: CaseDeletionReason): Promise<void> {
    unwrap(await casevault().cases.delete({ id, reason }))
    page.value = null
  }

  function reset(): void {
    listRequest++
    page.value = null
    filters.value = emptyCaseFilters()
    pageIndex.value = 0
    sortBy.value = 'intakeDate'
    sortDirection.value = 'desc'
  }

  // Survivor names must not outlive the session in memory: forget the list when the vault locks.
  watch(
    () => useVaultStore().state,
    (state) => {
      if (state !== 'unlocked') reset()
    },
  )

  return {
    page,
    filters,
    pageIndex,
    sortBy,
    sortDirection,
    loadList,
    search,
    get,
    create,
    update,
    close,
    reopen,
    remove,
    reset,
  }
})
