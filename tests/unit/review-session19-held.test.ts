// Checks of today's changes (89be387^..HEAD) that held up, by a reviewing helper (review 19): kept
// as regression tests. Defects are in review-session19.test.ts.
import { afterEach, describe, expect, it, vi } from 'vitest'
import ExcelJS from 'exceljs'
import { ADMIN, call, tempDir, testHost } from './support/temp-vault'
import { movableClocks } from './support/movable-clocks'
import { createCase, survivorCase } from './support/case-fixtures'
import {
  adminSession,
  caseRow,
  csv,
  encode,
  FLAT_HEADER,
  flatRow,
  importer,
  json,
} from './support/import-fixtures'
import { createImportService } from '../../main/core/import/import-service'
import { createCaseService } from '../../main/core/cases/case-service'
import { createCaseInput, updateCaseInput } from '../../main/api/contract/cases'
import { englishReasons } from '../../main/core/import/import-reasons'
import { importReasonMessages } from '../../renderer/src/i18n/en/import-reasons'
import { latestIntakeDate } from '../../main/api/contract/dates'
import { addDays } from '../../main/core/referrals/local-date'

afterEach(() => {
  vi.restoreAllMocks()
})

async function vaultState(host: ReturnType<typeof testHost>['host']): Promise<string> {
  return (await call<{ state: string }>(host, 'vault:status')).state
}

describe('the idle lock and long operations (host.ts checkIdle)', () => {
  it('with nothing running, 11 idle minutes lock the vault (10-minute setting)', async () => {
    const { host } = testHost(tempDir())
    await call(host, 'vault:create', ADMIN)
    await host.checkIdle(9 * 60)
    expect(await vaultState(host)).toBe('unlocked')
    await host.checkIdle(11 * 60)
    expect(await vaultState(host)).toBe('locked')
    host.dispose()
  })

  it('idle time counts from the end of an operation seen running, then locks when it has passed', async () => {
    // main's clock, moved on by the test (operations read it too: spied before the host is made).
    const clocks = movableClocks()
    const { host } = testHost(tempDir())
    await call(host, 'vault:create', ADMIN)
    await createCase(host)
    let checked: Promise<void> | null = null
    host.onProgress((progress) => {
      // Two minutes after the admin clicked Export, the export still moving: it is work.
      if (progress.operation === 'export' && progress.stage !== 'done' && checked === null) {
        clocks.pass(2 * 60_000)
        checked = host.checkIdle(2 * 60)
      }
    })
    await call(host, 'export:run', { format: 'htcds-json', protection: { plaintext: true, confirmed: true } })
    await checked
    expect(checked).not.toBeNull()
    // Just after the export: the OS says 30 minutes idle, but the export was work until now.
    await host.checkIdle(30 * 60)
    expect(await vaultState(host)).toBe('unlocked')
    clocks.pass(11 * 60_000)
    await host.checkIdle(41 * 60)
    expect(await vaultState(host)).toBe('locked')
    host.dispose()
  })
})

describe('duplicate case numbers (check-rows.ts)', () => {
  it('seven rows with one number: each names five other rows and counts the rest, in words that read right', async () => {
    const session = await adminSession()
    const rows = Array.from({ length: 7 }, (_, i) => flatRow(i + 1, { caseNumber: 'TBD' }))
    const { report } = await importer(session)(csv([FLAT_HEADER, ...rows]), {
      format: 'htcds-csv',
      dryRun: true,
    })
    expect(report).toMatchObject({ read: 7, rejected: 7, duplicates: 7 })
    const first = report.errors.find((error) => error.row === 2)!
    expect(first).toMatchObject({ code: 'numberOnManyRows', params: { rows: '3, 4, 5, 6, 7', more: 1 } })
    expect(first.reason).toBe('the same case number is on rows 3, 4, 5, 6, 7 and 1 more')
    const last = report.errors.find((error) => error.row === 8)!
    expect(last.params).toMatchObject({ rows: '2, 3, 4, 5, 6', more: 1 })
  })

  it('six rows with one number: five others named, no count (numberOnOtherRows)', async () => {
    const session = await adminSession()
    const rows = Array.from({ length: 6 }, (_, i) => flatRow(i + 1, { caseNumber: 'TBD' }))
    const { report } = await importer(session)(csv([FLAT_HEADER, ...rows]), {
      format: 'htcds-csv',
      dryRun: true,
    })
    expect(report.errors.find((error) => error.row === 2)).toMatchObject({
      code: 'numberOnOtherRows',
      params: { rows: '3, 4, 5, 6, 7' },
    })
  })

  it('the renderer words numberOnManyRows with the same placeholders as main', () => {
    expect(importReasonMessages.importReasons.numberOnManyRows).toBe(englishReasons.numberOnManyRows)
  })
})

describe('cell problems of columns the mapping leaves out (rowProblemsIn)', () => {
  async function sheet(header: string[], rows: unknown[][]): Promise<Uint8Array> {
    const workbook = new ExcelJS.Workbook()
    const ws = workbook.addWorksheet('Case Sheet')
    ws.addRow(header)
    for (const row of rows) ws.addRow(row)
    return new Uint8Array(await workbook.xlsx.writeBuffer())
  }

  it('a formula in the case-number column still rejects the row (no new number is given)', async () => {
    const session = await adminSession()
    const bytes = await sheet(
      ['caseNumber', 'intakeDate', 'prs_FirstName'],
      [[{ formula: 'CONCAT("F-",ROW())', result: 'F-2' }, '2025-01-02', 'Awa']],
    )
    const { report } = await importer(session)(bytes, { format: 'htcds-xlsx', dryRun: false })
    expect(report).toMatchObject({ imported: 0, rejected: 1 })
    expect(report.errors).toMatchObject([{ row: 2, field: 'caseNumber', code: 'formulaCell' }])
  })

  it('an error cell in a column the user maps by hand still rejects the row', async () => {
    const session = await adminSession()
    const bytes = await sheet(
      ['caseNumber', 'intakeDate', 'Vorname'],
      [['E-1', '2025-01-02', { error: '#N/A' }]],
    )
    const { report } = await importer(session)(bytes, {
      format: 'htcds-xlsx',
      dryRun: true,
      mapping: { Vorname: 'prs_FirstName' },
    })
    expect(report).toMatchObject({ rejected: 1 })
    expect(report.errors).toMatchObject([{ field: 'Vorname', code: 'errorCell' }])
  })

  it('an error cell in a column mapped by the SAVED mapping still rejects the row', async () => {
    const session = await adminSession()
    const service = createImportService(session)
    await service.importFile(
      csv([
        ['caseNumber', 'intakeDate', 'Vorname'],
        ['S-1', '2025-01-02', 'Awa'],
      ]),
      { format: 'htcds-csv', dryRun: false, mapping: { Vorname: 'prs_FirstName' }, saveMapping: true },
    )
    // The saved mapping is per format: one for xlsx too.
    await service.importFile(
      await sheet(['caseNumber', 'intakeDate', 'Vorname'], [['S-2', '2025-01-02', 'Bea']]),
      {
        format: 'htcds-xlsx',
        dryRun: false,
        mapping: { Vorname: 'prs_FirstName' },
        saveMapping: true,
      },
    )
    const bytes = await sheet(
      ['caseNumber', 'intakeDate', 'Vorname'],
      [['S-3', '2025-01-02', { error: '#REF!' }]],
    )
    const { report } = await service.importFile(bytes, { format: 'htcds-xlsx', dryRun: true })
    expect(report.errors).toMatchObject([{ field: 'Vorname', code: 'errorCell' }])
  })
})

describe('JSON case numbers and statuses (json-cases.ts caseText)', () => {
  it('CaseVault’s own export (text numbers), a whole-number case number and null all read as before', async () => {
    const session = await adminSession()
    const base = { intakeDate: '2025-01-02', survivor: { prs_FirstName: 'Awa' } }
    const { report } = await importer(session)(
      json({
        standard: 'HTCDS',
        cases: [
          { ...base, caseNumber: 'J-1', status: 'Closed', closureReason: 'Moved away' },
          { ...base, caseNumber: 4711, status: 'Active' },
          { ...base, caseNumber: null, status: null },
        ],
      }),
      { format: 'htcds-json', dryRun: false },
    )
    expect(report).toMatchObject({ imported: 3, errorCount: 0 })
    expect(caseRow(session, 'J-1').status).toBe('Closed')
    expect(caseRow(session, '4711').status).toBe('Active')
  })
})

describe('relaxed CSV unquoting (read-csv.ts)', () => {
  it('a hand-edited raw field (quote, value, quote, spaces) loses its quote marks; a comma inside stays', async () => {
    const session = await adminSession()
    const line = flatRow(1).join(',').replace('Survivor1', '"Survivor1, Jr"  ')
    const { report } = await importer(session)(encode([FLAT_HEADER.join(','), line].join('\r\n') + '\r\n'), {
      format: 'htcds-csv',
      dryRun: false,
    })
    expect(report.imported).toBe(1)
    const stored = JSON.parse(caseRow(session, 'IMP-2025-00001').survivor) as { prs_FirstName: string }
    expect(stored.prs_FirstName).toBe('Survivor1, Jr')
  })

  it('a plain value that only ends in a quote and spaces is kept as written', async () => {
    const session = await adminSession()
    const line = flatRow(1).join(',').replace('Survivor1', 'Survivor1 "Lina"  ')
    const { report } = await importer(session)(encode([FLAT_HEADER.join(','), line].join('\r\n') + '\r\n'), {
      format: 'htcds-csv',
      dryRun: false,
    })
    expect(report.imported).toBe(1)
    const stored = JSON.parse(caseRow(session, 'IMP-2025-00001').survivor) as { prs_FirstName: string }
    expect(stored.prs_FirstName).toBe('Survivor1 "Lina"')
  })
})

describe('unchanged dates are not judged again, changed ones are (case-prepare.ts)', () => {
  it('a stored future intake date may stay; another future date, or one moved a day, is refused', async () => {
    const session = await adminSession()
    const cases = createCaseService(session)
    const created = cases.create(createCaseInput.parse(survivorCase()))
    const tomorrow = addDays(latestIntakeDate(new Date()), 1)
    // The case came in from a file written east of here, dated its "today" (tomorrow here).
    session.db.prepare('UPDATE cases SET intake_date = ? WHERE id = ?').run(tomorrow, created.id)
    const current = cases.get(created.id)
    const update = (intakeDate: string, version: number) => () =>
      cases.update(
        updateCaseInput.parse({
          id: created.id,
          version,
          intakeDate,
          assignedUserId: current.assignedUserId,
          survivor: current.survivor.record,
        }),
      )
    const saved = update(tomorrow, current.version)()
    expect(saved.intakeDate).toBe(tomorrow)
    expect(update(addDays(tomorrow, 1), saved.version)).toThrow(
      expect.objectContaining({ code: 'VALIDATION' }),
    )
    expect(update(addDays(tomorrow, 30), saved.version)).toThrow(
      expect.objectContaining({ code: 'VALIDATION' }),
    )
  })
})
