// Reports and aggregate statistics: defects found by a reviewing helper. Each test failed on the
// code before its fix (session 21); real encrypted vaults throughout (temp-vault helpers), no mocked database.
import { describe, expect, it } from 'vitest'
import { adminSession, csv, importer } from './support/import-fixtures'
import { createDashboardService } from '../../main/core/dashboard/dashboard-service'

const CTDC_HEADER = ['yearOfRegistration', 'gender', 'citizenship', 'CountryOfExploitation']

describe('dashboard counts', () => {
  // WHAT GOES WRONG: rows imported from CTDC's public dataset are written as status 'Active' and
  // assigned to whoever imported them (main/core/import/ctdc-rows.ts:130-132 + draft-checks.ts:48),
  // and the dashboard's "My open cases" (main/core/dashboard/dashboard-service.ts:42-49) counts
  // every Active/FollowUp case assigned to me, whatever its source. A supervisor who loads CTDC's
  // public file for comparison (tens of thousands of rows) is told she has that many open cases to
  // work, her real caseload buried under "CTDC-2019-00001…" links. The de-identified exports
  // already treat these rows as not-the-organisation's-cases (deidentified-source.ts PUBLIC_SOURCE).
  it('does not count records imported from CTDC’s public data as my open cases', async () => {
    const session = await adminSession()
    const { report } = await importer(session)(
      csv([CTDC_HEADER, ['2019', 'Female', 'UA', 'PL'], ['2020', 'Male', 'MD', 'PL'], ['2021', 'Female', 'NG', 'IT']]),
      { format: 'ctdc-csv', dryRun: false },
    )
    expect(report).toMatchObject({ imported: 3, rejected: 0 }) // the setup worked: three public records
    const view = createDashboardService(session).summary()
    expect(view.myOpenCases.items.map((item) => item.caseNumber)).toEqual([])
    expect(view.myOpenCases.total).toBe(0)
  })
})
