// Export → import round trips, from a reviewing helper's hunt (each failed before its fix): an
// HTCDS JSON import dropped the apostrophe that starts a value ("'+44 7700 900123": the CSV
// formula guard undone where no guard is written), and an unnamed survivor's label was rebuilt
// from the row of the next file, so the case list showed another name after every move.
import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { createdVault, tempDir } from './support/temp-vault'
import { survivorCase } from './support/case-fixtures'
import { csv, FLAT_HEADER, flatRow, importer } from './support/import-fixtures'
import { caseServicesFor } from '../../main/api/case-services'
import { createCaseInput, listCasesInput } from '../../main/api/contract'
import { runExport } from '../../main/core/export/export-service'
import { readFullCases } from '../../main/core/export/full-records'
import type { VaultSession } from '../../main/core/vault/vault-session'

const FORMATS = ['htcds-json', 'htcds-csv'] as const
type Format = (typeof FORMATS)[number]

async function exportTo(source: VaultSession, format: Format) {
  const file = join(tempDir(), `export.${format}`)
  await runExport(source, { format, protection: { plaintext: true, confirmed: true }, scope: {} }, file)
  return new Uint8Array(readFileSync(file))
}

async function newSession() {
  const { vault } = await createdVault()
  return vault.session()!
}

describe('HTCDS JSON round trip: text that starts with an apostrophe', () => {
  // What a user does: a caseworker types a survivor's phone number the way spreadsheets taught
  // them, "'+44 7700 900123", a title "''quoted", or an event description "'=not a formula"
  // (the form keeps the text as typed). The supervisor moves the vault by HTCDS JSON export and
  // import. What happens: the new vault holds "+44 7700 900123", "'quoted", "=not a formula": the
  // leading apostrophe is silently dropped from every HTCDS text field. What should happen: JSON
  // is never formula-guarded by the exporter, so its text must come back exactly as stored (the
  // CSV archive does keep it: its writer guards the apostrophe too).
  // Cause: json-cases.ts:80 reads every string through jsonValue → cellValue (htcds-values.ts:143
  // → :111), which applies unguard(), the CSV-only undoing of a formula guard.
  // Fix: read JSON strings without unguard (e.g. a `guarded: false` cell option for JSON).
  it('keeps a leading apostrophe in survivor and event text', async () => {
    const source = await newSession()
    const { cases } = caseServicesFor(source)
    cases.create(
      createCaseInput.parse(
        survivorCase({
          survivor: {
            prs_FirstName: 'Ana',
            prs_MobilePhone: "'+44 7700 900123",
            prs_Title: "''quoted",
            prs_Email: "'-",
          },
          events: [{ record: { hte_Description: "'=not a formula", hte_City: "'@home" } }],
        }),
      ),
    )
    const target = await newSession()
    const { report } = await importer(target)(await exportTo(source, 'htcds-json'), {
      format: 'htcds-json',
      dryRun: false,
    })
    expect(report).toMatchObject({ imported: 1, rejected: 0 })
    const [after] = readFullCases(target.db, {})
    expect(after!.survivor).toEqual({
      prs_FirstName: 'Ana',
      prs_MobilePhone: "'+44 7700 900123",
      prs_Title: "''quoted",
      prs_Email: "'-",
    })
    expect(after!.events).toEqual([{ hte_Description: "'=not a formula", hte_City: "'@home" }])
  })
})

describe('round trip: the label of a survivor imported without a name', () => {
  // What a user does: a supervisor imports a partner's sheet; its row 3 has no name (row 2 was
  // rejected), so the case list shows that survivor as "Unnamed survivor (import row 3)", and
  // staff refer to them by it. Later the vault is moved by export and import. What happens: the
  // label is rebuilt from the row of the NEW file, "Unnamed survivor (import row 1)" (JSON) or
  // "(import row 2)" (CSV): the same survivor now carries another name in the case list and the
  // search index, and the old label no longer finds them. What should happen: the label travels
  // as CTDC labels already do ("CTDC record 2" was fixed the same way, import-roundtrip-provenance).
  // Cause: case-candidate.ts:242 makes the label from draft.row; source-record.ts:39
  // (survivorLabelOf) restores a label only for CTDC records, and the export does not carry it.
  // Fix: keep the label given on the first import (e.g. in source_record as `survivorLabel`, or
  // its original row) and use it on the next import.
  it.each(FORMATS)('%s: the survivor keeps "Unnamed survivor (import row 3)"', async (format) => {
    const source = await newSession()
    const { report: seeded } = await importer(source)(
      csv([
        FLAT_HEADER,
        flatRow(1, { intakeDate: 'not a date' }),
        flatRow(2, { prs_FirstName: '', prs_SecondName: '' }),
      ]),
      { format: 'htcds-csv', dryRun: false },
    )
    expect(seeded).toMatchObject({ imported: 1 })
    const names = (session: VaultSession) =>
      caseServicesFor(session)
        .cases.list(listCasesInput.parse({}))
        .rows.map((row) => [row.caseNumber, row.survivorName])
    expect(names(source)).toEqual([['IMP-2025-00002', 'Unnamed survivor (import row 3)']])

    const target = await newSession()
    const { report } = await importer(target)(await exportTo(source, format), { format, dryRun: false })
    expect(report).toMatchObject({ imported: 1, rejected: 0 })
    expect(names(target)).toEqual(names(source))
  })
})
