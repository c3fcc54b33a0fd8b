// The case workload: the same synthetic caseload written through the real case service into an
// encrypted vault and into a plaintext twin (same schema, pragmas and code), then the hot queries.
import Database from 'better-sqlite3-multiple-ciphers'
import { applyPragmas } from '../../main/core/db/connection'
import { migrate } from '../../main/core/db/migrate'
import { createUserRepository } from '../../main/core/users/user-repository'
import { createSettingsRepository } from '../../main/core/settings/settings-repository'
import { openSession, type VaultSession } from '../../main/core/vault/vault-session'
import { createCaseService } from '../../main/core/cases/case-service'
import { listCasesInput } from '../../main/api/contract/cases'
import { fillWithSyntheticCases, type FillResult } from '../../main/core/training/fill-vault'
import { percentiles, progress, type Percentiles } from './bench-stats'

// Mid-month, so "screened this month" on the dashboard counts a typical fortnight.
export const BENCH_TODAY = new Date('2026-05-14T12:00:00Z')
const BENCH_SEED = 20260501

/** The session on the bench's day: follow-ups, "this week" and "this month" all count from it. */
export function onBenchDay(session: VaultSession): VaultSession {
  return { ...session, clock: () => BENCH_TODAY }
}

/** A plaintext database with everything a vault has but the key: the baseline for the ratios. */
export function plaintextSession(path: string): VaultSession {
  const db = new Database(path)
  applyPragmas(db)
  migrate(db)
  const admin = createUserRepository(db).insert(
    { username: 'bench', displayName: 'Bench', role: 'admin' },
    BENCH_TODAY.toISOString(),
  )
  createSettingsRepository(db).saveOrganisation('Bench')
  return openSession(db, admin, () => BENCH_TODAY)
}

/** Staff rows (rows only: the bench never signs in, it opens sessions for them). */
function staff(session: VaultSession) {
  const add = (username: string, role: 'caseworker' | 'supervisor') =>
    session.users.insert({ username, displayName: username, role }, BENCH_TODAY.toISOString()).id
  const caseworkers = ['bilal', 'chen', 'dana', 'eli'].map((username) => add(username, 'caseworker'))
  return { caseworkers, supervisor: add('sara', 'supervisor') }
}

export interface BenchFill {
  /** Cases per second through the bulk path, and through the casework services (generation excluded). */
  casesPerSecond: number
  caseworkCasesPerSecond: number
  filled: FillResult
  users: { caseworker: number; supervisor: number }
}

/** Fills the session's database with cases and their casework (screenings, referrals, plans). */
export function fillForBench(session: VaultSession, count: number, label: string): BenchFill {
  const { caseworkers, supervisor } = staff(session)
  const filled = fillWithSyntheticCases(session, count, {
    seed: BENCH_SEED,
    assignees: caseworkers,
    today: BENCH_TODAY,
    onProgress: progress(label),
  })
  return {
    casesPerSecond: (filled.cases / filled.insertMs) * 1000,
    caseworkCasesPerSecond: (filled.cases / filled.caseworkMs) * 1000,
    filled,
    users: { caseworker: caseworkers[0]!, supervisor },
  }
}

export interface QueryTimes {
  listDefault: Percentiles
  listFiltered: Percentiles
  search: Percentiles
  get: Percentiles
  /** What the queries returned, to show both databases answered the same. */
  answers: string
}

const DEFAULT_LIST = listCasesInput.parse({})
const FILTERED_LIST = listCasesInput.parse({ status: ['Active'], exploitationType: ['SexualExploitation'] })

/** The case list, search and case view as the app calls them (search and view write their audit row). */
export function measureQueries(session: VaultSession, caseCount: number, runs: number): QueryTimes {
  const service = createCaseService(session)
  const caseIds = Array.from({ length: runs }, (_, run) => 1 + ((run * 7919) % caseCount))
  const surname = session.db.prepare<[number], { surname: string }>(
    `SELECT json_extract(p.record, '$.prs_SecondName') AS surname
     FROM cases c JOIN persons p ON p.id = c.survivor_id WHERE c.id = ?`,
  )
  const prefixes = caseIds.map((id) => Array.from(surname.get(id)!.surname).slice(0, 3).join(''))

  const listDefault = percentiles(runs, () => service.list(DEFAULT_LIST))
  const listFiltered = percentiles(runs, () => service.list(FILTERED_LIST))
  const search = percentiles(runs, (run) => service.search(prefixes[run % prefixes.length]!, 10))
  const get = percentiles(runs, (run) => service.get(caseIds[run % caseIds.length]!))

  const hits = prefixes.slice(0, 20).reduce((sum, prefix) => sum + service.search(prefix, 10).length, 0)
  const answers = [
    `list total ${service.list(DEFAULT_LIST).total}`,
    `filtered total ${service.list(FILTERED_LIST).total}`,
    `search hits (20 prefixes) ${hits}`,
  ].join(', ')
  return { listDefault, listFiltered, search, get, answers }
}
