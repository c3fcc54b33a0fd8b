import type { VaultDatabase } from '../db/connection'
import { columnMappingSchema, type ColumnMapping, type ImportFormat } from '../../api/contract/import'

/** Headers remembered per format (the contract's limit for one mapping). */
const MAX_REMEMBERED = 500

/** Column mappings the organisation confirmed, one per format, kept in the settings table. */
export function createImportMappingRepository(db: VaultDatabase) {
  const read = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?')
  const write = db.prepare(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  )
  const key = (format: ImportFormat) => `importMapping.${format}`

  /** The saved mapping, or {} when none was saved (or what was saved is no longer a mapping). */
  function get(format: ImportFormat): ColumnMapping {
    const row = read.get(key(format))
    if (!row) return {}
    const parsed = columnMappingSchema.safeParse(JSON.parse(row.value))
    return parsed.success ? parsed.data : {}
  }

  return {
    get,
    /**
     * Adds this file's choices to what is remembered for the format: an organisation that gets two
     * layouts (its own sheet and a partner's) keeps the choices for both, where saving one
     * mapping over the other lost them. A header chosen again takes its newest choice; past the
     * limit, the headers chosen longest ago are forgotten first.
     */
    save(format: ImportFormat, mapping: ColumnMapping): void {
      const merged = Object.entries(get(format)).filter(([header]) => !(header in mapping))
      const entries = [...merged, ...Object.entries(mapping)].slice(-MAX_REMEMBERED)
      // Remembering is a convenience: a choice that cannot be kept is left out, never a reason for
      // the import it belongs to to fail (it threw inside the import's transaction).
      const saved = columnMappingSchema.safeParse(Object.fromEntries(entries))
      if (saved.success) write.run(key(format), JSON.stringify(saved.data))
    },
  }
}

export type ImportMappingRepository = ReturnType<typeof createImportMappingRepository>
