// The unlock throttle's state, kept in the data folder between runs of the app: held in memory
// only, quitting the app (or the power going) wiped the only record of passphrases guessed since
// the last unlock, and the delay the guessing had earned. Plaintext on purpose: it holds counts
// and staff usernames (which vault.json lists anyway), never a passphrase or a name typed that
// matches no account. It is advisory: a missing, unreadable or edited file starts from nothing.
import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { z } from 'zod'

export const UNLOCK_ATTEMPTS_FILE = 'unlock-attempts.json'

const count = z.number().int().min(0).max(1_000_000)
const stateSchema = z.object({
  failures: count,
  notBefore: z.number().finite(),
  failuresSinceLastUnlock: count,
  byUser: z.array(z.tuple([z.string().max(64), z.object({ failed: count, deactivated: count })])).max(1000),
})
export type ThrottleState = z.infer<typeof stateSchema>

export function readThrottleState(dataDir: string): ThrottleState | null {
  try {
    const parsed = stateSchema.safeParse(
      JSON.parse(readFileSync(join(dataDir, UNLOCK_ATTEMPTS_FILE), 'utf8')),
    )
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}

/** Writes the state, or removes the file when there is nothing to keep. Never throws. */
export function writeThrottleState(dataDir: string, state: ThrottleState | null): void {
  const path = join(dataDir, UNLOCK_ATTEMPTS_FILE)
  try {
    if (state) writeFileSync(path, JSON.stringify(state), { mode: 0o600 })
    else rmSync(path, { force: true })
  } catch {
    // A read-only or vanished folder must not keep anyone out of the vault.
  }
}
