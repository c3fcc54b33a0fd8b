// What a new referral may point at, checked in main against a renderer that sends other ids. Found
// by a reviewing helper (failed before): a referral of case A could carry case B's screening (the
// printed form then showed B's risk level on A's form).
import { describe, expect, it } from 'vitest'
import { errorCode } from './support/temp-vault'
import { createCase, staffedHost, survivorCase } from './support/case-fixtures'
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
