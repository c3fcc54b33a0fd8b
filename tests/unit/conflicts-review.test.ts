// A reviewing helper's hunt for lost updates: two people (or two programs on one data folder)
// changing the same thing. Each test failed on the code before its fix (session 21) and states what should happen.
import { describe, expect, it } from 'vitest'
import { call, testHost } from './support/temp-vault'
import { staffedHost } from './support/case-fixtures'
import { caseWithReferral, survivorConsent } from './support/referral-fixtures'
import type { DirectoryOrganisation, DirectoryService, ReferralDetail } from '../../main/api/contract'
import { SHELTER, legalAdvice, LAW_CENTRE } from './fixtures/hsds/directory-fixtures'

type Host = ReturnType<typeof testHost>['host']

/** The organisation as the edit dialog sends it back: its loaded fields, one of them changed. */
function organisationDraft(loaded: DirectoryOrganisation, change: Partial<DirectoryOrganisation>) {
  const merged = { ...loaded, ...change }
  return {
    id: merged.id,
    version: merged.version,
    name: merged.name,
    orgType: merged.orgType,
    description: merged.description,
    phone: merged.phone,
    email: merged.email,
    website: merged.website,
    address: merged.address,
    city: merged.city,
    region: merged.region,
    postalCode: merged.postalCode,
    country: merged.country,
    latitude: merged.latitude,
    longitude: merged.longitude,
  }
}

function serviceDraft(loaded: DirectoryService, change: Partial<DirectoryService>) {
  const merged = { ...loaded, ...change }
  return {
    id: merged.id,
    version: merged.version,
    organisationId: merged.organisationId,
    name: merged.name,
    description: merged.description,
    serviceTypes: merged.serviceTypes,
    phone: merged.phone,
    email: merged.email,
    languages: merged.languages,
    eligibilityNotes: merged.eligibilityNotes,
    openingHours: merged.openingHours,
    city: merged.city,
    country: merged.country,
  }
}

/** A second program on the same data folder, signed in as the supervisor dana. */
async function danaElsewhere(dataDir: string): Promise<Host> {
  const { host } = testHost(dataDir)
  await call(host, 'vault:unlock', { username: 'dana', passphrase: 'dana passphrase 12' })
  return host
}

describe('two keepers of the service directory editing the same entry', () => {
  // Amara (admin) and Dana (supervisor) both open "Safe Haven Shelter" to edit it. Dana puts in
  // the shelter's new intake phone number and saves. Amara, whose dialog still holds the old
  // number, corrects the e-mail address and saves: main writes her whole form over Dana's save.
  // The new phone number is gone without a word to either, and caseworkers go on calling a
  // number that no longer answers when they refer a survivor for an emergency bed.
  // Should: Amara's save is refused with CONFLICT (stale), nothing written, as for cases,
  // referrals, plans and perpetrators. Cause: main/core/directory/directory-service.ts:86-87
  // (saveOrganisation updates by id alone; saveOrganisationInput carries no version/updatedAt).
  it('refuses an organisation edit made on a stale copy instead of erasing the newer phone number', async () => {
    const { host: amaraHost, dataDir } = await staffedHost('amara')
    const shelter = await call<DirectoryOrganisation>(amaraHost, 'directory:saveOrganisation', SHELTER)
    const danaHost = await danaElsewhere(dataDir)

    const danasCopy = await call<DirectoryOrganisation>(danaHost, 'directory:getOrganisation', {
      id: shelter.id,
    })
    const amarasCopy = await call<DirectoryOrganisation>(amaraHost, 'directory:getOrganisation', {
      id: shelter.id,
    })
    await call(
      danaHost,
      'directory:saveOrganisation',
      organisationDraft(danasCopy, { phone: '+44 113 496 0777' }),
    )

    const amarasSave = await amaraHost.dispatch(
      'directory:saveOrganisation',
      organisationDraft(amarasCopy, { email: 'beds@safehaven.example.org' }),
    )
    const stored = await call<DirectoryOrganisation>(amaraHost, 'directory:getOrganisation', {
      id: shelter.id,
    })
    expect({
      amarasSave: amarasSave.ok ? 'OK' : amarasSave.error.code,
      phone: stored.phone,
    }).toEqual({ amarasSave: 'CONFLICT', phone: '+44 113 496 0777' })
  })

  // The same for a service: Dana adds Ukrainian to the languages of "Immigration legal advice";
  // Amara, from a dialog opened before, changes its opening hours: Ukrainian disappears, and a
  // caseworker looking for a service in the survivor's language no longer finds it.
  // Cause: main/core/directory/directory-service.ts:121-133 (saveService: no version either).
  it('refuses a service edit made on a stale copy instead of erasing a language added meanwhile', async () => {
    const { host: amaraHost, dataDir } = await staffedHost('amara')
    const lawCentre = await call<DirectoryOrganisation>(amaraHost, 'directory:saveOrganisation', LAW_CENTRE)
    const advice = await call<DirectoryService>(amaraHost, 'directory:saveService', {
      ...legalAdvice(lawCentre.id),
      languages: ['en', 'ro'],
    })
    const danaHost = await danaElsewhere(dataDir)

    const danasCopy = await call<DirectoryService>(danaHost, 'directory:getService', { id: advice.id })
    const amarasCopy = await call<DirectoryService>(amaraHost, 'directory:getService', { id: advice.id })
    await call(danaHost, 'directory:saveService', serviceDraft(danasCopy, { languages: ['en', 'ro', 'uk'] }))

    const amarasSave = await amaraHost.dispatch(
      'directory:saveService',
      serviceDraft(amarasCopy, { openingHours: 'Mon–Sat 09:00–17:00' }),
    )
    const stored = await call<DirectoryService>(amaraHost, 'directory:getService', { id: advice.id })
    expect({
      amarasSave: amarasSave.ok ? 'OK' : amarasSave.error.code,
      languages: stored.languages,
    }).toEqual({ amarasSave: 'CONFLICT', languages: ['en', 'ro', 'uk'] })
  })
})

describe('withdrawing a consent from a referral opened before a new consent was recorded', () => {
  // Bilal's screen shows the survivor's consent of 19 March (identity, contact details, notes).
  // Meanwhile his supervisor Dana, on her computer, records that this consent was withdrawn and
  // that the survivor gave a new, written consent (also covering health information) for the
  // clinic. Bilal, from his screen still showing the old consent, clicks "Withdraw consent"
  // (the survivor had told him on the phone she took back the *old* one). Main withdraws
  // whatever consent is in force: the new written consent, which Bilal never saw, is recorded as
  // withdrawn by him, and the referral can no longer be sent. The survivor's actual wish is
  // reversed without anyone being told. Should: a withdrawal names the consent (or the referral
  // version) it was made from; a stale one is CONFLICT (stale) and changes nothing.
  // Cause: main/core/referrals/referral-service.ts:294-307 and referral-repository.ts:140-142
  // (withdrawConsentInput is { referralId, withdrawnOn }: "the one in force", whichever it is).
  it('does not withdraw a consent recorded after the screen was loaded', async () => {
    const { host: bilalHost, dataDir, referral } = await caseWithReferral()
    const withOld = await call<ReferralDetail>(
      bilalHost,
      'referrals:recordConsent',
      survivorConsent(referral.id),
    )
    const oldConsentId = withOld.consentInForce!.id

    // Dana (supervisor, sees every case) in another program on the same data folder.
    const danaHost = await danaElsewhere(dataDir)
    await call(danaHost, 'referrals:withdrawConsent', {
      referralId: referral.id,
      consentId: oldConsentId,
      withdrawnOn: '2026-03-20',
    })
    const withNew = await call<ReferralDetail>(
      danaHost,
      'referrals:recordConsent',
      survivorConsent(referral.id, {
        givenOn: '2026-03-20',
        purpose: 'Written consent for the clinic referral',
        categories: ['identity', 'contactDetails', 'referralNotes', 'healthInformation'],
      }),
    )
    const newConsentId = withNew.consentInForce!.id
    expect(newConsentId).not.toBe(oldConsentId)

    // Bilal's screen still shows the old consent (withOld): he withdraws "it".
    const result = await bilalHost.dispatch('referrals:withdrawConsent', {
      referralId: withOld.id,
      consentId: withOld.consentInForce!.id,
      withdrawnOn: '2026-03-21',
    })
    const now = await call<ReferralDetail>(danaHost, 'referrals:get', { id: referral.id })
    expect({
      result: result.ok ? 'OK' : result.error.code,
      inForce: now.consentInForce?.id ?? null,
    }).toEqual({ result: 'CONFLICT', inForce: newConsentId })
  })
})
