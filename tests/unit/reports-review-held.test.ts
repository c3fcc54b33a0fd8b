// Reports and aggregate statistics: behaviour that held up under a reviewing helper's hunt, kept
// as regression tests. Real encrypted vaults throughout, no mocked database.
import { afterEach, describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { createApiHost } from '../../main/api/host'
import { ADMIN, call, folderFileAccess, tempDir, TEST_KDF } from './support/temp-vault'
import { signInAs } from './support/case-fixtures'
import { walkInScreening } from './support/screening-fixtures'
import { csvRecords, untar } from './support/export-files'
import { analystVault, PLAINTEXT } from './support/deidentified-fixtures'
import type { DashboardSummary, ExportResult } from '../../main/api/contract'

const previousTz = process.env.TZ
afterEach(() => {
  if (previousTz === undefined) delete process.env.TZ
  else process.env.TZ = previousTz
})

describe('dashboard: this month’s screenings', () => {
  it('cut at the local first of the month, not UTC’s (Auckland, 00:30 on 1 March = 28 Feb in UTC)', async () => {
    process.env.TZ = 'Pacific/Auckland'
    const clock = { now: new Date('2026-02-28T11:30:00Z') }
    const host = createApiHost({
      dataDir: tempDir(),
      kdf: TEST_KDF,
      allowKdfBelowFloor: true,
      files: folderFileAccess().files,
      exportWorker: null,
      clock: () => clock.now,
    })
    await call(host, 'vault:create', ADMIN)
    await call(host, 'users:create', {
      username: 'bilal',
      displayName: 'Bilal Haddad',
      role: 'caseworker',
      passphrase: 'bilal passphrase 1',
    })
    await signInAs(host, 'bilal')
    await walkInScreening(host, { assessedOn: '2026-03-01' })
    await walkInScreening(host, { assessedOn: '2026-02-28' })
    const view = await call<DashboardSummary>(host, 'dashboard:summary')
    expect(view.today).toBe('2026-03-01')
    expect(view.screeningsThisMonth.total).toBe(1)
  })
})

describe('aggregate tables: nothing to subtract', () => {
  it('year × citizenship × country sums to the cases the report says were counted (no cell held back)', async () => {
    const { host } = await analystVault()
    const result = await call<ExportResult>(host, 'export:run', { format: 'aggregates-csv', protection: PLAINTEXT })
    const files = await untar(readFileSync(result.file!))
    const cells = csvRecords(files.get('year-citizenship-country-of-exploitation.csv')!)
    const sum = cells.reduce((total, cell) => total + Number(cell.cases), 0)
    expect(sum).toBe(result.report!.inputRows)
    expect(result.report!.suppressedTableCells).toBe(0)
    for (const cell of cells) expect(cell.year_of_intake).toMatch(/^\d{4}$/)
  })
})
