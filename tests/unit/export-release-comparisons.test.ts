// An analyst may hold several de-identified files of one year: at the organisation's k and at a
// stricter one, rows and aggregate tables. Compared, they must single out no one. Found by a
// reviewing helper (each failed before): a stricter k released, generalised, two rows the
// organisation's k withheld (a class of 2 by comparison); a table cell minus the matching rows
// gave a withheld survivor's details; the tables' report gave a year's total under k.
import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { ADMIN, call } from './support/temp-vault'
import { createCase, signInAs, staffedHost } from './support/case-fixtures'
import { csvRecords, untar } from './support/export-files'
import { PLAINTEXT, woman as alike } from './support/deidentified-fixtures'

/** Women alike in everything but citizenship (and country); industry and relationship known. */
const woman = (index: number, citizenship: string, country = 'PL') =>
  alike(index, citizenship, {
    country,
    victim: { vic_ForcedLabourIndustry: 'F_Construction', vic_RelationshipToTrafficker: 'Acquainted' },
  })
import type { CreateCaseInput, ExportResult } from '../../main/api/contract'
import regionsJson from '../../resources/ctdc/un-regions.json'

const regions = (regionsJson as { countries: Record<string, { subregion: string }> }).countries

const YEAR = { intakeFrom: '2026-01-01', intakeTo: '2026-12-31' }
async function analystWith(cases: CreateCaseInput[]) {
  const { host } = await staffedHost('dana')
  for (const one of cases) await createCase(host, one)
  await signInAs(host, 'eli')
  return host
}

type Host = Awaited<ReturnType<typeof analystWith>>
const exportOf = (host: Host, format: string, extra: Record<string, unknown> = {}) =>
  call<ExportResult>(host, 'export:run', { format, protection: PLAINTEXT, scope: YEAR, ...extra })

describe('a de-identified file at a stricter k', () => {
  it('releases no row the organisation’s k withheld: compared, they isolate no class under k', async () => {
    const host = await analystWith(
      [0, 1, 2, 3, 4].map((i) => woman(i, 'UA')).concat(woman(5, 'BY'), woman(6, 'MD')),
    )
    const tags = async (k: number) =>
      csvRecords(readFileSync((await exportOf(host, 'deidentified-csv', { k })).file!)).map(
        (row) => row.methods_of_control,
      )
    const atFive = new Set(await tags(5))
    expect(atFive.size).toBe(5)
    const onlyInStricter = (await tags(6)).filter((tag) => !atFive.has(tag))
    expect(
      onlyInStricter.length === 0 || onlyInStricter.length >= 5,
      `isolated: ${onlyInStricter.join(', ')}`,
    ).toBe(true)
  })
})

describe('a de-identified file after the organisation raised its k', () => {
  it('releases no row a file made before the change withheld (found by a reviewing helper)', async () => {
    const host = await analystWith(
      [0, 1, 2, 3, 4].map((i) => woman(i, 'UA')).concat(woman(5, 'BY'), woman(6, 'MD')),
    )
    const tags = async () =>
      csvRecords(readFileSync((await exportOf(host, 'deidentified-csv')).file!)).map(
        (row) => row.methods_of_control,
      )
    const before = new Set(await tags()) // at the organisation's k: 5
    expect(before.size).toBe(5)
    await signInAs(host, ADMIN.username)
    await call(host, 'export:updateSettings', { k: 6 })
    await signInAs(host, 'eli')
    const onlyInNew = (await tags()).filter((tag) => !before.has(tag))
    expect(onlyInNew.length === 0 || onlyInNew.length >= 5, `isolated: ${onlyInNew.join(', ')}`).toBe(true)
  })
})

describe('aggregate tables beside the de-identified rows of the same year', () => {
  it('no cell exceeds the matching rows by 1 … k−1 (a withheld survivor counted by subtraction)', async () => {
    // The seventh is alike in sex, age and exploitation, alone in citizenship and country: withheld.
    const host = await analystWith([0, 1, 2, 3, 4, 5].map((i) => woman(i, 'UA')).concat(woman(6, 'AF', 'IR')))
    const rows = csvRecords(readFileSync((await exportOf(host, 'deidentified-csv')).file!))
    const tables = await untar(readFileSync((await exportOf(host, 'aggregates-csv')).file!))
    const table = csvRecords(tables.get('year-sex-age-exploitation.csv')!)
    expect(table.length).toBeGreaterThan(0)
    for (const cell of table) {
      const matching = rows.filter(
        (row) =>
          row.year_of_intake === cell.year_of_intake &&
          row.sex === cell.sex &&
          row.age_band === cell.age_band &&
          row.exploitation_types!.split(';').includes(cell.exploitation_type!),
      ).length
      const difference = Number(cell.cases) - matching
      expect(difference === 0 || difference >= 5, `${JSON.stringify(cell)} − ${matching} rows`).toBe(true)
    }
  })

  it('their report gives no count between 1 and k−1 (a year of three cases)', async () => {
    const host = await analystWith([0, 1, 2].map((i) => woman(i, 'UA')))
    const result = await exportOf(host, 'aggregates-csv')
    const files = await untar(readFileSync(result.file!))
    expect([...files.values()].flatMap((bytes) => csvRecords(bytes))).toEqual([])
    expect(result.report).toMatchObject({ inputRows: 0, outputRows: 0 })
  })
})

describe('aggregate tables beside rows generalised to a sub-region', () => {
  it('count the rows as they show them: a sub-region in the rows is not split into countries in the tables (found by a reviewing helper)', async () => {
    const citizenships = [
      ...Array<string>(6).fill('UA'),
      'BY', // the one Belarusian
      ...Array<string>(6).fill('NG'),
      'GH', 'SN', 'ML', 'BF', 'NE', // five West Africans of five countries
    ] // prettier-ignore
    const host = await analystWith(citizenships.map((citizenship, index) => woman(index, citizenship)))
    const rows = csvRecords(readFileSync((await exportOf(host, 'deidentified-csv')).file!))
    const tables = await untar(readFileSync((await exportOf(host, 'aggregates-csv')).file!))
    const cells = csvRecords(tables.get('year-citizenship-country-of-exploitation.csv')!)
    const shown = new Set(rows.map((row) => row.citizenship))
    expect(shown.has('UA')).toBe(false) // the rows show sub-regions
    for (const value of shown) {
      const inRows = rows.filter((row) => row.citizenship === value).length
      const inCells = cells
        .filter((cell) => cell.citizenship === value || regions[cell.citizenship!]?.subregion === value)
        .reduce((sum, cell) => sum + Number(cell.cases), 0)
      const difference = inRows - inCells
      expect(difference === 0 || difference >= 5, `${value}: ${inRows} rows − ${inCells} in cells`).toBe(true)
    }
  })
})
