// Full HTCDS records carry the case's referrals (with consents and status history) and support
// plans: exported in both formats, imported into a new vault in the same transaction as the cases,
// and equal there when read through the referral and support-plan services.
import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { call, createdVault, errorCode } from './support/temp-vault'
import { signInAs, staffedHost } from './support/case-fixtures'
import { csvHeader, csvRecords, untar } from './support/export-files'
import {
  caseIdOf,
  caseworkAsRead,
  exportPlain,
  importInto,
  vaultWithCasework,
} from './support/casework-fixtures'
import { CASEWORK_SQL } from '../../main/core/export/full-records-casework'
import type { AuditEntry, ImportReport, ReferralPage } from '../../main/api/contract'

/** The incoming referral came from a directory service: the target stores both names as its label. */
const LABEL = 'Riverside Health Centre — Trauma counselling'

type Source = Awaited<ReturnType<typeof vaultWithCasework>>

/** What the target vault must read: the source's casework, with the changes an import makes. */
async function expectedAfterImport(source: Source) {
  const expected = await caseworkAsRead(source.host, source.story.id)
  for (const referral of expected.referrals) {
    if (referral.direction !== 'incoming') continue
    referral.organisationName = LABEL
    referral.serviceName = null
    referral.htcds = { ...referral.htcds, cas_ReferringOrganisation: LABEL }
  }
  // A plan in the target vault was written there by whoever imported it.
  for (const plan of expected.supportPlans) plan.createdByName = 'Dana Petrova'
  return expected
}

describe('full records carry referrals, consents and support plans', () => {
  it.each(['htcds-json', 'htcds-csv'] as const)(
    '%s: export → import into a new vault → the same referrals and plans',
    async (format) => {
      const source = await vaultWithCasework()
      const exported = await exportPlain(source.host, format)
      expect(exported.rows).toBe(2)

      const target = await staffedHost('dana')
      const { preview } = await importInto(target, exported.file!, format, true)
      expect(preview.report).toMatchObject({ dryRun: true, read: 2, valid: 2, rejected: 0, errorCount: 0 })
      // The dry run wrote nothing.
      expect((await call<ReferralPage>(target.host, 'referrals:list', {})).total).toBe(0)
      const report = await call<ImportReport>(target.host, 'import:run', { token: preview.token })
      expect(report).toMatchObject({ read: 2, imported: 2, rejected: 0, errorCount: 0 })

      const storyId = await caseIdOf(target.host, source.story.caseNumber)
      const imported = await caseworkAsRead(target.host, storyId)
      expect(imported).toEqual(await expectedAfterImport(source))
      // Spot checks of what the comparison covers.
      const outgoing = imported.referrals.find((referral) => referral.direction === 'outgoing')!
      expect(outgoing).toMatchObject({
        status: 'in_progress',
        organisationName: 'Harbour Legal Aid',
        outcome: '=First meeting held; next one in April',
        sharedCategories: ['identity', 'referralNotes'],
        primaryUserName: 'Bilal Haddad',
        nextStatuses: ['completed', 'closed_unsuccessful'],
      })
      expect(outgoing.history.map((entry) => entry.toStatus)).toEqual([
        'draft',
        'sent',
        'accepted',
        'in_progress',
      ])
      expect(outgoing.consents.map((consent) => consent.withdrawnOn)).toEqual(['2026-03-19', null])
      expect(outgoing.consentInForce).toMatchObject({ givenBy: 'guardian', givenByName: 'Iryna Kovalenko' })
      expect(imported.supportPlans.map((plan) => [plan.type, plan.referral])).toEqual([
        ['Legal', imported.referrals.indexOf(outgoing)],
        ['SocialCare', null],
      ])
      // The case without casework has none, and the screening's own referral stayed behind.
      const plainId = await caseIdOf(target.host, source.plain.caseNumber)
      expect(await caseworkAsRead(target.host, plainId)).toEqual({ referrals: [], supportPlans: [] })
      expect((await call<ReferralPage>(target.host, 'referrals:list', {})).total).toBe(2)
      expect((await call<ReferralPage>(source.host, 'referrals:list', {})).total).toBe(3)
      // No directory entry is made for the names.
      expect(await call<unknown[]>(target.host, 'directory:listOrganisations', {})).toEqual([])
    },
  )

  it('JSON: a referral has its cas_ view, names instead of ids, and plans point at it by key', async () => {
    const source = await vaultWithCasework()
    const exported = await exportPlain(source.host, 'htcds-json')
    const document = JSON.parse(readFileSync(exported.file!, 'utf8'))
    const story = document.cases.find(
      (one: { caseNumber: string }) => one.caseNumber === source.story.caseNumber,
    )
    expect(story.referrals.map((referral: { key: string }) => referral.key)).toEqual(['R1', 'R2'])
    expect(story.referrals[0]).toMatchObject({
      key: 'R1',
      direction: 'incoming',
      status: 'accepted',
      organisation: 'Riverside Health Centre',
      service: 'Trauma counselling',
      counterpartCaseworker: 'Dr. Sana Malik',
      primaryCaseworker: 'bilal',
      htcds: {
        cas_ReferringOrganisation: 'Riverside Health Centre',
        cas_ReferredOrganisation: 'Safe Harbour Shelter',
        cas_ReasonForIncomingReferral: 'MigrationOrChangeOfLocation',
        cas_IncomingReferralDate: '2026-03-16',
      },
      history: [
        { from: null, to: 'received', changedBy: 'bilal', note: null },
        { from: 'received', to: 'accepted', changedOn: '2026-03-16', changedBy: 'bilal', note: null },
      ],
      consents: [],
    })
    expect(story.referrals[1]).toMatchObject({
      key: 'R2',
      direction: 'outgoing',
      urgency: 'priority',
      referralDate: '2026-03-20',
      followUpDate: '2026-04-15',
      servicesRequested: ['Legal', 'SocialCare'],
      consents: [
        { givenBy: 'survivor', givenOn: '2026-03-19', withdrawnOn: '2026-03-19', recordedBy: 'bilal' },
        {
          givenBy: 'guardian',
          givenByName: 'Iryna Kovalenko',
          purpose: 'Legal representation at the labour court',
          categories: ['identity', 'referralNotes', 'caseSummary'],
          withdrawnOn: null,
        },
      ],
    })
    expect(story.supportPlans).toEqual([
      {
        referral: null,
        status: 'completed',
        startDate: '2026-03-14',
        followUpDate: null,
        outcome: 'Moved to a long-term flat',
        htcds: {
          spl_Type: 'SocialCare',
          spl_Objectives: 'Safe accommodation',
          spl_ActionPlan: null,
          spl_PlannedEndDate: null,
          spl_ActualEndDate: '2026-03-30',
        },
      },
      expect.objectContaining({ referral: 'R2', status: 'active', startDate: '2026-03-26' }),
    ])
    const text = JSON.stringify(story.referrals)
    expect(text).not.toMatch(/organisationId|serviceId|"id"/)
    const plain = document.cases.find(
      (one: { caseNumber: string }) => one.caseNumber === source.plain.caseNumber,
    )
    expect(plain).toMatchObject({ referrals: [], supportPlans: [] })
  })

  it('CSV: four tables beside cases.csv, joined by case number and referral key, cells guarded', async () => {
    const source = await vaultWithCasework()
    const exported = await exportPlain(source.host, 'htcds-csv')
    const files = await untar(readFileSync(exported.file!))
    expect([...files.keys()]).toEqual(
      expect.arrayContaining([
        'referrals.csv',
        'referral-consents.csv',
        'referral-status-history.csv',
        'support-plans.csv',
      ]),
    )
    expect(csvHeader(files.get('referrals.csv')!).slice(0, 3)).toEqual([
      'case_number',
      'referral_key',
      'direction',
    ])
    const referrals = csvRecords(files.get('referrals.csv')!)
    expect(referrals.map((row) => [row.case_number, row.referral_key, row.direction])).toEqual([
      [source.story.caseNumber, 'R1', 'incoming'],
      [source.story.caseNumber, 'R2', 'outgoing'],
    ])
    // A spreadsheet would run "=…" as a formula: the cell starts with an apostrophe instead.
    expect(referrals[1]).toMatchObject({
      services_requested: 'Legal;SocialCare',
      shared_categories: 'identity;referralNotes',
      outcome: "'=First meeting held; next one in April",
      cas_ReferredOrganisation: 'Harbour Legal Aid',
    })
    expect(csvRecords(files.get('referral-consents.csv')!).map((row) => row.referral_key)).toEqual([
      'R2',
      'R2',
    ])
    expect(csvRecords(files.get('referral-status-history.csv')!)).toHaveLength(6)
    expect(
      csvRecords(files.get('support-plans.csv')!).map((row) => [row.referral_key, row.spl_Type]),
    ).toEqual([
      ['', 'SocialCare'],
      ['R2', 'Legal'],
    ])
  })

  it('exports referrals only with cases in scope; caseworkers and analysts get no full records', async () => {
    const source = await vaultWithCasework()
    const scoped = await exportPlain(source.host, 'htcds-json', { intakeTo: '2025-12-31' })
    const document = JSON.parse(readFileSync(scoped.file!, 'utf8'))
    expect(document.cases.map((one: { caseNumber: string }) => one.caseNumber)).toEqual([
      source.plain.caseNumber,
    ])
    expect(document.cases[0]).toMatchObject({ referrals: [], supportPlans: [] })
    expect(readFileSync(scoped.file!, 'utf8')).not.toContain('Harbour Legal Aid')

    // The audit row holds format, scope and count: no names, no referral content.
    const audit = await call<AuditEntry[]>(source.host, 'audit:list', { limit: 5 })
    expect(audit.find((entry) => entry.action === 'export.created')?.details).toEqual({
      format: 'htcds-json',
      scope: { intakeFrom: null, intakeTo: '2025-12-31' },
      rows: 1,
      readAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      protection: 'plaintext',
    })
    for (const user of ['bilal', 'eli']) {
      await signInAs(source.host, user)
      expect(
        await errorCode(source.host, 'export:run', {
          format: 'htcds-json',
          scope: {},
          protection: { plaintext: true, confirmed: true },
        }),
      ).toBe('FORBIDDEN')
    }
  })

  it('reads a batch of cases’ casework through the indexes, without a sort or a table scan', async () => {
    const { vault } = await createdVault()
    const { db } = vault.session()!
    for (const sql of Object.values(CASEWORK_SQL)) {
      const plan = db
        .prepare<[{ after: number; last: number }], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`)
        .all({ after: 0, last: 1000 })
        .map((step) => step.detail)
      expect(plan.join('\n')).not.toMatch(/TEMP B-TREE|\bSCAN\b/)
      expect(plan[0]).toMatch(/USING (COVERING )?INDEX (referrals|support_plans)_by_case/)
    }
  })
})
