// Review of 700b6f3: caseNumberTaken is now a scan of the whole case-number index per call, and
// case-service create() calls it once per number it skips. A vault whose numbers came in by import
// (a move from another computer by full export + import keeps them, and the sequence stays at 0)
// makes the first new case of that year skip every one of them: N scans of N numbers.
import { describe, expect, it } from 'vitest'
import { createCaseInput } from '../../main/api/contract'
import { createCaseService } from '../../main/core/cases/case-service'
import { survivorCase } from './support/case-fixtures'
import { adminSession, csv, FLAT_HEADER, flatRow, importer } from './support/import-fixtures'

const N = 5000

describe('handing out a number after an import of own-format numbers', () => {
  it(`the first new case after importing ${N} numbered cases is made in well under a second`, async () => {
    const session = await adminSession()
    const rows = Array.from({ length: N }, (_, index) =>
      flatRow(index + 1, { caseNumber: `SHS-2025-${String(index + 1).padStart(5, '0')}` }),
    )
    const { report } = await importer(session)(csv([FLAT_HEADER, ...rows]), {
      format: 'htcds-csv',
      dryRun: false,
    })
    expect(report).toMatchObject({ imported: N })
    const started = performance.now()
    const created = createCaseService(session).create(
      createCaseInput.parse(survivorCase({ intakeDate: '2025-06-01' })),
    )
    const ms = performance.now() - started
    console.log(`create() after ${N} imported numbers: ${ms.toFixed(0)} ms`)
    expect(created.caseNumber).toBe(`SHS-2025-${String(N + 1).padStart(5, '0')}`)
    // The exact lookup this replaced made it in a few ms; growth is quadratic (100k: minutes).
    expect(ms).toBeLessThan(250)
  }, 120_000)
})
