// The casework part of `npm run bench`'s output: how fast the training generator writes casework,
// what it wrote, and the dashboard / referral / screening queries against their targets.
import type { VaultSession } from '../../main/core/vault/vault-session'
import type { BenchFill } from './bench-cases'
import { REFERRAL_LISTS, TARGETS, referralListPlan, sessionOf, type RoleTimes } from './bench-casework'
import { ms, table } from './bench-stats'
import type { Percentiles } from './bench-stats'

interface Side {
  fill: BenchFill
  times: { caseworker: RoleTimes; supervisor: RoleTimes }
  session: VaultSession
}

type Role = 'caseworker' | 'supervisor'
type ListName = keyof typeof REFERRAL_LISTS

function written(fill: BenchFill): string {
  const counts = fill.filled.casework!
  const referrals = Object.entries(counts.referrals)
  const total = referrals.reduce((sum, [, n]) => sum + n, 0)
  return [
    `directory ${counts.directory.organisations} organisations / ${counts.directory.services} services`,
    `screenings ${counts.screenings.linked} linked (${counts.screenings.casesScreenedRepeatedly} cases repeated) + ${counts.screenings.walkIns} walk-ins`,
    `referrals ${total} (${referrals.map(([status, n]) => `${status} ${n}`).join(', ')})`,
    `support plans ${counts.supportPlans} (${counts.supportPlansFromReferrals} from referrals)`,
  ].join('\n    ')
}

export function caseworkReport(input: { cases: number; runs: number; plain: Side; encrypted: Side }): string {
  const { plain, encrypted } = input
  const misses: string[] = []
  const rows: string[][] = []

  function row(
    label: string,
    limitMs: number,
    pick: (times: RoleTimes) => Percentiles,
    role: Role,
    list?: ListName,
  ) {
    const p = pick(plain.times[role])
    const e = pick(encrypted.times[role])
    const ratio50 = e.p50 / p.p50
    const ratio95 = e.p95 / p.p95
    const fast = e.p95 <= limitMs && p.p95 <= limitMs
    const even = ratio50 <= TARGETS.ratio
    const verdict =
      fast && even ? 'PASS' : `MISS (${[fast ? '' : 'time', even ? '' : 'ratio'].filter(Boolean).join(', ')})`
    rows.push([
      `${label}, ${role}`,
      `${ms(p.p50)} / ${ms(p.p95)}`,
      `${ms(e.p50)} / ${ms(e.p95)}`,
      `${ratio50.toFixed(2)}× / ${ratio95.toFixed(2)}×`,
      `p95 ≤ ${limitMs}`,
      verdict,
    ])
    if (verdict !== 'PASS' && list) {
      const users = encrypted.fill.users
      const session = sessionOf(
        encrypted.session,
        role === 'caseworker' ? users.caseworker : users.supervisor,
      )
      misses.push(`  plan of "${label}, ${role}" (encrypted):\n${referralListPlan(session, list)}`)
    } else if (verdict !== 'PASS') misses.push(`  ${label}, ${role}: ${verdict}`)
  }

  for (const role of ['caseworker', 'supervisor'] as const) {
    row('dashboard.summary', TARGETS.dashboardMs, (t) => t.dashboard, role)
    for (const name of Object.keys(REFERRAL_LISTS) as ListName[])
      row(`referrals.list ${name}`, TARGETS.listP95Ms, (t) => t.referrals[name], role, name)
    row('screening.listAssessments', TARGETS.listP95Ms, (t) => t.screenings, role)
  }

  const seconds = (fill: BenchFill) => (fill.filled.caseworkMs / 1000).toFixed(1)
  return [
    `Casework for ${input.cases} cases, written by the training generator through the real services:`,
    `  plaintext ${plain.fill.caseworkCasesPerSecond.toFixed(0)} cases/s (${seconds(plain.fill)} s), ` +
      `encrypted ${encrypted.fill.caseworkCasesPerSecond.toFixed(0)} cases/s (${seconds(encrypted.fill)} s)`,
    `  wrote: ${written(encrypted.fill)}`,
    `Dashboard, referral and screening lists: ${input.runs} runs each, ms (p50 / p95); enc/plain from p50 / p95`,
    table(['', 'plaintext', 'encrypted', 'enc/plain', 'target', `verdict (and ≤ ${TARGETS.ratio}×)`], rows),
    `  caseworker = one of 4 caseworkers (about a quarter of the cases); supervisor sees every case.`,
    `  status filter = in_progress; overdue = open referrals whose follow-up date has passed.`,
    ...(['caseworker', 'supervisor'] as const).flatMap((role) => [
      `  plaintext answers (${role}): ${plain.times[role].answers}`,
      `  encrypted answers (${role}): ${encrypted.times[role].answers}`,
    ]),
    ...(misses.length ? ['Misses:', ...misses] : ['All casework queries met their targets.']),
  ].join('\n')
}
