// The casework screens mounted against a stubbed preload API (main's own behaviour is tested in
// tests/unit): a signed-in user, answers and refusals, a case and a referral as main sends them.
// Shared by the casework screens' component tests (casework-screens-*-held, casework-screens-*-review).
import type { Plugin } from 'vue'
import { flushPromises } from '@vue/test-utils'
import PrimeVue from 'primevue/config'
import ToastService from 'primevue/toastservice'
import type {
  ApiResult,
  CaseDetail,
  ErrorCode,
  ReferralDetail,
  Role,
  VaultStatus,
} from '../../main/api/contract'
import type { CaseVaultClient } from '../../preload/build-api'
import { createAppI18n } from '../../renderer/src/i18n'
import { useVaultStore } from '../../renderer/src/stores/vault'
import { installMatchMedia, wait } from './support-jsdom'

installMatchMedia()
globalThis.ResizeObserver ??= class {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}

export function install(client: Record<string, unknown>): void {
  Object.defineProperty(window, 'casevault', {
    value: client as unknown as CaseVaultClient,
    configurable: true,
  })
}

export function signIn(role: Role): void {
  const status: VaultStatus = {
    state: 'unlocked',
    user: { id: 3, username: 'sam', displayName: 'Sam Lee', role },
    settings: { autoLockMinutes: 10 },
    organisation: 'Safe Harbour Network',
  }
  useVaultStore().status = status
}

export const ok = <T>(value: T): ApiResult<T> => ({ ok: true, value })
export const refused = <T>(code: ErrorCode, message: string): ApiResult<T> => ({
  ok: false,
  error: { code, message },
})

export function deferred<T>() {
  let resolve: (value: T) => void = () => {}
  const promise = new Promise<T>((done) => (resolve = done))
  return { promise, resolve }
}

export const plugins = (): (Plugin | [Plugin, ...unknown[]])[] => [
  createAppI18n(),
  [PrimeVue, { unstyled: true }],
  ToastService,
]

export async function settle(): Promise<void> {
  await flushPromises()
  await wait(30)
  await flushPromises()
}

export const CASE: CaseDetail = {
  id: 4,
  caseNumber: 'SHN-2026-00004',
  version: 3,
  status: 'Active',
  intakeDate: '2026-03-20',
  organisation: 'Safe Harbour Network',
  assignedUserId: 3,
  assignedUserName: 'Sam Lee',
  survivor: { id: 9, record: { prs_FirstName: 'Amina' }, aliases: [] },
  victim: {},
  details: {},
  events: [],
  closureReason: null,
  isTraining: false,
  createdAt: '2026-03-20T09:00:00.000Z',
  updatedAt: '2026-03-20T09:00:00.000Z',
}

export function referral(overrides: Partial<ReferralDetail> = {}): ReferralDetail {
  return {
    id: 12,
    direction: 'outgoing',
    status: 'accepted',
    caseId: 4,
    caseNumber: 'SHN-2026-00004',
    assessmentId: null,
    organisationName: 'Northern Law Centre',
    serviceName: 'Immigration legal advice',
    urgency: 'routine',
    referralDate: '2026-03-20',
    followUpDate: null,
    followUpState: null,
    servicesRequested: ['Legal'],
    version: 5,
    organisationId: 1,
    serviceId: 7,
    counterpartCaseworker: null,
    primaryUserName: 'Sam Lee',
    reason: null,
    details: null,
    outcome: null,
    sharedCategories: null,
    consentInForce: null,
    consents: [],
    history: [],
    nextStatuses: ['in_progress', 'closed_unsuccessful'],
    htcds: {},
    createdAt: '2026-03-20T09:00:00.000Z',
    updatedAt: '2026-03-20T09:00:00.000Z',
    ...overrides,
  }
}
