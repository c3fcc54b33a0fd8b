// A run imports exactly what its dry run checked. The run took whatever mapping it was sent, so a
// page could map a private-notes column to the survivor's name after the check showed otherwise.
// (Written by a reviewing helper; failed before.)
import { describe, expect, it } from 'vitest'
import { call } from './support/temp-vault'
import { SUPERVISOR, staffedHost } from './support/case-fixtures'
import { csv, fileWith } from './support/import-fixtures'
import type { ImportPreview } from '../../main/api/contract'

describe('import:run with a mapping the dry run never checked', () => {
  it('is refused (or gives the dry run’s result), never writes rows nobody saw checked', async () => {
    const { host, files } = await staffedHost(SUPERVISOR.username)
    files.pickImportFile(
      fileWith(
        csv([
          ['caseNumber', 'intakeDate', 'prs_FirstName', 'Private notes'],
          ['A-1', '2025-01-02', 'Awa', 'HIV positive; lives at 12 Rue X'],
          ['A-2', '2025-01-03', 'Binta', 'undocumented, abuser is her uncle'],
        ]),
        'intake.csv',
      ),
    )
    const preview = await call<ImportPreview>(host, 'import:preview', {
      format: 'htcds-csv',
      mapping: { 'Private notes': null },
    })
    expect(preview.report).toMatchObject({ valid: 2, rejected: 0 })
    // The run names another mapping: the private notes become the survivor's name, the intake date is dropped.
    const result = await host.dispatch('import:run', {
      token: preview.token,
      allOrNothing: false,
      mapping: { 'Private notes': 'prs_FirstName', prs_FirstName: null, intakeDate: null },
    })
    expect(result).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    expect((await call<{ total: number }>(host, 'cases:list', {})).total).toBe(0)

    // The mapping the dry run checked (what the screen sends) imports what it showed.
    await call(host, 'import:run', {
      token: preview.token,
      allOrNothing: false,
      mapping: preview.suggestedMapping,
    })
    const names = JSON.stringify((await call<{ rows: unknown[] }>(host, 'cases:list', {})).rows)
    expect(names).toContain('Awa')
    expect(names).not.toContain('HIV positive')
  })
})
