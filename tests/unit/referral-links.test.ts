// What a new referral may point at, checked in main against a renderer that sends other ids. Found
// by a reviewing helper (each failed before): a referral of case A could carry case B's screening
// (the printed form then showed B's risk level on A's form), and a deactivated service, or one of a
// deactivated organisation, was taken ("existing referrals keep a closed service": existing ones).
import { describe, expect, it } from 'vitest'
import { call, errorCode } from './support/temp-vault'
import { createCase, signInAs, staffedHost, survivorCase } from './support/case-fixtures'
import { outgoingReferral } from './support/referral-fixtures'
import { walkInScreening } from './support/screening-fixtures'

describe('a referral of one case with the screening of another', () => {
  it('is refused', async () => {
    const { host } = await staffedHost('dana')
    const olena = await createCase(host)
    const marta = await createCase(host, survivorCase({ survivor: { prs_FirstName: 'Marta' } }))
    const martasScreening = await walkInScreening(host, { subject: undefined, caseId: marta.id })
    expect(
      await errorCode(
        host,
        'referrals:create',
        outgoingReferral(olena.id, { assessmentId: martasScreening.id }),
      ),
    ).toBe('VALIDATION')
  })
})

describe('a new referral to an inactive directory entry', () => {
  it('is refused for a deactivated service, and for a service of a deactivated organisation', async () => {
    const { host } = await staffedHost('amara')
    const openOrg = await call<{ id: number }>(host, 'directory:saveOrganisation', { name: 'Open Clinic' })
    const closedOrg = await call<{ id: number }>(host, 'directory:saveOrganisation', { name: 'Shut Shelter' })
    const discontinued = await call<{ id: number }>(host, 'directory:saveService', {
      organisationId: openOrg.id,
      name: 'Discontinued legal desk',
      serviceTypes: ['Legal'],
    })
    const ofClosedOrg = await call<{ id: number }>(host, 'directory:saveService', {
      organisationId: closedOrg.id,
      name: 'Night shelter beds',
      serviceTypes: ['SocialCare'],
    })
    await call(host, 'directory:setServiceActive', { id: discontinued.id, active: false })
    await call(host, 'directory:setOrganisationActive', { id: closedOrg.id, active: false })
    await signInAs(host, 'bilal')
    const { id: caseId } = await createCase(host)
    const referTo = (serviceId: number) =>
      errorCode(host, 'referrals:create', outgoingReferral(caseId, { organisationName: null, serviceId }))
    expect({
      deactivatedService: await referTo(discontinued.id),
      serviceOfDeactivatedOrganisation: await referTo(ofClosedOrg.id),
    }).toEqual({ deactivatedService: 'VALIDATION', serviceOfDeactivatedOrganisation: 'VALIDATION' })
  })
})
