// Checks a reviewing helper tried against today's fixes (5b32349..31ec95b) that held: legitimate
// work the new rules must not refuse, and the fixes' holes tried another way. Kept as regression tests.
import { describe, expect, it } from 'vitest'
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { ADMIN, TEST_KDF, call, errorCode, tempDir, testHost } from './support/temp-vault'
import { createCase, staffedHost } from './support/case-fixtures'
import { outgoingReferral, survivorConsent } from './support/referral-fixtures'
import { walkInScreening } from './support/screening-fixtures'
import { adminSession, importer, json } from './support/import-fixtures'
import { createApiHost } from '../../main/api/host'
import { readHeader } from '../../main/core/vault/vault-header'
import type {
  AssessmentDetail,
  DirectoryOrganisation,
  DirectoryService,
  ReferralDetail,
  SupportPlan,
} from '../../main/api/contract'

const BILAL = {
  username: 'bilal',
  displayName: 'Bilal Haddad',
  role: 'caseworker',
  passphrase: 'bilal passphrase 1',
}

const codeOf = (result: { ok: boolean; error?: { code: string } }) => (result.ok ? 'OK' : result.error!.code)

async function adminHost(dataDir = tempDir()) {
  const { host } = testHost(dataDir)
  const { recoveryKey } = await call<{ recoveryKey: string }>(host, 'vault:create', ADMIN)
  return { host, dataDir, recoveryKey }
}

type Host = Awaited<ReturnType<typeof adminHost>>['host']

async function transition(host: Host, referral: ReferralDetail, to: string, on: string) {
  const { id, version } = referral
  return call<ReferralDetail>(host, 'referrals:transition', { id, version, to, on })
}

describe('historic casework is still recorded by hand', () => {
  it('a referral of 2019 goes through consent, sending, answer and completion on its own dates', async () => {
    const { host } = await staffedHost('bilal')
    const { id: caseId } = await createCase(host)
    let referral = await call<ReferralDetail>(
      host,
      'referrals:create',
      outgoingReferral(caseId, { referralDate: '2019-05-01' }),
    )
    referral = await call<ReferralDetail>(
      host,
      'referrals:recordConsent',
      survivorConsent(referral.id, { givenOn: '2019-04-30' }),
    )
    referral = await transition(host, referral, 'sent', '2019-05-02')
    referral = await transition(host, referral, 'accepted', '2019-05-02') // same day as the step before
    referral = await transition(host, referral, 'in_progress', '2019-05-10')
    referral = await transition(host, referral, 'completed', '2019-09-30')
    expect(referral.status).toBe('completed')
  })

  it('a plan of 2019 can be closed with its actual end in 2019, and one ended today too', async () => {
    const { host } = await staffedHost('bilal')
    const { id: caseId } = await createCase(host)
    const plan = await call<SupportPlan>(host, 'referrals:createSupportPlan', {
      caseId,
      type: 'Legal',
      objectives: 'Court hearing support',
      startDate: '2019-05-10',
    })
    const closed = await call<SupportPlan>(host, 'referrals:updateSupportPlan', {
      id: plan.id,
      version: plan.version,
      type: 'Legal',
      objectives: 'Court hearing support',
      startDate: '2019-05-10',
      status: 'completed',
      actualEndDate: '2019-09-30',
    })
    expect(closed.status).toBe('completed')
  })

  it('a referral, its consent and its steps may be dated the UTC day just after midnight UTC', async () => {
    // 00:30 UTC: in UTC it is already the 10th; the rule is "today here or in UTC".
    const host = createApiHost({
      dataDir: tempDir(),
      kdf: TEST_KDF,
      allowKdfBelowFloor: true,
      clock: () => new Date('2026-06-10T00:30:00Z'),
    })
    try {
      await call(host, 'vault:create', ADMIN)
      const { id: caseId } = await createCase(host)
      let referral = await call<ReferralDetail>(
        host,
        'referrals:create',
        outgoingReferral(caseId, { referralDate: '2026-06-10' }),
      )
      referral = await call<ReferralDetail>(
        host,
        'referrals:recordConsent',
        survivorConsent(referral.id, { givenOn: '2026-06-10' }),
      )
      referral = await transition(host, referral, 'sent', '2026-06-10')
      expect(referral.status).toBe('sent')
    } finally {
      host.dispose()
    }
  })
})

describe('importing old casework', () => {
  it('a case with a referral of 1998 whose steps were recorded out of order still imports as recorded', async () => {
    const session = await adminSession()
    const { report } = await importer(session)(
      json({
        standard: 'HTCDS',
        cases: [
          {
            caseNumber: 'J-1998',
            intakeDate: '1998-03-01',
            survivor: { prs_FirstName: 'Awa' },
            referrals: [
              {
                key: 'R1',
                direction: 'outgoing',
                status: 'accepted',
                urgency: 'routine',
                referralDate: '1998-03-02',
                organisation: 'Legal Aid Centre',
                consents: [
                  { givenBy: 'survivor', givenOn: '1998-03-02', purpose: 'Legal', categories: ['identity'] },
                ],
                history: [
                  { from: 'sent', to: 'accepted', changedOn: '1998-03-03' },
                  { from: 'draft', to: 'sent', changedOn: '1998-03-05' },
                ],
              },
            ],
            supportPlans: [
              {
                referral: 'R1',
                status: 'completed',
                startDate: '1998-03-10',
                htcds: { spl_Type: 'Legal', spl_Objectives: 'Permit', spl_ActualEndDate: '1998-12-01' },
              },
            ],
          },
        ],
      }),
      { format: 'htcds-json', dryRun: false },
    )
    expect(report).toMatchObject({ imported: 1, rejected: 0 })
  })
})

describe('screenings and their cases', () => {
  it('a caseworker keeps seeing the walk-in they screened once it is linked to their own case', async () => {
    const { host } = await staffedHost('bilal')
    const olena = await createCase(host)
    const walkIn = await walkInScreening(host)
    await call(host, 'screening:linkToCase', { id: walkIn.id, caseId: olena.id })
    const read = await call<AssessmentDetail>(host, 'screening:getAssessment', { id: walkIn.id })
    expect(read.caseId).toBe(olena.id)
  })

  it('a walk-in used by a referral of a case can still be linked to that same case', async () => {
    const { host } = await staffedHost('bilal')
    const olena = await createCase(host)
    const walkIn = await walkInScreening(host)
    await call(host, 'referrals:create', outgoingReferral(olena.id, { assessmentId: walkIn.id }))
    expect(await errorCode(host, 'screening:linkToCase', { id: walkIn.id, caseId: olena.id })).toBe('OK')
  })

  it('a walk-in used by a referral of another case cannot be opened as a new case either, and no case is left behind', async () => {
    const { host } = await staffedHost('bilal')
    const olena = await createCase(host)
    const walkIn = await walkInScreening(host)
    await call(host, 'referrals:create', outgoingReferral(olena.id, { assessmentId: walkIn.id }))
    const before = (await call<{ total: number }>(host, 'cases:list', {})).total
    expect(await errorCode(host, 'screening:convertToCase', { id: walkIn.id })).toBe('CONFLICT')
    expect((await call<{ total: number }>(host, 'cases:list', {})).total).toBe(before)
  })
})

describe('directory services', () => {
  it('a service no referral was made to still moves to another organisation', async () => {
    const { host } = await staffedHost('amara')
    const orgA = await call<DirectoryOrganisation>(host, 'directory:saveOrganisation', { name: 'Org A' })
    const orgB = await call<DirectoryOrganisation>(host, 'directory:saveOrganisation', { name: 'Org B' })
    const beds = await call<DirectoryService>(host, 'directory:saveService', {
      organisationId: orgA.id,
      name: 'Shelter beds',
    })
    const moved = await call<DirectoryService>(host, 'directory:saveService', {
      id: beds.id,
      version: beds.version,
      organisationId: orgB.id,
      name: 'Shelter beds',
    })
    expect(moved.organisationId).toBe(orgB.id)
  })

  it('a service referrals were made to can still be renamed in its own organisation', async () => {
    const { host } = await staffedHost('amara')
    const orgA = await call<DirectoryOrganisation>(host, 'directory:saveOrganisation', { name: 'Org A' })
    const beds = await call<DirectoryService>(host, 'directory:saveService', {
      organisationId: orgA.id,
      name: 'Shelter beds',
    })
    const { id: caseId } = await createCase(host)
    await call(
      host,
      'referrals:create',
      outgoingReferral(caseId, { organisationName: null, serviceId: beds.id }),
    )
    const renamed = await call<DirectoryService>(host, 'directory:saveService', {
      id: beds.id,
      version: beds.version,
      organisationId: orgA.id,
      name: 'Emergency shelter beds',
    })
    expect(renamed.name).toBe('Emergency shelter beds')
  })
})

describe('users and the vault', () => {
  it('two creations of one name differing only in case, at once: one CONFLICT, and the other unlocks', async () => {
    const { host } = await adminHost()
    const results = await Promise.all([
      host.dispatch('users:create', BILAL),
      host.dispatch('users:create', { ...BILAL, username: 'Bilal', passphrase: 'capital letter one' }),
    ])
    expect(results.map(codeOf).sort()).toEqual(['CONFLICT', 'OK'])
    const created = results[0]!.ok ? BILAL.passphrase : 'capital letter one'
    await call(host, 'vault:lock')
    expect(await errorCode(host, 'vault:unlock', { username: 'bilal', passphrase: created })).toBe('OK')
  })

  it('a correct current passphrase after two wrong ones still changes it', async () => {
    const { host } = await adminHost()
    for (const guess of ['wrong guess one!', 'wrong guess two!'])
      expect(
        await errorCode(host, 'vault:changePassphrase', {
          currentPassphrase: guess,
          newPassphrase: 'x'.repeat(16),
        }),
      ).toBe('WRONG_PASSPHRASE')
    expect(
      await errorCode(host, 'vault:changePassphrase', {
        currentPassphrase: ADMIN.passphrase,
        newPassphrase: 'a brand new passphrase',
      }),
    ).toBe('OK')
    await call(host, 'vault:lock')
    expect(
      await errorCode(host, 'vault:unlock', { username: 'amara', passphrase: 'a brand new passphrase' }),
    ).toBe('OK')
  })

  it('an admin may still reset another admin’s passphrase', async () => {
    const { host } = await adminHost()
    await call(host, 'users:create', { ...BILAL, username: 'farah', role: 'admin' })
    expect(
      await errorCode(host, 'users:resetPassphrase', {
        username: 'farah',
        newPassphrase: 'reset for farah 1',
      }),
    ).toBe('OK')
  })

  it('the recovery-key unlock still rebuilds a lost vault.json', async () => {
    const { host, dataDir, recoveryKey } = await adminHost()
    await call(host, 'vault:lock')
    rmSync(join(dataDir, 'vault.json'))
    expect(
      await errorCode(host, 'vault:unlockWithRecoveryKey', {
        recoveryKey,
        username: 'amara',
        newPassphrase: 'after losing vault.json',
      }),
    ).toBe('OK')
    expect(readHeader(dataDir).slots.map((slot) => slot.username)).toEqual(['amara'])
  })

  it('a session of a user still active goes on after another program deactivated someone else', async () => {
    const { host: manager, dataDir } = await adminHost()
    await call(manager, 'users:create', BILAL)
    await call(manager, 'users:create', { ...BILAL, username: 'chen', passphrase: 'chen passphrase 12' })
    await call(manager, 'vault:lock')
    const { host: bilal } = testHost(dataDir)
    await call(bilal, 'vault:unlock', { username: 'bilal', passphrase: BILAL.passphrase })
    await call(manager, 'vault:unlock', { username: 'amara', passphrase: ADMIN.passphrase })
    await call(manager, 'users:deactivate', { username: 'chen' })
    expect(await errorCode(bilal, 'cases:list', {})).toBe('OK')
    await call(bilal, 'vault:lock')
  })
})
