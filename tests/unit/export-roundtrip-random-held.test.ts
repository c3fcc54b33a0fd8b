// Round trips (export → import into a new vault → equal records) that held up when tried. This
// half: random records of every HTCDS field kind (fast-check); statuses, users, a second import of
// the same file, an empty vault, and the two formats against each other are in
// export-roundtrip-details-held.test.ts. (Written by a reviewing helper.)
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { FORMATS, comparable, newSession, roundTrip, textValue } from './support/export-roundtrip'
import { caseServicesFor } from '../../main/api/case-services'
import { closeCaseInput, createCaseInput } from '../../main/api/contract'
import { codesOf, sectionById, type HtcdsField, type HtcdsSectionId } from '../../main/api/contract/htcds'
import { readFullCases } from '../../main/core/export/full-records'
import type { VaultSession } from '../../main/core/vault/vault-session'

const isoDate = (from: number, to: number) =>
  fc
    .integer({ min: Date.UTC(from, 0, 1), max: Date.UTC(to, 11, 31) })
    .map((ms) => new Date(ms).toISOString().slice(0, 10))

function fieldValue(field: HtcdsField): fc.Arbitrary<unknown> | null {
  switch (field.type) {
    case 'text':
      return textValue(1000)
    case 'longText':
      return textValue(20_000)
    case 'date':
      return isoDate(1950, 2019)
    case 'number':
    case 'geolocation': {
      const { min = -1e6, max = 1e6, integer = false } = field.range ?? {}
      return integer
        ? fc.integer({ min, max })
        : fc.double({ min, max, noNaN: true, noDefaultInfinity: true })
    }
    case 'checkbox':
      return fc.boolean()
    case 'picklist':
      return fc.constantFrom(...codesOf(field.codeList ?? field.name).map((c) => c.code))
    case 'multiPicklist':
      return fc.subarray(
        codesOf(field.codeList ?? field.name).map((c) => c.code),
        { minLength: 1 },
      )
    default:
      return null
  }
}

function recordOf(section: HtcdsSectionId, always: Record<string, fc.Arbitrary<unknown>> = {}) {
  const shape: Record<string, fc.Arbitrary<unknown>> = {}
  for (const field of sectionById(section)!.fields) {
    if (field.status === 'deprecated') continue
    const value = always[field.name] ?? fieldValue(field)
    if (value) shape[field.name] = value
  }
  return fc.record(shape, { requiredKeys: Object.keys(always) }) as fc.Arbitrary<Record<string, unknown>>
}

const aliases = fc.uniqueArray(textValue(200), { maxLength: 3 })
const randomCase = fc.record({
  survivor: recordOf('person', { prs_FirstName: textValue(1000) }),
  survivorAliases: aliases,
  victim: recordOf('victim'),
  events: fc.array(recordOf('historicEvent'), { maxLength: 3 }),
  perpetrators: fc.array(
    fc.record({ person: recordOf('person'), aliases, context: recordOf('perpetrator') }),
    { maxLength: 3 },
  ),
  comments: fc.array(textValue(20_000), { maxLength: 3 }),
  closure: fc.option(fc.tuple(fc.constantFrom('Closed', 'ClosedReferred'), textValue(5000))),
})
type RandomCase = typeof randomCase extends fc.Arbitrary<infer T> ? T : never

/** Trafficked no older than at intake (case-facts.ts): the random age is capped by the birthdate's. */
function plausibleVictim(one: RandomCase, intakeDate: string): Record<string, unknown> {
  const birthdate = one.survivor.prs_Birthdate
  const age = one.victim.vic_AgeWhenTrafficked
  if (typeof birthdate !== 'string' || typeof age !== 'number') return one.victim
  const years =
    Number(intakeDate.slice(0, 4)) -
    Number(birthdate.slice(0, 4)) -
    (birthdate.slice(5) > intakeDate.slice(5) ? 1 : 0)
  return age > years ? { ...one.victim, vic_AgeWhenTrafficked: years } : one.victim
}

/** No event before the survivor was born (case-facts.ts): a random earlier date is moved to the birthdate. */
function plausibleEvents(one: RandomCase): { record: Record<string, unknown> }[] {
  const birthdate = one.survivor.prs_Birthdate
  return one.events.map((record) => {
    const date = record.hte_Date
    const before = typeof birthdate === 'string' && typeof date === 'string' && date < birthdate
    return { record: before ? { ...record, hte_Date: birthdate } : record }
  })
}

function fill(session: VaultSession, all: RandomCase[]) {
  const { cases, comments, perpetrators } = caseServicesFor(session)
  for (const one of all) {
    const made = cases.create(
      createCaseInput.parse({
        intakeDate: '2025-06-01',
        survivor: one.survivor,
        survivorAliases: one.survivorAliases,
        victim: plausibleVictim(one, '2025-06-01'),
        events: plausibleEvents(one),
      }),
    )
    for (const perpetrator of one.perpetrators) perpetrators.add(made.id, perpetrator)
    for (const body of one.comments) comments.add(made.id, body)
    if (one.closure) {
      const [status, reason] = one.closure
      cases.close(closeCaseInput.parse({ id: made.id, version: 1, status, reason }))
    }
  }
}

describe('random records of every HTCDS field kind come back equal', () => {
  it.each(FORMATS)(
    '%s',
    async (format) => {
      await fc.assert(
        fc.asyncProperty(fc.array(randomCase, { minLength: 1, maxLength: 3 }), async (all) => {
          const source = await newSession()
          fill(source, all)
          const { target, report } = await roundTrip(source, format)
          expect(report.errors).toEqual([])
          expect(report).toMatchObject({ read: all.length, imported: all.length })
          expect(comparable(readFullCases(target.db, {}))).toEqual(comparable(readFullCases(source.db, {})))
        }),
        { numRuns: 30, seed: 20251129 },
      )
    },
    60_000,
  )
})
