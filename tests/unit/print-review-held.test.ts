// Print views hunt (reviewing helper): behaviour of the printable referral form and the screening
// read behind the print view that was checked on a real vault and found holding.
import { describe, expect, it } from 'vitest'
import { call, errorCode } from './support/temp-vault'
import { signInAs, staffedHost, survivorCase } from './support/case-fixtures'
import { caseWithReferral, survivorConsent } from './support/referral-fixtures'
import { walkInScreening } from './support/screening-fixtures'
import type { AuditEntry, CaseDetail, ReferralForm } from '../../main/api/contract'

async function auditRows(host: Awaited<ReturnType<typeof staffedHost>>['host'], then: string) {
  await signInAs(host, 'amara')
  const rows = await call<AuditEntry[]>(host, 'audit:list', { limit: 500 })
  await signInAs(host, then)
  return rows
}

describe('the printable referral form (held)', () => {
  it('prints the survivor as saved now: a name corrected on the case is the name on the form', async () => {
    const { host, caseId, referral } = await caseWithReferral()
    await call(host, 'referrals:recordConsent', survivorConsent(referral.id, { categories: ['identity'] }))
    const saved = await call<CaseDetail>(host, 'cases:get', { id: caseId })
    await call(host, 'cases:update', {
      ...survivorCase({
        survivor: { ...survivorCase().survivor, prs_FirstName: 'Olha' },
      }),
      id: caseId,
      version: saved.version,
      assignedUserId: saved.assignedUserId,
    })
    const form = await call<ReferralForm>(host, 'referrals:printForm', { id: referral.id })
    const text = JSON.stringify(form)
    expect(text).toContain('Olha')
    expect(text).not.toContain('Olena')
  })

  it('files each printing under the case, naming the referral and category codes only', async () => {
    const { host, caseId, referral } = await caseWithReferral()
    await call(
      host,
      'referrals:recordConsent',
      survivorConsent(referral.id, { categories: ['identity', 'contactDetails', 'referralNotes'] }),
    )
    await call(host, 'referrals:printForm', { id: referral.id })
    const printed = (await auditRows(host, 'bilal')).filter((row) => row.action === 'referral.form_printed')
    expect(printed).toHaveLength(1)
    expect(printed[0]).toMatchObject({ actor: 'bilal', target: `case:${caseId}` })
    expect(printed[0]!.details).toEqual({
      referralId: referral.id,
      categories: ['identity', 'contactDetails', 'referralNotes'],
    })
    expect(JSON.stringify(printed[0])).not.toMatch(/Olena|Kovalenko|Lena|labour court|Harbour Legal/)
  })

  it('refuses an analyst and another caseworker in main, and writes no printing row for them', async () => {
    const { host, referral } = await caseWithReferral()
    await call(host, 'referrals:recordConsent', survivorConsent(referral.id))
    await signInAs(host, 'eli')
    expect(await errorCode(host, 'referrals:printForm', { id: referral.id })).toBe('FORBIDDEN')
    await signInAs(host, 'chen')
    expect(await errorCode(host, 'referrals:printForm', { id: referral.id })).toBe('FORBIDDEN')
    const rows = await auditRows(host, 'chen')
    expect(rows.filter((row) => row.action === 'referral.form_printed')).toEqual([])
  })

  it('refuses a hostile id payload with VALIDATION, not a crash', async () => {
    const { host } = await caseWithReferral()
    for (const input of [{ id: '1 OR 1=1' }, { id: -1 }, { id: 1.5 }, {}, { id: null }])
      expect(['VALIDATION', 'NOT_FOUND']).toContain(await errorCode(host, 'referrals:printForm', input))
    expect(await errorCode(host, 'referrals:printForm', { id: 999_999 })).toBe('NOT_FOUND')
  })
})

describe('the screening read behind the print view (held)', () => {
  it('refuses the print view’s read to a caseworker who neither screened nor holds the case', async () => {
    const { host } = await staffedHost('bilal')
    const screening = await walkInScreening(host)
    await signInAs(host, 'chen')
    expect(await errorCode(host, 'screening:getAssessment', { id: screening.id })).toBe('FORBIDDEN')
    await signInAs(host, 'eli')
    expect(await errorCode(host, 'screening:getAssessment', { id: screening.id })).toBe('FORBIDDEN')
  })
})
