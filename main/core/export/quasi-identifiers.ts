// The quasi-identifiers of a de-identified case — what someone who knows a survivor could match a
// row on — and how each is coarsened step by step. Listed cheapest-to-lose first (the search breaks
// ties in this order); weight 2 marks what analysts need most (age, sex, type of exploitation).
import regionsJson from '../../../resources/ctdc/un-regions.json'
import type { DeidentifiedCase } from './deidentified-source'
import { SUPPRESSED, type QuasiIdentifier } from './k-anonymity'
import { AGE_BANDS, ctdcMapping } from './ctdc-mapping'
import { codesOf } from '../htcds'

const regions = (regionsJson as { countries: Record<string, { region: string; subregion: string }> })
  .countries

/** Exploitation types grouped as CTDC counts them; everything else is "Other". */
const LABOUR_TYPES = new Set(['ForcedLabour', 'ChildLabour', 'ForcedBegging'])
const SEXUAL_TYPES = new Set(['SexualExploitation'])

export type ExploitationCategory = 'Sexual' | 'Labour' | 'SexualAndLabour' | 'Other'

export function exploitationCategory(codes: readonly string[]): ExploitationCategory | null {
  if (codes.length === 0) return null
  const labour = codes.some((code) => LABOUR_TYPES.has(code))
  const sexual = codes.some((code) => SEXUAL_TYPES.has(code))
  return labour && sexual ? 'SexualAndLabour' : labour ? 'Labour' : sexual ? 'Sexual' : 'Other'
}

const OTHER_REGION = 'Other'
const subregionOf = (code: string | null) =>
  code === null ? null : (regions[code]?.subregion ?? OTHER_REGION)
const regionOf = (code: string | null) => (code === null ? null : (regions[code]?.region ?? OTHER_REGION))

const adultFrom = ctdcMapping.adultFrom
const minorBands = new Set(
  AGE_BANDS.filter((band) => band.max !== null && band.max < adultFrom).map((b) => b.label),
)

export function majorityOfBand(band: string | null): 'Minor' | 'Adult' | null {
  if (band === null || band === SUPPRESSED) return null
  if (band === 'Minor' || band === 'Adult') return band
  return minorBands.has(band) ? 'Minor' : 'Adult'
}

const FULL_GENDERS = new Set(['Feminine', 'Masculine'])

/**
 * Industry codes are ISIC: a section letter, then the section, one of its divisions or classes
 * (A_AgricultureForestryAndFishing, A_FishingAndAquaculture, A_MarineFishingOrAcquaculture…).
 * The list gives each section first.
 */
const industrySection = new Map<string, string>()
for (const { code } of codesOf('vic_ForcedLabourIndustry')) {
  const letter = code.split('_')[0]!
  if (!industrySection.has(letter)) industrySection.set(letter, code)
}
export const sectionOfIndustry = (code: string | null) =>
  code === null ? null : (industrySection.get(code.split('_')[0]!) ?? code)

const hasAny = (codes: readonly string[], of: ReadonlySet<string>) => codes.some((code) => of.has(code))

/**
 * The industry as the files may show it: only for labour exploitation (deidentified-csv.ts and
 * CTDC's typeOfLabour group write it for no other case). Matched on for every case, a hotel
 * recorded on a case of sexual exploitation withheld survivors for a detail no file shows.
 */
const labourIndustry = (row: DeidentifiedCase) =>
  hasAny(row.exploitationTypes, LABOUR_TYPES) ? row.forcedLabourIndustry : null

/** The types of sexual exploitation, as written: only for sexual exploitation, codes joined with ';'. */
const sexExploitation = (row: DeidentifiedCase) =>
  hasAny(row.exploitationTypes, SEXUAL_TYPES) && row.typeOfSexExploitation.length > 0
    ? row.typeOfSexExploitation.join(';')
    : null

export const DEIDENTIFIED_QUASI_IDENTIFIERS: readonly QuasiIdentifier<DeidentifiedCase>[] = [
  {
    // Exact: each year is anonymised on its own (deidentify.ts), so coarsening it gains nothing.
    name: 'year',
    levels: [{ description: 'year of intake', value: (row) => String(row.year) }],
  },
  // What the person who trafficked someone knows for certain: where they put them to work, and how
  // they knew them. Exported beside the others, such a detail singled out the one man from a
  // fishing boat among five men of the same citizenship, year and age, so both are matched on too.
  // Cheap to lose, so coarsened first.
  {
    name: 'forcedLabourIndustry',
    levels: [
      { description: 'industry', value: labourIndustry },
      { description: 'ISIC section', value: (row) => sectionOfIndustry(labourIndustry(row)) },
    ],
  },
  // The same fact for sexual exploitation: the man who filmed her knows she was in pornography.
  // Released unmatched, it left the one woman filmed among four in prostitution alone in her class
  // (found by a reviewing helper). One step before hiding: whether a type was recorded, the types
  // themselves hidden as "*" (the files' mark for a hidden detail), an unrecorded one left blank.
  {
    name: 'typeOfSexExploitation',
    levels: [
      { description: 'types of sexual exploitation', value: sexExploitation },
      {
        description: 'recorded (*) or not',
        value: (row) => (sexExploitation(row) === null ? null : SUPPRESSED),
      },
    ],
  },
  {
    name: 'relationshipToTrafficker',
    levels: [{ description: 'relationship to the trafficker', value: (row) => row.relationshipToTrafficker }],
  },
  {
    name: 'citizenship',
    levels: [
      { description: 'country', value: (row) => row.citizenship },
      { description: 'UN sub-region (or Other)', value: (row) => subregionOf(row.citizenship) },
      { description: 'UN region (or Other)', value: (row) => regionOf(row.citizenship) },
    ],
  },
  {
    name: 'countryOfExploitation',
    levels: [
      { description: 'country', value: (row) => row.countryOfExploitation },
      { description: 'UN sub-region (or Other)', value: (row) => subregionOf(row.countryOfExploitation) },
      { description: 'UN region (or Other)', value: (row) => regionOf(row.countryOfExploitation) },
    ],
  },
  {
    name: 'minorWhenTrafficked',
    levels: [{ description: 'minor or adult when trafficked', value: (row) => row.minorWhenTrafficked }],
  },
  {
    name: 'ageBand',
    weight: 2,
    levels: [
      { description: 'age band', value: (row) => row.ageBand },
      { description: 'minor or adult', value: (row) => majorityOfBand(row.ageBand) },
    ],
  },
  {
    name: 'exploitationTypes',
    weight: 2,
    levels: [
      {
        description: 'types of exploitation',
        value: (row) => (row.exploitationTypes.length ? row.exploitationTypes.join(';') : null),
      },
      {
        description: 'sexual / labour / both / other',
        value: (row) => exploitationCategory(row.exploitationTypes),
      },
    ],
  },
  {
    name: 'sex',
    weight: 2,
    levels: [
      { description: 'gender', value: (row) => row.sex },
      // Rare categories are the easiest to single out: merged with "unknown" before sex is dropped.
      {
        description: 'feminine / masculine / other or unknown',
        value: (row) => (row.sex && FULL_GENDERS.has(row.sex) ? row.sex : 'OtherOrUnknown'),
      },
    ],
  },
]

export const QUASI_IDENTIFIER_NAMES = DEIDENTIFIED_QUASI_IDENTIFIERS.map((qi) => qi.name)
export type QuasiIdentifierName =
  | 'year'
  | 'forcedLabourIndustry'
  | 'typeOfSexExploitation'
  | 'relationshipToTrafficker'
  | 'citizenship'
  | 'countryOfExploitation'
  | 'minorWhenTrafficked'
  | 'ageBand'
  | 'exploitationTypes'
  | 'sex'

/** Index of a quasi-identifier in the rows' `values`. */
export function qiIndex(name: QuasiIdentifierName): number {
  return QUASI_IDENTIFIER_NAMES.indexOf(name)
}

/** The indexes the writers of de-identified files read rows by (CTDC's layout, the aggregate tables). */
export const QI = {
  year: qiIndex('year'),
  sex: qiIndex('sex'),
  ageBand: qiIndex('ageBand'),
  minor: qiIndex('minorWhenTrafficked'),
  citizenship: qiIndex('citizenship'),
  country: qiIndex('countryOfExploitation'),
  exploitation: qiIndex('exploitationTypes'),
}

/**
 * Whether labour / sexual exploitation details may be shown for a row. They must agree with how far
 * the exploitation types were coarsened, or they would give the hidden type away.
 */
export function exploitationScope(
  codesOrCategory: string | null,
  level: number,
): { labour: boolean; sexual: boolean } {
  if (codesOrCategory === null || codesOrCategory === SUPPRESSED) return { labour: false, sexual: false }
  const category = level === 0 ? exploitationCategory(codesOrCategory.split(';')) : codesOrCategory
  return {
    labour: category === 'Labour' || category === 'SexualAndLabour',
    sexual: category === 'Sexual' || category === 'SexualAndLabour',
  }
}
