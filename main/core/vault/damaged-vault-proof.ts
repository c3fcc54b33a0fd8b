import { CaseVaultError } from '../errors'

/** How long a passphrase that met a damaged database counts as proof. */
const PROOF_MS = 15 * 60 * 1000

/** The unlock's refusals that mean the key was right and the database is what failed. */
const DAMAGED_DATABASE = new Set(['DB_CORRUPT', 'DB_MISSING', 'DB_NOT_OURS'])

/**
 * Who, in the last minutes, gave a passphrase that opened their key slot while the database
 * behind it could not be read (damaged, missing, replaced): only they may restore a backup over
 * it from the unlock screen (api/restore-damaged.ts). Kept in memory only.
 */
export class DamagedVaultProof {
  private proof: { username: string; at: number } | null = null

  constructor(private readonly clock: () => Date) {}

  /** After an unlock whose passphrase opened `username`'s slot: `error` is how opening ended. */
  noteUnlock(username: string, error: unknown): void {
    const damaged = error instanceof CaseVaultError && DAMAGED_DATABASE.has(error.code)
    this.proof = damaged ? { username, at: this.clock().getTime() } : null
  }

  /** The username proven, or null when nobody did lately. */
  provenBy(): string | null {
    const proof = this.proof
    if (!proof) return null
    return this.clock().getTime() - proof.at <= PROOF_MS ? proof.username : null
  }

  forget(): void {
    this.proof = null
  }
}
