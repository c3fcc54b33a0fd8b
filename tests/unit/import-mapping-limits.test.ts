// The mapping the preview hands the screen must be one the API accepts back, and saving the
// choices must never fail an import. From a reviewing helper; each failed before: a survey export's
// header over 200 characters, or a file of over 500 columns, could never be imported from the
// screen, and a run without a mapping failed with INTERNAL as saving it threw.
import { describe, expect, it } from 'vitest'
import { call } from './support/temp-vault'
import { SUPERVISOR, staffedHost } from './support/case-fixtures'
import { csv, FLAT_HEADER, fileWith, flatRow } from './support/import-fixtures'
import type { ImportPreview } from '../../main/api/contract'

// A survey export (Kobo, Google Forms) names columns by their question: often over 200 characters.
const LONG_HEADER =
  'Please describe, in your own words, how you first came into contact with the person or group who later ' +
  'controlled your work or movement, including where this happened and who else was present at the time.'

async function total(host: Awaited<ReturnType<typeof staffedHost>>['host']) {
  return (await call<{ total: number }>(host, 'cases:list', {})).total
}

/** A supervisor's dry run of a one-row file whose last header is LONG_HEADER. */
async function previewSurveyFile() {
  const { host, files } = await staffedHost(SUPERVISOR.username)
  files.pickImportFile(
    fileWith(
      csv([
        [...FLAT_HEADER, LONG_HEADER],
        [...flatRow(1), 'x'],
      ]),
      'survey.csv',
    ),
  )
  const preview = await call<ImportPreview>(host, 'import:preview', { format: 'htcds-csv' })
  expect(preview.report).toMatchObject({ valid: 1, rejected: 0 })
  return { host, preview }
}

describe('import of a file with a long column header', () => {
  it('the screen can import it (runs with the mapping the preview suggested)', async () => {
    expect(LONG_HEADER.length).toBeGreaterThan(200)
    const { host, preview } = await previewSurveyFile()
    // What ImportView.vue sends: the suggested mapping, unchanged.
    const result = await host.dispatch('import:run', {
      token: preview.token,
      allOrNothing: false,
      mapping: preview.suggestedMapping,
    })
    expect(result.ok ? result.value : result.error).toMatchObject({ imported: 1 })
    expect(await total(host)).toBe(1)
  })

  it('a run without a mapping imports it instead of failing with INTERNAL (saving the mapping throws)', async () => {
    const { host, preview } = await previewSurveyFile()
    const result = await host.dispatch('import:run', { token: preview.token, allOrNothing: false })
    expect(result.ok ? result.value : result.error).toMatchObject({ imported: 1 })
    expect(await total(host)).toBe(1)
  })
})

describe('import of a file with more than 500 columns', () => {
  it('the screen can import it (runs with the mapping the preview suggested)', async () => {
    const { host, files } = await staffedHost(SUPERVISOR.username)
    const extra = Array.from({ length: 500 }, (_, i) => `Survey question ${i + 1}`)
    files.pickImportFile(
      fileWith(
        csv([
          [...FLAT_HEADER, ...extra],
          [...flatRow(1), ...extra.map(() => 'y')],
        ]),
        'wide.csv',
      ),
    )
    const preview = await call<ImportPreview>(host, 'import:preview', { format: 'htcds-csv' })
    expect(preview.report).toMatchObject({ valid: 1, rejected: 0 })
    expect(Object.keys(preview.suggestedMapping).length).toBeGreaterThan(500)
    const result = await host.dispatch('import:run', {
      token: preview.token,
      allOrNothing: false,
      mapping: preview.suggestedMapping,
    })
    expect(result.ok ? result.value : result.error).toMatchObject({ imported: 1 })
  })
})
