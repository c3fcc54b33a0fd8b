import type { VaultDatabase } from '../db/connection'
import type { Role } from '../../api/contract/roles'
import type { UserSummary } from '../../api/contract/users'

interface UserRow {
  id: number
  username: string
  display_name: string
  role: Role
  active: 0 | 1
  created_at: string
}

function rowToUser(row: UserRow): UserSummary {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    active: row.active === 1,
    createdAt: row.created_at,
  }
}

export function createUserRepository(db: VaultDatabase) {
  const byName = db.prepare<[string], UserRow>('SELECT * FROM users WHERE username = ?')
  const everyone = db.prepare<[], UserRow>(
    'SELECT * FROM users ORDER BY active DESC, username COLLATE NOCASE',
  )
  const insert = db.prepare(
    'INSERT INTO users (username, display_name, role, active, created_at, updated_at) VALUES (?, ?, ?, 1, ?, ?)',
  )
  const setActive = db.prepare('UPDATE users SET active = ?, updated_at = ? WHERE id = ?')
  const remove = db.prepare('DELETE FROM users WHERE id = ?')
  const count = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM users')
  const active = db.prepare<[number], number>('SELECT active FROM users WHERE id = ?').pluck()
  // One probe of cases_by_assignee per account, not a walk of every case.
  const holdingCases = db
    .prepare<[], number>(
      'SELECT u.id FROM users u WHERE EXISTS (SELECT 1 FROM cases c WHERE c.assigned_user_id = u.id)',
    )
    .pluck()

  return {
    findByUsername(username: string): UserSummary | undefined {
      const row = byName.get(username)
      return row ? rowToUser(row) : undefined
    },
    list(): UserSummary[] {
      return everyone.all().map(rowToUser)
    },
    insert(user: { username: string; displayName: string; role: Role }, now: string): UserSummary {
      const result = insert.run(user.username, user.displayName, user.role, now, now)
      return rowToUser({
        id: Number(result.lastInsertRowid),
        username: user.username,
        display_name: user.displayName,
        role: user.role,
        active: 1,
        created_at: now,
      })
    },
    /** Only for a row just inserted whose key slot could not be written (user-service.ts). */
    remove(id: number): void {
      remove.run(id)
    },
    setActive(id: number, active: boolean, now: string): void {
      setActive.run(active ? 1 : 0, now, id)
    },
    /** Whether the account is still there and active (it may have changed since the unlock). */
    isActive(id: number): boolean {
      return active.get(id) === 1
    },
    count(): number {
      return count.get()!.n
    },
    /** The accounts that have at least one case assigned to them, active or not. */
    idsHoldingCases(): Set<number> {
      return new Set(holdingCases.all())
    },
  }
}

export type UserRepository = ReturnType<typeof createUserRepository>
