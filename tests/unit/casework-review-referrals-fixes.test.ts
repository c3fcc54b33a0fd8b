// Screening, referrals, the service directory and support plans, from a reviewing helper's hunt;
// each test failed before its fix. This half, referrals, plans and the directory: dates in the
// future or in 1026 were taken (a referral, a consent, a plan's actual end, a step before the step
// it follows), a service referrals were made to could move to another organisation, and a
// partner's HSDS file reactivated a deactivated organisation. Screenings are in
// casework-review-screenings-fixes.test.ts.
import { describe, expect, it } from 'vitest'
import { call, errorCode } from './support/temp-vault'
import { createCase, staffedHost } from './support/case-fixtures'
import {
  caseWithReferral,
  daysFromToday,
  outgoingReferral,
  step,
  survivorConsent,
} from './support/referral-fixtures'
import { code } from './support/result-code'
import type {
  DirectoryImportReport,
  DirectoryOrganisation,
  DirectoryService,
  ReferralDetail,
  SupportPlan,
} from '../../main/api/contract'

describe('the date of a referral itself', () => {
  // User: a caseworker types 2027 for 2026 (or the renderer sends next year). What happens: the
  // referral is saved dated in the future; its steps must then be dated on or after that date and
  // not in the future, so it can never be sent until the typo is noticed. Steps, consents and
  // intake dates all refuse the future. What should happen: VALIDATION on referralDate.
  // Cause: main/core/referrals/referral-service.ts:71-95 (`contentRow` checks the directory ids,
  // never referralDate; create/update at :147 and :172).
  it('is refused when in the future', async () => {
    const { host } = await staffedHost('bilal')
    const { id: caseId } = await createCase(host)
    expect(
      await errorCode(
        host,
        'referrals:create',
        outgoingReferral(caseId, { referralDate: daysFromToday(400) }),
      ),
    ).toBe('VALIDATION')
  })

  // User: types 1026 for 2026 in a referral date or a consent date. What happens: both are saved
  // (a screening date or an intake date with the same typo is refused: EARLIEST_INTAKE_DATE,
  // "1026 for 2026 was taken (found by a reviewing helper)"); the consent "given in 1026" then
  // gates sending. What should happen: VALIDATION, as for intake and screening dates.
  // Cause: referral-service.ts contentRow (:71) and recordConsent (:233) check no earliest date.
  it('and the date of a consent are refused a thousand years early (typo for 2026)', async () => {
    const { host, caseId, referral } = await caseWithReferral()
    expect({
      referralDate: await errorCode(
        host,
        'referrals:create',
        outgoingReferral(caseId, { referralDate: '1026-03-20' }),
      ),
      consentGivenOn: await errorCode(
        host,
        'referrals:recordConsent',
        survivorConsent(referral.id, { givenOn: '1026-03-19' }),
      ),
    }).toEqual({ referralDate: 'VALIDATION', consentGivenOn: 'VALIDATION' })
  })
})

describe('the steps of a referral, in order', () => {
  // User: records "sent on 25 March", then "accepted on 21 March" (a typo). What happens: both are
  // saved; the history says the partner accepted the referral four days before it was sent, and
  // the HTCDS incoming/outgoing dates and reports read nonsense. What should happen: VALIDATION on
  // `on` ("before the previous step"). Cause: main/core/referrals/referral-service.ts:193-194
  // compares `on` only with referral_date and today, never with the last step's changed_on. (The
  // first history row is dated the day it was recorded, not the referral date, so the check must
  // compare with the last real step — or that row should carry the referral date.)
  it('refuses a step dated before the step it follows', async () => {
    const { host, referral } = await caseWithReferral() // referral date 2026-03-20
    let current = await call<ReferralDetail>(host, 'referrals:recordConsent', survivorConsent(referral.id))
    current = await step(host, current, 'sent', { on: '2026-03-25' })
    expect(
      await errorCode(host, 'referrals:transition', {
        id: current.id,
        version: current.version,
        to: 'accepted',
        on: '2026-03-21',
      }),
    ).toBe('VALIDATION')
  })
})

describe('a support plan finished in the future', () => {
  // User: marks a plan completed and types next year as the actual end date. What happens: it is
  // saved as completed "on" a date that has not come; the plan leaves the dashboard reminders as
  // finished. Steps and consents refuse future dates (fixed earlier); an *actual* end date is a
  // fact, not a plan. What should happen: VALIDATION on actualEndDate.
  // Cause: main/core/support-plans/support-plan-service.ts:117-135 (update) and
  // main/api/contract/referrals.ts:176-195 check only end ≥ start.
  it('is refused: an actual end date cannot be in the future', async () => {
    const { host } = await staffedHost('bilal')
    const { id: caseId } = await createCase(host)
    const plan = await call<SupportPlan>(host, 'referrals:createSupportPlan', {
      caseId,
      type: 'Legal',
      objectives: 'Court hearing support',
      startDate: '2026-03-01',
    })
    expect(
      await errorCode(host, 'referrals:updateSupportPlan', {
        id: plan.id,
        version: plan.version,
        type: 'Legal',
        objectives: 'Court hearing support',
        startDate: '2026-03-01',
        status: 'completed',
        actualEndDate: daysFromToday(400),
      }),
    ).toBe('VALIDATION')
  })
})

describe('moving a directory service that referrals point at to another organisation', () => {
  // User: a supervisor edits "Shelter beds" and picks Org B as its organisation (or an HSDS import
  // does it by HSDS id). What happens: referrals already made to that service still say Org A,
  // now with a service of Org B (the printed form names Org A and B's service); and the draft
  // referral can no longer be saved unchanged: referrals:update answers VALIDATION "this service
  // belongs to another organisation" for the values the referral itself holds. What should
  // happen: the move is refused while referrals point at the service (CONFLICT; create a new
  // service instead), or the referrals are kept consistent.
  // Cause: main/core/directory/directory-service.ts:107-124 (saveService updates organisation_id
  // with no look at referrals.service_id); referral-service.ts:77 then refuses the pair.
  it('leaves no referral naming one organisation with a service of another', async () => {
    const { host } = await staffedHost('amara')
    const orgA = await call<DirectoryOrganisation>(host, 'directory:saveOrganisation', { name: 'Org A' })
    const orgB = await call<DirectoryOrganisation>(host, 'directory:saveOrganisation', { name: 'Org B' })
    const beds = await call<DirectoryService>(host, 'directory:saveService', {
      organisationId: orgA.id,
      name: 'Shelter beds',
    })
    const { id: caseId } = await createCase(host)
    const created = await call<ReferralDetail>(
      host,
      'referrals:create',
      outgoingReferral(caseId, { organisationName: null, serviceId: beds.id }),
    )
    await host.dispatch('directory:saveService', {
      id: beds.id,
      version: beds.version,
      organisationId: orgB.id,
      name: 'Shelter beds',
    })
    const referral = await call<ReferralDetail>(host, 'referrals:get', { id: created.id })
    const service = await call<DirectoryService>(host, 'directory:getService', { id: beds.id })
    const resaved = await host.dispatch('referrals:update', {
      id: referral.id,
      version: referral.version,
      organisationId: referral.organisationId,
      serviceId: referral.serviceId,
      counterpartCaseworker: referral.counterpartCaseworker,
      reason: referral.reason,
      details: referral.details,
      servicesRequested: referral.servicesRequested,
      urgency: referral.urgency,
      referralDate: referral.referralDate,
      followUpDate: referral.followUpDate,
    })
    expect({ referralOrganisation: referral.organisationId, resaved: code(resaved) }).toEqual({
      referralOrganisation: service.organisationId,
      resaved: 'OK',
    })
  })
})

describe('importing a partner network’s HSDS directory', () => {
  // User: the shelter deactivated "Fake Jobs Agency" (found to be recruiting for traffickers). A
  // month later the manager imports the partner network's HSDS file, which lists the agency under
  // the same HSDS id (HSDS organizations have no status; only CaseVault's own exports carry the
  // casevault_active extension). What happens: the agency is silently reactivated and offered again
  // in the referral pickers; the report just says "1 updated". What should happen: a file that says
  // nothing about an organisation's activity leaves the local active flag as it is.
  // Cause: main/core/directory/hsds-to-directory.ts:198 (`active: object[EXTENSION] ?? true`) and
  // main/core/directory/hsds-import.ts:110 (updateOrganisation writes that default over the row).
  it('does not reactivate an organisation the shelter deactivated', async () => {
    const { host } = await staffedHost('amara')
    const agency = await call<DirectoryOrganisation>(host, 'directory:saveOrganisation', {
      name: 'Fake Jobs Agency',
    })
    await call(host, 'directory:setOrganisationActive', { id: agency.id, active: false })
    const file = JSON.stringify({
      organizations: [{ id: agency.hsdsId, name: 'Fake Jobs Agency', description: 'Jobs abroad' }],
    })
    const report = await call<DirectoryImportReport>(host, 'directory:importRun', {
      files: [{ name: 'partners.json', content: new TextEncoder().encode(file) }],
    })
    expect(report.imported).toBe(true)
    const after = await call<DirectoryOrganisation>(host, 'directory:getOrganisation', { id: agency.id })
    expect(after.active).toBe(false)
  })
})
