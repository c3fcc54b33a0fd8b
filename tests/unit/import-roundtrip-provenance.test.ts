// Where an imported record came from survives a move by export and import. Before, a CTDC record
// lost its label ("CTDC record 2" became "Unnamed survivor (import row 1)") and the mark that its
// intake date stands for a year only. (Found by a reviewing helper; both formats failed before.)
import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { createdVault, tempDir } from './support/temp-vault'
import { adminSession, caseRow, csv, FLAT_HEADER, flatRow, importer, json } from './support/import-fixtures'
import { runExport } from '../../main/core/export/export-service'
import type { VaultSession } from '../../main/core/vault/vault-session'

async function exportTo(source: VaultSession, format: 'htcds-json' | 'htcds-csv') {
  const file = join(tempDir(), `export.${format}`)
  await runExport(source, { format, protection: { plaintext: true, confirmed: true }, scope: {} }, file)
  return new Uint8Array(readFileSync(file))
}

const CTDC_HEADER = ['yearOfRegistration', 'gender', 'citizenship', 'CountryOfExploitation']

describe('provenance across a move by export and import', () => {
  it.each(['htcds-json', 'htcds-csv'] as const)(
    '%s: a CTDC record keeps its label, its dataset values and its year-only date',
    async (format) => {
      const source = await adminSession()
      await importer(source)(csv([CTDC_HEADER, ['2019', 'Female', 'UA', 'PL']]), {
        format: 'ctdc-csv',
        dryRun: false,
      })
      const before = caseRow(source, 'CTDC-2019-00001')
      const { vault } = await createdVault()
      const target = vault.session()!
      const { report } = await importer(target)(await exportTo(source, format), { format, dryRun: false })
      expect(report).toMatchObject({ imported: 1, rejected: 0 })
      const after = caseRow(target, 'CTDC-2019-00001')
      expect(after.display_name).toBe('CTDC record 2')
      expect(after).toMatchObject({
        display_name: before.display_name,
        source: 'ctdc-deidentified',
        source_record: before.source_record,
      })
      expect(JSON.parse(after.source_record!)).toMatchObject({ dataset: 'CTDC', intakeDateIsYearOnly: true })
    },
  )

  it.each(['htcds-json', 'htcds-csv'] as const)(
    '%s: a case made here has none, and gets none',
    async (format) => {
      const source = await adminSession()
      await importer(source)(csv([FLAT_HEADER, flatRow(1)]), { format: 'htcds-csv', dryRun: false })
      const { vault } = await createdVault()
      const target = vault.session()!
      await importer(target)(await exportTo(source, format), { format, dryRun: false })
      expect(caseRow(target, 'IMP-2025-00001').source_record).toBeNull()
    },
  )

  it.each([['[1,2]'], ['{not json'], ['"text"'], [`{"a":"${'x'.repeat(20_001)}"}`]])(
    'a sourceRecord that is not a small object (%#) rejects its row',
    async (value) => {
      const session = await adminSession()
      const { report } = await importer(session)(
        json({ cases: [{ caseNumber: 'J-1', intakeDate: '2025-06-01', sourceRecord: value }] }),
        { format: 'htcds-json', dryRun: true },
      )
      expect(report.errors).toEqual([expect.objectContaining({ field: 'sourceRecord', code: 'notAnObject' })])
    },
  )
})
