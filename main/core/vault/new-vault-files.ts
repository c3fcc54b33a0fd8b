// A new vault on disk: its encrypted database (schema, first admin, organisation, first audit row)
// and its header with the admin's key slot. Vault.create holds the session and the key around it.
import { randomUUID } from 'node:crypto'
import { rmSync } from 'node:fs'
import { openEncryptedDatabase, type VaultDatabase } from '../db/connection'
import { migrate } from '../db/migrate'
import { createUserRepository } from '../users/user-repository'
import { createAuditLog } from '../audit/audit-log'
import { createSettingsRepository } from '../settings/settings-repository'
import type { KdfParams } from './kdf'
import { wrapDatabaseKey } from './key-slot'
import { databasePath, newHeader, writeHeader } from './vault-header'

export interface NewVault {
  organisation: string
  username: string
  displayName: string
  passphrase: string
}

/** Writes the vault's files into `dataDir` (which holds none); on failure, nothing half-made stays. */
export async function writeNewVaultFiles(
  dataDir: string,
  input: NewVault,
  databaseKey: Buffer,
  kdf: KdfParams,
  clock: () => Date,
): Promise<{ db: VaultDatabase; admin: ReturnType<ReturnType<typeof createUserRepository>['insert']> }> {
  const vaultId = randomUUID()
  const now = clock()
  const slot = await wrapDatabaseKey(vaultId, input.username, input.passphrase, databaseKey, kdf, now)
  let db: VaultDatabase | null = null
  try {
    db = openEncryptedDatabase(databasePath(dataDir), databaseKey, { create: true })
    migrate(db)
    const users = createUserRepository(db)
    const audit = createAuditLog(db, clock)
    const openDb = db
    const admin = openDb.transaction(() => {
      const created = users.insert(
        { username: input.username, displayName: input.displayName, role: 'admin' },
        now.toISOString(),
      )
      const settings = createSettingsRepository(openDb)
      settings.saveOrganisation(input.organisation)
      settings.saveVaultId(vaultId)
      audit.append({ actor: input.username, action: 'vault.created', target: `user:${created.id}` })
      return created
    })()
    writeHeader(dataDir, newHeader({ vaultId, organisation: input.organisation, kdf, now, slots: [slot] }))
    return { db, admin }
  } catch (error) {
    db?.close()
    // Nothing half-made stays behind: the folder had no vault before this call.
    for (const suffix of ['', '-wal', '-shm']) rmSync(databasePath(dataDir) + suffix, { force: true })
    throw error
  }
}
