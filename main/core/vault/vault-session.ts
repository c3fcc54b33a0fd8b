import type { VaultDatabase } from '../db/connection'
import { createAuditLog, type AuditLog } from '../audit/audit-log'
import { createUserRepository, type UserRepository } from '../users/user-repository'
import { createSettingsRepository } from '../settings/settings-repository'
import type { SessionUser, UserSummary } from '../../api/contract/users'

/** Everything a service needs while the vault is unlocked, passed explicitly (no singletons). */
export interface VaultSession {
  readonly db: VaultDatabase
  readonly user: SessionUser
  readonly audit: AuditLog
  readonly users: UserRepository
  readonly settings: ReturnType<typeof createSettingsRepository>
  readonly clock: () => Date
}

export function openSession(db: VaultDatabase, user: UserSummary, clock: () => Date): VaultSession {
  return {
    db,
    user: { id: user.id, username: user.username, displayName: user.displayName, role: user.role },
    audit: createAuditLog(db, clock),
    users: createUserRepository(db),
    settings: createSettingsRepository(db),
    clock,
  }
}

export type { AuditLog, UserRepository }
