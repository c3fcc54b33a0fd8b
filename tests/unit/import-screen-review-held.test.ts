// Import API and saved mappings: behaviour a reviewing helper checked and found sound (these pass).
import { describe, expect, it } from 'vitest'
import { rmSync } from 'node:fs'
import { call } from './support/temp-vault'
import { CASEWORKER, SUPERVISOR, signInAs, staffedHost } from './support/case-fixtures'
import { csv, FLAT_HEADER, fileWith, flatRow } from './support/import-fixtures'
import type { ImportPreview, ImportReport } from '../../main/api/contract'

describe('import API: held', () => {
  it('a run cancelled before it writes leaves nothing written and the same file importable', async () => {
    const { host, files } = await staffedHost(SUPERVISOR.username)
    files.pickImportFile(fileWith(csv([FLAT_HEADER, flatRow(1), flatRow(2)]), 'intake.csv'))
    const preview = await call<ImportPreview>(host, 'import:preview', { format: 'htcds-csv' })
    const running = host.dispatch('import:run', { token: preview.token, mapping: preview.suggestedMapping })
    await call(host, 'import:cancel')
    expect(await running).toMatchObject({ ok: false, error: { code: 'CANCELLED' } })
    expect((await call<{ total: number }>(host, 'cases:list', {})).total).toBe(0)
    const report = await call<ImportReport>(host, 'import:run', {
      token: preview.token,
      mapping: preview.suggestedMapping,
    })
    expect(report.imported).toBe(2)
  })

  it('a file removed after its dry run is NOT_FOUND naming the missing file (the screen words it so)', async () => {
    const { host, files } = await staffedHost(SUPERVISOR.username)
    const path = fileWith(csv([FLAT_HEADER, flatRow(1)]), 'intake.csv')
    files.pickImportFile(path)
    const preview = await call<ImportPreview>(host, 'import:preview', { format: 'htcds-csv' })
    rmSync(path)
    const result = await host.dispatch('import:run', {
      token: preview.token,
      mapping: preview.suggestedMapping,
    })
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(result.ok ? null : result.error.details).toEqual({ file: 'missing' })
  })

  it('a caseworker cannot preview, run or cancel an import (checked in main)', async () => {
    const { host, files } = await staffedHost(SUPERVISOR.username)
    files.pickImportFile(fileWith(csv([FLAT_HEADER, flatRow(1)]), 'intake.csv'))
    const preview = await call<ImportPreview>(host, 'import:preview', { format: 'htcds-csv' })
    await signInAs(host, CASEWORKER.username)
    for (const [channel, input] of [
      ['import:preview', { format: 'htcds-csv' }],
      ['import:run', { token: preview.token }],
      ['import:cancel', undefined],
    ] as const) {
      const result = await host.dispatch(channel, input)
      expect(result.ok ? 'OK' : result.error.code).toMatch(/FORBIDDEN|NOT_FOUND/)
    }
    expect((await call<{ total: number }>(host, 'cases:list', {})).total).toBe(0)
  })

  it('a mapping remembered for one format is not applied to another; two user columns for one field are refused whole', async () => {
    const { host, files } = await staffedHost(SUPERVISOR.username)
    files.pickImportFile(
      fileWith(
        csv([
          ['caseNumber', 'intakeDate', 'Sexo'],
          ['A-1', '2025-01-02', 'Feminine'],
        ]),
        'a.csv',
      ),
    )
    const first = await call<ImportPreview>(host, 'import:preview', { format: 'htcds-csv' })
    const mapping = { ...first.suggestedMapping, Sexo: 'prs_Gender' }
    await call(host, 'import:preview', { format: 'htcds-csv', token: first.token, mapping })
    await call(host, 'import:run', { token: first.token, mapping })
    files.pickImportFile(
      fileWith(
        csv([
          ['caseNumber', 'intakeDate', 'Sexo', 'prs_Gender'],
          ['A-2', '2025-01-02', 'x', 'Feminine'],
        ]),
        'b.csv',
      ),
    )
    const asCtdc = await call<ImportPreview>(host, 'import:preview', { format: 'ctdc-csv' })
    expect(asCtdc.suggestedMapping.Sexo ?? null).toBeNull()
    const second = await call<ImportPreview>(host, 'import:preview', {
      format: 'htcds-csv',
      token: asCtdc.token,
    })
    expect(second.suggestedMapping).toMatchObject({ Sexo: 'prs_Gender', prs_Gender: null })
    const clash = await host.dispatch('import:preview', {
      format: 'htcds-csv',
      token: asCtdc.token,
      mapping: { ...second.suggestedMapping, prs_Gender: 'prs_Gender' },
    })
    expect(clash).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', details: { target: 'prs_Gender' } },
    })
  })
})
