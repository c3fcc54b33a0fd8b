// What a run remembers for the format is the user's own choices (mapping-choices.ts). Found by a
// reviewing helper (failed before): a partner's sheet with both "Gender" and "prs_Gender" saved the
// automatic tie-break `prs_Gender: null`, and every later file's standard column was left out.
import { describe, expect, it } from 'vitest'
import { call } from './support/temp-vault'
import { SUPERVISOR, staffedHost } from './support/case-fixtures'
import { csv, fileWith } from './support/import-fixtures'
import type { CaseDetail, ImportPreview } from '../../main/api/contract'

type Host = Awaited<ReturnType<typeof staffedHost>>['host']
type Files = Awaited<ReturnType<typeof staffedHost>>['files']

/** What the screen does: check the file, then run it with the (possibly edited) suggested mapping. */
async function importWithScreen(
  host: Host,
  files: Files,
  rows: string[][],
  edit: (mapping: ImportPreview['suggestedMapping']) => void = () => {},
) {
  files.pickImportFile(fileWith(csv(rows), 'file.csv'))
  let preview = await call<ImportPreview>(host, 'import:preview', { format: 'htcds-csv' })
  const mapping = { ...preview.suggestedMapping }
  edit(mapping)
  if (JSON.stringify(mapping) !== JSON.stringify(preview.suggestedMapping))
    preview = await call<ImportPreview>(host, 'import:preview', {
      format: 'htcds-csv',
      token: preview.token,
      mapping,
    })
  await call(host, 'import:run', {
    token: preview.token,
    allOrNothing: false,
    mapping: preview.suggestedMapping,
  })
  return preview
}

async function survivorOf(host: Host, caseNumber: string) {
  const list = await call<{ rows: { id: number; caseNumber: string }[] }>(host, 'cases:list', {})
  const id = list.rows.find((row) => row.caseNumber === caseNumber)!.id
  return (await call<CaseDetail>(host, 'cases:get', { id })).survivor.record
}

const OURS = [
  ['caseNumber', 'intakeDate', 'prs_FirstName', 'prs_Gender'],
  ['B-1', '2025-01-03', 'Binta', 'Feminine'],
]

describe('the mapping remembered after an import', () => {
  it('an automatic tie-break is not remembered: a later file keeps its standard column', async () => {
    const { host, files } = await staffedHost(SUPERVISOR.username)
    const first = await importWithScreen(host, files, [
      ['caseNumber', 'intakeDate', 'prs_FirstName', 'Gender', 'prs_Gender'],
      ['A-1', '2025-01-02', 'Awa', 'Feminine', 'Feminine'],
    ])
    expect(first.suggestedMapping).toMatchObject({ Gender: 'prs_Gender', prs_Gender: null })
    const next = await importWithScreen(host, files, OURS)
    expect(next.suggestedMapping.prs_Gender).toBe('prs_Gender')
    expect(await survivorOf(host, 'B-1')).toMatchObject({ prs_Gender: 'Feminine' })
  })

  it("the user's own choice is remembered for the next file with that header", async () => {
    const { host, files } = await staffedHost(SUPERVISOR.username)
    await importWithScreen(
      host,
      files,
      [
        ['caseNumber', 'intakeDate', 'Prénom'],
        ['A-1', '2025-01-02', 'Awa'],
      ],
      (mapping) => (mapping['Prénom'] = 'prs_FirstName'),
    )
    files.pickImportFile(
      fileWith(
        csv([
          ['caseNumber', 'intakeDate', 'Prénom'],
          ['C-1', '2025-01-04', 'Chidi'],
        ]),
        'c.csv',
      ),
    )
    const later = await call<ImportPreview>(host, 'import:preview', { format: 'htcds-csv' })
    expect(later.suggestedMapping['Prénom']).toBe('prs_FirstName')
  })

  it('a column the user chose to leave out stays left out', async () => {
    const { host, files } = await staffedHost(SUPERVISOR.username)
    await importWithScreen(host, files, OURS, (mapping) => (mapping.prs_Gender = null))
    files.pickImportFile(fileWith(csv([OURS[0]!, ['D-1', '2025-01-05', 'Dara', 'Masculine']]), 'd.csv'))
    const later = await call<ImportPreview>(host, 'import:preview', { format: 'htcds-csv' })
    expect(later.suggestedMapping.prs_Gender).toBeNull()
  })

  it('the same layout next time gets the mapping the user confirmed, tie-breaks included (found by a reviewing helper)', async () => {
    const { host, files } = await staffedHost(SUPERVISOR.username)
    const partner = (id: string) => [
      ['caseNumber', 'intakeDate', 'prs_FirstName', 'Sexo', 'prs_Gender'],
      [id, '2025-01-02', 'Awa', 'Feminine', 'Feminine'],
    ]
    // Our own sheet: "Sexo" mapped to gender (remembered).
    await importWithScreen(
      host,
      files,
      [
        ['caseNumber', 'intakeDate', 'prs_FirstName', 'Sexo'],
        ['A-1', '2025-01-02', 'Awa', 'Feminine'],
      ],
      (mapping) => (mapping.Sexo = 'prs_Gender'),
    )
    // A partner's sheet: the remembered Sexo takes gender, so prs_Gender is left out; the user
    // leaves Sexo out too, and imports with both left out.
    await importWithScreen(host, files, partner('B-1'), (mapping) => (mapping.Sexo = null))
    files.pickImportFile(fileWith(csv(partner('B-2')), 'next.csv'))
    const next = await call<ImportPreview>(host, 'import:preview', { format: 'htcds-csv' })
    expect(next.suggestedMapping).toMatchObject({ Sexo: null, prs_Gender: null })
  })
})
