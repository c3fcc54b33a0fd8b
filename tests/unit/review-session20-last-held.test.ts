// Review of the last fixes: checks that HOLD on the current code (kept as specifications).
import { describe, expect, it } from 'vitest'
import { createdVault } from './support/temp-vault'
import { survivorCase } from './support/case-fixtures'
import { adminSession, importer, json } from './support/import-fixtures'
import { caseServicesFor } from '../../main/api/case-services'
import { createCaseInput } from '../../main/api/contract'

async function finderWith(people: { person: Record<string, unknown>; aliases?: string[] }[]) {
  const { vault } = await createdVault()
  const session = vault.session()!
  const services = caseServicesFor(session)
  const made = services.cases.create(createCaseInput.parse(survivorCase()))
  for (const { person, aliases = [] } of people)
    services.perpetrators.add(made.id, { person, aliases, context: {} })
  return (query: string) => services.perpetrators.find(query).map((match) => match.displayName)
}

describe('the perpetrator finder with hostile and unusual input', () => {
  it('treats %, _ and a backslash as written, and never throws on regex characters', async () => {
    const find = await finderWith([
      { person: { prs_FirstName: 'Anna', prs_SecondName: 'Back\\slash' } },
      { person: { prs_FirstName: 'Per%cent' } },
    ])
    // A query with no letter or digit finds nobody (toFtsQuery gate); inside a word, as written.
    expect(find('%')).toEqual([])
    expect(find('_')).toEqual([])
    expect(find('n_a')).toEqual([])
    expect(find('per%')).toEqual(['Per%cent'])
    expect(find('pe_')).toEqual([])
    expect(find('k\\s')).toEqual(['Anna Back\\slash'])
    expect(find('k\\x')).toEqual([])
    for (const query of [
      '(',
      '[',
      'anna (',
      'anna [',
      'anna )',
      'anna *',
      'anna +?',
      'anna \\',
      'anna $^',
      'anna {2}',
    ])
      expect(() => find(query)).not.toThrow()
  })

  it('answers a 200-character query of many words, and a word never spans a name and an alias', async () => {
    const find = await finderWith([
      { person: { prs_FirstName: 'Viktor', prs_SecondName: 'Zarubin' }, aliases: ['Big\nBoss', 'Vitya'] },
    ])
    expect(find('q '.repeat(100))).toEqual([])
    expect(find('vik '.repeat(50))).toEqual(['Viktor Zarubin'])
    expect(find('zarubin vitya')).toEqual(['Viktor Zarubin'])
    expect(find('boss')).toEqual(['Viktor Zarubin'])
    expect(find('zarubinvitya')).toEqual([])
  })

  it('finds Arabic without marks, Cyrillic capitals and decomposed accents; never offers Unknown', async () => {
    const find = await finderWith([
      { person: { prs_FirstName: 'فَاطِمَة' } },
      { person: { prs_FirstName: 'Мария', prs_SecondName: 'Ковалёва' } },
      { person: { prs_FirstName: 'José' } },
      { person: {}, aliases: [] },
      { person: { prs_Gender: 'Masculine' } },
    ])
    expect(find('فاطمه')).toEqual(['فَاطِمَة'])
    expect(find('КОВАЛЕВА')).toEqual(['Мария Ковалёва'])
    expect(find('Jose\u0301')).toEqual(['José'])
    expect(find('unknown')).toEqual([])
  })
})

describe('an imported case with an event before 1950 or before birth', () => {
  it('is edited (intake date only, or an alias) without its event being judged again', async () => {
    const session = await adminSession()
    const bytes = json({
      standard: 'HTCDS',
      cases: [
        {
          caseNumber: 'J-1',
          intakeDate: '2025-06-01',
          survivor: { prs_FirstName: 'Rivka', prs_Birthdate: '1960-01-01' },
          events: [
            { hte_Type: 'Recruitment', hte_Country: 'PL', hte_Date: '1945-03-01' },
            { hte_Type: 'Transit', hte_Country: 'PL', hte_Date: '1955-03-01' },
          ],
        },
      ],
    })
    const { report } = await importer(session)(bytes, { format: 'htcds-json', dryRun: false })
    expect(report).toMatchObject({ imported: 1, rejected: 0 })
    const { cases } = caseServicesFor(session)
    const id = session.db.prepare('SELECT id FROM cases').pluck().get() as number
    const stored = cases.get(id)
    const base = {
      id,
      survivor: stored.survivor.record,
      victim: stored.victim,
      events: stored.events.map((event) => ({ id: event.id, record: event.record })),
    }
    cases.update({
      ...base,
      version: cases.get(id).version,
      intakeDate: '2025-06-02',
      survivorAliases: [],
    } as never)
    cases.update({
      ...base,
      version: cases.get(id).version,
      intakeDate: '2025-06-02',
      survivorAliases: ['R'],
    } as never)
    expect(cases.get(id).intakeDate).toBe('2025-06-02')
    expect(cases.get(id).events.map((event) => event.record['hte_Date'])).toEqual([
      '1945-03-01',
      '1955-03-01',
    ])
  })
})
