// The only read behind the de-identified formats. Its SQL names every column and JSON key it
// touches, none of them PII: no names, aliases, birthdates, free text, case numbers or comments
// ever leave SQLite on this path, so no later bug can leak what was never read.
import type { VaultDatabase } from '../db/connection'
import { fieldByName, isPiiField } from '../htcds'
import { AGE_BANDS } from './ctdc-mapping'
import type { ExportScope } from '../../api/contract/export'
import { foldForSearch } from '../cases/search-fold'

/** One survivor's case, de-identified: coded values only, dates as years, age as a band. */
export interface DeidentifiedCase {
  /**
   * Which survivor: the same number for cases whose survivors bear the same name, a number and
   * nothing else (SURVIVOR_KEYS_SQL). Used to count people in a class; never written to a file.
   * Absent: a person of their own.
   */
  person?: number
  year: number
  /** HTCDS prs_Gender code. */
  sex: string | null
  /** CaseVault age band label at intake (e.g. `18-20`). */
  ageBand: string | null
  /** From vic_AgeWhenTrafficked, reduced to minor / adult in SQL. */
  minorWhenTrafficked: 'Minor' | 'Adult' | null
  citizenship: string | null
  countryOfExploitation: string | null
  exploitationTypes: string[]
  traffickingStatus: string | null
  methodsOfControl: string[]
  forcedLabourIndustry: string | null
  typeOfSexExploitation: string[]
  methodOfRecruitment: string[]
  relationshipToTrafficker: string | null
  recruitmentWebsitesAndApps: string[]
  exploitationWebsitesAndApps: string[]
}

/** Coded victim fields the de-identified export carries as (non-quasi-identifying) attributes. */
const VICTIM_ATTRIBUTES = {
  traffickingStatus: 'vic_TraffickingStatus',
  methodsOfControl: 'vic_MethodsOfControl',
  forcedLabourIndustry: 'vic_ForcedLabourIndustry',
  typeOfSexExploitation: 'vic_TypeOfSexExploitation',
  methodOfRecruitment: 'vic_MethodOfRecruitment',
  relationshipToTrafficker: 'vic_RelationshipToTrafficker',
  recruitmentWebsitesAndApps: 'vic_RecruitmentWebsitesAndApps',
  exploitationWebsitesAndApps: 'vic_ExploitationWebsitesAndApps',
} as const satisfies Partial<Record<keyof DeidentifiedCase, string>>

type Attribute = keyof typeof VICTIM_ATTRIBUTES

// Checked once at load: a future edit that lists a PII or free-text field here cannot ship.
for (const name of [...Object.values(VICTIM_ATTRIBUTES), 'vic_AgeWhenTrafficked', 'vic_TypeOfExploitation']) {
  const field = fieldByName(name)
  if (!field || isPiiField(name) || !['picklist', 'multiPicklist', 'number'].includes(field.type)) {
    throw new Error(`${name} may not be read by the de-identified export`)
  }
}

// Exact ages never leave SQL: the band is computed inside the query.
const ageBandSql = `CASE ${AGE_BANDS.map(
  (band) =>
    `WHEN c.age_at_intake >= ${band.min}${band.max === null ? '' : ` AND c.age_at_intake <= ${band.max}`} THEN '${band.label}'`,
).join(' ')} END`

const ATTRIBUTE_NAMES = Object.keys(VICTIM_ATTRIBUTES) as Attribute[]
const EXPLOITATION_TYPES = 'vic_TypeOfExploitation'
const paths = [...Object.values(VICTIM_ATTRIBUTES), EXPLOITATION_TYPES].map((field) => `'$.${field}'`)

/**
 * Rows imported from CTDC's public dataset are never part of a de-identified export. They are
 * public already (sending them back to CTDC would count them twice), and worse, they would pad the
 * organisation's own classes: four public rows and one survivor make a class of 5, from which
 * anyone holding CTDC's file removes the four and is left with her.
 */
export const PUBLIC_SOURCE = 'ctdc-deidentified'

/** How many cases in scope came from CTDC's public data (left out: see PUBLIC_SOURCE). */
export function countPublicRecords(db: VaultDatabase, scope: ExportScope): number {
  return db
    .prepare<[{ from: string; to: string }], number>(
      `SELECT count(*) FROM cases WHERE source = '${PUBLIC_SOURCE}' AND intake_date >= @from AND intake_date <= @to`,
    )
    .pluck()
    .get(scopeParams(scope))!
}

/**
 * Exported for the test that proves this path never names a PII column. One json_extract with
 * several paths returns just those values as a JSON array: one parse per case, PII keys untouched.
 * `+c.intake_date` keeps SQLite off the date index: a scan in rowid order reads the encrypted pages
 * once, in order (100k cases: 0.5 s instead of 1.3 s through the index). The survivor's gender and
 * citizenship come from the covering index persons_list_facets, not from the person rows: their
 * pages hold names and records this path does not want, and skipping them saves ~0.1 s per 100k.
 */
export const DEIDENTIFIED_SQL = `SELECT
  c.id AS caseId,
  CAST(substr(c.intake_date, 1, 4) AS INTEGER) AS year,
  p.gender AS sex,
  ${ageBandSql} AS ageBand,
  CASE WHEN json_extract(c.victim, '$.vic_AgeWhenTrafficked') < 18 THEN 'Minor'
       WHEN json_extract(c.victim, '$.vic_AgeWhenTrafficked') >= 18 THEN 'Adult' END AS minorWhenTrafficked,
  p.citizenship AS citizenship,
  json_extract(c.victim, ${paths.join(', ')}) AS codes
FROM cases c JOIN persons p INDEXED BY persons_list_facets ON p.id = c.survivor_id
WHERE +c.intake_date >= @from AND +c.intake_date <= @to AND c.source <> '${PUBLIC_SOURCE}'`

/**
 * One number per survivor, for counting people rather than cases (k-anonymity.ts, PersonOf): a
 * survivor registered twice (re-referred, or entered twice before the duplicate was noticed) made
 * a class of 5 rows from 4 people. The only place this path reads a name, inside SQLite: only the
 * rank leaves it. By name alone, the coarsest key: two namesakes in one class count as one
 * person, which withholds more, never less (a key with the birthdate missed the same woman
 * recorded once with her birthdate and once without). The name is compared folded (survivor_key:
 * any script's capitals, accents, Unicode forms, spaces): SQLite's lower() folds A–Z only, and
 * "ОЛЕНА КОВАЛЕНКО" from her passport and "Олена Коваленко" had counted as two people. Names
 * are read from persons_names (migration 0013), not from the person rows with their records.
 */
export const SURVIVOR_KEYS_SQL = `SELECT c.id, dense_rank() OVER (ORDER BY survivor_key(p.display_name))
FROM cases c JOIN persons p INDEXED BY persons_names ON p.id = c.survivor_id
WHERE +c.intake_date >= @from AND +c.intake_date <= @to AND c.source <> '${PUBLIC_SOURCE}'`

/** A name as the survivor key compares it: folded (search-fold.ts), compatibility forms, one space. */
export function survivorNameKey(name: string): string {
  // Most names are plain ASCII, whose fold is lower case: that path is a fifth of the cost.
  if (PLAIN_ASCII.test(name)) return name.toLowerCase().replace(/ +/g, ' ').trim()
  return foldForSearch(name.normalize('NFKC'))
    .replace(APOSTROPHES, "'")
    .replace(HYPHENS, '-')
    .replace(/\s+/gu, ' ')
    .trim()
}
const PLAIN_ASCII = /^[\x20-\x7e]*$/
// "Дар’я" as documents and autocorrect write it, "Дар'я" as typed: one name (and O’Brien, O'Brien).
const APOSTROPHES = /[\u2018\u2019\u02bc\u00b4\u0060\u2032]/gu
const HYPHENS = /[\u2010\u2011\u2012\u2013\u2212]/gu

const IN_SCOPE = 'FROM cases WHERE intake_date >= @from AND intake_date <= @to'

/**
 * The first exploitation event's country per case (by date, undated last). Read over the range of
 * case ids in scope, one walk of the case index: events of a case inside that range but out of
 * scope are read too, and never asked for (cheaper than a lookup per case in scope).
 */
export const EXPLOITATION_COUNTRY_SQL = `SELECT e.case_id AS caseId, e.country FROM trafficking_events e
WHERE e.type = 'Exploitation' AND e.country IS NOT NULL
  AND e.case_id BETWEEN (SELECT min(id) ${IN_SCOPE}) AND (SELECT max(id) ${IN_SCOPE})
ORDER BY e.case_id, e.event_date IS NULL, e.event_date, e.id`

/** A row of DEIDENTIFIED_SQL, read raw (as an array: no object per row), in its column order. */
type SourceRow = [
  caseId: number,
  year: number,
  sex: string | null,
  ageBand: string | null,
  minorWhenTrafficked: 'Minor' | 'Adult' | null,
  citizenship: string | null,
  codes: string,
]

function codeList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((code): code is string => typeof code === 'string').sort() : []
}

const single = (value: unknown): string | null => (typeof value === 'string' ? value : null)

export function scopeParams(scope: ExportScope): { from: string; to: string } {
  return { from: scope.intakeFrom ?? '0000-01-01', to: scope.intakeTo ?? '9999-12-31' }
}

const at = Object.fromEntries(ATTRIBUTE_NAMES.map((name, index) => [name, index])) as Record<
  Attribute,
  number
>

/** Reads the de-identified view of every case in scope (order is irrelevant: the output is shuffled). */
export function readDeidentifiedCases(db: VaultDatabase, scope: ExportScope): DeidentifiedCase[] {
  const params = scopeParams(scope)
  const countries = new Map<number, string>()
  const events = db.prepare<[typeof params], [number, string]>(EXPLOITATION_COUNTRY_SQL).raw(true)
  for (const [caseId, country] of events.iterate(params)) {
    if (!countries.has(caseId)) countries.set(caseId, country)
  }
  db.function('survivor_key', { deterministic: true }, (name: unknown) =>
    typeof name === 'string' ? survivorNameKey(name) : name,
  )
  const people = new Map<number, number>()
  for (const [caseId, person] of db
    .prepare<[typeof params], [number, number]>(SURVIVOR_KEYS_SQL)
    .raw(true)
    .iterate(params))
    people.set(caseId, person)
  const cases: DeidentifiedCase[] = []
  const rows = db.prepare<[typeof params], SourceRow>(DEIDENTIFIED_SQL).raw(true)
  for (const [caseId, year, sex, ageBand, minorWhenTrafficked, citizenship, codes] of rows.iterate(params)) {
    const values = JSON.parse(codes) as unknown[]
    cases.push({
      person: people.get(caseId)!,
      year,
      sex,
      ageBand,
      minorWhenTrafficked,
      citizenship,
      countryOfExploitation: countries.get(caseId) ?? null,
      exploitationTypes: codeList(values[ATTRIBUTE_NAMES.length]),
      traffickingStatus: single(values[at.traffickingStatus]),
      methodsOfControl: codeList(values[at.methodsOfControl]),
      forcedLabourIndustry: single(values[at.forcedLabourIndustry]),
      typeOfSexExploitation: codeList(values[at.typeOfSexExploitation]),
      methodOfRecruitment: codeList(values[at.methodOfRecruitment]),
      relationshipToTrafficker: single(values[at.relationshipToTrafficker]),
      recruitmentWebsitesAndApps: codeList(values[at.recruitmentWebsitesAndApps]),
      exploitationWebsitesAndApps: codeList(values[at.exploitationWebsitesAndApps]),
    })
  }
  return cases
}
