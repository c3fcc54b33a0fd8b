import { CaseVaultError } from '../errors'
import type { VaultSession } from '../vault/vault-session'
import { createCaseService } from '../cases/case-service'
import type { BulkCase } from '../cases/case-bulk'
import { createSyntheticCaseGenerator, type SyntheticCase } from './synthetic-cases'
import { SeededRandom } from './synthetic-random'

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
 * training vault first, so every case carries isTraining and the app can say so.
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
  }

  while (result.cases < count) {
    const batch: BulkCase[] = []
    for (let i = 0; i < Math.min(batchSize, count - result.cases); i += 1) {
      const synthetic = generator.next()
      if (synthetic.closureReason) result.closed += 1
      batch.push(toBulkCase(synthetic, assigning.pick(assignees)))
    }
    const started = performance.now()
    const written = service.createMany(batch, { isTraining: true, knownPerpetrators })
    result.insertMs += performance.now() - started
    result.cases += written.caseIds.length
    result.comments += written.comments
    result.perpetratorLinks += written.perpetratorLinks
    result.perpetrators += written.newPerpetrators
    options.onProgress?.(result.cases, count)
  }
  return result
}
