import { describe, expect, it } from 'vitest'
import { call, errorCode } from './support/temp-vault'
import { signInAs, staffedHost } from './support/case-fixtures'
import type { AuditEntry, DirectoryOrganisation, DirectoryService } from '../../main/api/contract'
import { LAW_CENTRE, SHELTER, legalAdvice, seedDirectory } from './fixtures/hsds/directory-fixtures'

describe('service directory: organisations and services', () => {
  it('creates and updates an organisation, keeping its id and HSDS id', async () => {
    const { host } = await staffedHost('amara')
    const created = await call<DirectoryOrganisation>(host, 'directory:saveOrganisation', SHELTER)
    expect(created).toMatchObject({
      name: 'Safe Haven Shelter',
      orgType: 'NGO',
      country: 'GB',
      latitude: 53.7997,
      active: true,
      serviceCount: 0,
    })
    expect(created.hsdsId).toMatch(/^[0-9a-f-]{36}$/)
    const updated = await call<DirectoryOrganisation>(host, 'directory:saveOrganisation', {
      ...SHELTER,
      id: created.id,
      version: created.version,
      name: 'Safe Haven Shelter North',
      phone: '',
    })
    expect(updated).toMatchObject({
      id: created.id,
      hsdsId: created.hsdsId,
      name: 'Safe Haven Shelter North',
    })
    // A blank field means "not known": stored as null, not as an empty string.
    expect(updated.phone).toBeNull()
    expect(await call(host, 'directory:getOrganisation', { id: created.id })).toEqual(updated)
  })

  it('saves services with spl_Type types and languages, and finds them by type, text and status', async () => {
    const { host } = await staffedHost('dana')
    const { shelter, lawCentre, advice, beds, closed } = await seedDirectory(host)
    expect(advice).toMatchObject({
      organisationId: lawCentre.id,
      organisationName: 'Northern Law Centre',
      organisationType: 'LegalService',
      serviceTypes: ['Legal'],
      languages: ['en', 'ro', 'uk'],
      eligibilityNotes: 'Adults with a positive reasonable-grounds decision.',
      active: true,
    })
    expect(beds.serviceTypes).toEqual(['Health', 'SocialCare'])
    const names = async (input: unknown) =>
      (await call<DirectoryService[]>(host, 'directory:listServices', input)).map((service) => service.name)
    expect(await names(undefined)).toEqual([
      'Drop-in clinic',
      'Emergency shelter beds',
      'Immigration legal advice',
    ])
    expect(await names({ serviceType: 'Health' })).toEqual(['Drop-in clinic', 'Emergency shelter beds'])
    expect(await names({ serviceType: 'Health', activeOnly: true })).toEqual(['Emergency shelter beds'])
    expect(await names({ orgType: 'LegalService' })).toEqual(['Immigration legal advice'])
    expect(await names({ query: 'reasonable-grounds' })).toEqual(['Immigration legal advice'])
    expect(await names({ query: 'law centre' })).toEqual(['Immigration legal advice'])
    // LIKE wildcards typed by the user are taken literally.
    expect(await names({ query: '%' })).toEqual([])
    expect(await names({ organisationId: shelter.id })).toEqual(['Drop-in clinic', 'Emergency shelter beds'])
    expect(closed.active).toBe(false)
    const organisations = await call<DirectoryOrganisation[]>(host, 'directory:listOrganisations', {
      orgType: 'NGO',
    })
    expect(organisations.map((organisation) => [organisation.name, organisation.serviceCount])).toEqual([
      ['Safe Haven Shelter', 2],
    ])
  })

  it('deactivates instead of deleting: the service stays readable and leaves active lists', async () => {
    const { host } = await staffedHost('amara')
    const { lawCentre, advice } = await seedDirectory(host)
    const off = await call<DirectoryService>(host, 'directory:setServiceActive', {
      id: advice.id,
      active: false,
    })
    expect(off.active).toBe(false)
    expect(await call<DirectoryService>(host, 'directory:getService', { id: advice.id })).toMatchObject({
      name: 'Immigration legal advice',
      active: false,
    })
    await call(host, 'directory:setServiceActive', { id: advice.id, active: true })
    // An inactive organisation takes its services out of active lists, whatever their own flag.
    const lawCentreOff = await call<DirectoryOrganisation>(host, 'directory:setOrganisationActive', {
      id: lawCentre.id,
      active: false,
    })
    const active = await call<DirectoryService[]>(host, 'directory:listServices', { activeOnly: true })
    expect(active.map((service) => service.name)).toEqual(['Emergency shelter beds'])
    expect(await call<DirectoryService>(host, 'directory:getService', { id: advice.id })).toMatchObject({
      active: true,
      organisationActive: false,
    })
    // Updating without `active` keeps the current status.
    const renamed = await call<DirectoryOrganisation>(host, 'directory:saveOrganisation', {
      ...LAW_CENTRE,
      id: lawCentre.id,
      version: lawCentreOff.version,
      name: 'Northern Law Centre CIC',
    })
    expect(renamed.active).toBe(false)
  })

  it('writes one audit row per change, with ids only', async () => {
    const { host } = await staffedHost('dana')
    const { advice, lawCentre } = await seedDirectory(host)
    const off = await call<DirectoryService>(host, 'directory:setServiceActive', {
      id: advice.id,
      active: false,
    })
    await call(host, 'directory:saveService', {
      ...legalAdvice(lawCentre.id),
      id: advice.id,
      version: off.version,
      name: 'Legal clinic',
    })
    await signInAs(host, 'amara')
    const audit = await call<AuditEntry[]>(host, 'audit:list', { limit: 50 })
    const directoryRows = audit.filter((entry) => entry.action.startsWith('directory.')).reverse()
    expect(directoryRows.map((entry) => [entry.actor, entry.action, entry.target])).toEqual([
      ['dana', 'directory.organisation_created', expect.stringMatching(/^directory_organisation:\d+$/)],
      ['dana', 'directory.organisation_created', `directory_organisation:${lawCentre.id}`],
      ['dana', 'directory.service_created', `directory_service:${advice.id}`],
      ['dana', 'directory.service_created', expect.stringMatching(/^directory_service:\d+$/)],
      ['dana', 'directory.service_created', expect.stringMatching(/^directory_service:\d+$/)],
      ['dana', 'directory.service_deactivated', `directory_service:${advice.id}`],
      ['dana', 'directory.service_updated', `directory_service:${advice.id}`],
    ])
    const serialised = JSON.stringify(directoryRows)
    for (const text of ['Legal clinic', 'Safe Haven', 'reasonable-grounds', 'Manchester']) {
      expect(serialised).not.toContain(text)
    }
  })
})

describe('service directory: who may do what', () => {
  it('lets caseworkers read but not change it, and keeps analysts out', async () => {
    const { host } = await staffedHost('amara')
    const { advice, lawCentre } = await seedDirectory(host)
    await signInAs(host, 'bilal')
    expect(
      (await call<DirectoryService[]>(host, 'directory:listServices', { activeOnly: true })).length,
    ).toBe(2)
    expect((await call<DirectoryService>(host, 'directory:getService', { id: advice.id })).name).toBe(
      'Immigration legal advice',
    )
    expect(await errorCode(host, 'directory:saveOrganisation', SHELTER)).toBe('FORBIDDEN')
    expect(await errorCode(host, 'directory:saveService', legalAdvice(lawCentre.id))).toBe('FORBIDDEN')
    expect(await errorCode(host, 'directory:setServiceActive', { id: advice.id, active: false })).toBe(
      'FORBIDDEN',
    )
    expect(await errorCode(host, 'directory:importPreview', { files: [] })).toBe('FORBIDDEN')
    expect(await errorCode(host, 'directory:export', { format: 'hsds-json' })).toBe('FORBIDDEN')

    await signInAs(host, 'eli')
    for (const channel of ['directory:listServices', 'directory:listOrganisations'])
      expect(await errorCode(host, channel, {})).toBe('FORBIDDEN')
    expect(await errorCode(host, 'directory:getService', { id: advice.id })).toBe('FORBIDDEN')

    await signInAs(host, 'dana')
    expect(await errorCode(host, 'directory:setServiceActive', { id: advice.id, active: false })).toBe('OK')

    await signInAs(host, 'amara')
    const denied = (await call<AuditEntry[]>(host, 'audit:list', { limit: 50 })).filter(
      (entry) => entry.action === 'access.denied',
    )
    expect(denied.map((entry) => [entry.actor, entry.details?.['channel']])).toContainEqual([
      'bilal',
      'directory:saveOrganisation',
    ])
    expect(denied.map((entry) => entry.actor)).toContain('eli')
  })
})

describe('service directory: bad input', () => {
  it.each([
    ['an empty name', { name: '  ' }],
    ['a name over 300 characters', { name: 'x'.repeat(301) }],
    ['an unknown organisation type', { orgType: 'Bakery' }],
    ['a country that is not ISO 3166', { country: 'XX' }],
    ['a lower-case country', { country: 'gb' }],
    ['an email that is not one', { email: 'call us' }],
    ['a website without http(s)', { website: 'javascript:alert(1)' }],
    ['a phone number that is words', { phone: 'ask for Maria' }],
    ['a latitude beyond 90', { latitude: 91 }],
    ['a latitude as text', { latitude: '53.8' }],
    ['an unknown property', { owner: 'someone' }],
  ])('refuses an organisation with %s', async (_, change) => {
    const { host } = await staffedHost('amara')
    expect(await errorCode(host, 'directory:saveOrganisation', { ...SHELTER, ...change })).toBe('VALIDATION')
    expect(await call<DirectoryOrganisation[]>(host, 'directory:listOrganisations')).toEqual([])
  })

  it('refuses services with unknown types, languages or organisations, and unknown ids', async () => {
    const { host } = await staffedHost('amara')
    const { lawCentre, advice } = await seedDirectory(host)
    const base = legalAdvice(lawCentre.id)
    expect(await errorCode(host, 'directory:saveService', { ...base, serviceTypes: ['Haircut'] })).toBe(
      'VALIDATION',
    )
    expect(await errorCode(host, 'directory:saveService', { ...base, languages: ['english'] })).toBe(
      'VALIDATION',
    )
    expect(await errorCode(host, 'directory:saveService', { ...base, organisationId: 9999 })).toBe(
      'NOT_FOUND',
    )
    expect(await errorCode(host, 'directory:saveService', { ...base, id: 9999 })).toBe('NOT_FOUND')
    expect(await errorCode(host, 'directory:saveOrganisation', { ...SHELTER, id: 9999 })).toBe('NOT_FOUND')
    expect(await errorCode(host, 'directory:getService', { id: -1 })).toBe('VALIDATION')
    expect(await errorCode(host, 'directory:getOrganisation', { id: 9999 })).toBe('NOT_FOUND')
    expect(await errorCode(host, 'directory:listServices', { serviceType: 'Haircut' })).toBe('VALIDATION')
    expect(await errorCode(host, 'directory:listServices', { query: 'x'.repeat(201) })).toBe('VALIDATION')
    // Nothing above changed the service.
    expect(await call(host, 'directory:getService', { id: advice.id })).toEqual(advice)
  })
})
