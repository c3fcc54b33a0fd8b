import { describe, expect, it } from 'vitest'
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import tar from 'tar-stream'
import { parse } from 'csv-parse/sync'
import { call } from './support/temp-vault'
import { signInAs, staffedHost } from './support/case-fixtures'
import type {
  AuditEntry,
  DirectoryExportResult,
  DirectoryImportReport,
  DirectoryOrganisation,
  DirectoryService,
} from '../../main/api/contract'
import { seedDirectory } from './fixtures/hsds/directory-fixtures'

type Host = Awaited<ReturnType<typeof staffedHost>>['host']
type Json = Record<string, unknown>

async function exportDirectory(host: Host, format: 'hsds-json' | 'hsds-csv') {
  const result = await call<DirectoryExportResult>(host, 'directory:export', { format })
  expect(result.file).not.toBeNull()
  return { result, bytes: readFileSync(result.file!) }
}

async function untar(bytes: Buffer): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>()
  const extract = tar.extract()
  Readable.from([bytes]).pipe(extract)
  for await (const entry of extract) {
    const chunks: Buffer[] = []
    for await (const chunk of entry as AsyncIterable<Buffer>) chunks.push(chunk)
    files.set(entry.header.name, Buffer.concat(chunks))
  }
  return files
}

/** What a directory means, without this vault's own ids and clock. */
async function directoryContent(host: Host) {
  const organisations = await call<DirectoryOrganisation[]>(host, 'directory:listOrganisations')
  const services = await call<DirectoryService[]>(host, 'directory:listServices')
  // This vault's own row ids and clock differ between vaults; everything else must match.
  const strip = (row: object) =>
    Object.fromEntries(
      Object.entries(row).filter(
        ([key]) => !['id', 'organisationId', 'createdAt', 'updatedAt'].includes(key),
      ),
    )
  return { organisations: organisations.map(strip), services: services.map(strip) }
}

const importFiles = (files: { name: string; content: Buffer }[]) => ({
  files: files.map((file) => ({ name: file.name, content: new Uint8Array(file.content) })),
})

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

describe('HSDS 3.0 import', () => {
  it.each(['hsds-json', 'hsds-csv'] as const)(
    'round-trips a directory through %s into an empty vault, then updates on re-import',
    async (format) => {
      const source = await staffedHost('amara')
      await seedDirectory(source.host)
      const { bytes, result } = await exportDirectory(source.host, format)
      const input = importFiles([{ name: result.file!.split('/').at(-1)!, content: bytes }])

      const target = await staffedHost('dana')
      const preview = await call<DirectoryImportReport>(target.host, 'directory:importPreview', input)
      expect(preview).toMatchObject({
        format,
        dryRun: true,
        imported: false,
        organisations: { read: 2, created: 2, updated: 0 },
        services: { read: 3, created: 3, updated: 0 },
        errorCount: 0,
      })
      // A dry run writes nothing.
      expect(await call(target.host, 'directory:listOrganisations')).toEqual([])

      const run = await call<DirectoryImportReport>(target.host, 'directory:importRun', input)
      expect(run).toMatchObject({ imported: true, dryRun: false, errorCount: 0 })
      expect(await directoryContent(target.host)).toEqual(await directoryContent(source.host))

      const again = await call<DirectoryImportReport>(target.host, 'directory:importRun', input)
      expect(again).toMatchObject({
        organisations: { created: 0, updated: 2 },
        services: { created: 0, updated: 3 },
      })
      expect(await call<DirectoryService[]>(target.host, 'directory:listServices')).toHaveLength(3)

      await signInAs(target.host, 'amara')
      const imports = (await call<AuditEntry[]>(target.host, 'audit:list', { limit: 20 })).filter(
        (entry) => entry.action === 'directory.imported',
      )
      expect(imports).toHaveLength(2)
      expect(imports[1]).toMatchObject({
        actor: 'dana',
        details: { format, organisations: { read: 2, created: 2 }, services: { read: 3, created: 3 } },
      })
    },
  )

  it('imports the CSV files picked one by one, without a tar', async () => {
    const source = await staffedHost('amara')
    await seedDirectory(source.host)
    const files = await untar((await exportDirectory(source.host, 'hsds-csv')).bytes)
    const target = await staffedHost('amara')
    const run = await call<DirectoryImportReport>(
      target.host,
      'directory:importRun',
      importFiles([...files].map(([name, content]) => ({ name: name.replace('hsds/', ''), content }))),
    )
    expect(run).toMatchObject({ imported: true, services: { created: 3 } })
    expect(await directoryContent(target.host)).toEqual(await directoryContent(source.host))
  })

  it('imports Open Referral’s own service example once its impossible coordinates are fixed', async () => {
    const { host } = await staffedHost('amara')
    const example = readFileSync(join(__dirname, 'fixtures/hsds/openreferral/service_full.json'), 'utf8')
    const asFile = (text: string) =>
      importFiles([{ name: 'services.json', content: Buffer.from(`[${text}]`) }])
    const report = await call<DirectoryImportReport>(host, 'directory:importPreview', asFile(example))
    // The example places its locations at latitude 100, which no place on Earth has.
    expect(report.errors).toEqual([
      { table: 'services.organization', row: 1, field: 'location.latitude', reason: 'out of range' },
      { table: 'services', row: 1, field: 'location.latitude', reason: 'out of range' },
    ])
    const fixed = example.replace(/"latitude": 100/g, '"latitude": 52.5')
    const run = await call<DirectoryImportReport>(host, 'directory:importRun', asFile(fixed))
    expect(run).toMatchObject({ imported: true, organisations: { created: 1 }, services: { created: 1 } })
    // Its attributes use another taxonomy: skipped, with a note.
    expect(run.notes).toContain('other_taxonomies')
    const [service] = await call<DirectoryService[]>(host, 'directory:listServices')
    expect(service).toMatchObject({
      name: 'Community Counselling',
      organisationName: expect.any(String),
      phone: '+44 1234 234567',
      languages: expect.arrayContaining(['ur']),
      eligibilityNotes: expect.stringContaining('aged 12 and over'),
      serviceTypes: [],
      active: true,
    })
  })

  it('reports per-row errors in Open Referral’s CSV example and writes nothing', async () => {
    const { host } = await staffedHost('amara')
    const folder = join(__dirname, 'fixtures/hsds/openreferral/csv')
    const files = readdirSync(folder).map((name) => ({ name, content: readFileSync(join(folder, name)) }))
    const report = await call<DirectoryImportReport>(host, 'directory:importRun', importFiles(files))
    expect(report.imported).toBe(false)
    // The example places its location at latitude 100, which no place on Earth has.
    expect(report.errors).toContainEqual({
      table: 'services.csv',
      row: 2,
      field: 'location.latitude',
      reason: 'out of range',
    })
    expect(await call(host, 'directory:listServices')).toEqual([])
  })
})
