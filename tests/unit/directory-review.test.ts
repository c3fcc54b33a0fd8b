// Defects in the service directory and its HSDS exchange, from a reviewing helper's hunt.
// Each test states the expected behaviour; each failed on the code before its fix.
import { describe, expect, it } from 'vitest'
import { call } from './support/temp-vault'
import { staffedHost } from './support/case-fixtures'
import type { DirectoryImportReport, DirectoryOrganisation, DirectoryService } from '../../main/api/contract'
import { directoryContent, exportDirectory, importFiles } from './support/hsds-helpers'

describe('directory search in other scripts and with accents', () => {
  // Today: search is SQL LIKE, whose case folding is ASCII-only. A caseworker looking for the
  // Kyiv legal aid centre types "київ" and finds nothing, because the name is written "Київ…".
  // Case search (FTS5 with folding) finds names however they are capitalised; the directory
  // used for referrals must too.
  it('finds an organisation and its service whatever the case of a Cyrillic or Greek name', async () => {
    const { host } = await staffedHost('dana')
    const kyiv = await call<DirectoryOrganisation>(host, 'directory:saveOrganisation', {
      name: 'Київський центр правової допомоги',
      city: 'Київ',
    })
    await call<DirectoryService>(host, 'directory:saveService', {
      organisationId: kyiv.id,
      name: 'Юридична консультація',
      serviceTypes: ['Legal'],
    })
    await call<DirectoryOrganisation>(host, 'directory:saveOrganisation', { name: 'Ξενώνας Αθήνας' })
    const organisations = async (query: string) =>
      (await call<DirectoryOrganisation[]>(host, 'directory:listOrganisations', { query })).map((o) => o.name)
    const services = async (query: string) =>
      (await call<DirectoryService[]>(host, 'directory:listServices', { query })).map((s) => s.name)
    // Sanity: the exact spelling is found.
    expect(await organisations('Київ')).toEqual(['Київський центр правової допомоги'])
    expect(await organisations('київ')).toEqual(['Київський центр правової допомоги'])
    expect(await services('юридична')).toEqual(['Юридична консультація'])
    expect(await organisations('ξενώνας')).toEqual(['Ξενώνας Αθήνας'])
  })

  // Today: "Sao Paulo" does not find "São Paulo", "Malaga" does not find "Málaga". Caseworkers
  // type without accents on a borrowed keyboard; the case search drops diacritics
  // (remove_diacritics 2), the directory does not, so the service looks absent.
  it('finds names written with accents when searched without them', async () => {
    const { host } = await staffedHost('dana')
    await call<DirectoryOrganisation>(host, 'directory:saveOrganisation', {
      name: 'Casa de Acolhida São Paulo',
      city: 'Málaga',
    })
    const organisations = async (query: string) =>
      (await call<DirectoryOrganisation[]>(host, 'directory:listOrganisations', { query })).map((o) => o.name)
    expect(await organisations('São Paulo')).toEqual(['Casa de Acolhida São Paulo'])
    expect(await organisations('Sao Paulo')).toEqual(['Casa de Acolhida São Paulo'])
    expect(await organisations('Malaga')).toEqual(['Casa de Acolhida São Paulo'])
  })
})

describe('HSDS JSON round trip of CaseVault’s own export', () => {
  // Today: an organisation with a city but no country is exported with `country: ""` (HSDS
  // requires the property, hsds-json.ts fills the blank with ""), and the importer reads "" as a
  // country code: "not a known code". A partner (or this same shelter restoring its directory)
  // cannot import CaseVault's own file, and because any error blocks the whole import, not one
  // entry of the directory is taken.
  it('re-imports its own JSON export of an organisation and service that have a city but no country', async () => {
    const source = await staffedHost('dana')
    const org = await call<DirectoryOrganisation>(source.host, 'directory:saveOrganisation', {
      name: 'Harbour Outreach',
      city: 'Leeds',
    })
    await call<DirectoryService>(source.host, 'directory:saveService', {
      organisationId: org.id,
      name: 'Street outreach',
      postalCode: 'LS1 4AB',
    })
    const { bytes, result } = await exportDirectory(source.host, 'hsds-json')
    const input = importFiles([{ name: result.file!.split('/').at(-1)!, content: bytes }])
    const target = await staffedHost('dana')
    const preview = await call<DirectoryImportReport>(target.host, 'directory:importPreview', input)
    expect(preview.errors).toEqual([])
    const run = await call<DirectoryImportReport>(target.host, 'directory:importRun', input)
    expect(run.imported).toBe(true)
    expect(await directoryContent(target.host)).toEqual(await directoryContent(source.host))
  })
})

describe('HSDS export keeps every field it holds', () => {
  // Today: hsds-json.ts only writes a location when there is an address, city, postcode, country
  // or coordinates (`hasAddress` ignores region). An organisation known only by its region
  // ("West Yorkshire": mobile outreach with no fixed address) is exported without it, and a
  // partner importing the file, or this shelter restoring from it, silently loses the region.
  it.each(['hsds-json', 'hsds-csv'] as const)(
    'carries an organisation’s region through %s when it is the only place known',
    async (format) => {
      const source = await staffedHost('dana')
      await call<DirectoryOrganisation>(source.host, 'directory:saveOrganisation', {
        name: 'Mobile Outreach Team',
        region: 'West Yorkshire',
      })
      const { bytes, result } = await exportDirectory(source.host, format)
      const input = importFiles([{ name: result.file!.split('/').at(-1)!, content: bytes }])
      const target = await staffedHost('dana')
      await call<DirectoryImportReport>(target.host, 'directory:importRun', input)
      const [imported] = await call<DirectoryOrganisation[]>(target.host, 'directory:listOrganisations')
      expect(imported).toMatchObject({ name: 'Mobile Outreach Team', region: 'West Yorkshire' })
    },
  )
})

describe('HSDS import keeps what a partner’s file says', () => {
  // Today: hsds-to-directory.ts takes phones[0].number and ignores HSDS's `extension` property.
  // A partner lists its anti-trafficking unit as "+44 113 496 0000" extension 204; CaseVault
  // stores the switchboard number alone, with no sign anything was dropped, and a caseworker
  // phoning about a survivor reaches reception instead of the unit. The phone field accepts
  // "… ext. 204", so nothing stops it from being kept.
  it('keeps a phone extension given in HSDS’s extension property', async () => {
    const { host } = await staffedHost('dana')
    const org = '6f1c1a40-35d1-4f39-9b5f-3f0c6e0d2a11'
    const document = {
      organizations: [
        {
          id: org,
          name: 'Harbour Police',
          description: 'Police',
          phones: [
            { id: '1d1c1a40-35d1-4f39-9b5f-3f0c6e0d2a11', number: '+44 113 496 0000', extension: 204 },
          ],
        },
      ],
      services: [
        {
          id: '0d8f6a7e-2b1c-4c3d-8e9f-a0b1c2d3e4f5',
          organization_id: org,
          name: 'Modern slavery unit',
          status: 'active',
          phones: [{ id: '2d1c1a40-35d1-4f39-9b5f-3f0c6e0d2a11', number: '0113 496 0001', extension: 17 }],
        },
      ],
    }
    const input = {
      files: [{ name: 'partner.json', content: new TextEncoder().encode(JSON.stringify(document)) }],
    }
    const run = await call<DirectoryImportReport>(host, 'directory:importRun', input)
    expect(run).toMatchObject({ imported: true, errorCount: 0 })
    const [organisation] = await call<DirectoryOrganisation[]>(host, 'directory:listOrganisations')
    const [service] = await call<DirectoryService[]>(host, 'directory:listServices')
    expect(organisation!.phone).toMatch(/204/)
    expect(service!.phone).toMatch(/17$/)
  })
})

describe('finding services by city', () => {
  // Today: the service search matches the service's own city only (directory-repository.ts:84-86,
  // `s.city`), though a service's place is optional and "differs" from its organisation's only
  // when given. Safe Haven Shelter is in Leeds; its "Emergency shelter beds" has no city of its
  // own. A caseworker searching services for "Leeds" (the box says "Name, organisation,
  // eligibility, city") is told there is no service in Leeds, and refers the survivor elsewhere.
  it('finds a service by its organisation’s city when the service has no place of its own', async () => {
    const { host } = await staffedHost('dana')
    const shelter = await call<DirectoryOrganisation>(host, 'directory:saveOrganisation', {
      name: 'Safe Haven Shelter',
      city: 'Leeds',
      country: 'GB',
    })
    await call<DirectoryService>(host, 'directory:saveService', {
      organisationId: shelter.id,
      name: 'Emergency shelter beds',
      serviceTypes: ['SocialCare'],
    })
    // Sanity: the organisation search does match its city.
    expect(
      (await call<DirectoryOrganisation[]>(host, 'directory:listOrganisations', { query: 'Leeds' })).length,
    ).toBe(1)
    const found = await call<DirectoryService[]>(host, 'directory:listServices', { query: 'Leeds' })
    expect(found.map((service) => service.name)).toEqual(['Emergency shelter beds'])
  })
})

describe('directory order', () => {
  // Today: lists are ordered by `name COLLATE NOCASE`, which folds ASCII only and otherwise sorts
  // by code point: "Ärzte ohne Grenzen" comes after "Zebra House", and every capitalised
  // Cyrillic name before every lower-case one. Supervisors scanning the list (and the referral
  // pickers that use it) do not find an organisation where the alphabet says it is.
  it('lists organisations alphabetically whatever their accents and case', async () => {
    const { host } = await staffedHost('dana')
    for (const name of ['Zebra House', 'Ärzte ohne Grenzen', 'apple Shelter', 'Банк їжі', 'азил'])
      await call(host, 'directory:saveOrganisation', { name })
    const names = (await call<DirectoryOrganisation[]>(host, 'directory:listOrganisations')).map(
      (o) => o.name,
    )
    expect(names).toEqual(['apple Shelter', 'Ärzte ohne Grenzen', 'Zebra House', 'азил', 'Банк їжі'])
  })
})
