// k-anonymity, proven on random case sets: in every de-identified output, each combination of
// quasi-identifier values occurs at least k times, and no aggregate cell is below the threshold.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import type { DeidentifiedCase } from '../../main/core/export/deidentified-source'
import { deidentify } from '../../main/core/export/deidentify'
import { deidentifiedCsv, DEIDENTIFIED_QI_COLUMNS } from '../../main/core/export/deidentified-csv'
import { ctdcCsv } from '../../main/core/export/ctdc-csv'
import { AGGREGATE_TABLES, aggregateTables } from '../../main/core/export/aggregates'
import { CTDC_COLUMNS } from '../../main/core/export/ctdc-mapping'
import { DEIDENTIFIED_QUASI_IDENTIFIERS, qiIndex } from '../../main/core/export/quasi-identifiers'
import { anonymise } from '../../main/core/export/k-anonymity'
import { csvRecords } from './support/export-files'
import { caseSets, deidentifiedCase } from './support/deidentified-arbitraries'

/** Few values per detail, so that many cells reach k (random case sets leave most tables empty). */
const denseCaseSets: fc.Arbitrary<DeidentifiedCase[]> = fc.array(
  fc
    .record({
      base: deidentifiedCase,
      year: fc.integer({ min: 2023, max: 2026 }),
      sex: fc.constantFrom('Feminine', 'Masculine'),
      ageBand: fc.constantFrom('18-20', '21-23'),
      citizenship: fc.constantFrom('UA', 'NG'),
      countryOfExploitation: fc.constantFrom('PL', 'IT'),
      exploitationTypes: fc.constantFrom(
        ['ForcedLabour'],
        ['SexualExploitation'],
        ['ForcedLabour', 'SexualExploitation'],
      ),
    })
    .map(({ base, exploitationTypes, ...dense }) => ({
      ...base,
      ...dense,
      exploitationTypes: [...exploitationTypes],
    })),
  { minLength: 50, maxLength: 400 },
)
const kValues = fc.integer({ min: 5, max: 12 })

function smallestClass(rows: Record<string, string>[], columns: readonly string[]): number {
  const counts = new Map<string, number>()
  for (const row of rows) {
    const key = JSON.stringify(columns.map((column) => row[column]))
    counts.set(key, (counts.get(key) ?? 0) + 1)
  }
  return Math.min(Infinity, ...counts.values())
}

/** The CTDC columns that are functions of the quasi-identifiers (what an attacker can match on). */
const CTDC_QI_COLUMNS = [
  'yearOfRegistration', 'gender', 'ageBroad', 'majorityStatus', 'majorityStatusAtExploit', 'majorityEntry',
  'citizenship', 'CountryOfExploitation', 'isForcedLabour', 'isSexualExploit', 'isOtherExploit',
  'isSexAndLabour', 'isForcedMarriage', 'isForcedMilitary', 'isOrganRemoval', 'isSlaveryAndPractices',
  'typeOfExploitConcatenated',
  // Industry and relationship to the trafficker are quasi-identifiers too: the trafficker knows them.
  ...CTDC_COLUMNS.filter((name) => /^(typeOfLabour|recruiterRelation)/.test(name)),
] // prettier-ignore

const RUNS = { numRuns: 60 }

describe('k-anonymity (property tests)', () => {
  it('every quasi-identifier combination in the output occurs at least k times; nothing is lost silently', () => {
    fc.assert(
      fc.property(caseSets, kValues, (cases, k) => {
        const { rows, report } = deidentify(cases, k)
        const counts = new Map<string, number>()
        for (const row of rows)
          counts.set(JSON.stringify(row.values), (counts.get(JSON.stringify(row.values)) ?? 0) + 1)
        for (const count of counts.values()) expect(count).toBeGreaterThanOrEqual(k)
        expect(report.outputRows + report.suppressedRows).toBe(cases.length)
        expect(rows).toHaveLength(report.outputRows)
      }),
      RUNS,
    )
  })

  it('holds on the CSV actually written, in CaseVault columns and in CTDC columns', () => {
    fc.assert(
      fc.property(caseSets, kValues, (cases, k) => {
        const { rows } = deidentify(cases, k)
        const ours = csvRecords(deidentifiedCsv(rows))
        const ctdc = csvRecords(ctdcCsv(rows))
        expect(ours).toHaveLength(rows.length)
        expect(ctdc).toHaveLength(rows.length)
        if (rows.length === 0) return
        expect(smallestClass(ours, DEIDENTIFIED_QI_COLUMNS)).toBeGreaterThanOrEqual(k)
        expect(smallestClass(ctdc, CTDC_QI_COLUMNS)).toBeGreaterThanOrEqual(k)
      }),
      RUNS,
    )
  })

  it('aggregate tables have no cell between 1 and k − 1', () => {
    fc.assert(
      fc.property(caseSets, kValues, (cases, k) => {
        const tables = aggregateTables(cases, k)
        for (const entry of tables.entries) {
          for (const row of csvRecords(entry.content)) expect(Number(row.cases)).toBeGreaterThanOrEqual(k)
        }
      }),
      RUNS,
    )
  })

  it('aggregate tables of overlapping whole years differ by the added year’s own cells only', () => {
    const cellsOf = (cases: DeidentifiedCase[], k: number) =>
      aggregateTables(cases, k).entries.flatMap((entry) =>
        csvRecords(entry.content).map((row) => `${entry.name} ${JSON.stringify(row)}`),
      )
    fc.assert(
      fc.property(denseCaseSets, kValues, fc.integer({ min: 2023, max: 2025 }), (cases, k, lastOfFirst) => {
        const first = cases.filter((one) => one.year <= lastOfFirst)
        const next = cases.filter((one) => one.year === lastOfFirst + 1)
        expect(cellsOf([...first, ...next], k).sort()).toEqual(
          [...cellsOf(first, k), ...cellsOf(next, k)].sort(),
        )
      }),
      RUNS,
    )
  })

  it('no aggregate table is a marginal of another: they share the year only', () => {
    const tables = Object.values(AGGREGATE_TABLES)
    for (const table of tables) expect(table).toContain('year_of_intake')
    for (const [i, one] of tables.entries()) {
      for (const other of tables.slice(i + 1)) {
        expect(one.filter((column) => other.includes(column))).toEqual(['year_of_intake'])
      }
    }
  })

  it('each generalisation level only merges values of the level below (a true hierarchy)', () => {
    fc.assert(
      fc.property(deidentifiedCase, deidentifiedCase, (a, b) => {
        for (const qi of DEIDENTIFIED_QUASI_IDENTIFIERS) {
          for (let level = 0; level + 1 < qi.levels.length; level += 1) {
            if (qi.levels[level]!.value(a) === qi.levels[level]!.value(b)) {
              expect(qi.levels[level + 1]!.value(a)).toBe(qi.levels[level + 1]!.value(b))
            }
          }
        }
      }),
    )
  })

  it('keeps full detail when the data is already k-anonymous, and drops a lone outlier rather than coarsening everyone', () => {
    const common: DeidentifiedCase = {
      year: 2025,
      sex: 'Feminine',
      ageBand: '18-20',
      minorWhenTrafficked: 'Adult',
      citizenship: 'NG',
      countryOfExploitation: 'IT',
      exploitationTypes: ['SexualExploitation'],
      traffickingStatus: null,
      methodsOfControl: [],
      forcedLabourIndustry: null,
      typeOfSexExploitation: ['Prostitution'],
      methodOfRecruitment: [],
      relationshipToTrafficker: null,
      recruitmentWebsitesAndApps: [],
      exploitationWebsitesAndApps: [],
    }
    const cases = [...Array.from({ length: 20 }, () => common), { ...common, citizenship: 'BJ', year: 2019 }]
    const { rows, report } = deidentify(cases, 5)
    expect(report.generalised).toEqual([])
    expect(report).toMatchObject({ outputRows: 20, suppressedRows: 1, rowsWithSuppressedCells: 0 })
    expect(new Set(rows.map((row) => row.values.join('|')))).toEqual(
      // Year, industry (none known here), type of sexual exploitation, relationship (none known),
      // citizenship, country, minor, age, types, sex.
      new Set(['2025||Prostitution||NG|IT|Adult|18-20|SexualExploitation|Feminine']),
    )
  })

  it('generalises within a year (country → UN sub-region) and never across years', () => {
    const base = { ...deidentifiedCaseExample(), sex: 'Masculine', ageBand: '30-38' }
    const spreadThin = ['GH', 'NG', 'SN', 'CI', 'GH', 'NG'].map((citizenship) => ({
      ...base,
      year: 2023,
      citizenship,
    }))
    const alike = Array.from({ length: 5 }, () => ({ ...base, year: 2024, citizenship: 'NG' }))
    const { rows, report } = deidentify([...spreadThin, ...alike], 5)
    expect(report.generalised).toEqual([
      { quasiIdentifier: 'citizenship', level: 1, description: 'UN sub-region (or Other)', years: [2023] },
    ])
    const [year, citizenship] = [qiIndex('year'), qiIndex('citizenship')]
    const shown = rows.map((row) => `${row.values[year]} ${row.values[citizenship]}`).sort()
    expect(shown).toEqual([...Array(6).fill('2023 Sub-Saharan Africa'), ...Array(5).fill('2024 NG')])
  })

  it('two exports of overlapping whole years differ by whole years only (no case singled out by comparing them)', () => {
    const shown = (rows: { values: readonly (string | null)[] }[]) =>
      rows.map((row) => JSON.stringify(row.values))
    const multiset = (items: string[]) => {
      const counts = new Map<string, number>()
      for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1)
      return counts
    }
    fc.assert(
      fc.property(caseSets, kValues, fc.integer({ min: 2016, max: 2025 }), (cases, k, lastOfFirst) => {
        const first = cases.filter((one) => one.year <= lastOfFirst)
        const next = cases.filter((one) => one.year === lastOfFirst + 1)
        const both = deidentify([...first, ...next], k).rows
        // What the wider export adds to the narrower one is exactly what the added year's own
        // export holds: k-anonymous by itself, nothing from comparing the two.
        const expected = multiset([...shown(deidentify(first, k).rows), ...shown(deidentify(next, k).rows)])
        expect(multiset(shown(both))).toEqual(expected)
      }),
      { numRuns: 60 },
    )
  })

  it('keeps k when the combinations of values outgrow whole-number keys (beyond 2^53)', () => {
    // Five details with 2,000 values each: 3.2 × 10^16 combinations, so classes are keyed by text.
    type Row = { v: number[] }
    const qis = [0, 1, 2, 3, 4].map((q) => ({
      name: `q${q}`,
      levels: [
        { description: 'exact', value: (row: Row) => String(row.v[q]) },
        { description: 'tens', value: (row: Row) => String(Math.floor(row.v[q]! / 200)) },
      ],
    }))
    const rows: Row[] = Array.from({ length: 2000 }, (_, i) => ({
      v: [3, 7, 9, 11, 13].map((step) => (i * step) % 2000),
    }))
    const result = anonymise(rows, qis, 5)
    const counts = new Map<string, number>()
    for (const row of result.rows)
      counts.set(JSON.stringify(row.values), (counts.get(JSON.stringify(row.values)) ?? 0) + 1)
    expect(Math.min(...counts.values())).toBeGreaterThanOrEqual(5)
    expect(result.rows.length + result.suppressedRows).toBe(2000)
  })

  it('refuses a k below 2 outright', () => {
    expect(() => anonymise([], DEIDENTIFIED_QUASI_IDENTIFIERS, 1)).toThrow()
  })
})

function deidentifiedCaseExample(): DeidentifiedCase {
  return fc.sample(deidentifiedCase, { numRuns: 1, seed: 7 })[0]!
}
