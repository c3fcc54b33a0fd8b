// The whole app over a stubbed main that also answers the dashboard and the Referrals list, as the
// screens changed in session 19 meet it (a11y-session19*, review-session19d-ui*), and what a
// screen reader may hear there.
import { vi } from 'vitest'
import type { DashboardSummary, ReferralSummary, Role } from '../../main/api/contract'
import { caseCalls, stubMain, type MainOptions } from './app-session-support'
import { ok } from './casework-screens-support'

/** Where a screen reader is told something (live regions and alerts). */
export const LIVE = '[role="status"], [role="alert"], [aria-live="polite"], [aria-live="assertive"]'
/** Raw message keys, unfilled placeholders or objects printed as text. */
export const RAW =
  /\[object Object\]|\{[a-zA-Z]+\}|\b(?:locked|errors|exchange|dashboard|referrals)\.[a-zA-Z]+/

export function sentReferral(id: number): ReferralSummary {
  return {
    id,
    direction: 'outgoing',
    status: 'sent',
    caseId: 4,
    caseNumber: 'SHN-2026-00004',
    assessmentId: null,
    organisationName: `Law Centre ${id}`,
    serviceName: null,
    urgency: 'routine',
    referralDate: '2026-03-02',
    followUpDate: null,
    followUpState: null,
    servicesRequested: ['Legal'],
  }
}

/** Sent referrals 1 to `count`. */
const sentReferrals = (count: number) => Array.from({ length: count }, (_, index) => sentReferral(index + 1))

/** Today: `awaiting` referrals awaiting an answer (the first 8 of them listed), nothing else. */
export function dashboard(awaiting: number): DashboardSummary {
  return {
    today: '2026-03-20',
    myOpenCases: { total: 0, items: [] },
    overdueFollowUps: { total: 0, items: [] },
    followUpsThisWeek: { total: 0, items: [] },
    awaitingAnswer: { total: awaiting, items: sentReferrals(Math.min(awaiting, 8)) },
    screeningsThisMonth: { total: 0, high: 0, medium: 0, low: 0, notLinked: 0 },
  }
}

export interface Session19Options extends MainOptions {
  /** Referrals awaiting an answer on Today (12 unless told). */
  awaiting?: number
  /** Whether main answers backup:status (no backup made yet); not answered unless told. */
  backupStatus?: boolean
  /**
   * Which asks of the Referrals list get the 12 sent referrals: outgoing and sent (unless told),
   * or sent in any direction.
   */
  sentWhen?: 'outgoingSent' | 'sent'
  /** Any other ask of the Referrals list: its total and the rows sent back (40 of 40 unless told). */
  all?: { total: number; rows: number }
}

/** main as the window sees it (stubMain), with a case, the dashboard and the Referrals list. */
export function stubSession19(role: Role, options: Session19Options = {}) {
  const all = options.all ?? { total: 40, rows: 40 }
  return stubMain(role, options, {
    ...caseCalls(),
    dashboard: { summary: vi.fn(async () => ok(dashboard(options.awaiting ?? 12))) },
    referrals: {
      list: vi.fn(async (input: { direction?: string; status?: string[] }) =>
        ok(
          input.status?.[0] === 'sent' && (options.sentWhen === 'sent' || input.direction === 'outgoing')
            ? { total: 12, items: sentReferrals(12) }
            : { total: all.total, items: sentReferrals(all.rows) },
        ),
      ),
    },
    ...(options.backupStatus ? { backup: { status: vi.fn(async () => ok(null)) } } : {}),
  })
}
