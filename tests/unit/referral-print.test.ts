import { describe, expect, it } from 'vitest'
import { call, errorCode } from './support/temp-vault'
import { signInAs } from './support/case-fixtures'
import { caseWithReferral, referralAudit, step, survivorConsent } from './support/referral-fixtures'
import type { ReferralDetail, ReferralForm } from '../../main/api/contract'
import {
  buildReferralForm,
  releasedCategories,
  type ReferralFormSources,
} from '../../main/core/referrals/referral-print'

// survivorCase(): Olena Kovalenko, born 2001-07-02, Feminine, UA, alias Lena, ForcedLabour.
const OUTSIDE_IDENTITY_AND_NOTES = [
  '2001-07-02',
  'prs_Birthdate',
  'Feminine',
  'prs_Citizenship',
  '"UA"',
  'ForcedLabour',
  'vic_',
]

function fieldNames(form: ReferralForm): string[] {
  return form.sections.flatMap((section) => section.fields.map((field) => field.field))
}

describe('the printable referral form', () => {
  it('contains only what the consent covers: the other fields are absent from the output, not hidden', async () => {
    const { host, referral } = await caseWithReferral()
    await call(
      host,
      'referrals:recordConsent',
      survivorConsent(referral.id, { categories: ['identity', 'referralNotes'] }),
    )
    const form = await call<ReferralForm>(host, 'referrals:printForm', { id: referral.id })
    expect(form).toMatchObject({
      referralId: referral.id,
      referralDate: '2026-03-20',
      ourOrganisation: 'Safe Harbour Shelter',
      counterpartOrganisation: 'Harbour Legal Aid',
      servicesRequested: ['Legal'],
      urgency: 'priority',
      categories: ['identity', 'referralNotes'],
      consent: {
        givenBy: 'survivor',
        givenOn: '2026-03-19',
        purpose: 'Legal representation at the labour court',
      },
    })
    expect(fieldNames(form)).toEqual([
      'prs_FirstName',
      'prs_SecondName',
      'aliases',
      'cas_ReasonForOutgoingReferral',
      'cas_OutgoingReferralDetails',
    ])
    const text = JSON.stringify(form)
    expect(text).toContain('Olena')
    for (const outside of OUTSIDE_IDENTITY_AND_NOTES) expect(text).not.toContain(outside)
  })

  it('shows only the always-safe header when there is no consent, or it was withdrawn', async () => {
    const { host, referral } = await caseWithReferral()
    const bare = await call<ReferralForm>(host, 'referrals:printForm', { id: referral.id })
    expect(bare.consent).toBeNull()
    expect(bare.categories).toEqual([])
    expect(bare.sections).toEqual([])
    expect(JSON.stringify(bare)).not.toContain('Olena')
    expect(JSON.stringify(bare)).not.toContain('labour court hearing')

    const consented = await call<ReferralDetail>(
      host,
      'referrals:recordConsent',
      survivorConsent(referral.id, { categories: ['identity', 'dateOfBirth'] }),
    )
    await call(host, 'referrals:withdrawConsent', {
      referralId: referral.id,
      consentId: consented.consentInForce!.id,
      withdrawnOn: '2026-03-21',
    })
    const withdrawn = await call<ReferralForm>(host, 'referrals:printForm', { id: referral.id })
    expect(withdrawn.sections).toEqual([])
    expect(JSON.stringify(withdrawn)).not.toContain('2001-07-02')
  })

  it('narrows to what was actually shared when sent, and audits each printing with category codes only', async () => {
    const { host, referral } = await caseWithReferral()
    const consented = await call<ReferralDetail>(
      host,
      'referrals:recordConsent',
      survivorConsent(referral.id, { categories: ['identity', 'dateOfBirth', 'nationality', 'caseSummary'] }),
    )
    await step(host, consented, 'sent', { sharedCategories: ['dateOfBirth', 'caseSummary'] })
    const form = await call<ReferralForm>(host, 'referrals:printForm', { id: referral.id })
    expect(form.categories).toEqual(['dateOfBirth', 'caseSummary'])
    expect(fieldNames(form)).toEqual([
      'prs_Birthdate',
      'ageAtIntake',
      'caseNumber',
      'vic_TraffickingStatus',
      'vic_TypeOfExploitation',
    ])
    expect(JSON.stringify(form)).not.toContain('Olena')
    expect(JSON.stringify(form)).not.toContain('"UA"')

    const audit = await referralAudit(host, referral.id, 'bilal')
    expect(audit.at(-1)).toMatchObject({
      action: 'referral.form_printed',
      actor: 'bilal',
      details: { categories: ['dateOfBirth', 'caseSummary'] },
    })
    await signInAs(host, 'chen')
    expect(await errorCode(host, 'referrals:printForm', { id: referral.id })).toBe('FORBIDDEN')
  })

  it('never reads a source whose category is not released', () => {
    const read: string[] = []
    const sources: ReferralFormSources = {
      survivor: () => (
        read.push('survivor'),
        { record: { prs_FirstName: 'A' }, aliases: [], ageAtIntake: 30 }
      ),
      victim: () => (read.push('victim'), { vic_TraffickingStatus: 'X' }),
      caseNumber: () => (read.push('caseNumber'), 'SH-2026-0001'),
      screening: () => (read.push('screening'), { assessedOn: '2026-01-01', summaryRiskLevel: 'high' }),
      notes: () => (read.push('notes'), { reason: 'Other', details: 'd', direction: 'outgoing' }),
    }
    const header = {
      referralId: 1,
      direction: 'outgoing' as const,
      referralDate: '2026-03-20',
      ourOrganisation: 'Us',
      counterpartOrganisation: 'Them',
      serviceName: null,
      servicesRequested: [],
      urgency: 'routine' as const,
      consent: null,
      generatedOn: '2026-03-20',
    }
    const form = buildReferralForm(
      header,
      releasedCategories(['referralNotes', 'healthInformation'], null),
      sources,
    )
    expect(read).toEqual(['notes'])
    expect(form.categories).toEqual(['healthInformation', 'referralNotes'])
    expect(form.sections.map((section) => section.category)).toEqual(['referralNotes'])
    expect(releasedCategories(null, null)).toEqual([])
    expect(releasedCategories(['identity', 'gender'], ['gender', 'languages'])).toEqual(['gender'])
  })
})
