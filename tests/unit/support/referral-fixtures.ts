import { call } from './temp-vault'
import { createCase, signInAs, staffedHost } from './case-fixtures'
import type {
  ApiErrorPayload,
  AuditEntry,
  CreateReferralInput,
  DashboardSummary,
  FollowUpItem,
  RecordConsentInput,
  ReferralDetail,
  ReferralPage,
  SupportPlan,
} from '../../../main/api/contract'
import { addDays, localIsoDate } from '../../../main/core/referrals/local-date'

type Host = Awaited<ReturnType<typeof staffedHost>>['host']

export const today = () => localIsoDate(new Date())
export const daysFromToday = (days: number) => addDays(today(), days)

/** An outgoing referral of a case to an organisation typed in by name (not in the directory). */
export function outgoingReferral(
  caseId: number,
  overrides: Partial<CreateReferralInput> = {},
): CreateReferralInput {
  return {
    direction: 'outgoing',
    caseId,
    organisationName: 'Harbour Legal Aid',
    counterpartCaseworker: 'Ms. Ines Duarte',
    reason: 'AdditionalServicesRequired',
    details: 'Needs a lawyer for the labour court hearing; interpreter for Ukrainian.',
    servicesRequested: ['Legal'],
    urgency: 'priority',
    referralDate: '2026-03-20',
    ...overrides,
  }
}

export function survivorConsent(
  referralId: number,
  overrides: Partial<RecordConsentInput> = {},
): RecordConsentInput {
  return {
    referralId,
    givenBy: 'survivor',
    givenOn: '2026-03-19',
    purpose: 'Legal representation at the labour court',
    categories: ['identity', 'contactDetails', 'referralNotes'],
    ...overrides,
  }
}

/** bilal's case with a draft outgoing referral; the host is signed in as bilal. */
export async function caseWithReferral(overrides: Partial<CreateReferralInput> = {}) {
  const staffed = await staffedHost('bilal')
  const created = await createCase(staffed.host)
  const referral = await call<ReferralDetail>(
    staffed.host,
    'referrals:create',
    outgoingReferral(created.id, overrides),
  )
  return { ...staffed, caseId: created.id, referral }
}

export async function step(
  host: Host,
  referral: ReferralDetail,
  to: string,
  extra: Record<string, unknown> = {},
) {
  return call<ReferralDetail>(host, 'referrals:transition', {
    id: referral.id,
    version: referral.version,
    to,
    on: '2026-03-21',
    ...extra,
  })
}

/** The audit rows about one referral, oldest first, read as an admin (signs back in as `then`). */
export async function referralAudit(host: Host, referralId: number, then: string): Promise<AuditEntry[]> {
  await signInAs(host, 'amara')
  // A referral of a case is logged under its case, naming the referral (referral-audit-target.ts).
  const rows = (await call<AuditEntry[]>(host, 'audit:list', { limit: 500 })).filter(
    (row) => row.target === `referral:${referralId}` || row.details?.['referralId'] === referralId,
  )
  await signInAs(host, then)
  return rows.reverse()
}

/** The error payload of a call that must be refused (throws if it succeeded). */
export async function failure(host: Host, channel: string, input: unknown): Promise<ApiErrorPayload> {
  const result = await host.dispatch(channel, input)
  if (result.ok) throw new Error(`${channel} succeeded`)
  return result.error as ApiErrorPayload
}

/** An outgoing referral of 1 March 2026 to `organisationName`, its follow-up on `followUpDate`. */
export async function referralDue(
  host: Host,
  caseId: number,
  followUpDate: string | null,
  organisationName: string,
) {
  return call<ReferralDetail>(
    host,
    'referrals:create',
    outgoingReferral(caseId, { followUpDate, organisationName, referralDate: '2026-03-01' }),
  )
}

/** A support plan started on 1 March 2026, its follow-up on `followUpDate`. */
export async function planDue(host: Host, caseId: number, followUpDate: string, type = 'Health') {
  return call<SupportPlan>(host, 'referrals:createSupportPlan', {
    caseId,
    type,
    objectives: 'Dental treatment',
    startDate: '2026-03-01',
    followUpDate,
  })
}

// The follow-ups as the screens read them: Today, the Follow-ups screen, the Referrals list's Due filter.
export const summary = (host: Host) => call<DashboardSummary>(host, 'dashboard:summary')
export const followUps = (host: Host, window: 'overdue' | 'thisWeek') =>
  call<FollowUpItem[]>(host, 'referrals:followUps', { window })
export const dueList = (host: Host, due: 'overdue' | 'thisWeek') =>
  call<ReferralPage>(host, 'referrals:list', { due, limit: 200 })
/** "referral:12", "supportPlan:3": each item's kind and id. */
export const keys = (items: FollowUpItem[]) => items.map((item) => `${item.kind}:${item.id}`)
