// Import screen and saved mappings: defects found by a reviewing helper (each test failed on the code before its fix).
import { describe, expect, it } from 'vitest'
import { call } from './support/temp-vault'
import { SUPERVISOR, staffedHost } from './support/case-fixtures'
import { csv, FLAT_HEADER, fileWith, flatRow } from './support/import-fixtures'
import type { ImportPreview, ImportReport } from '../../main/api/contract'

describe('a re-check that did not finish', () => {
  // main/api/import.ts (preview): the file's record is replaced by one without `checked` BEFORE the
  // new check runs. When that check is cancelled (the user pressed Cancel on "Check the file again"),
  // the dry run still on screen is valid, yet Import of it is refused as CONFLICT file:'changed', and
  // the screen tells the supervisor "The file was changed after it was checked" — it was not.
  it('leaves the last finished dry run importable: Import after a cancelled re-check imports, not "file changed"', async () => {
    const { host, files } = await staffedHost(SUPERVISOR.username)
    files.pickImportFile(fileWith(csv([FLAT_HEADER, flatRow(1), flatRow(2)]), 'intake.csv'))
    const preview = await call<ImportPreview>(host, 'import:preview', { format: 'htcds-csv' })
    expect(preview.report).toMatchObject({ valid: 2 })

    // The user changes a column, presses "Check the file again", then Cancel.
    const recheck = host.dispatch('import:preview', {
      format: 'htcds-csv',
      token: preview.token,
      mapping: { ...preview.suggestedMapping, prs_SecondName: null },
    })
    await call(host, 'import:cancel')
    expect(await recheck).toMatchObject({ ok: false, error: { code: 'CANCELLED' } })

    // Back to the mapping the dry run on screen checked: Import.
    const result = await host.dispatch('import:run', {
      token: preview.token,
      allOrNothing: false,
      mapping: preview.suggestedMapping,
    })
    // Fails today with { code: 'CONFLICT', details: { file: 'changed' } }.
    expect(result.ok ? 'OK' : result.error).toBe('OK')
    expect((result as { value?: ImportReport }).value?.imported).toBe(2)
  })
})
