import { describe, expect, it } from 'vitest'
import { call, errorCode } from './support/temp-vault'
import { staffedHost } from './support/case-fixtures'
import type { DirectoryImportReport, DirectoryService } from '../../main/api/contract'
import { tarBundle } from '../../main/core/export/tar-bundle'
import { seedDirectory } from './fixtures/hsds/directory-fixtures'

const ORG_ID = '6f1c1a40-35d1-4f39-9b5f-3f0c6e0d2a11'
const SERVICE_ID = '0d8f6a7e-2b1c-4c3d-8e9f-a0b1c2d3e4f5'

const organization = (overrides: Record<string, unknown> = {}) => ({
  id: ORG_ID,
  name: 'Harbour Legal Aid',
  description: 'Free legal aid',
  ...overrides,
})
const service = (overrides: Record<string, unknown> = {}) => ({
  id: SERVICE_ID,
  organization_id: ORG_ID,
  name: 'Residence permit advice',
  status: 'active',
  ...overrides,
})

const jsonFile = (document: unknown, name = 'directory.json') => ({
  files: [{ name, content: new TextEncoder().encode(JSON.stringify(document)) }],
})
const textFile = (name: string, text: string) => ({
  files: [{ name, content: new TextEncoder().encode(text) }],
})

async function preview(host: Awaited<ReturnType<typeof staffedHost>>['host'], input: unknown) {
  return call<DirectoryImportReport>(host, 'directory:importPreview', input)
}

async function refusal(host: Awaited<ReturnType<typeof staffedHost>>['host'], input: unknown) {
  const result = await host.dispatch('directory:importPreview', input)
  return result.ok ? null : result.error
}

describe('HSDS import: files that cannot be read at all', () => {
  it('refuses what is not an HSDS file with one clear VALIDATION error', async () => {
    const { host } = await staffedHost('amara')
    expect(await refusal(host, textFile('directory.json', '{"organizations": [ {"id": '))).toMatchObject({
      code: 'VALIDATION',
      details: { file: 'not_json' },
    })
    expect(await refusal(host, jsonFile({ hello: 'world' }))).toMatchObject({
      details: { file: 'bad_shape' },
    })
    expect(await refusal(host, jsonFile({ organizations: 'many' }))).toMatchObject({
      details: { file: 'bad_shape' },
    })
    expect(await refusal(host, jsonFile('just a string'))).toMatchObject({ details: { file: 'bad_shape' } })
    expect(
      await refusal(host, {
        files: [{ name: 'photo.png', content: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0]) }],
      }),
    ).toMatchObject({ code: 'VALIDATION', details: { file: 'unknown_format' } })
    expect(
      await refusal(host, {
        files: [{ name: 'directory.json', content: new Uint8Array([0x7b, 0xff, 0xfe, 0x00]) }],
      }),
    ).toMatchObject({ code: 'VALIDATION', details: { file: 'encoding' } })
    const tarWithoutOrganizations = Buffer.concat(
      await tarBundle([{ name: 'hsds/services.csv', content: Buffer.from('id,name\n') }], new Date()),
    )
    expect(
      await refusal(host, {
        files: [{ name: 'package.tar', content: new Uint8Array(tarWithoutOrganizations) }],
      }),
    ).toMatchObject({ code: 'VALIDATION', details: { file: 'no_organizations' } })
    const truncatedTar = Buffer.concat(
      await tarBundle([{ name: 'organizations.csv', content: Buffer.alloc(4000, 'a') }], new Date()),
    ).subarray(0, 1500)
    expect(
      await refusal(host, { files: [{ name: 'package.tar', content: new Uint8Array(truncatedTar) }] }),
    ).toMatchObject({ code: 'VALIDATION', details: { file: 'bad_archive' } })
    expect(
      await refusal(host, jsonFile({ services: Array.from({ length: 20_001 }, () => ({})) })),
    ).toMatchObject({
      details: { file: 'too_many' },
    })
  })

  it('refuses empty, oversized, too many or non-byte files at the API boundary', async () => {
    const { host } = await staffedHost('amara')
    const big = new Uint8Array(20 * 1024 * 1024 + 1)
    expect(
      await errorCode(host, 'directory:importPreview', { files: [{ name: 'x.json', content: big }] }),
    ).toBe('VALIDATION')
    expect(await errorCode(host, 'directory:importPreview', { files: [] })).toBe('VALIDATION')
    expect(
      await errorCode(host, 'directory:importPreview', {
        files: [{ name: 'x.json', content: new Uint8Array() }],
      }),
    ).toBe('VALIDATION')
    expect(
      await errorCode(host, 'directory:importPreview', { files: [{ name: 'x.json', content: '{}' }] }),
    ).toBe('VALIDATION')
    const many = Array.from({ length: 21 }, (_, index) => ({
      name: `${index}.csv`,
      content: new Uint8Array([65]),
    }))
    expect(await errorCode(host, 'directory:importPreview', { files: many })).toBe('VALIDATION')
    expect(await errorCode(host, 'directory:export', { format: 'xlsx' })).toBe('VALIDATION')
  })
})

describe('HSDS import: per-row errors', () => {
  it('names the row and field of each problem and never repeats the value', async () => {
    const { host } = await staffedHost('amara')
    const secret = 'x'.repeat(301)
    const report = await preview(
      host,
      jsonFile({
        organizations: [
          organization(),
          organization({ id: 'not-a-uuid' }),
          { id: '7a1c1a40-35d1-4f39-9b5f-3f0c6e0d2a11', description: 'no name' },
          organization({ id: '8a1c1a40-35d1-4f39-9b5f-3f0c6e0d2a11', name: secret }),
          organization({ id: ORG_ID.replace('6f', '9f'), email: 42 }),
          'a string',
          organization(),
        ],
        services: [
          service({ status: 'open' }),
          service({
            id: '1d8f6a7e-2b1c-4c3d-8e9f-a0b1c2d3e4f5',
            organization_id: '2d8f6a7e-2b1c-4c3d-8e9f-a0b1c2d3e4f5',
          }),
          service({
            id: '3d8f6a7e-2b1c-4c3d-8e9f-a0b1c2d3e4f5',
            status: undefined,
            languages: [{ id: ORG_ID, code: 'klingon' }],
          }),
          service({
            id: '4d8f6a7e-2b1c-4c3d-8e9f-a0b1c2d3e4f5',
            attributes: [
              { id: ORG_ID, taxonomy_term: { id: ORG_ID, code: 'Haircut', taxonomy: 'HTCDS spl_Type' } },
            ],
          }),
        ],
      }),
    )
    expect(report.errors).toEqual([
      { table: 'organizations', row: 2, field: 'id', reason: 'not a UUID' },
      { table: 'organizations', row: 3, field: 'name', reason: 'required' },
      { table: 'organizations', row: 4, field: 'name', reason: 'too long' },
      { table: 'organizations', row: 5, field: 'email', reason: 'wrong type (expected string)' },
      { table: 'organizations', row: 6, field: '(row)', reason: 'not an object' },
      { table: 'organizations', row: 7, field: 'id', reason: 'the same id is used twice' },
      { table: 'services', row: 1, field: 'status', reason: 'not a known code' },
      { table: 'services', row: 2, field: 'organization_id', reason: 'no such organization' },
      { table: 'services', row: 3, field: 'status', reason: 'required' },
      { table: 'services', row: 3, field: 'languages.code', reason: 'not a known code' },
      { table: 'services', row: 4, field: 'attributes (HTCDS spl_Type)', reason: 'not a known code' },
    ])
    expect(report.errorCount).toBe(11)
    expect(JSON.stringify(report)).not.toContain(secret)
  })

  it('writes nothing when any row has an error, even the valid ones', async () => {
    const { host } = await staffedHost('amara')
    const report = await call<DirectoryImportReport>(
      host,
      'directory:importRun',
      jsonFile({ organizations: [organization()], services: [service(), service({ id: 'bad', name: '' })] }),
    )
    expect(report).toMatchObject({ imported: false, dryRun: false, errorCount: 2 })
    expect(await call(host, 'directory:listOrganisations')).toEqual([])
  })

  it('reports where a CSV stops being readable', async () => {
    const { host } = await staffedHost('amara')
    const report = await preview(host, {
      files: [
        {
          name: 'organizations.csv',
          content: new TextEncoder().encode(`id,name,description\n${ORG_ID},"Harbour,Free\n`),
        },
      ],
    })
    expect(report.errors).toContainEqual(
      expect.objectContaining({ table: 'organizations.csv', row: 2, field: '(file)' }),
    )
  })

  it('links services to organizations already in the vault by their HSDS id', async () => {
    const { host } = await staffedHost('amara')
    const { lawCentre } = await seedDirectory(host)
    const run = await call<DirectoryImportReport>(
      host,
      'directory:importRun',
      jsonFile([service({ organization_id: lawCentre.hsdsId.toUpperCase() })]),
    )
    expect(run).toMatchObject({ imported: true, services: { created: 1 }, organisations: { read: 0 } })
    const imported = await call<DirectoryService[]>(host, 'directory:listServices', {
      query: 'Residence permit advice',
    })
    expect(imported.map((entry) => [entry.organisationId, entry.active])).toEqual([[lawCentre.id, true]])
  })
})
