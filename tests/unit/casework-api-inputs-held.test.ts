// Checks of screening, referrals, the service directory and support plans that the code passes
// (a hostile renderer, a careless user): kept as regression tests. This half: hostile referral
// payloads, hostile HSDS files and screening scores at the thresholds; who may write what is in
// casework-api-access-held.test.ts.
import { describe, expect, it } from 'vitest'
import { call, errorCode } from './support/temp-vault'
import { staffedHost } from './support/case-fixtures'
import { caseWithReferral, outgoingReferral, survivorConsent } from './support/referral-fixtures'
import { jsonFiles } from './support/directory-files'
import type { DirectoryImportReport, DirectoryOrganisation, ReferralDetail } from '../../main/api/contract'
import { computeOutcome, templateDefinitionSchema } from '../../main/api/contract'

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`

describe('hostile referral payloads', () => {
  it('are refused with VALIDATION before SQL, never INTERNAL', async () => {
    const { host, caseId, referral } = await caseWithReferral()
    const base = { id: referral.id, version: referral.version, to: 'sent', on: '2026-03-21' }
    const cases: [string, unknown][] = [
      ['referrals:get', { id: '1' }],
      ['referrals:get', { id: 2 ** 63 }],
      ['referrals:transition', { ...base, version: 0 }],
      ['referrals:transition', { ...base, on: '2026-02-30' }],
      ['referrals:transition', { ...base, to: 'teleported' }],
      ['referrals:transition', { ...base, sharedCategories: ['identity', 'identity'] }],
      ['referrals:transition', { ...base, note: 'x'.repeat(2001) }],
      ['referrals:create', outgoingReferral(caseId, { details: 'x'.repeat(20_001) })],
      ['referrals:create', outgoingReferral(caseId, { servicesRequested: ['Legal', 'Legal'] })],
      ['referrals:create', outgoingReferral(caseId, { organisationId: 1.5 } as never)],
      ['referrals:create', { ...outgoingReferral(caseId), organisationName: null }],
      [
        'referrals:create',
        outgoingReferral(caseId, { urgency: "routine'); DROP TABLE referrals;--" } as never),
      ],
      ['referrals:list', { status: Array.from({ length: 1000 }, () => 'sent') }],
      ['referrals:list', { limit: 1_000_000 }],
      ['referrals:recordConsent', survivorConsent(referral.id, { categories: [] })],
      ['referrals:recordConsent', survivorConsent(referral.id, { categories: ['everything'] } as never)],
      ['referrals:createSupportPlan', { caseId, type: 'Legal', objectives: '   ', startDate: '2026-03-01' }],
      [
        'referrals:updateSupportPlan',
        { id: 1, version: 1, type: 'Legal', objectives: 'x', startDate: '2026-03-01', status: 'completed' },
      ],
    ]
    for (const [channel, input] of cases)
      expect(await errorCode(host, channel, input), `${channel} ${JSON.stringify(input).slice(0, 80)}`).toBe(
        'VALIDATION',
      )
    expect((await call<ReferralDetail>(host, 'referrals:get', { id: referral.id })).version).toBe(
      referral.version,
    )
  })
})

describe('hostile HSDS files', () => {
  it('survive __proto__ keys, deep nesting and case-twin ids without pollution, crash or half-write', async () => {
    const { host } = await staffedHost('amara')
    const proto = `{"organizations":[{"__proto__":{"name":"Polluted","polluted":true},"id":"${uuid(1)}","name":"Harbour Legal Aid"}]}`
    const run = await call<DirectoryImportReport>(host, 'directory:importRun', jsonFiles(proto))
    expect(run.imported).toBe(true)
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined()
    const csv = `id,name,__proto__,constructor\n${uuid(2)},Riverside Clinic,{},x\n`
    const csvRun = await call<DirectoryImportReport>(
      host,
      'directory:importRun',
      jsonFiles(csv, 'organizations.csv'),
    )
    expect(csvRun.imported).toBe(true)
    const names = (await call<DirectoryOrganisation[]>(host, 'directory:listOrganisations')).map(
      (o) => o.name,
    )
    expect(names).toEqual(['Harbour Legal Aid', 'Riverside Clinic'])

    const deep = `{"organizations":${'['.repeat(100_000)}${']'.repeat(100_000)}}`
    const deepResult = await host.dispatch('directory:importPreview', jsonFiles(deep))
    expect(deepResult.ok ? 'OK' : deepResult.error.code).not.toBe('INTERNAL')

    const twins = JSON.stringify({
      organizations: [
        { id: uuid(3), name: 'A' },
        { id: uuid(3).toUpperCase(), name: 'B' },
      ],
    })
    const twinRun = await call<DirectoryImportReport>(host, 'directory:importRun', jsonFiles(twins))
    expect(twinRun).toMatchObject({ imported: false, errorCount: 1 })
    expect((await call<DirectoryOrganisation[]>(host, 'directory:listOrganisations')).length).toBe(2)
  })

  it('caps 20 000 bad rows at 500 errors while counting them all, quickly', async () => {
    const { host } = await staffedHost('amara')
    const many = JSON.stringify({
      organizations: Array.from({ length: 20_000 }, () => ({ id: 'x', name: 5, email: 3 })),
    })
    const started = Date.now()
    const report = await call<DirectoryImportReport>(host, 'directory:importRun', jsonFiles(many))
    expect(Date.now() - started).toBeLessThan(5000)
    expect({ imported: report.imported, shown: report.errors.length }).toEqual({
      imported: false,
      shown: 500,
    })
    expect(report.errorCount).toBe(60_000)
    expect(JSON.stringify(report.errors)).not.toMatch(/"value"/)
  })
})

describe('screening scores at the thresholds', () => {
  const template = templateDefinitionSchema.parse({
    key: 'edges',
    name: 'Edges',
    thresholds: { mediumAt: 3, highAt: 5 },
    sections: [
      {
        level: 'individual',
        title: 'Individual',
        questions: [
          { key: 'a', text: 'A', type: 'factor', weight: 2 },
          { key: 'b', text: 'B', type: 'factor', weight: 1 },
          { key: 'c', text: 'C', type: 'factor', weight: 2 },
          {
            key: 'z',
            text: 'Zero-weight critical',
            type: 'yesNo',
            yesMeans: 'risk',
            weight: 0,
            critical: true,
          },
        ],
      },
      {
        level: 'household',
        title: 'Household',
        questions: [{ key: 'p', text: 'P', type: 'factor', weight: 1 }],
      },
      { level: 'community', title: 'Community', questions: [] },
    ],
  })
  it.each([
    [{ a: 'risk' }, 2, 'low'],
    [{ a: 'risk', b: 'risk' }, 3, 'medium'],
    [{ a: 'risk', b: 'risk', c: 'risk', p: 'protective' }, 4, 'medium'],
    [{ a: 'risk', b: 'risk', c: 'risk' }, 5, 'high'],
    [{ z: 'yes' }, 0, 'high'],
    [{ z: 'no', a: 'protective', p: 'protective' }, 0, 'low'],
  ] as const)('answers %j score %i and give %s', (answers, score, level) => {
    const outcome = computeOutcome(template, answers)
    expect({ score: outcome.score, level: outcome.computedLevel }).toEqual({ score, level })
  })
})
