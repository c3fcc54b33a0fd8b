import { describe, expect, it } from 'vitest'
import { parse } from 'csv-parse/sync'
import { call } from './support/temp-vault'
import { staffedHost } from './support/case-fixtures'
import type { AuditEntry } from '../../main/api/contract'
import { seedDirectory } from './fixtures/hsds/directory-fixtures'
import { exportDirectory, untar, type Json } from './support/hsds-helpers'

// HSDS 3.0's required properties per object (schema/*.json, "required").
const REQUIRED: Record<string, string[]> = {
  organization: ['id', 'name', 'description'],
  service: ['id', 'name', 'status'],
  location: ['id', 'location_type'],
  address: ['id', 'address_1', 'city', 'state_province', 'postal_code', 'country', 'address_type'],
  phone: ['id', 'number'],
  language: ['id'],
  attribute: ['id'],
  taxonomy_term: ['id', 'name', 'description'],
}

function expectRequired(kind: string, object: Json) {
  for (const property of REQUIRED[kind]!) expect(object, `${kind}.${property}`).toHaveProperty(property)
  for (const [key, value] of Object.entries(object)) expect(value, `${kind}.${key}`).not.toBeNull()
}

describe('HSDS 3.0 export', () => {
  it('writes services with their organization, locations, phones, languages and HTCDS attributes', async () => {
    const { host } = await staffedHost('amara')
    const { advice, lawCentre, closed } = await seedDirectory(host)
    const { result, bytes } = await exportDirectory(host, 'hsds-json')
    expect(result).toMatchObject({ organisations: 2, services: 3 })
    expect(result.file).toMatch(/CaseVault-Safe-Harbour-Shelter-directory-hsds-\d{4}-\d{2}-\d{2}\.json$/)
    const document = JSON.parse(bytes.toString('utf8')) as { organizations: Json[]; services: Json[] }
    const service = document.services.find((entry) => entry['id'] === advice.hsdsId)!
    expectRequired('service', service)
    expect(service).toMatchObject({
      organization_id: lawCentre.hsdsId,
      name: 'Immigration legal advice',
      status: 'active',
      eligibility_description: 'Adults with a positive reasonable-grounds decision.',
      phones: [{ number: '0161 496 0000' }],
      languages: [{ code: 'en' }, { code: 'ro' }, { code: 'uk' }],
      schedules: [{ description: 'Mon–Fri 09:00–17:00' }],
      organization: { id: lawCentre.hsdsId, name: 'Northern Law Centre', casevault_active: true },
    })
    const [attribute] = service['attributes'] as Json[]
    expect(attribute).toMatchObject({
      link_id: advice.hsdsId,
      link_entity: 'service',
      taxonomy_term: { code: 'Legal', name: 'Legal', taxonomy: 'HTCDS spl_Type' },
    })
    expectRequired('attribute', attribute!)
    expectRequired('taxonomy_term', attribute!['taxonomy_term'] as Json)
    const [link] = service['service_at_locations'] as Json[]
    const location = link!['location'] as Json
    expectRequired('location', location)
    expectRequired('address', (location['addresses'] as Json[])[0]!)
    expect((location['addresses'] as Json[])[0]).toMatchObject({
      city: 'Manchester',
      country: 'GB',
      address_1: '',
    })
    for (const phone of service['phones'] as Json[]) expectRequired('phone', phone)
    for (const language of service['languages'] as Json[]) expectRequired('language', language)
    expect(document.services.find((entry) => entry['id'] === closed.hsdsId)).toMatchObject({
      status: 'inactive',
    })
    for (const organization of document.organizations) expectRequired('organization', organization)
    expect(document.organizations.find((entry) => entry['id'] === lawCentre.hsdsId)).toMatchObject({
      attributes: [
        { link_entity: 'organization', taxonomy_term: { code: 'LegalService', taxonomy: 'HTCDS org_Type' } },
      ],
    })
    // The same directory exported twice has the same ids everywhere (phones, addresses, terms…).
    const again = JSON.parse((await exportDirectory(host, 'hsds-json')).bytes.toString('utf8')) as Json
    expect(again['services']).toEqual(document.services)
  })

  it('writes the tabular package: HSDS CSV files with HSDS columns and a datapackage.json', async () => {
    const { host } = await staffedHost('dana')
    const { advice, shelter } = await seedDirectory(host)
    const { bytes, result } = await exportDirectory(host, 'hsds-csv')
    expect(result.file).toMatch(/\.tar$/)
    const files = await untar(bytes)
    expect([...files.keys()].sort()).toEqual(
      [
        'datapackage.json',
        'organizations.csv',
        'services.csv',
        'locations.csv',
        'addresses.csv',
        'service_at_location.csv',
        'phones.csv',
        'languages.csv',
        'schedules.csv',
        'attributes.csv',
        'taxonomy_terms.csv',
        'taxonomies.csv',
      ]
        .map((name) => `hsds/${name}`)
        .sort(),
    )
    const descriptor = JSON.parse(files.get('hsds/datapackage.json')!.toString('utf8')) as {
      profile: string
      resources: { name: string; path: string; schema: { fields: { name: string }[] } }[]
    }
    expect(descriptor.profile).toBe('tabular-data-package')
    const rows = (name: string) =>
      parse(files.get(`hsds/${name}`)!, { columns: true, bom: true }) as Record<string, string>[]
    for (const resource of descriptor.resources) {
      const header = (parse(files.get(`hsds/${resource.path}`)!, { to_line: 1 }) as string[][])[0]
      expect(header, resource.path).toEqual(resource.schema.fields.map((field) => field.name))
    }
    expect(rows('organizations.csv').find((row) => row['id'] === shelter.hsdsId)).toMatchObject({
      name: 'Safe Haven Shelter',
      casevault_active: 'true',
    })
    expect(rows('services.csv').find((row) => row['id'] === advice.hsdsId)).toMatchObject({
      organization_id: expect.any(String),
      status: 'active',
      eligibility_description: 'Adults with a positive reasonable-grounds decision.',
    })
    expect(
      rows('languages.csv')
        .filter((row) => row['service_id'] === advice.hsdsId)
        .map((row) => row['code']),
    ).toEqual(['en', 'ro', 'uk'])
    // Phone numbers starting with + get the CSV-injection guard, as every CaseVault CSV does.
    expect(rows('phones.csv').map((row) => row['number'])).toContain("'+44 20 7946 0000")
    expect(
      rows('taxonomies.csv')
        .map((row) => row['name'])
        .sort(),
    ).toEqual(['HTCDS org_Type', 'HTCDS spl_Type'])
    // One taxonomy_term row per code, however many services use it.
    expect(rows('taxonomy_terms.csv').filter((row) => row['code'] === 'Health')).toHaveLength(1)
  })

  it('records the export in the audit log with counts only', async () => {
    const { host } = await staffedHost('amara')
    await seedDirectory(host)
    await exportDirectory(host, 'hsds-csv')
    const [last] = await call<AuditEntry[]>(host, 'audit:list', { limit: 1 })
    expect(last).toMatchObject({
      actor: 'amara',
      action: 'directory.exported',
      details: { format: 'hsds-csv', organisations: 2, services: 3 },
    })
  })
})
