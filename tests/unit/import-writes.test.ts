import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { adminSession, csv, importer } from './support/import-fixtures'
import { createCaseService } from '../../main/core/cases/case-service'
import { createCaseInput } from '../../main/api/contract/cases'
import { isRealIsoDate } from '../../main/api/contract/dates'
import { isRealDate } from '../../main/core/import/iso-date'
import type { VaultSession } from '../../main/core/vault/vault-session'

/** What the vault holds for one case, without ids, numbers and clocks. */
function stored(session: VaultSession, caseNumber: string) {
  const db = session.db
  const row = db
    .prepare(
      `SELECT c.id, c.status, c.intake_date, c.age_at_intake, c.trafficking_status, c.details, c.victim,
              p.kind, p.display_name, p.birthdate, p.gender, p.citizenship, p.aliases, p.record
       FROM cases c JOIN persons p ON p.id = c.survivor_id WHERE c.case_number = ?`,
    )
    .get(caseNumber) as Record<string, unknown> & { id: number }
  const { id, ...fields } = row
  return {
    ...fields,
    types: db.prepare('SELECT code FROM case_exploitation_types WHERE case_id = ? ORDER BY code').all(id),
    events: db
      .prepare('SELECT type, event_date, country, record FROM trafficking_events WHERE case_id = ?')
      .all(id),
    search: db.prepare('SELECT names, notes FROM case_search WHERE rowid = ?').get(id),
  }
}

describe('what an import writes', () => {
  it('is what the case service writes for the same case: rows, types, event and search index', async () => {
    const session = await adminSession()
    const created = createCaseService(session).create(
      createCaseInput.parse({
        intakeDate: '2025-03-02',
        survivor: {
          prs_FirstName: 'Amina',
          prs_SecondName: 'Bello',
          prs_Birthdate: '2001-07-02',
          prs_Gender: 'Feminine',
          prs_Citizenship: ['NG', 'GH'],
        },
        survivorAliases: ['Mina', 'A.B.'],
        victim: {
          vic_TraffickingStatus: 'PossibleVictimOfTrafficking',
          vic_TypeOfExploitation: ['SexualExploitation', 'ForcedLabour'],
        },
        events: [{ record: { hte_Type: 'Recruitment', hte_Date: '2024-11-01', hte_Country: 'NG' } }],
      }),
    )
    const file = csv([
      [
        'caseNumber',
        'intakeDate',
        'survivorAliases',
        'prs_FirstName',
        'prs_SecondName',
        'prs_Birthdate',
        'prs_Gender',
        'prs_Citizenship',
        'vic_TraffickingStatus',
        'vic_TypeOfExploitation',
        'hte_Type',
        'hte_Date',
        'hte_Country',
      ],
      [
        'IMP-1',
        '2025-03-02',
        'Mina; A.B.',
        'Amina',
        'Bello',
        '2001-07-02',
        'Feminine',
        'NG;GH',
        'PossibleVictimOfTrafficking',
        'SexualExploitation;ForcedLabour',
        'Recruitment',
        '2024-11-01',
        'NG',
      ],
    ])
    const { report } = await importer(session)(file, { format: 'htcds-csv', dryRun: false })
    expect(report.imported).toBe(1)
    const imported = stored(session, 'IMP-1')
    expect(imported).toEqual(stored(session, created.caseNumber))
    expect(imported.search).toEqual({ names: 'Amina Bello · Mina · A.B.', notes: '' })
    expect(imported.types).toHaveLength(2)
    expect(imported.events).toHaveLength(1)
  })
})

describe('the import’s date check', () => {
  it('agrees with isRealIsoDate, quirks included (property)', () => {
    const digits = (length: number) =>
      fc
        .array(fc.constantFrom(...'0123456789'), { minLength: length, maxLength: length })
        .map((d) => d.join(''))
    const nearDate = fc.oneof(
      fc.tuple(digits(4), digits(2), digits(2)).map(([y, m, d]) => `${y}-${m}-${d}`),
      fc
        .date({
          min: new Date(Date.UTC(1, 0, 1)),
          max: new Date(Date.UTC(9999, 11, 31)),
          noInvalidDate: true,
        })
        .map((date) => date.toISOString().slice(0, 10)),
      fc.constantFrom('2024-02-29', '2023-02-29', '1900-02-29', '2000-02-29', '0099-01-01', '0100-01-01'),
      fc.constantFrom('2024-1-01', '2024-01-01 ', '２０２４-01-01', '2024/01/01', '+02024-01-01', ''),
      fc.string({ maxLength: 12 }),
    )
    fc.assert(
      fc.property(nearDate, (value) => {
        expect(isRealDate(value)).toBe(isRealIsoDate(value))
      }),
      { numRuns: 5000 },
    )
  })
})
