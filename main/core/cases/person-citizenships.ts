import type { VaultDatabase } from '../db/connection'

/**
 * A person's citizenships after the first (the first is persons.citizenship), for the case list's
 * filter (migration 0010). Written by every writer of a person's row, right after it.
 */
export function createCitizenshipWriter(db: VaultDatabase) {
  const remove = db.prepare('DELETE FROM person_citizenships WHERE person_id = ?')
  const insert = db.prepare('INSERT OR IGNORE INTO person_citizenships (code, person_id) VALUES (?, ?)')
  return (personId: number, record: Record<string, unknown>, replacing: boolean): void => {
    if (replacing) remove.run(personId)
    const codes = record.prs_Citizenship
    if (!Array.isArray(codes)) return
    for (const code of codes.slice(1)) if (typeof code === 'string') insert.run(code, personId)
  }
}
