// Reviewing helper (de-identified exports, adversarial): property checks on random vaults that
// passed on the code of session 21, kept as regression tests. Each vault is real (encrypted, written through
// the case service's validated bulk path); each file is read back as a recipient reads it.
import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { createdVault, tempDir } from './support/temp-vault'
import { csvRecords, untar } from './support/export-files'
import { createCaseService } from '../../main/core/cases/case-service'
import { runExport } from '../../main/core/export/export-service'
import { createCaseInput, type ExportFormat, type DeidentificationReport } from '../../main/api/contract'
import type { VaultSession } from '../../main/core/vault/vault-session'
import { DEIDENTIFIED_QI_COLUMNS } from '../../main/core/export/deidentified-csv'
import { CTDC_COLUMNS, AGE_BANDS } from '../../main/core/export/ctdc-mapping'
import { codesOf } from '../../main/core/htcds'
import regionsJson from '../../resources/ctdc/un-regions.json'

const regions = (regionsJson as { countries: Record<string, { region: string; subregion: string }> })
  .countries
const PLAINTEXT = { plaintext: true, confirmed: true } as const

/** Small seeded PRNG (mulberry32): every run builds the same vaults. */
function rng(seed: number) {
  let a = seed >>> 0
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (n: number) => Math.floor(next() * n)
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!
  const weighted = <T>(items: readonly [T, number][]): T => {
    let r = next() * items.reduce((s, [, w]) => s + w, 0)
    for (const [item, w] of items) if ((r -= w) < 0) return item
    return items[items.length - 1]![0]
  }
  return { next, int, pick, weighted }
}

const CONTROL = codesOf('vic_MethodsOfControl').map((c) => c.code)
/** Every subset of up to 3 means of control: a tag per case, so each released row is traced back. */
const TAGS: string[][] = []
for (let a = 0; a < CONTROL.length; a += 1) {
  TAGS.push([CONTROL[a]!])
  for (let b = a + 1; b < CONTROL.length; b += 1) {
    TAGS.push([CONTROL[a]!, CONTROL[b]!])
    for (let c = b + 1; c < CONTROL.length; c += 1) TAGS.push([CONTROL[a]!, CONTROL[b]!, CONTROL[c]!])
  }
}
const tagOf = (codes: string[]) => [...codes].sort().join(';')

interface Planted {
  tag: string
  person: string
  year: number
  secrets: string[]
}

/**
 * A random caseload: skewed sexes, ages, citizenships (some dual), countries, exploitation types,
 * industries, relationships; some survivors with two or three cases (same name). Every case gets
 * unique identifying words (names, birthdate, phone, city, street, description) and a unique tag.
 */
async function randomVault(seed: number, cases: number, years: readonly number[]) {
  const { vault } = await createdVault()
  const session = vault.session()!
  const r = rng(seed)
  const countries = [
    ['UA', 8], ['NG', 6], ['PL', 3], ['VN', 3], ['RO', 2], ['MD', 2], ['BY', 1], ['GH', 1],
    ['AF', 1], ['PH', 1], ['MX', 1], ['ER', 1],
  ] as [string, number][] // prettier-ignore
  const sexes = [
    ['Feminine', 10], ['Masculine', 6], ['TransgenderFeminine', 1], ['NonConforming', 1], ['NonSpecifiedUnknown', 1],
  ] as [string, number][] // prettier-ignore
  const types = [
    [['SexualExploitation'], 8], [['ForcedLabour'], 8], [['ForcedLabour', 'SexualExploitation'], 2],
    [['ForcedMarriage'], 1], [['ChildLabour'], 1], [['ForcedBegging', 'ForcedLabour'], 1], [['OrganRemoval'], 0.3],
  ] as [string[], number][] // prettier-ignore
  const industries = codesOf('vic_ForcedLabourIndustry').map((c) => c.code)
  const relations = ['Familial', 'Acquainted', 'Unaquainted']
  const sexTypes = codesOf('vic_TypeOfSexExploitation').map((c) => c.code)
  const planted: Planted[] = []
  const inputs = []
  let survivor = 0
  let repeats = 0
  for (let i = 0; i < cases; i += 1) {
    // One case in eight is a survivor seen before (re-referred): same name, another case.
    const again = i > 0 && r.next() < 0.125 && repeats < cases / 8
    const person = again ? planted[r.int(planted.length)]!.person : `Qz${seed}p${(survivor += 1)}`
    if (again) repeats += 1
    const year = r.pick(years)
    const age = r.weighted([
      [r.int(9) + 9, 2],
      [18 + r.int(12), 8],
      [30 + r.int(30), 4],
    ] as [number, number][])
    const birthYear = year - age - 1
    const birthdate = `${birthYear}-0${1 + r.int(9)}-1${r.int(9)}`
    const intakeDate = `${year}-0${1 + r.int(9)}-2${r.int(8)}`
    const citizenship = [r.weighted(countries)]
    if (r.next() < 0.05) citizenship.push(r.pick(['RU', 'TR', 'SK']))
    const exploitation = r.weighted(types)
    const labour = exploitation.some((t) => ['ForcedLabour', 'ChildLabour', 'ForcedBegging'].includes(t))
    const sexual = exploitation.includes('SexualExploitation')
    const tag = TAGS[(i * 37 + seed) % TAGS.length]!
    const token = `${person}c${i}`
    const victim: Record<string, unknown> = {
      vic_TraffickingStatus: r.pick(['ActualVictimOfTrafficking', 'PossibleVictimOfTrafficking']),
      vic_TypeOfExploitation: [...exploitation],
      vic_MethodsOfControl: [...tag],
      vic_AgeWhenTrafficked: Math.max(0, age - r.int(3)),
    }
    if (r.next() < 0.8) victim.vic_RelationshipToTrafficker = r.pick(relations)
    if (labour && r.next() < 0.8)
      victim.vic_ForcedLabourIndustry = r.weighted(
        industries.map((c, n) => [c, n < 6 ? 5 : 1] as [string, number]),
      )
    if (sexual && r.next() < 0.8) victim.vic_TypeOfSexExploitation = [r.pick(sexTypes)]
    inputs.push({
      input: createCaseInput.parse({
        intakeDate,
        survivor: {
          prs_FirstName: person,
          prs_SecondName: `Surn${token}`,
          prs_Birthdate: birthdate,
          prs_Gender: r.weighted(sexes),
          prs_Citizenship: citizenship,
          prs_MobilePhone: `+99 ${String(100000 + i)}`,
          prs_MailingCity: `City${token}`,
        },
        survivorAliases: [`Alias${token}`],
        victim,
        events: [
          {
            record: {
              hte_Type: 'Exploitation',
              hte_Date: intakeDate,
              hte_Country: r.weighted(countries),
              hte_City: `Town${token}`,
              hte_Street: `Street${token}`,
              hte_Description: `Story${token}`,
            },
          },
        ],
      }),
    })
    planted.push({
      tag: tagOf(tag),
      person,
      year,
      secrets: [person, `Surn${token}`, birthdate, intakeDate, `+99 ${String(100000 + i)}`, `City${token}`,
        `Alias${token}`, `Town${token}`, `Street${token}`, `Story${token}`], // prettier-ignore
    })
  }
  createCaseService(session).createMany(inputs)
  return { session, planted }
}

async function exportOf(
  session: VaultSession,
  format: ExportFormat,
  k?: number,
  scope: { intakeFrom?: string; intakeTo?: string } = {},
): Promise<{ bytes: Buffer; report: DeidentificationReport }> {
  const file = join(tempDir(), `export-${format}`)
  const outcome = await runExport(
    session,
    { format, protection: PLAINTEXT, scope, ...(k ? { k } : {}) },
    file,
  )
  return { bytes: readFileSync(file), report: outcome.report! }
}

/** The CTDC columns that follow from the quasi-identifiers (what an attacker matches on). */
const CTDC_QI_COLUMNS = [
  'yearOfRegistration', 'gender', 'ageBroad', 'majorityStatus', 'majorityStatusAtExploit', 'majorityEntry',
  'citizenship', 'CountryOfExploitation',
  ...CTDC_COLUMNS.filter((name) => /^(is[A-Z]|typeOfExploit|typeOfLabour|recruiterRelation|RecruiterRelationship)/.test(name) && name !== 'isAbduction'),
] // prettier-ignore

function classes(rows: Record<string, string>[], columns: readonly string[]) {
  const out = new Map<string, Record<string, string>[]>()
  for (const row of rows) {
    const key = JSON.stringify(columns.map((c) => row[c]))
    out.set(key, [...(out.get(key) ?? []), row])
  }
  return out
}

const BANDS = new Set([...AGE_BANDS.map((b) => b.label), 'Minor', 'Adult', '*', ''])

describe('random vaults: every released class counts at least k survivors, in every format', () => {
  for (const seed of [11, 29]) {
    it(`seed ${seed}: CaseVault and CTDC rows, at k = 5 and k = 9, hide each survivor among k people`, async () => {
      const { session, planted } = await randomVault(seed, 320, [2024, 2025])
      const byTag = new Map(planted.map((p) => [p.tag, p]))
      expect(byTag.size).toBe(planted.length)
      for (const k of [5, 9]) {
        const rows = csvRecords((await exportOf(session, 'deidentified-csv', k)).bytes)
        expect(rows.length).toBeGreaterThan(0)
        for (const [key, members] of classes(rows, DEIDENTIFIED_QI_COLUMNS)) {
          const people = new Set(members.map((row) => byTag.get(row.methods_of_control ?? '')!.person))
          expect(people.size, `k=${k} ${key}`).toBeGreaterThanOrEqual(k)
        }
        const ctdc = csvRecords((await exportOf(session, 'ctdc-csv', k)).bytes)
        for (const [key, members] of classes(ctdc, CTDC_QI_COLUMNS)) {
          expect(members.length, `ctdc k=${k} ${key}`).toBeGreaterThanOrEqual(k)
        }
        const tables = await untar((await exportOf(session, 'aggregates-csv', k)).bytes)
        for (const [name, bytes] of tables)
          for (const cell of csvRecords(bytes)) expect(Number(cell.cases), name).toBeGreaterThanOrEqual(k)
      }
    }, 60_000)
  }
})

describe('random vaults: no identifier, free text, exact date or exact age in any cell', () => {
  it('scans every cell of every de-identified format for the planted words and for dates and ages', async () => {
    const { session, planted } = await randomVault(7, 260, [2024, 2025])
    const secrets = planted.flatMap((p) => p.secrets)
    for (const format of ['deidentified-csv', 'ctdc-csv', 'aggregates-csv'] as const) {
      const { bytes } = await exportOf(session, format)
      const files = format === 'aggregates-csv' ? [...(await untar(bytes)).values()] : [bytes]
      for (const file of files) {
        const text = file.toString('utf8').replace(/[0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12}/g, '<id>')
        for (const word of secrets) expect(text.includes(word), `${format}: ${word}`).toBe(false)
        expect(text, format).not.toMatch(/\d{4}-\d{2}-\d{2}/)
        for (const row of csvRecords(file)) {
          for (const [column, cell] of Object.entries(row)) {
            // A bare number is a year, a count or a 0/1 flag; never an age.
            if (/^\d+$/.test(cell))
              expect(
                /year|Registration/.test(column)
                  ? /^20\d\d$/.test(cell)
                  : column === 'cases' || /^[01]$/.test(cell),
                `${format} ${column}=${cell}`,
              ).toBe(true)
          }
          if ('age_band' in row) expect(BANDS.has(row.age_band!), row.age_band).toBe(true)
        }
      }
    }
  }, 60_000)
})

describe('random vaults: the report adds up', () => {
  it('cases read = rows written + rows left out; hidden rows and hidden cells as counted in the file', async () => {
    const { session } = await randomVault(5, 240, [2024, 2025])
    for (const k of [5, 8]) {
      const { bytes, report } = await exportOf(session, 'deidentified-csv', k)
      const rows = csvRecords(bytes)
      const hidden = rows.filter((row) => row.year_of_intake === '*')
      expect(report.inputRows).toBe(240)
      expect(report.outputRows).toBe(rows.length)
      expect(report.inputRows).toBe(report.outputRows + report.suppressedRows)
      expect(report.rowsWithSuppressedCells).toBe(hidden.length)
      expect(report.suppressedCells).toBe(hidden.length * report.quasiIdentifiers.length)
      const tables = await exportOf(session, 'aggregates-csv', k)
      expect(tables.report.inputRows).toBe(rows.length - hidden.length)
      expect(tables.report.inputRows + tables.report.suppressedRows).toBe(240)
    }
  }, 60_000)
})

describe('random vaults: files compared with each other single out no one', () => {
  it('k = 9 shows only rows k = 5 shows, each as coarse or coarser; hidden rows stay hidden', async () => {
    const { session } = await randomVault(3, 300, [2025])
    const at = async (k: number) =>
      new Map(
        csvRecords((await exportOf(session, 'deidentified-csv', k)).bytes).map((r) => [
          r.methods_of_control!,
          r,
        ]),
      )
    const five = await at(5)
    const nine = await at(9)
    const coarser = (column: string, loose: string, fine: string) =>
      loose === fine ||
      loose === '*' ||
      (column === 'citizenship' || column === 'country_of_exploitation'
        ? regions[fine]?.subregion === loose || regions[fine]?.region === loose || regions[fine] === undefined
        : true)
    const onlyInNine: string[] = []
    for (const [tag, row] of nine) {
      const before = five.get(tag)
      if (!before) {
        onlyInNine.push(tag)
        continue
      }
      if (before.year_of_intake === '*') expect(row.year_of_intake).toBe('*')
      for (const c of DEIDENTIFIED_QI_COLUMNS) expect(coarser(c, row[c]!, before[c]!), `${c}`).toBe(true)
    }
    expect(onlyInNine).toEqual([])
  }, 60_000)

  it('overlapping whole years: the wider file is the narrower one plus whole years of k or more', async () => {
    const { session, planted } = await randomVault(17, 300, [2024, 2025, 2026])
    const byTag = new Map(planted.map((p) => [p.tag, p]))
    const rowsOf = async (scope: { intakeFrom: string; intakeTo: string }) =>
      new Map(
        csvRecords((await exportOf(session, 'deidentified-csv', undefined, scope)).bytes).map((r) => [
          r.methods_of_control!,
          JSON.stringify({ ...r, row_id: undefined }),
        ]),
      )
    const narrow = await rowsOf({ intakeFrom: '2025-01-01', intakeTo: '2025-12-31' })
    const wide = await rowsOf({ intakeFrom: '2024-01-01', intakeTo: '2026-12-31' })
    for (const [tag, row] of narrow) expect(wide.get(tag), tag).toBe(row)
    const extra = [...wide.keys()].filter((tag) => !narrow.has(tag))
    expect(extra.every((tag) => byTag.get(tag)!.year !== 2025)).toBe(true)
    const people = new Set(extra.map((tag) => byTag.get(tag)!.person))
    expect(people.size === 0 || people.size >= 5).toBe(true)
  }, 60_000)
})
