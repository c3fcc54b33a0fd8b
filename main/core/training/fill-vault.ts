import { CaseVaultError } from '../errors'
import type { VaultSession } from '../vault/vault-session'
import { createCaseService } from '../cases/case-service'
import type { BulkCase } from '../cases/case-bulk'
import { createSyntheticCaseGenerator, type SyntheticCase } from './synthetic-cases'
import { SeededRandom } from './synthetic-random'
import { createCaseworkWriter, type CaseworkCounts, type CaseworkItem } from './fill-casework'

export const MAX_TRAINING_CASES = 200_000
const DEFAULT_BATCH_SIZE = 1000

export interface FillOptions {
  seed: number
  /** User ids the cases are spread across; default: the signed-in user. */
  assignees?: readonly number[]
  /** Intake dates fall in the three years before this day (default: the session's clock). */
  today?: Date
  /** Cases per transaction. */
  batchSize?: number
  /** Screenings, referrals, support plans and the service directory too (default true). */
  casework?: boolean
  onProgress?: (done: number, total: number) => void
}

export interface FillResult {
  cases: number
  closed: number
  comments: number
  perpetratorLinks: number
  perpetrators: number
  /** Time spent in the case service (validation and writes), without generating the data. */
  insertMs: number
  /** Null when casework was not asked for. */
  casework: CaseworkCounts | null
  /** Time spent planning and writing the casework through its services. */
  caseworkMs: number
}

function toBulkCase(synthetic: SyntheticCase, assignedUserId: number): BulkCase {
  return {
    input: { ...synthetic.input, assignedUserId },
    status: synthetic.status,
    closureReason: synthetic.closureReason,
    createdAt: synthetic.openedAt,
    ...(synthetic.closedAt ? { closedAt: synthetic.closedAt } : {}),
    comments: synthetic.comments.map((comment) => ({ body: comment.body, createdAt: comment.at })),
    perpetrators: synthetic.perpetrators,
  }
}

/**
 * Fills an unlocked vault with `count` synthetic cases through the real case service (HTCDS
 * validation, search index, audit), in batches of one transaction each. Marks the vault as a
 * training vault first, so every case carries isTraining and the app can say so. Unless told not
 * to, each batch's casework (screenings, referrals, support plans; the directory once) follows in
 * a transaction of its own, through those areas' services (see fill-casework.ts).
 */
export function fillWithSyntheticCases(
  session: VaultSession,
  count: number,
  options: FillOptions,
): FillResult {
  if (!Number.isInteger(count) || count < 1 || count > MAX_TRAINING_CASES) {
    throw new CaseVaultError('VALIDATION', `The number of cases must be 1 to ${MAX_TRAINING_CASES}.`)
  }
  if (!session.settings.isTrainingVault()) {
    session.db.transaction(() => {
      session.settings.markAsTrainingVault()
      session.audit.append({ actor: session.user.username, action: 'vault.marked_training' })
    })()
  }
  const service = createCaseService(session)
  const generator = createSyntheticCaseGenerator({
    seed: options.seed,
    today: options.today ?? session.clock(),
  })
  // Its own stream, so the cases themselves do not depend on how many staff there are.
  const assigning = new SeededRandom(options.seed ^ 0x5eed5eed)
  const assignees = options.assignees?.length ? options.assignees : [session.user.id]
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE
  const knownPerpetrators = new Map<string, number>()
  const result: FillResult = {
    cases: 0,
    closed: 0,
    comments: 0,
    perpetratorLinks: 0,
    perpetrators: 0,
    insertMs: 0,
    casework: null,
    caseworkMs: 0,
  }
  const today = options.today ?? session.clock()
  let started = performance.now()
  const casework =
    options.casework === false
      ? null
      : createCaseworkWriter(session, { seed: options.seed, today, staff: assignees })
  result.caseworkMs += performance.now() - started

  while (result.cases < count) {
    const batch: BulkCase[] = []
    const stories: Omit<CaseworkItem, 'caseId'>[] = []
    for (let i = 0; i < Math.min(batchSize, count - result.cases); i += 1) {
      const synthetic = generator.next()
      if (synthetic.closureReason) result.closed += 1
      const assigneeId = assigning.pick(assignees)
      batch.push(toBulkCase(synthetic, assigneeId))
      stories.push({ synthetic, assigneeId })
    }
    started = performance.now()
    const written = service.createMany(batch, { isTraining: true, knownPerpetrators })
    result.insertMs += performance.now() - started
    if (casework) {
      started = performance.now()
      casework.write(stories.map((story, index) => ({ ...story, caseId: written.caseIds[index]! })))
      result.caseworkMs += performance.now() - started
    }
    result.cases += written.caseIds.length
    result.comments += written.comments
    result.perpetratorLinks += written.perpetratorLinks
    result.perpetrators += written.newPerpetrators
    options.onProgress?.(result.cases, count)
  }
  result.casework = casework?.counts ?? null
  return result
}
