// An app restore records itself ("backup.restored") in the outgoing vault's log just before the
// swap, as that log stays with the rollback copy. When the operating system then refuses the swap
// (Windows: an antivirus scan or Explorer holding a file in the folder), nothing was replaced and
// that vault is still the live one: its log must not end on a restore that never happened. The
// restore keeps a copy of the key across the swap for this note alone, and wipes it after.
import { createAuditLog } from '../audit/audit-log'
import { openEncryptedDatabase } from '../db/connection'
import { CaseVaultError } from '../errors'
import { databasePath } from '../vault/vault-header'

export function noteFailedSwap(
  dataDir: string,
  databaseKey: Buffer,
  actor: string,
  clock: () => Date,
  error: unknown,
): void {
  try {
    const db = openEncryptedDatabase(databasePath(dataDir), databaseKey, { create: false })
    try {
      createAuditLog(db, clock).append({
        actor,
        action: 'backup.restore_failed',
        details: { code: error instanceof CaseVaultError ? error.code : 'INTERNAL' },
      })
    } finally {
      db.close()
    }
  } catch {
    // Best effort: the user still gets the swap's own error, and the vault is unchanged.
  }
}
