// De-identified exports (analyst and up): CaseVault's columns, CTDC's 63 columns, aggregate
// tables. What must never be in them is asserted on the bytes of the file.
import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { generateX25519Identity, identityToRecipient } from 'age-encryption'
import { call, errorCode } from './support/temp-vault'
import { csvHeader, csvRecords, decryptFile, untar } from './support/export-files'
import type { ExportResult } from '../../main/api/contract'
import { DEIDENTIFIED_SQL, EXPLOITATION_COUNTRY_SQL } from '../../main/core/export/deidentified-source'
import { htcds, isPiiField } from '../../main/core/htcds'
import { analystVault, CTDC_63, expectNoneOf, PLAINTEXT, secrets } from './support/deidentified-fixtures'

describe('de-identified export (CaseVault columns)', () => {
  it('keeps the lookalikes, hides the outlier, and carries no identifier, date or free text', async () => {
    const { host, created } = await analystVault()
    const result = await call<ExportResult>(host, 'export:run', {
      format: 'deidentified-csv',
      protection: PLAINTEXT,
    })
    const bytes = readFileSync(result.file!)
    expectNoneOf(bytes, secrets(created))
    const rows = csvRecords(bytes)
    expect(result.rows).toBe(rows.length)
    expect(result.report).toMatchObject({ k: 5, inputRows: 7, suppressedRows: 1, outputRows: 6 })
    expect(rows).toHaveLength(6)
    for (const row of rows) {
      expect(row).toMatchObject({
        year_of_intake: '2026',
        sex: 'Feminine',
        age_band: '24-26',
        minor_when_trafficked: 'Adult',
        citizenship: 'UA',
        country_of_exploitation: 'PL',
        exploitation_types: 'ForcedLabour',
        methods_of_control: 'DebtBondage;PhysicalThreats',
        forced_labour_industry: 'A_CropAndAnimalProductionHuntingAndRelatedServiceActivities',
        relationship_to_trafficker: 'Acquainted',
      })
      expect(row.row_id).toMatch(/^[0-9a-f-]{36}$/)
    }
    expect(new Set(rows.map((row) => row.row_id)).size).toBe(6)
  })

  it('can be encrypted to an age public key of the organisation instead of a passphrase', async () => {
    const { host, created } = await analystVault()
    const identity = await generateX25519Identity()
    const result = await call<ExportResult>(host, 'export:run', {
      format: 'deidentified-csv',
      protection: { recipients: [await identityToRecipient(identity)] },
    })
    expect(result).toMatchObject({ encrypted: true })
    expect(result.file).toMatch(/-deidentified-csv-\d{4}-\d{2}-\d{2}\.csv\.age$/)
    const plain = await decryptFile(result.file!, identity)
    expect(csvRecords(plain)).toHaveLength(6)
    expectNoneOf(plain, secrets(created))
  })
})

describe('de-identified scope', () => {
  it('covers whole years only, so two exports cannot be differenced down to a day', async () => {
    const { host } = await analystVault()
    const run = (scope: object) =>
      errorCode(host, 'export:run', { format: 'deidentified-csv', protection: PLAINTEXT, scope })
    expect(await run({ intakeFrom: '2026-03-14' })).toBe('VALIDATION')
    expect(await run({ intakeTo: '2026-06-30' })).toBe('VALIDATION')
    expect(await run({ intakeFrom: '2026-01-01', intakeTo: '2026-12-31' })).toBe('OK')
  })
})

describe('CTDC export', () => {
  it('has exactly the 63 CTDC columns in a stable order, with 0/1 flags from the mapping', async () => {
    const { host, created } = await analystVault()
    const result = await call<ExportResult>(host, 'export:run', { format: 'ctdc-csv', protection: PLAINTEXT })
    const bytes = readFileSync(result.file!)
    expect(csvHeader(bytes)).toEqual(CTDC_63)
    expectNoneOf(bytes, secrets(created))
    const rows = csvRecords(bytes)
    expect(rows).toHaveLength(6)
    expect(rows[0]).toMatchObject({
      yearOfRegistration: '2026',
      Datasource: 'Case Management',
      gender: 'Female',
      ageBroad: '24--26',
      majorityStatus: 'Adult',
      majorityStatusAtExploit: 'Adult',
      majorityEntry: 'Adult',
      citizenship: 'UA',
      CountryOfExploitation: 'PL',
      meansOfControlDebtBondage: '1',
      meansOfControlThreats: '1',
      meansOfControlSexualAbuse: '0',
      meansOfControlRestrictsMovement: '', // no HTCDS code: unknown, not "no"
      meansOfControlNotSpecified: '0',
      meansOfControlConcatenated: 'Debt bondage;Threats',
      isForcedLabour: '1',
      isSexualExploit: '0',
      isSexAndLabour: '0',
      typeOfExploitConcatenated: 'Forced labour',
      typeOfLabourAgriculture: '1',
      typeOfLabourConstruction: '0',
      typeOfLabourConcatenated: 'Agriculture',
      typeOfSexProstitution: '', // not a sexual-exploitation case: does not apply
      isAbduction: '',
      RecruiterRelationship: 'Friend',
      recruiterRelationFriend: '1',
      recruiterRelationFamily: '0',
      recruiterRelationUnknown: '0',
    })
  })
})

describe('aggregate tables', () => {
  it('counts by sex × age band × exploitation type and leaves out every cell under 5', async () => {
    const { host, created } = await analystVault()
    const result = await call<ExportResult>(host, 'export:run', {
      format: 'aggregates-csv',
      protection: PLAINTEXT,
    })
    const files = await untar(readFileSync(result.file!))
    expect([...files.keys()]).toEqual([
      'year-sex-age-exploitation.csv',
      'year-citizenship-country-of-exploitation.csv',
    ])
    for (const [name, bytes] of files) {
      expectNoneOf(bytes, secrets(created))
      for (const row of csvRecords(bytes)) expect(Number(row.cases), name).toBeGreaterThanOrEqual(5)
    }
    expect(csvRecords(files.get('year-sex-age-exploitation.csv')!)).toEqual([
      {
        year_of_intake: '2026',
        sex: 'Feminine',
        age_band: '24-26',
        exploitation_type: 'ForcedLabour',
        cases: '6',
      },
    ])
    // Only the cases the de-identified rows show are counted: the outlier, withheld there, is not
    // (counted, a cell minus the rows gave its details away).
    expect(result.report).toMatchObject({ inputRows: 6, suppressedRows: 1, suppressedTableCells: 0 })
    expect(JSON.stringify([...files.values()].map(String))).not.toMatch(/OrganRemoval|AF|IR|Transgender/)
  })
})

describe('the de-identified path never reads PII', () => {
  it('names no PII field, name, birthdate, free-text or case-number column in its SQL', () => {
    const sql = `${DEIDENTIFIED_SQL}\n${EXPLOITATION_COUNTRY_SQL}`
    const pii = htcds.sections.flatMap((section) => section.fields.filter((f) => f.pii).map((f) => f.name))
    for (const name of pii) expect(sql.includes(name), name).toBe(false)
    const columns = [
      'display_name',
      'birthdate',
      'aliases',
      'record',
      'case_number',
      'body',
      'closure_reason',
    ]
    const tables = ['details', 'case_comments', 'case_perpetrators', 'attachments', 'case_search']
    for (const word of [...columns, ...tables]) expect(sql.includes(word), word).toBe(false)
    // JSON is read only from the victim column, and only at named, coded, non-PII fields.
    expect([...sql.matchAll(/json_extract\(([\w.]+)/g)].map((match) => match[1])).toEqual([
      'c.victim',
      'c.victim',
      'c.victim',
    ])
    const paths = [...sql.matchAll(/'\$\.(\w+)'/g)].map((match) => match[1]!)
    expect(paths.length).toBeGreaterThan(5)
    for (const path of paths) {
      expect(path).toMatch(/^vic_/)
      expect(isPiiField(path), path).toBe(false)
    }
  })
})
