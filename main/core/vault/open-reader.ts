import type { Vault } from './vault'
import { databasePath } from './vault-header'
import { openEncryptedDatabase, type VaultDatabase } from '../db/connection'

/**
 * A second connection to the unlocked vault's database, for a long read that must not hold the
 * vault's own connection (an export). The caller closes it; the key copy is wiped at once.
 */
export function openVaultReader(vault: Vault): VaultDatabase {
  const key = vault.databaseKeyCopy()
  try {
    return openEncryptedDatabase(databasePath(vault.dataDir), key, { create: false })
  } finally {
    key.fill(0)
  }
}
