import { readThrottleState, writeThrottleState } from './unlock-attempts-file'

/**
 * Growing delay after repeated failed unlocks: the first few mistakes are free, then each
 * further failure doubles the wait (1 s, 2 s, 4 s … capped at 5 min). Attempts during the wait
 * are refused without running Argon2. Offline guessing against a copied vault.json is slowed by
 * Argon2 itself; this stops someone at the keyboard.
 */
export const FREE_ATTEMPTS = 3
const MAX_DELAY_MS = 5 * 60 * 1000

/** The failed attempts since the last unlock, for the audit log (vault.ts openWithKey). */
export interface FailedAttempts {
  total: number
  /** Per account that exists in vault.json: names typed that match none are never kept. */
  byUser: { username: string; failedAttempts: number; attemptsWhileDeactivated: number }[]
}

export class UnlockThrottle {
  private failures = 0
  private notBefore = 0
  private failuresSinceLastUnlock = 0
  // By account: the total alone was written onto the next unlock's row, against whoever signed
  // in next, and the account that was guessed at was named nowhere.
  private byUser = new Map<string, { failed: number; deactivated: number }>()

  /** `dataDir`: where the state is kept between runs (unlock-attempts-file.ts); none in tests of it. */
  constructor(
    private readonly nowMs: () => number,
    private readonly dataDir?: string,
  ) {
    const kept = dataDir ? readThrottleState(dataDir) : null
    if (kept) {
      this.failures = kept.failures
      this.notBefore = kept.notBefore
      this.failuresSinceLastUnlock = kept.failuresSinceLastUnlock
      this.byUser = new Map(kept.byUser)
    }
  }

  /**
   * Milliseconds still to wait before another attempt is allowed (0 = go). A wait longer than the
   * cap was earned while the clock ran ahead (or written into the kept file): it is dropped, the
   * count kept. Believed, it had locked everyone out, the recovery key too, for a year.
   */
  waitMs(): number {
    const left = this.notBefore - this.nowMs()
    if (left > MAX_DELAY_MS) this.notBefore = 0
    return Math.max(0, this.notBefore - this.nowMs())
  }

  /** A wrong passphrase or recovery key; `username` when it names an account of this vault. */
  recordFailure(username?: string): void {
    this.failures += 1
    this.failuresSinceLastUnlock += 1
    if (username) this.tally(username).failed += 1
    if (this.failures >= FREE_ATTEMPTS) {
      const delay = Math.min(MAX_DELAY_MS, 1000 * 2 ** (this.failures - FREE_ATTEMPTS))
      this.notBefore = this.nowMs() + delay
    }
    this.keep()
  }

  /**
   * A deactivated account tried to sign in: no passphrase was tried (no delay), but a person who
   * left coming back is what a manager most needs to see, and it had left no trace.
   */
  recordDeactivatedAttempt(username: string): void {
    this.failuresSinceLastUnlock += 1
    this.tally(username).deactivated += 1
    this.keep()
  }

  /** Resets the delay; returns the failures that preceded this success (for the audit log). */
  recordSuccess(): FailedAttempts {
    const failed = {
      total: this.failuresSinceLastUnlock,
      byUser: [...this.byUser].map(([username, counts]) => ({
        username,
        failedAttempts: counts.failed,
        attemptsWhileDeactivated: counts.deactivated,
      })),
    }
    this.failures = 0
    this.failuresSinceLastUnlock = 0
    this.notBefore = 0
    this.byUser = new Map()
    this.keep()
    return failed
  }

  private keep(): void {
    if (!this.dataDir) return
    const nothing = this.failuresSinceLastUnlock === 0 && this.failures === 0
    writeThrottleState(
      this.dataDir,
      nothing
        ? null
        : {
            failures: this.failures,
            notBefore: this.notBefore,
            failuresSinceLastUnlock: this.failuresSinceLastUnlock,
            byUser: [...this.byUser],
          },
    )
  }

  private tally(username: string): { failed: number; deactivated: number } {
    const key = username.toLowerCase()
    let counts = this.byUser.get(key)
    if (!counts) this.byUser.set(key, (counts = { failed: 0, deactivated: 0 }))
    return counts
  }
}
