// Records checked against the HTCDS definitions (validateSection / sectionSchema), by example and by
// property: types, code lists, Core fields, deprecated fields and unknown keys.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  codeLabel,
  codesOf,
  htcds,
  sectionById,
  sectionSchema,
  validateSection,
} from '../../main/api/contract/htcds'
import type { HtcdsField, HtcdsRecord, HtcdsSectionId, HtcdsValue } from '../../main/api/contract/htcds'

const forNew = { requireCore: false, forNewRecords: true }
const strict = { requireCore: true, forNewRecords: true }

function issuesOf(section: HtcdsSectionId, record: unknown, options = forNew) {
  const result = validateSection(section, record, options)
  return result.ok ? [] : result.issues
}

const survivor: HtcdsRecord = {
  prs_Salutation: 'Ms',
  prs_FirstName: 'Olena',
  prs_MiddleName: 'Petrivna',
  prs_SecondName: 'Kovalenko',
  prs_Birthdate: '2001-07-02',
  prs_Gender: 'Feminine',
  prs_Deceased: false,
  prs_MaritalStatus: 'Single',
  prs_NumberOfChildren: 1,
  prs_PrimaryLanguage: 'uk',
  prs_SecondaryLanguage: 'ru',
  prs_HighestLevelOfEducation: 'UpperSecondaryEducation',
  prs_Citizenship: ['UA'],
  prs_IdentityNumber: 'AB123456',
  prs_Title: 'Seamstress',
  prs_Email: 'olena@example.org',
  prs_HomePhone: '+380441234567',
  prs_MobilePhone: '+380501234567',
  prs_MailingCity: 'Lviv',
  prs_MailingCountry: 'UA',
  prs_MailingState: 'Lviv Oblast',
  prs_MailingStreet: '1 Example Street',
  prs_MailingPostalCode: '79000',
  prs_MailingLongitude: 24.03,
  prs_MailingLatitude: 49.84,
}

const victim: HtcdsRecord = {
  vic_TraffickingStatus: 'ActualVictimOfTrafficking',
  vic_TraffickingStatusDecisionMakingOrg: 'NGO',
  vic_RelationshipToTrafficker: 'Acquainted',
  vic_AgeWhenTrafficked: 19,
  vic_RecruitmentWebsitesAndApps: ['Facebook', 'Telegram'],
  vic_MethodOfRecruitment: ['ThroughOnlineSocialNetworks'],
  vic_LocationOfRecruitment: 3,
  vic_MethodsOfControl: ['DebtBondage', 'WithholdsDocuments'],
  vic_TypeOfExploitation: ['ForcedLabour'],
  vic_ForcedLabourIndustry: 'C_ManufactureOfWearingApparel',
  vic_TypeOfSexExploitation: [],
  vic_LocationOfExploitation: 4,
  vic_ExploitationWebsitesAndApps: ['Other'],
}

describe('validateSection', () => {
  it('accepts a complete person and a complete victim record with every Core field', () => {
    expect(validateSection('person', survivor, strict)).toEqual({ ok: true, value: survivor })
    // vic_TypeOfSexExploitation is Core: with requireCore an empty list counts as missing.
    expect(issuesOf('victim', victim, strict).map((issue) => [issue.field, issue.code])).toEqual([
      ['vic_TypeOfSexExploitation', 'required'],
    ])
    expect(
      validateSection('victim', { ...victim, vic_TypeOfSexExploitation: ['Pornography'] }, strict).ok,
    ).toBe(true)
  })

  it('refuses a code outside the list and names the field, without echoing the value', () => {
    const issues = issuesOf('person', { prs_Gender: 'Olena Kovalenko' })
    expect(issues).toEqual([
      {
        field: 'prs_Gender',
        code: 'invalid_value',
        message:
          'prs_Gender: not one of this field’s values: Feminine, Masculine, Transgender Feminine, Transgender Masculine, Non-Conforming, Not Specified/Unknown',
      },
    ])
    expect(issuesOf('person', { prs_Citizenship: ['UA', 'XX'] })[0]).toMatchObject({
      field: 'prs_Citizenship',
    })
    expect(issuesOf('victim', { vic_MethodsOfControl: ['DebtBondage', 'DebtBondage'] })[0]).toMatchObject({
      field: 'vic_MethodsOfControl',
      code: 'duplicate',
    })
  })

  it('refuses values of the wrong type, size or range', () => {
    const cases: [HtcdsSectionId, string, unknown][] = [
      ['person', 'prs_NumberOfChildren', 'two'],
      ['person', 'prs_NumberOfChildren', 1.5],
      ['person', 'prs_NumberOfChildren', -1],
      ['person', 'prs_NumberOfChildren', Number.POSITIVE_INFINITY],
      ['person', 'prs_Deceased', 'yes'],
      ['person', 'prs_FirstName', 42],
      ['person', 'prs_FirstName', 'x'.repeat(1001)],
      ['person', 'prs_Citizenship', 'UA'],
      ['person', 'prs_MailingLatitude', 90.5],
      ['person', 'prs_MailingLongitude', -180.1],
      ['victim', 'vic_AgeWhenTrafficked', 121],
      ['victim', 'vic_LocationOfRecruitment', 0],
      ['caseComment', 'cco_CaseComment', 'x'.repeat(20_001)],
    ]
    for (const [section, field, value] of cases) {
      expect(
        issuesOf(section, { [field]: value }).map((issue) => issue.field),
        `${field} = ${value}`,
      ).toEqual([field])
    }
    expect(issuesOf('person', { prs_Deceased: 'yes' })[0]?.code).toBe('invalid_type')
    expect(issuesOf('person', 'not a record')[0]?.code).toBe('not_an_object')
  })

  it('refuses dates that are not real calendar dates in yyyy-mm-dd', () => {
    for (const date of [
      '2025-02-30',
      '2023-02-29',
      '2025-04-31',
      '2025-2-3',
      '02/03/2025',
      '2025-02-03T00:00',
    ]) {
      expect(issuesOf('person', { prs_Birthdate: date }), date).toEqual([
        expect.objectContaining({ field: 'prs_Birthdate' }),
      ])
    }
    expect(issuesOf('person', { prs_Birthdate: '2024-02-29' })).toEqual([])
  })

  it('requires Core fields only when asked, and names each missing one', () => {
    expect(issuesOf('victim', {})).toEqual([])
    const missing = issuesOf('victim', {}, strict)
    expect(missing).toContainEqual({
      field: 'vic_TraffickingStatus',
      code: 'required',
      message: 'vic_TraffickingStatus: required',
    })
    expect(missing.map((issue) => issue.field)).not.toContain('vic_RelationshipToTrafficker')
    // Deprecated Core fields are never required.
    expect(missing.map((issue) => issue.field)).not.toContain('vic_Vulnerabilities')
    expect(issuesOf('person', { ...survivor, prs_FirstName: '   ' }, strict)).toEqual([
      { field: 'prs_FirstName', code: 'required', message: 'prs_FirstName: required' },
    ])
  })

  it('refuses deprecated fields in new records but accepts them on import', () => {
    const old = { vic_AgreementToManagePersonalData: true, vic_Vulnerabilities: ['Poverty'] }
    expect(issuesOf('victim', old).map((issue) => [issue.field, issue.code])).toEqual([
      ['vic_AgreementToManagePersonalData', 'deprecated'],
      ['vic_Vulnerabilities', 'deprecated'],
    ])
    expect(issuesOf('victim', old)[0]?.message).toBe(
      'vic_AgreementToManagePersonalData: deprecated field, not accepted in new records',
    )
    expect(validateSection('victim', old, { requireCore: false, forNewRecords: false })).toEqual({
      ok: true,
      value: old,
    })
    expect(
      issuesOf('victim', { vic_Vulnerabilities: ['Nope'] }, { requireCore: false, forNewRecords: false }),
    ).toHaveLength(1)
  })

  it('refuses unknown keys, with the key in the issue path', () => {
    expect(
      issuesOf('person', { prs_FirstName: 'Olena', prs_Nickname: 'Lena', vic_TraffickingStatus: 'x' }),
    ).toEqual([
      { field: 'prs_Nickname', code: 'unknown_field', message: 'prs_Nickname: unknown field' },
      {
        field: 'vic_TraffickingStatus',
        code: 'unknown_field',
        message: 'vic_TraffickingStatus: unknown field',
      },
    ])
    const parsed = sectionSchema('person', forNew).safeParse({ prs_Nickname: 'Lena' })
    expect(parsed.error?.issues[0]?.path).toEqual(['prs_Nickname'])
  })
})

/** A valid value for any field, drawn from its type, range and code list. */
function validValue(field: HtcdsField): fc.Arbitrary<HtcdsValue> {
  const codes = codesOf(field.codeList ?? '').map((entry) => entry.code)
  const range = field.range ?? { min: -1e6, max: 1e6, integer: false }
  switch (field.type) {
    case 'text':
    case 'longText':
      return fc.string({ maxLength: 60 })
    case 'date':
      return fc
        .date({ min: new Date('1900-01-01'), max: new Date('2100-12-31'), noInvalidDate: true })
        .map((date) => date.toISOString().slice(0, 10))
    case 'number':
    case 'geolocation':
      return range.integer
        ? fc.integer({ min: range.min, max: range.max })
        : fc.double({ min: range.min, max: range.max, noNaN: true })
    case 'checkbox':
      return fc.boolean()
    case 'lookup':
      return fc.integer({ min: 1, max: 2 ** 31 })
    case 'picklist':
      return fc.constantFrom(...codes)
    case 'multiPicklist':
      return fc.uniqueArray(fc.constantFrom(...codes), { maxLength: 5 })
  }
}

const sectionIds = htcds.sections.map((section) => section.id)
const validRecord = fc.constantFrom(...sectionIds).chain((id) => {
  const fields = (sectionById(id)?.fields ?? []).filter((field) => field.status !== 'deprecated')
  const shape = Object.fromEntries(fields.map((field) => [field.name, validValue(field)]))
  return fc
    .record(shape, { requiredKeys: [] })
    .map((record) => ({ id, fields, record: record as HtcdsRecord }))
})

describe('validateSection (property)', () => {
  it('accepts any record built from valid values and codes', () => {
    fc.assert(
      fc.property(validRecord, ({ id, record }) => {
        expect(issuesOf(id, record)).toEqual([])
      }),
    )
  })

  it('refuses a record where one code is replaced by a string outside its list, naming that field', () => {
    const withBadCode = validRecord
      .filter(({ fields }) => fields.some((field) => field.codeList))
      .chain(({ id, fields, record }) =>
        fc.record({
          id: fc.constant(id),
          record: fc.constant(record),
          field: fc.constantFrom(...fields.filter((field) => field.codeList)),
          bad: fc.string({ maxLength: 30 }),
        }),
      )
      .filter(({ field, bad }) => codeLabel(field.codeList ?? '', bad) === undefined)
    fc.assert(
      fc.property(withBadCode, ({ id, record, field, bad }) => {
        const value = field.type === 'multiPicklist' ? [bad] : bad
        const issues = issuesOf(id, { ...record, [field.name]: value })
        expect(issues.map((issue) => issue.field)).toEqual([field.name])
      }),
    )
  })
})
