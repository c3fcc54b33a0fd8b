import {
  Faker,
  base,
  de,
  en,
  en_GB,
  en_GH,
  en_IN,
  en_NG,
  en_NP,
  en_US,
  es,
  es_MX,
  fr,
  id_ID,
  it,
  pl,
  pt_BR,
  ro,
  ro_MD,
  ru,
  th,
  tr,
  uk,
  uz_UZ_latin,
  vi,
  zh_CN,
  type LocaleDefinition,
} from '@faker-js/faker'
import type { SeededRandom } from './synthetic-random'

// Only the locales named here end up in the bundle (faker is side-effect free and tree-shaken).
const LOCALES = {
  de,
  en,
  en_GB,
  en_GH,
  en_IN,
  en_NG,
  en_NP,
  en_US,
  es,
  es_MX,
  fr,
  id_ID,
  it,
  pl,
  pt_BR,
  ro,
  ro_MD,
  ru,
  th,
  tr,
  uk,
  uz_UZ_latin,
  vi,
  zh_CN,
} satisfies Record<string, LocaleDefinition>

export type NameLocale = keyof typeof LOCALES
export type NameSex = 'female' | 'male'

export interface PersonName {
  first: string
  last: string
}

/**
 * Localised synthetic names and places. Each faker instance is re-seeded from the generator's own
 * PRNG before every draw, so a name depends only on the seed and the draw order, never on which
 * locales happened to be used before.
 */
export class NameSource {
  private readonly fakers = new Map<NameLocale, Faker>()

  constructor(private readonly random: SeededRandom) {}

  private faker(locale: NameLocale): Faker {
    let faker = this.fakers.get(locale)
    if (!faker) {
      // English, then faker's base data, fill whatever a locale does not define.
      faker = new Faker({ locale: [LOCALES[locale], en, base] })
      this.fakers.set(locale, faker)
    }
    faker.seed(this.random.seed())
    return faker
  }

  /** Given name from `locale`, family name from `familyLocale` (e.g. Filipino: English + Spanish). */
  person(locale: NameLocale, sex: NameSex, familyLocale: NameLocale = locale): PersonName {
    const first = this.faker(locale).person.firstName(sex)
    const last = this.faker(familyLocale).person.lastName(sex)
    return { first, last }
  }

  /** A short name someone is known by: another given name of the same locale. */
  nickname(locale: NameLocale, sex: NameSex): string {
    return this.faker(locale).person.firstName(sex)
  }

  city(locale: NameLocale): string {
    return this.faker(locale).location.city()
  }

  street(locale: NameLocale): string {
    return this.faker(locale).location.street()
  }
}
