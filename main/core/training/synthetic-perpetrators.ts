import { PERPETRATOR_ROLE } from './synthetic-codes'
import type { NameSource } from './synthetic-names'
import { DESTINATION_NAMES, type OriginCountry } from './synthetic-places'
import type { SeededRandom } from './synthetic-random'
import { PERPETRATOR_ORGANISATIONS, PERPETRATOR_ROLE_DETAILS } from './synthetic-text'

export interface SyntheticPerpetrator {
  /** Same key = same person: a perpetrator met again in another case is linked, not duplicated. */
  key: string
  /** HTCDS person (prs_) record. */
  person: Record<string, unknown>
  aliases: string[]
  /** HTCDS perpetrator (per_) record: this person's part in this case. */
  context: Record<string, unknown>
}

type KnownPerson = Omit<SyntheticPerpetrator, 'context'>

/** How many people a route's pool remembers for reuse (networks keep working the same route). */
const POOL_SIZE = 40
const REUSE_CHANCE = 0.3

/**
 * Perpetrators per route (origin → destination). Sometimes a case names someone already known
 * from another case on the same route, which is what lets trainees practise linking cases.
 */
export class PerpetratorPool {
  private readonly byRoute = new Map<string, KnownPerson[]>()
  private created = 0

  constructor(
    private readonly random: SeededRandom,
    private readonly names: NameSource,
  ) {}

  forCase(origin: OriginCountry, destination: string): SyntheticPerpetrator[] {
    const count = this.random.weighted([
      [0, 35],
      [1, 40],
      [2, 18],
      [3, 7],
    ])
    const route = `${origin.code}>${destination}`
    const pool = this.byRoute.get(route) ?? []
    this.byRoute.set(route, pool)
    const chosen: SyntheticPerpetrator[] = []
    for (let i = 0; i < count; i += 1) {
      const candidates = pool.filter((known) => !chosen.some((person) => person.key === known.key))
      const person =
        candidates.length > 0 && this.random.chance(REUSE_CHANCE)
          ? this.random.pick(candidates)
          : this.remember(pool, this.newPerson(origin, destination))
      chosen.push({ ...person, context: this.context() })
    }
    return chosen
  }

  private remember(pool: KnownPerson[], person: KnownPerson): KnownPerson {
    pool.push(person)
    if (pool.length > POOL_SIZE) pool.shift()
    return person
  }

  private newPerson(origin: OriginCountry, destination: string): KnownPerson {
    const random = this.random
    const sex = random.chance(0.7) ? 'male' : 'female'
    // Most are compatriots of the survivor; some are locals where the exploitation happened.
    const local = DESTINATION_NAMES[destination]
    const localName = local !== undefined && random.chance(0.4)
    const locale = localName ? local : origin.names
    const name = this.names.person(locale, sex, localName ? locale : origin.familyNames)
    this.created += 1
    const person: Record<string, unknown> = {
      prs_FirstName: name.first,
      prs_SecondName: name.last,
      prs_Gender: sex === 'male' ? 'Masculine' : 'Feminine',
    }
    if (random.chance(0.7)) person.prs_Citizenship = [localName ? destination : origin.code]
    const aliases = random.chance(0.3) ? [this.names.nickname(locale, sex)] : []
    return { key: `perpetrator-${this.created}`, person, aliases }
  }

  private context(): Record<string, unknown> {
    const random = this.random
    const context: Record<string, unknown> = {}
    if (random.chance(0.9)) {
      context.per_RoleInProcess = random.weightedDistinct(PERPETRATOR_ROLE, random.chance(0.25) ? 2 : 1)
    }
    if (random.chance(0.2)) context.per_Organisation = random.pick(PERPETRATOR_ORGANISATIONS)
    if (random.chance(0.3)) context.per_RoleDetails = random.pick(PERPETRATOR_ROLE_DETAILS)
    return context
  }
}
