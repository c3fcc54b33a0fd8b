// The HTCDS definitions: generated from the standard, complete, and with sound code lists and PII flags.
// Validation against them: tests/unit/htcds-validation.test.ts.
import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'
import { defaultSourceDir, generate, outputFile, serialize } from '../../resources/htcds/generate'
import { codeLabel, codesOf, fieldByName, htcds } from '../../main/api/contract/htcds'
import { piiFields, withoutPii } from '../../main/core/htcds'

/** The sheet read independently of the generator: section title → field names, in order. */
function sheetFields(): { sections: Map<string, string[]>; rows: string[][] } {
  const csv = readFileSync(resolve(defaultSourceDir, 'HTCDS Field Standards 2.0.csv'), 'utf8')
  const rows: string[][] = parse(csv, { relax_column_count: true, bom: true })
  const sections = new Map<string, string[]>()
  let current: string[] = []
  for (const row of rows.slice(1)) {
    const [title = '', status = '', , prefix = '', name = ''] = row.map((cell) => cell.trim())
    if (title) sections.set(title.replace(/\s+/g, ' '), (current = []))
    else if (name && status !== 'N/A') current.push(`${prefix}${name}`)
  }
  return { sections, rows }
}

describe.skipIf(!existsSync(defaultSourceDir))(
  'HTCDS definitions from the standard (../shared/htcds)',
  () => {
    it('the committed JSON is exactly what the generator makes from the standard', () => {
      expect(readFileSync(outputFile, 'utf8')).toBe(serialize(generate(defaultSourceDir)))
    })

    it('has every section and every field of the sheet, in order, and nothing more', () => {
      const { sections } = sheetFields()
      const fieldSections = [...sections].filter(([title]) => !title.startsWith('Assessment and Planning'))
      expect(htcds.sections.map((section) => section.label)).toEqual(fieldSections.map(([title]) => title))
      for (const [title, names] of fieldSections) {
        const section = htcds.sections.find((candidate) => candidate.label === title)
        expect(
          section?.fields.map((field) => field.name),
          title,
        ).toEqual(names)
      }
      expect(htcds.sections.flatMap((section) => section.fields)).toHaveLength(84)
    })

    it('marks exactly the sheet’s DEPRECATED fields as deprecated', () => {
      const { rows } = sheetFields()
      const deprecated = rows.filter((row) => row[1] === 'DEPRECATED').map((row) => row[6])
      const marked = htcds.sections.flatMap((s) =>
        s.fields.filter((f) => f.status === 'deprecated').map((f) => f.name),
      )
      expect(marked).toEqual(deprecated)
      expect(marked).toEqual([
        'vic_AgreementToManagePersonalData',
        'vic_Vulnerabilities',
        'vic_DetailsOfVulnerabilities',
      ])
    })

    it('stores the sheet’s value names as prs_Gender codes', () => {
      const { rows } = sheetFields()
      const gender = rows.find((row) => row[6] === 'prs_Gender')
      const valueNames = (gender?.[9] ?? '').split('\n').map((name) => name.trim())
      expect(codesOf('prs_Gender').map((entry) => entry.code)).toEqual(valueNames)
      expect(codeLabel('prs_Gender', 'NonSpecifiedUnknown')).toBe('Not Specified/Unknown')
    })

    it('keeps the assessment example questions apart from the fields', () => {
      expect(htcds.assessmentExamples.map((example) => example.id)).toEqual([
        'individualRiskAndVulnerability',
        'householdRiskAndVulnerability',
        'communityRiskAndVulnerability',
      ])
      expect(htcds.assessmentExamples.every((example) => example.questions.length === 3)).toBe(true)
    })
  },
)

describe('HTCDS code lists', () => {
  it('has no duplicate codes in any list, and every picklist field names an existing list', () => {
    for (const [list, codes] of Object.entries(htcds.codeLists)) {
      expect(new Set(codes.map((entry) => entry.code)).size, list).toBe(codes.length)
    }
    for (const field of htcds.sections.flatMap((section) => section.fields)) {
      const isPicklist = field.type === 'picklist' || field.type === 'multiPicklist'
      if (isPicklist) expect(codesOf(field.codeList ?? '').length, field.name).toBeGreaterThan(0)
      else expect(field.codeList, field.name).toBeUndefined()
    }
  })

  it('lists ISO 3166 countries and ISO 639-2 languages (two letters where there are) for the country and language fields', () => {
    const countries = codesOf('iso3166').map((entry) => entry.code)
    expect(countries.length).toBeGreaterThanOrEqual(249)
    expect(countries).toEqual(expect.arrayContaining(['UA', 'NG', 'TH']))
    expect(codeLabel('iso3166', 'NG')).toBe('Nigeria')
    // The two-letter code where a language has one, never its three-letter twin (ukr, eng).
    const languages = codesOf('iso639').map((entry) => entry.code)
    expect(languages.every((code) => /^[a-z]{2,3}$/.test(code))).toBe(true)
    expect(languages).not.toEqual(expect.arrayContaining(['ukr']))
    expect(codeLabel('iso639', 'uk')).toBe('Ukrainian')
    expect(codeLabel('iso639', 'hmn')).toBe('Hmong; Mong')
    expect(fieldByName('prs_Citizenship')).toMatchObject({ type: 'multiPicklist', codeList: 'iso3166' })
    expect(fieldByName('hte_Country')).toMatchObject({ type: 'picklist', codeList: 'iso3166' })
    expect(fieldByName('prs_PrimaryLanguage')).toMatchObject({ type: 'picklist', codeList: 'iso639' })
  })

  it('links ISIC tiers 2 and 3 to their parents and carries the standard’s definitions', () => {
    const industries = codesOf('vic_ForcedLabourIndustry')
    const codes = new Set(industries.map((entry) => entry.code))
    expect(industries.filter((entry) => !entry.parent)).toHaveLength(21)
    expect(industries.every((entry) => !entry.parent || codes.has(entry.parent))).toBe(true)
    expect(industries.find((entry) => entry.label === 'Marine fishing or acquaculture')?.parent).toBe(
      'A_FishingAndAquaculture',
    )
    expect(codesOf('vic_MethodsOfControl').every((entry) => (entry.description ?? '') !== '')).toBe(true)
    expect(codesOf('vic_TraffickingStatus').every((entry) => (entry.description ?? '') !== '')).toBe(true)
  })

  it('credits IOM under CC BY 4.0', () => {
    expect(htcds.attribution).toMatch(/IOM/)
    expect(htcds.attribution).toMatch(/CC BY 4\.0/)
  })
})

describe('HTCDS PII flags', () => {
  it('flags names, contact details, exact places and free text, not coded or country-level fields', () => {
    expect(piiFields('person')).toEqual(
      expect.arrayContaining(['prs_FirstName', 'prs_Birthdate', 'prs_IdentityNumber', 'prs_MobilePhone']),
    )
    expect(piiFields('person')).not.toContain('prs_Gender')
    expect(piiFields('person')).not.toContain('prs_MailingCountry')
    expect(piiFields('historicEvent')).toEqual([
      'hte_Longitude',
      'hte_Latitude',
      'hte_Street',
      'hte_PostalCode',
      'hte_Description',
    ])
    expect(piiFields('organisation')).toEqual([])
    expect(withoutPii({ prs_FirstName: 'Olena', prs_Gender: 'Feminine' })).toEqual({ prs_Gender: 'Feminine' })
  })
})
