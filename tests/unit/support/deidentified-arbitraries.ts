// Random case sets for the k-anonymity property tests: skewed like a real caseload.
import fc from 'fast-check'
import { codesOf } from '../../../main/core/htcds'
import type { DeidentifiedCase } from '../../../main/core/export/deidentified-source'
import { AGE_BANDS } from '../../../main/core/export/ctdc-mapping'

const codes = (list: string) => codesOf(list).map((entry) => entry.code)
const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: null, freq: 5 })
const subset = (list: string) => fc.uniqueArray(fc.constantFrom(...codes(list)), { maxLength: 3 })

/** Skewed like a real caseload: a few common values and a long tail (XX is in no UN region). */
const country = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('UA', 'PL', 'NG') },
  { weight: 2, arbitrary: fc.constantFrom('GH', 'DE', 'VN', 'PH', 'MX', 'XX') },
  { weight: 1, arbitrary: fc.constantFrom(...codes('iso3166')) },
)

export const deidentifiedCase: fc.Arbitrary<DeidentifiedCase> = fc.record({
  year: fc.integer({ min: 2016, max: 2026 }),
  sex: maybe(fc.constantFrom(...codes('prs_Gender'))),
  ageBand: maybe(fc.constantFrom(...AGE_BANDS.map((band) => band.label))),
  minorWhenTrafficked: maybe(fc.constantFrom('Minor' as const, 'Adult' as const)),
  citizenship: maybe(country),
  countryOfExploitation: maybe(country),
  exploitationTypes: subset('vic_TypeOfExploitation').map((list) => [...list].sort()),
  traffickingStatus: maybe(fc.constantFrom(...codes('vic_TraffickingStatus'))),
  methodsOfControl: subset('vic_MethodsOfControl').map((list) => [...list].sort()),
  forcedLabourIndustry: maybe(fc.constantFrom(...codes('vic_ForcedLabourIndustry'))),
  typeOfSexExploitation: subset('vic_TypeOfSexExploitation'),
  methodOfRecruitment: subset('vic_MethodOfRecruitment'),
  relationshipToTrafficker: maybe(fc.constantFrom(...codes('vic_RelationshipToTrafficker'))),
  recruitmentWebsitesAndApps: subset('vic_RecruitmentWebsitesAndApps'),
  exploitationWebsitesAndApps: subset('vic_ExploitationWebsitesAndApps'),
})

export const caseSets = fc.array(deidentifiedCase, { maxLength: 400 })
