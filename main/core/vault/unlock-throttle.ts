/**
 * Growing delay after repeated failed unlocks: the first few mistakes are free, then each
 * further failure doubles the wait (1 s, 2 s, 4 s … capped at 5 min). Attempts during the wait
 * are refused without running Argon2. Offline guessing against a copied vault.json is slowed by
 * Argon2 itself; this stops someone at the keyboard.
 */
export const FREE_ATTEMPTS = 3
const MAX_DELAY_MS = 5 * 60 * 1000

export class UnlockThrottle {
  private failures = 0
  private notBefore = 0
  private failuresSinceLastUnlock = 0

  constructor(private readonly nowMs: () => number) {}

  /** Milliseconds still to wait before another attempt is allowed (0 = go). */
  waitMs(): number {
    return Math.max(0, this.notBefore - this.nowMs())
  }

  recordFailure(): void {
    this.failures += 1
    this.failuresSinceLastUnlock += 1
    if (this.failures >= FREE_ATTEMPTS) {
      const delay = Math.min(MAX_DELAY_MS, 1000 * 2 ** (this.failures - FREE_ATTEMPTS))
      this.notBefore = this.nowMs() + delay
    }
  }

  /** Resets the delay; returns how many failures preceded this success (for the audit log). */
  recordSuccess(): number {
    const failed = this.failuresSinceLastUnlock
    this.failures = 0
    this.failuresSinceLastUnlock = 0
    this.notBefore = 0
    return failed
  }
}
