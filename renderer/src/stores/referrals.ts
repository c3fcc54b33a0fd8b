import { ref } from 'vue'
import { defineStore } from 'pinia'
import type {
  CreateReferralInput,
  DirectoryService,
  FollowUpItem,
  ListReferralsInput,
  RecordConsentInput,
  ReferralDetail,
  ReferralForm,
  ReferralPage,
  ReferralSummary,
  TransitionReferralInput,
  UpdateReferralInput,
} from '../../../main/api/contract'
import { isStaleRefusal, unwrap } from '../api-error'
import { casevault } from './client'

/**
 * Referrals: the Referrals screen's list and filters, the open referral, and a case's referrals.
 * Every rule (workflow, consent, visibility) is main's; this store only carries results.
 */
export const useReferralsStore = defineStore('referrals', () => {
  const filters = ref<ListReferralsInput>({ limit: 50, offset: 0 })
  const page = ref<ReferralPage>({ total: 0, items: [] })
  const current = ref<ReferralDetail | null>(null)
  const forCase = ref<ReferralSummary[]>([])

  let listRequest = 0
  async function loadList(next: ListReferralsInput = filters.value): Promise<void> {
    filters.value = next
    const request = ++listRequest
    const answer = await casevault().referrals.list(next)
    // A slower answer to earlier filters must not replace the list for the filters on screen.
    if (request === listRequest) page.value = unwrap(answer)
  }

  async function loadForCase(caseId: number): Promise<void> {
    forCase.value = unwrap(await casevault().referrals.forCase({ caseId }))
  }

  /** Keeps the open referral in step with every change main returns. */
  function opened(detail: ReferralDetail): ReferralDetail {
    current.value = detail
    return detail
  }

  async function open(id: number): Promise<ReferralDetail> {
    if (current.value?.id !== id) current.value = null
    return opened(unwrap(await casevault().referrals.get({ id })))
  }

  async function create(input: CreateReferralInput): Promise<ReferralDetail> {
    return opened(unwrap(await casevault().referrals.create(input)))
  }

  /**
   * A change refused as stale (someone changed the referral since it was read) reads it again, so
   * the next try sends the current version and the screen shows what changed; what the person
   * typed stays in their form. Without this, every retry sent the old version and was refused.
   */
  async function readAgainIfStale<T>(referralId: number, change: () => Promise<T>): Promise<T> {
    try {
      return await change()
    } catch (error) {
      if (isStaleRefusal(error)) {
        await open(referralId).catch(() => undefined)
      }
      throw error
    }
  }

  async function update(input: UpdateReferralInput): Promise<ReferralDetail> {
    return readAgainIfStale(input.id, async () => opened(unwrap(await casevault().referrals.update(input))))
  }

  async function setFollowUp(input: {
    id: number
    version: number
    followUpDate: string | null
    outcome: string | null
  }): Promise<ReferralDetail> {
    return readAgainIfStale(input.id, async () =>
      opened(unwrap(await casevault().referrals.setFollowUp(input))),
    )
  }

  async function transition(input: TransitionReferralInput): Promise<ReferralDetail> {
    return readAgainIfStale(input.id, async () =>
      opened(unwrap(await casevault().referrals.transition(input))),
    )
  }

  async function recordConsent(input: RecordConsentInput): Promise<ReferralDetail> {
    return readAgainIfStale(input.referralId, async () =>
      opened(unwrap(await casevault().referrals.recordConsent(input))),
    )
  }

  /** `consentId` is the consent on screen: main refuses as stale once another is in force. */
  async function withdrawConsent(input: {
    referralId: number
    consentId: number
    withdrawnOn: string
  }): Promise<ReferralDetail> {
    // Withdrawn or replaced elsewhere: the panel then shows the consent now in force.
    return readAgainIfStale(input.referralId, async () =>
      opened(unwrap(await casevault().referrals.withdrawConsent(input))),
    )
  }

  async function printForm(id: number): Promise<ReferralForm> {
    return unwrap(await casevault().referrals.printForm({ id }))
  }

  async function followUps(window: 'overdue' | 'thisWeek'): Promise<FollowUpItem[]> {
    return unwrap(await casevault().referrals.followUps({ window }))
  }

  /** The service picker: active services of active organisations, from the directory. */
  async function activeServices(): Promise<DirectoryService[]> {
    return unwrap(await casevault().directory.listServices({ activeOnly: true }))
  }

  function reset(): void {
    page.value = { total: 0, items: [] }
    current.value = null
    forCase.value = []
  }

  return {
    filters,
    page,
    current,
    forCase,
    loadList,
    loadForCase,
    open,
    create,
    update,
    setFollowUp,
    transition,
    recordConsent,
    withdrawConsent,
    printForm,
    followUps,
    activeServices,
    reset,
  }
})
