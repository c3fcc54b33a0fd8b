import { ref, watch } from 'vue'
import { defineStore } from 'pinia'
import type {
  AssessmentDetail,
  AssessmentPage,
  AssessmentSummary,
  ConvertedScreening,
  CreateAssessmentInput,
  ListAssessmentsInput,
  RiskLevel,
  SaveTemplateInput,
  TemplateVersion,
  TemplateVersionSummary,
} from '../../../main/api/contract'
import { unwrap } from '../api-error'
import { casevault } from './client'
import { useVaultStore } from './vault'

export const SCREENING_PAGE_SIZE = 25

export interface ScreeningFilters {
  riskLevel: RiskLevel[]
  linked: 'all' | 'linked' | 'unlinked'
  from: string | null
  to: string | null
  screenerUserId: number | null
}

export function emptyScreeningFilters(): ScreeningFilters {
  return { riskLevel: [], linked: 'all', from: null, to: null, screenerUserId: null }
}

/** Only the filters that are set: main reads an absent filter as "any". */
export function screeningListInput(filters: ScreeningFilters, page: number): ListAssessmentsInput {
  const input: ListAssessmentsInput = { page, pageSize: SCREENING_PAGE_SIZE, linked: filters.linked }
  if (filters.riskLevel.length) input.riskLevel = filters.riskLevel
  if (filters.from) input.from = filters.from
  if (filters.to) input.to = filters.to
  if (filters.screenerUserId !== null) input.screenerUserId = filters.screenerUserId
  return input
}

/**
 * Screenings (risk and vulnerability assessments) and their templates. Main checks the role and
 * visibility of every call: caseworkers get what they screened and what belongs to their cases.
 */
export const useScreeningStore = defineStore('screening', () => {
  const page = ref<AssessmentPage | null>(null)
  const filters = ref<ScreeningFilters>(emptyScreeningFilters())
  const pageIndex = ref(0)
  const templates = ref<TemplateVersionSummary[]>([])
  let listRequest = 0

  async function loadList(): Promise<void> {
    const request = ++listRequest
    const answer = await casevault().screening.listAssessments(
      screeningListInput(filters.value, pageIndex.value),
    )
    // A slower earlier answer must not overwrite the one for the filters now on screen, nor its
    // failure be shown over it: checked before unwrap throws.
    if (request === listRequest) page.value = unwrap(answer)
  }

  async function loadTemplates(): Promise<TemplateVersionSummary[]> {
    templates.value = unwrap(await casevault().screening.templates())
    return templates.value
  }

  async function template(id: number): Promise<TemplateVersion> {
    return unwrap(await casevault().screening.template({ id }))
  }

  async function saveTemplate(input: SaveTemplateInput): Promise<TemplateVersion> {
    const saved = unwrap(await casevault().screening.saveTemplate(input))
    await loadTemplates()
    return saved
  }

  async function create(input: CreateAssessmentInput): Promise<AssessmentDetail> {
    return unwrap(await casevault().screening.createAssessment(input))
  }

  async function get(id: number): Promise<AssessmentDetail> {
    return unwrap(await casevault().screening.getAssessment({ id }))
  }

  async function forCase(caseId: number): Promise<AssessmentSummary[]> {
    return unwrap(await casevault().screening.caseAssessments({ caseId }))
  }

  async function linkToCase(id: number, caseId: number): Promise<AssessmentDetail> {
    return unwrap(await casevault().screening.linkToCase({ id, caseId }))
  }

  /** Printing is a disclosure: main audits it (screening.printed, ids only) or refuses it. */
  async function recordPrinted(id: number): Promise<void> {
    unwrap(await casevault().screening.printed({ id }))
  }

  async function convertToCase(id: number): Promise<ConvertedScreening> {
    return unwrap(await casevault().screening.convertToCase({ id }))
  }

  function reset(): void {
    page.value = null
    filters.value = emptyScreeningFilters()
    pageIndex.value = 0
    templates.value = []
  }

  // Nothing read while unlocked outlives the lock.
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
    templates,
    loadList,
    loadTemplates,
    template,
    saveTemplate,
    create,
    get,
    forCase,
    linkToCase,
    convertToCase,
    recordPrinted,
  }
})
