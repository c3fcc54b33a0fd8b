// Full HTCDS exports (supervisor and admin): content, encryption by default, plaintext only when
// confirmed, roles, and the audit row.
import { describe, expect, it } from 'vitest'
import { readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { execFileSync, spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { generateX25519Identity, identityToRecipient } from 'age-encryption'
import { call, errorCode, tempDir } from './support/temp-vault'
import { createCase, signInAs, staffedHost, survivorCase } from './support/case-fixtures'
import { csvHeader, csvRecords, decryptFile, untar } from './support/export-files'
import type { AuditEntry, CaseDetail, ExportResult } from '../../main/api/contract'

const EXPORT_PASSPHRASE = 'amber lantern crosses seven frozen rivers'

async function vaultWithStory() {
  const staffed = await staffedHost('amara')
  const { host } = staffed
  const first = await createCase(host, {
    ...survivorCase(),
    victim: {
      vic_TraffickingStatus: 'ActualVictimOfTrafficking',
      vic_TypeOfExploitation: ['ForcedLabour', 'SexualExploitation'],
      vic_MethodsOfControl: ['DebtBondage', 'WithholdsDocuments'],
    },
    events: [
      { record: { hte_Type: 'Recruitment', hte_Date: '2025-11-01', hte_Country: 'UA' } },
      {
        record: {
          hte_Type: 'Exploitation',
          hte_Date: '2025-12-01',
          hte_Country: 'PL',
          hte_Description: 'Kept in a farm dormitory, "no phone", left at night',
        },
      },
    ],
  })
  await call(host, 'comments:add', {
    caseId: first.id,
    body: 'Met at the drop-in centre, needs an interpreter',
  })
  await call(host, 'perpetrators:add', {
    caseId: first.id,
    person: { prs_FirstName: 'Viktor', prs_SecondName: 'Marsh' },
    aliases: ['The Boss', '=HYPERLINK("http://x")'],
    context: { per_RoleInProcess: ['RecruiterOrIntermediary'], per_RoleDetails: 'Offered the farm job' },
  })
  const second = await createCase(host, {
    ...survivorCase(),
    intakeDate: '2025-02-03',
    survivor: { prs_FirstName: 'Ama', prs_Gender: 'Feminine', prs_Citizenship: ['GH', 'NG'] },
    survivorAliases: [],
    events: [],
  })
  return { ...staffed, first, second }
}

function auditExports(entries: AuditEntry[]) {
  return entries.filter((entry) => entry.action === 'export.created')
}

describe('HTCDS JSON export', () => {
  it('writes every case with survivor, victim, details, events, perpetrators and comments, encrypted', async () => {
    const { host, first } = await vaultWithStory()
    const result = await call<ExportResult>(host, 'export:run', {
      format: 'htcds-json',
      protection: { passphrase: EXPORT_PASSPHRASE },
    })
    expect(result).toMatchObject({ rows: 2, encrypted: true, report: null })
    expect(result.file).toMatch(/CaseVault-Safe-Harbour-Shelter-htcds-json-\d{4}-\d{2}-\d{2}\.json\.age$/)
    const raw = readFileSync(result.file!)
    expect(raw.subarray(0, 21).toString()).toBe('age-encryption.org/v1')
    expect(raw.includes(Buffer.from('Olena'))).toBe(false)

    const document = JSON.parse((await decryptFile(result.file!, EXPORT_PASSPHRASE)).toString('utf8'))
    expect(document).toMatchObject({
      standard: 'HTCDS',
      version: '2.0',
      schemaVersion: expect.any(Number),
      organisation: 'Safe Harbour Shelter',
      attachments: expect.stringContaining('not included'),
    })
    expect(document.cases).toHaveLength(2)
    const exported = document.cases.find((one: { caseNumber: string }) => one.caseNumber === first.caseNumber)
    expect(exported).toMatchObject({
      status: 'Active',
      intakeDate: '2026-03-14',
      assignedTo: 'amara',
      survivor: { prs_FirstName: 'Olena', prs_Birthdate: '2001-07-02', prs_Citizenship: ['UA'] },
      survivorAliases: ['Lena'],
      victim: { vic_MethodsOfControl: ['DebtBondage', 'WithholdsDocuments'] },
      details: {},
      perpetrators: [
        {
          person: { prs_FirstName: 'Viktor', prs_SecondName: 'Marsh' },
          aliases: ['The Boss', '=HYPERLINK("http://x")'],
          context: {
            per_RoleInProcess: ['RecruiterOrIntermediary'],
            per_RoleDetails: 'Offered the farm job',
          },
        },
      ],
      comments: [{ body: 'Met at the drop-in centre, needs an interpreter', author: 'amara' }],
    })
    expect(exported.events.map((event: { hte_Type: string }) => event.hte_Type)).toEqual([
      'Recruitment',
      'Exploitation',
    ])
  })

  it('limits the export to an intake date range', async () => {
    const { host, second } = await vaultWithStory()
    const result = await call<ExportResult>(host, 'export:run', {
      format: 'htcds-json',
      protection: { plaintext: true, confirmed: true },
      scope: { intakeFrom: '2025-01-01', intakeTo: '2025-12-31' },
    })
    const document = JSON.parse(readFileSync(result.file!, 'utf8'))
    expect(document.cases.map((one: CaseDetail) => one.caseNumber)).toEqual([second.caseNumber])
    expect(document.scope).toEqual({ intakeFrom: '2025-01-01', intakeTo: '2025-12-31' })
  })

  it('refuses a range that ends before it starts, instead of writing and logging an empty export', async () => {
    const { host } = await vaultWithStory()
    const before = auditExports(await call<AuditEntry[]>(host, 'audit:list', { limit: 100 })).length
    expect(
      await errorCode(host, 'export:run', {
        format: 'htcds-json',
        protection: { plaintext: true, confirmed: true },
        scope: { intakeFrom: '2026-12-31', intakeTo: '2025-01-01' },
      }),
    ).toBe('VALIDATION')
    expect(auditExports(await call<AuditEntry[]>(host, 'audit:list', { limit: 100 }))).toHaveLength(before)
  })
})

describe('HTCDS CSV export', () => {
  it('writes cases, events, perpetrators, comments and aliases as CSV tables keyed by case number', async () => {
    const { host, first, second } = await vaultWithStory()
    const result = await call<ExportResult>(host, 'export:run', {
      format: 'htcds-csv',
      protection: { plaintext: true, confirmed: true },
    })
    expect(result).toMatchObject({ rows: 2, encrypted: false })
    expect(result.file).toMatch(/\.tar$/)
    const files = await untar(readFileSync(result.file!))
    expect([...files.keys()]).toEqual([
      'cases.csv',
      'events.csv',
      'perpetrators.csv',
      'comments.csv',
      'aliases.csv',
      // Always there, with their headers, even when no case has a referral or plan (as here).
      'referrals.csv',
      'referral-consents.csv',
      'referral-status-history.csv',
      'support-plans.csv',
    ])
    expect(csvRecords(files.get('referrals.csv')!)).toEqual([])
    const header = csvHeader(files.get('cases.csv')!)
    expect(header.slice(0, 3)).toEqual(['case_number', 'intake_date', 'cas_Status'])
    expect(header).toContain('prs_FirstName')
    expect(header).toContain('vic_MethodsOfControl')
    // Deprecated in HTCDS 2.0, but a vault may hold them from an old file: last, never dropped.
    expect(header.slice(-3)).toEqual([
      'vic_AgreementToManagePersonalData',
      'vic_Vulnerabilities',
      'vic_DetailsOfVulnerabilities',
    ])
    const cases = csvRecords(files.get('cases.csv')!)
    const one = cases.find((row) => row.case_number === first.caseNumber)!
    expect(one).toMatchObject({
      prs_FirstName: 'Olena',
      prs_Birthdate: '2001-07-02',
      prs_Citizenship: 'UA',
      vic_TypeOfExploitation: 'ForcedLabour;SexualExploitation',
      cas_Status: 'Active',
      cas_CaseOwner: 'amara',
    })
    expect(cases.find((row) => row.case_number === second.caseNumber)!.prs_Citizenship).toBe('GH;NG')
    const events = csvRecords(files.get('events.csv')!)
    expect(events.map((event) => [event.case_number, event.event_number, event.hte_Country])).toEqual([
      [first.caseNumber, '1', 'UA'],
      [first.caseNumber, '2', 'PL'],
    ])
    expect(events[1]!.hte_Description).toBe('Kept in a farm dormitory, "no phone", left at night')
    expect(csvRecords(files.get('perpetrators.csv')!)[0]).toMatchObject({
      case_number: first.caseNumber,
      prs_FirstName: 'Viktor',
      per_RoleInProcess: 'RecruiterOrIntermediary',
    })
    expect(csvRecords(files.get('comments.csv')!)[0]!.body).toBe(
      'Met at the drop-in centre, needs an interpreter',
    )
    const aliases = csvRecords(files.get('aliases.csv')!).map((row) => [row.person?.split(':')[0], row.alias])
    // A spreadsheet would run a cell starting with "=": it is written as text instead.
    expect(aliases).toEqual([
      ['perpetrator', 'The Boss'],
      ['perpetrator', `'=HYPERLINK("http://x")`],
      ['survivor', 'Lena'],
    ])
  })
})

describe('export protection, roles and audit', () => {
  it('writes plaintext only with an explicit confirmation, and refuses weak passphrases', async () => {
    const { host, files } = await staffedHost('dana')
    await createCase(host)
    expect(
      await errorCode(host, 'export:run', { format: 'htcds-json', protection: { plaintext: true } }),
    ).toBe('VALIDATION')
    expect(await errorCode(host, 'export:run', { format: 'htcds-json', protection: {} })).toBe('VALIDATION')
    expect(
      await errorCode(host, 'export:run', {
        format: 'htcds-json',
        protection: { passphrase: 'password1234' },
      }),
    ).toBe('WEAK_PASSPHRASE')
    expect(readdirSync(files.folder)).toEqual([])
  })

  it('lets supervisors and admins export full records, analysts only de-identified data, caseworkers nothing', async () => {
    const { host, files } = await staffedHost('bilal')
    await createCase(host)
    const plaintext = { plaintext: true, confirmed: true }
    for (const format of ['htcds-json', 'htcds-csv', 'deidentified-csv', 'ctdc-csv', 'aggregates-csv']) {
      expect(await errorCode(host, 'export:run', { format, protection: plaintext }), format).toBe('FORBIDDEN')
    }
    await signInAs(host, 'eli')
    expect(await errorCode(host, 'export:run', { format: 'htcds-json', protection: plaintext })).toBe(
      'FORBIDDEN',
    )
    expect(await errorCode(host, 'export:run', { format: 'htcds-csv', protection: plaintext })).toBe(
      'FORBIDDEN',
    )
    expect(await errorCode(host, 'export:run', { format: 'ctdc-csv', protection: plaintext })).toBe('OK')
    expect(readdirSync(files.folder).filter((name) => name.includes('htcds'))).toEqual([])
    await signInAs(host, 'dana')
    expect(await errorCode(host, 'export:run', { format: 'htcds-csv', protection: plaintext })).toBe('OK')
  })

  it('records format, scope, row count and protection in the audit log, never content', async () => {
    const { host, files } = await staffedHost('amara')
    await createCase(host)
    files.cancelNextSave()
    expect(
      await call<ExportResult>(host, 'export:run', {
        format: 'htcds-json',
        protection: { passphrase: EXPORT_PASSPHRASE },
      }),
    ).toMatchObject({ file: null, rows: 0 })
    await call(host, 'export:run', { format: 'htcds-csv', protection: { plaintext: true, confirmed: true } })
    const audit = await call<AuditEntry[]>(host, 'audit:list', {})
    const rows = auditExports(audit)
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({
      actor: 'amara',
      details: {
        format: 'htcds-csv',
        scope: { intakeFrom: null, intakeTo: null },
        rows: 1,
        protection: 'plaintext',
      },
    })
    expect(JSON.stringify(audit)).not.toMatch(/Olena|Kovalenko|2001-07-02|Lena/)
  })

  it('keeps k at or above the organisation setting, which only an admin changes', async () => {
    const { host } = await staffedHost('amara')
    expect(await call(host, 'export:getSettings')).toEqual({ k: 5 })
    expect(await errorCode(host, 'export:updateSettings', { k: 3 })).toBe('VALIDATION')
    expect(await call(host, 'export:updateSettings', { k: 8 })).toEqual({ k: 8 })
    const plaintext = { plaintext: true, confirmed: true }
    expect(await errorCode(host, 'export:run', { format: 'ctdc-csv', protection: plaintext, k: 6 })).toBe(
      'VALIDATION',
    )
    const result = await call<ExportResult>(host, 'export:run', { format: 'ctdc-csv', protection: plaintext })
    expect(result.report?.k).toBe(8)
    await signInAs(host, 'eli')
    expect(await errorCode(host, 'export:updateSettings', { k: 5 })).toBe('FORBIDDEN')
  })
})

const ageInstalled = spawnSync('age', ['--version']).status === 0

describe('the standard age tool', () => {
  it.skipIf(!ageInstalled)('`age -d -i key` opens an export encrypted to the organisation key', async () => {
    const { host, first } = await vaultWithStory()
    const identity = await generateX25519Identity()
    const result = await call<ExportResult>(host, 'export:run', {
      format: 'htcds-csv',
      protection: { recipients: [await identityToRecipient(identity)] },
    })
    const keyFile = join(tempDir(), 'org.key')
    writeFileSync(keyFile, `${identity}\n`, { mode: 0o600 })
    const tarBytes = execFileSync('age', ['-d', '-i', keyFile, result.file!])
    const files = await untar(tarBytes)
    expect(csvRecords(files.get('cases.csv')!).map((row) => row.case_number)).toContain(first.caseNumber)
  })
})
