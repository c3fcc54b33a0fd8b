import { codesOf } from '../../api/contract/htcds'
import type { NameLocale } from './synthetic-names'
import type { Weighted } from './synthetic-random'

export interface OriginCountry {
  /** ISO 3166-1 alpha-2, as in the HTCDS iso3166 list. */
  code: string
  /** Relative share of survivors with this citizenship. */
  weight: number
  names: NameLocale
  /** Family names from another locale (Filipino names: English given names, Spanish family names). */
  familyNames?: NameLocale
  /** ISO 639-1 codes, as in the HTCDS iso639 list. */
  languages: Weighted<string>
  /** Where people from here are most often exploited. */
  destinations: Weighted<string>
  transit: readonly string[]
  /** Share of cases exploited inside the country itself (internal trafficking). */
  domestic: number
}

/** As written below: weights as 'CODE:weight …', transit countries as 'CODE …'. */
interface OriginRow extends Omit<OriginCountry, 'languages' | 'destinations' | 'transit'> {
  languages: string
  destinations: string
  transit: string
}

/**
 * A plausible spread of origins, routes and destinations, loosely shaped like published
 * counter-trafficking data. Illustrative only: it describes no real case.
 */
const ORIGIN_ROWS: OriginRow[] = [
  {
    code: 'UA',
    weight: 10,
    names: 'uk',
    languages: 'uk:8 ru:2',
    destinations: 'PL:5 DE:3 CZ:2 RU:2 IT:1 TR:1',
    transit: 'PL HU SK MD',
    domestic: 0.15,
  },
  {
    code: 'NG',
    weight: 10,
    names: 'en_NG',
    languages: 'en:5 yo:2 ig:2 ha:2',
    destinations: 'IT:4 ES:2 GB:2 LY:2 LB:1 AE:1',
    transit: 'NE LY ML MA',
    domestic: 0.2,
  },
  {
    code: 'PH',
    weight: 8,
    names: 'en',
    familyNames: 'es',
    languages: 'tl:7 en:3',
    destinations: 'AE:3 SA:3 QA:2 MY:2 HK:1 KW:1',
    transit: 'MY SG TH',
    domestic: 0.25,
  },
  {
    code: 'MX',
    weight: 8,
    names: 'es_MX',
    languages: 'es:1',
    destinations: 'US:8 CA:1',
    transit: 'US',
    domestic: 0.4,
  },
  {
    code: 'VN',
    weight: 8,
    names: 'vi',
    languages: 'vi:1',
    destinations: 'GB:3 CN:3 MY:2 KH:1 DE:1',
    transit: 'RU FR CN LA',
    domestic: 0.15,
  },
  {
    code: 'RO',
    weight: 7,
    names: 'ro',
    languages: 'ro:1',
    destinations: 'GB:3 DE:3 IT:2 ES:2 FR:1',
    transit: 'HU AT',
    domestic: 0.2,
  },
  {
    code: 'TH',
    weight: 6,
    names: 'th',
    languages: 'th:1',
    destinations: 'MY:3 JP:2 KR:2 US:1 DE:1',
    transit: 'MY SG',
    domestic: 0.35,
  },
  {
    code: 'NP',
    weight: 5,
    names: 'en_NP',
    languages: 'ne:1',
    destinations: 'IN:4 MY:2 QA:2 AE:2 SA:1',
    transit: 'IN',
    domestic: 0.2,
  },
  {
    code: 'ID',
    weight: 5,
    names: 'id_ID',
    languages: 'id:1',
    destinations: 'MY:5 SA:2 TW:1 SG:1',
    transit: 'MY SG',
    domestic: 0.3,
  },
  {
    code: 'IN',
    weight: 4,
    names: 'en_IN',
    languages: 'hi:6 en:2 bn:2',
    destinations: 'AE:3 SA:2 OM:1 KW:1',
    transit: 'AE',
    domestic: 0.5,
  },
  {
    code: 'MD',
    weight: 4,
    names: 'ro_MD',
    languages: 'ro:3 ru:1',
    destinations: 'RU:2 TR:2 IT:1 DE:1 IL:1',
    transit: 'UA RO',
    domestic: 0.1,
  },
  {
    code: 'UZ',
    weight: 4,
    names: 'uz_UZ_latin',
    languages: 'uz:3 ru:1',
    destinations: 'RU:5 KZ:2 TR:2',
    transit: 'KZ',
    domestic: 0.1,
  },
  {
    code: 'GH',
    weight: 3,
    names: 'en_GH',
    languages: 'en:2 ak:2',
    destinations: 'LB:2 SA:2 KW:1 GB:1',
    transit: 'AE',
    domestic: 0.35,
  },
  {
    code: 'HN',
    weight: 3,
    names: 'es',
    languages: 'es:1',
    destinations: 'US:4 MX:3 GT:1',
    transit: 'GT MX',
    domestic: 0.2,
  },
  {
    code: 'GT',
    weight: 2,
    names: 'es',
    languages: 'es:1',
    destinations: 'US:4 MX:3',
    transit: 'MX',
    domestic: 0.3,
  },
  {
    code: 'VE',
    weight: 2,
    names: 'es',
    languages: 'es:1',
    destinations: 'CO:4 PE:2 TT:1 ES:1',
    transit: 'CO',
    domestic: 0.1,
  },
  {
    code: 'CN',
    weight: 3,
    names: 'zh_CN',
    languages: 'zh:1',
    destinations: 'US:2 MY:2 FR:1 GB:1 AU:1',
    transit: 'TH RU',
    domestic: 0.3,
  },
  {
    code: 'BR',
    weight: 3,
    names: 'pt_BR',
    languages: 'pt:1',
    destinations: 'PT:3 ES:2 US:1',
    transit: 'PT',
    domestic: 0.45,
  },
  {
    code: 'RU',
    weight: 2,
    names: 'ru',
    languages: 'ru:1',
    destinations: 'TR:2 AE:2 DE:1',
    transit: 'TR',
    domestic: 0.3,
  },
]

/** Where a perpetrator exploiting in this country may get a local name. */
export const DESTINATION_NAMES: Readonly<Record<string, NameLocale>> = {
  PL: 'pl',
  DE: 'de',
  GB: 'en_GB',
  IT: 'it',
  ES: 'es',
  US: 'en_US',
  FR: 'fr',
  TR: 'tr',
  RU: 'ru',
  MX: 'es_MX',
  CO: 'es',
  PE: 'es',
  PT: 'pt_BR',
  RO: 'ro',
  TH: 'th',
  CN: 'zh_CN',
  MY: 'id_ID',
}

/** A second citizenship is rare and usually a neighbour's or the destination's. */
export const SECOND_CITIZENSHIP: Readonly<Record<string, readonly string[]>> = {
  MD: ['RO'],
  UA: ['RU', 'PL'],
  RO: ['MD'],
  VE: ['CO', 'ES'],
  NG: ['GB'],
  MX: ['US'],
  PH: ['US'],
}

function weights(text: string): Weighted<string> {
  return text.split(' ').map((entry) => {
    const [code = '', weight = '1'] = entry.split(':')
    return [code, Number(weight)] as const
  })
}

const ORIGINS: OriginCountry[] = ORIGIN_ROWS.map((row) => ({
  ...row,
  languages: weights(row.languages),
  destinations: weights(row.destinations),
  transit: row.transit.split(' ').filter(Boolean),
}))

function checkedAgainst(list: string, values: Iterable<string>): void {
  const known = new Set(codesOf(list).map((entry) => entry.code))
  for (const value of values) {
    if (!known.has(value)) throw new Error(`synthetic data: ${value} is not a code of ${list}`)
  }
}

// Fails at load, not in a vault: every country and language must exist in the HTCDS lists.
checkedAgainst(
  'iso3166',
  ORIGINS.flatMap((origin) => [
    origin.code,
    ...origin.destinations.map(([code]) => code),
    ...origin.transit,
    ...(SECOND_CITIZENSHIP[origin.code] ?? []),
  ]),
)
checkedAgainst('iso3166', Object.keys(DESTINATION_NAMES))
checkedAgainst(
  'iso639',
  ORIGINS.flatMap((origin) => origin.languages.map(([code]) => code)),
)

export const ORIGIN_WEIGHTS: Weighted<OriginCountry> = ORIGINS.map((origin) => [origin, origin.weight])
