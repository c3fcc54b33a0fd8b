import type { VaultDatabase } from '../db/connection'
import { columnMappingSchema, type ColumnMapping, type ImportFormat } from '../../api/contract/import'

/** Column mappings the organisation confirmed, one per format, kept in the settings table. */
export function createImportMappingRepository(db: VaultDatabase) {
  const read = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?')
  const write = db.prepare(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  )
  const key = (format: ImportFormat) => `importMapping.${format}`

  return {
    /** The saved mapping, or {} when none was saved (or what was saved is no longer a mapping). */
    get(format: ImportFormat): ColumnMapping {
      const row = read.get(key(format))
      if (!row) return {}
      const parsed = columnMappingSchema.safeParse(JSON.parse(row.value))
      return parsed.success ? parsed.data : {}
    },
    save(format: ImportFormat, mapping: ColumnMapping): void {
      write.run(key(format), JSON.stringify(columnMappingSchema.parse(mapping)))
    },
  }
}

export type ImportMappingRepository = ReturnType<typeof createImportMappingRepository>
