// CTDC's layout (shared/htcds/CTDC-columns.md) after k-anonymity has coarsened or hidden values.
// Found by a reviewing helper (each failed before): a citizenship coarsened to its region was
// written as "Eastern Europe" in a column of ISO codes, and a hidden relationship to the trafficker
// (known: family) came out as recruiterRelationUnknown = 1.
import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { call } from './support/temp-vault'
import { createCase, signInAs, staffedHost } from './support/case-fixtures'
import { csvRecords } from './support/export-files'
import { PLAINTEXT, woman as alike } from './support/deidentified-fixtures'

const woman = (index: number, citizenship: string) =>
  alike(index, citizenship, { victim: { vic_RelationshipToTrafficker: 'Familial' } })

import type { ExportResult } from '../../main/api/contract'

async function ctdcRowsOf(citizenships: string[]) {
  const { host } = await staffedHost('dana')
  for (const [i, citizenship] of citizenships.entries()) await createCase(host, woman(i, citizenship))
  await signInAs(host, 'eli')
  const result = await call<ExportResult>(host, 'export:run', { format: 'ctdc-csv', protection: PLAINTEXT })
  return { report: result.report!, rows: csvRecords(readFileSync(result.file!)) }
}

describe('the CTDC export of coarsened or hidden values', () => {
  it('writes citizenship and country of exploitation as ISO 3166-1 alpha-2 codes or blank, never a region', async () => {
    // Four Ukrainians, a Belarusian and a Moldovan: k = 5 needs citizenship coarsened.
    const { report, rows } = await ctdcRowsOf(['UA', 'UA', 'UA', 'UA', 'BY', 'MD'])
    expect(report.generalised.map((step) => step.quasiIdentifier)).toContain('citizenship')
    expect(rows).toHaveLength(6)
    for (const row of rows) {
      expect(row.citizenship).toBe('')
      expect(row.CountryOfExploitation).toMatch(/^([A-Z]{2})?$/)
    }
  })

  it('leaves a hidden relationship to the trafficker blank (withheld), not "unknown"', async () => {
    // Ten alike, five unlike anyone: kept as one class of 5 with every quasi-identifier hidden.
    const { report, rows } = await ctdcRowsOf([...Array<string>(10).fill('UA'), 'AF', 'NG', 'BR', 'CN', 'US'])
    expect(report).toMatchObject({ rowsWithSuppressedCells: 5 })
    const hidden = rows.filter((row) => row.yearOfRegistration === '')
    expect(hidden).toHaveLength(5)
    for (const row of hidden) {
      expect(row.recruiterRelationUnknown).toBe('')
      expect(row.recruiterRelationFamily).toBe('')
    }
    const shown = rows.filter((row) => row.yearOfRegistration !== '')
    expect(
      shown.every((row) => row.recruiterRelationFamily === '1' && row.recruiterRelationUnknown === '0'),
    ).toBe(true)
  })
})
