import type { VaultDatabase } from '../db/connection'
import type { VaultSettings } from '../../api/contract/vault'

export const DEFAULT_SETTINGS: VaultSettings = { autoLockMinutes: 10 }

export function createSettingsRepository(db: VaultDatabase) {
  const read = db.prepare<[], { key: string; value: string }>('SELECT key, value FROM settings')
  const upsert = db.prepare(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  )
  return {
    get(): VaultSettings {
      const stored = Object.fromEntries(read.all().map((row) => [row.key, JSON.parse(row.value) as unknown]))
      const autoLockMinutes = stored.autoLockMinutes
      return {
        autoLockMinutes:
          typeof autoLockMinutes === 'number' ? autoLockMinutes : DEFAULT_SETTINGS.autoLockMinutes,
      }
    },
    /** Kept inside the encrypted DB too, so a lost vault.json can be rebuilt with the right name. */
    organisation(): string | null {
      const row = read.all().find((entry) => entry.key === 'organisation')
      return row ? (JSON.parse(row.value) as string) : null
    },
    saveOrganisation(name: string): void {
      upsert.run('organisation', JSON.stringify(name))
    },
    save(settings: VaultSettings): void {
      for (const [key, value] of Object.entries(settings)) upsert.run(key, JSON.stringify(value))
    },
  }
}
