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
import { fillWithSyntheticCases } from '../../main/core/training/fill-vault'
import { percentiles, progress, type Percentiles } from './bench-stats'

export const BENCH_TODAY = new Date('2026-05-01T12:00:00Z')
const BENCH_SEED = 20260501

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
  return openSession(db, admin, () => new Date())
}

/** Staff rows to assign cases to (rows only: the bench never signs in as them). */
function caseworkers(session: VaultSession): number[] {
  return ['bilal', 'chen', 'dana', 'eli'].map(
    (username) =>
      session.users.insert({ username, displayName: username, role: 'caseworker' }, BENCH_TODAY.toISOString())
        .id,
  )
}

/** Fills the session's database; returns the insert rate in cases per second (generation excluded). */
export function fillForBench(session: VaultSession, count: number, label: string): number {
  const filled = fillWithSyntheticCases(session, count, {
    seed: BENCH_SEED,
    assignees: caseworkers(session),
    today: BENCH_TODAY,
    onProgress: progress(label),
  })
  return (filled.cases / filled.insertMs) * 1000
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
