// The screen sends the preview's suggested mapping back with the run, through the API's schema.
// Found by a reviewing helper; each failed before: a column headed "__proto__" was dropped by that
// schema, so every run asked for a fresh check and the file could never be imported; a header row
// the mapping could not carry (over 2,000 columns, or a header over 5,000 characters) checked fine
// and then never imported; a million-key mapping was checked key by key before it was refused.
import { describe, expect, it } from 'vitest'
import { call, errorCode } from './support/temp-vault'
import { SUPERVISOR, staffedHost } from './support/case-fixtures'
import { csv, FLAT_HEADER, fileWith, flatRow } from './support/import-fixtures'
import {
  columnMappingSchema,
  MAX_HEADER_CHARS,
  MAX_MAPPED_COLUMNS,
  type ImportPreview,
} from '../../main/api/contract'

/** A supervisor's dry run of a one-row file with these extra columns after the flat layout's. */
async function previewWithColumns(extra: string[]) {
  const { host, files } = await staffedHost(SUPERVISOR.username)
  files.pickImportFile(
    fileWith(
      csv([
        [...FLAT_HEADER, ...extra],
        [...flatRow(1), ...extra.map(() => 'x')],
      ]),
      'extra.csv',
    ),
  )
  return { host, result: await host.dispatch('import:preview', { format: 'htcds-csv' }) }
}

describe('a suggested mapping the screen sends back', () => {
  it('a column headed "__proto__" is imported (left out, as unknown), not asked to be checked again forever', async () => {
    const { host, result } = await previewWithColumns(['__proto__'])
    const preview = (result.ok ? result.value : result.error) as ImportPreview
    expect(preview.report).toMatchObject({ valid: 1 })
    const run = await host.dispatch('import:run', {
      token: preview.token,
      allOrNothing: false,
      mapping: preview.suggestedMapping,
    })
    expect(run.ok ? run.value : run.error).toMatchObject({ imported: 1 })
    expect((await call<{ total: number }>(host, 'cases:list', {})).total).toBe(1)
  })

  it('a file with more named columns than a mapping may hold is refused at the check, with its own reason', async () => {
    const extra = Array.from({ length: MAX_MAPPED_COLUMNS }, (_, i) => `Question ${i + 1}`)
    const { result } = await previewWithColumns(extra)
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', details: { file: 'too_many_columns' } },
    })
  })

  it('trailing unnamed columns (a sheet saved with empty columns) do not count', async () => {
    const { result } = await previewWithColumns(Array.from({ length: MAX_MAPPED_COLUMNS + 5 }, () => ''))
    expect(result.ok ? (result.value as ImportPreview).report : result.error).toMatchObject({ valid: 1 })
  })

  it('a header longer than a mapping may hold is refused at the check, naming its column', async () => {
    const { result } = await previewWithColumns(['q'.repeat(MAX_HEADER_CHARS + 1)])
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', details: { file: 'header_too_long', column: FLAT_HEADER.length + 1 } },
    })
  })
})

describe('a hostile page sending a huge mapping', () => {
  it('is refused by its number of keys before any key is checked (one issue, not a million)', () => {
    const mapping: Record<string, unknown> = {}
    for (let i = 0; i < 100_000; i++) mapping[`c${i}`] = 42 // every value wrong as well
    const parsed = columnMappingSchema.safeParse(mapping)
    expect(parsed.success).toBe(false)
    expect(parsed.error?.issues).toHaveLength(1)
  })

  it('gets VALIDATION through the API', async () => {
    const { host } = await staffedHost(SUPERVISOR.username)
    const mapping = Object.fromEntries(
      Array.from({ length: MAX_MAPPED_COLUMNS + 1 }, (_, i) => [`c${i}`, 'prs_FirstName']),
    )
    expect(await errorCode(host, 'import:preview', { format: 'htcds-csv', mapping })).toBe('VALIDATION')
  })

  it('a mapping of exactly the limit is accepted', () => {
    const mapping = Object.fromEntries(Array.from({ length: MAX_MAPPED_COLUMNS }, (_, i) => [`c${i}`, null]))
    expect(columnMappingSchema.safeParse(mapping).success).toBe(true)
  })
})
