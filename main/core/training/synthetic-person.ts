import { EDUCATION_ADULT, EDUCATION_MINOR, GENDER, MARITAL_STATUS } from './synthetic-codes'
import { addDays, yearsBefore } from './synthetic-dates'
import type { NameSex, NameSource } from './synthetic-names'
import { SECOND_CITIZENSHIP, type OriginCountry } from './synthetic-places'
import type { SeededRandom, Weighted } from './synthetic-random'

/** Age at intake: a minority of minors, most survivors young adults, as in published data. */
const AGE_GROUPS: Weighted<readonly [number, number]> = [
  [[9, 11], 3],
  [[12, 14], 6],
  [[15, 17], 13],
  [[18, 25], 30],
  [[26, 35], 25],
  [[36, 45], 14],
  [[46, 65], 9],
]

export interface SyntheticSurvivor {
  record: Record<string, unknown>
  aliases: string[]
  /** Age at intake (also when the birthdate is left unknown). */
  age: number
  birthdate: string | null
  gender: string
  sex: NameSex
}

export function sexOf(gender: string, random: SeededRandom): NameSex {
  if (gender === 'Feminine' || gender === 'TransgenderFeminine') return 'female'
  if (gender === 'Masculine' || gender === 'TransgenderMasculine') return 'male'
  return random.chance(0.5) ? 'female' : 'male'
}

function citizenships(origin: OriginCountry, random: SeededRandom): string[] {
  if (!random.chance(0.07)) return [origin.code]
  const candidates = SECOND_CITIZENSHIP[origin.code] ?? origin.destinations.map(([code]) => code)
  const second = random.pick(candidates)
  return second === origin.code ? [origin.code] : [origin.code, second]
}

/** An HTCDS person (prs_) record for a survivor from `origin`, met on `intakeDate`. */
export function syntheticSurvivor(
  origin: OriginCountry,
  intakeDate: string,
  random: SeededRandom,
  names: NameSource,
): SyntheticSurvivor {
  const gender = random.weighted(GENDER)
  const sex = sexOf(gender, random)
  const [youngest, oldest] = random.weighted(AGE_GROUPS)
  const age = random.int(youngest, oldest)
  const minor = age < 18
  const birthdate = random.chance(0.94) ? addDays(yearsBefore(intakeDate, age), -random.int(0, 360)) : null
  const name = names.person(origin.names, sex, origin.familyNames)

  const record: Record<string, unknown> = {
    prs_FirstName: name.first,
    prs_SecondName: name.last,
    prs_Gender: gender,
    prs_Citizenship: citizenships(origin, random),
  }
  if (birthdate) record.prs_Birthdate = birthdate
  if (random.chance(0.7)) record.prs_PrimaryLanguage = random.weighted(origin.languages)
  if (!minor && random.chance(0.45)) record.prs_MaritalStatus = random.weighted(MARITAL_STATUS)
  if (minor && age >= 15 && random.chance(0.05)) record.prs_MaritalStatus = 'Married'
  if (!minor && random.chance(0.35)) {
    record.prs_NumberOfChildren = random.weighted([
      [0, 30],
      [1, 25],
      [2, 25],
      [3, 12],
      [4, 8],
    ])
  }
  if (random.chance(0.5)) {
    record.prs_HighestLevelOfEducation = random.weighted(minor ? EDUCATION_MINOR : EDUCATION_ADULT)
  }
  const aliases = random.chance(0.12) ? [names.nickname(origin.names, sex)] : []
  return { record, aliases, age, birthdate, gender, sex }
}
