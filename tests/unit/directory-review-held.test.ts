// Checks of the service directory and its HSDS exchange that the code passes today, kept from a
// reviewing helper's hunt as regression tests.
import { describe, expect, it } from 'vitest'
import { call, errorCode } from './support/temp-vault'
import { createCase, signInAs, staffedHost } from './support/case-fixtures'
import type {
  AuditEntry,
  DirectoryImportReport,
  DirectoryOrganisation,
  DirectoryService,
} from '../../main/api/contract'
import { seedDirectory } from './fixtures/hsds/directory-fixtures'
import { exportDirectory, importFiles, untar } from './support/hsds-helpers'
import { outgoingReferral } from './support/referral-fixtures'

const ORG_ID = '6f1c1a40-35d1-4f39-9b5f-3f0c6e0d2a11'
const enc = (text: string) => new TextEncoder().encode(text)
const files = (...entries: [string, string | Uint8Array][]) => ({
  files: entries.map(([name, content]) => ({
    name,
    content: typeof content === 'string' ? enc(content) : content,
  })),
})

describe('HSDS import: what main answers for unreadable CSV', () => {
  it('reports an unclosed quote in organizations.csv as a (file) problem of that table, code quoteNotClosed', async () => {
    const { host } = await staffedHost('dana')
    const csv = `id,name,description\n${ORG_ID},"Harbour,Legal aid\n`
    const report = await call<DirectoryImportReport>(
      host,
      'directory:importPreview',
      files(['organizations.csv', csv]),
    )
    expect(report.errors).toContainEqual(
      expect.objectContaining({ table: 'organizations.csv', field: '(file)', code: 'quoteNotClosed' }),
    )
  })

  it('refuses a Latin-1 organizations.csv as VALIDATION with details.file "encoding"', async () => {
    const { host } = await staffedHost('dana')
    const latin1 = Uint8Array.from(
      [...`id,name,description\n${ORG_ID},Caf`].map((c) => c.charCodeAt(0)).concat([0xe9, 0x0a]),
    )
    const result = await host.dispatch('directory:importPreview', files(['organizations.csv', latin1]))
    expect(result.ok ? null : result.error).toMatchObject({
      code: 'VALIDATION',
      details: { file: 'encoding' },
    })
  })
})

describe('HSDS import: hostile content', () => {
  it('refuses javascript:, data: and scheme-less websites, and writes nothing', async () => {
    const { host } = await staffedHost('dana')
    for (const website of ['javascript:alert(1)', 'data:text/html,<b>x</b>', 'JaVaScRiPt://x%0aalert(1)']) {
      const doc = JSON.stringify({ organizations: [{ id: ORG_ID, name: 'A', description: 'B', website }] })
      const report = await call<DirectoryImportReport>(host, 'directory:importRun', files(['d.json', doc]))
      expect(report).toMatchObject({ imported: false, errors: [{ field: 'website' }] })
    }
    expect(await call(host, 'directory:listOrganisations')).toEqual([])
  })

  it('stores formula-looking CSV cells as text and guards them again in its own CSV export', async () => {
    const { host } = await staffedHost('dana')
    const csv = `id,name,description\n${ORG_ID},"=HYPERLINK(""http://x"",""y"")",@SUM(1)\n`
    const run = await call<DirectoryImportReport>(
      host,
      'directory:importRun',
      files(['organizations.csv', csv]),
    )
    expect(run.imported).toBe(true)
    const [org] = await call<DirectoryOrganisation[]>(host, 'directory:listOrganisations')
    expect(org).toMatchObject({ name: '=HYPERLINK("http://x","y")', description: '@SUM(1)' })
    const tar = await untar((await exportDirectory(host, 'hsds-csv')).bytes)
    const text = tar.get('hsds/organizations.csv')!.toString('utf8')
    expect(text).toContain(`"'=HYPERLINK(""http://x"",""y"")"`)
    expect(text).toContain("'@SUM(1)")
  })

  it('refuses to move a service that referrals were made to, writing nothing of the file', async () => {
    const { host } = await staffedHost('amara')
    const { lawCentre, shelter, advice } = await seedDirectory(host)
    const survivor = await createCase(host)
    await call(
      host,
      'referrals:create',
      outgoingReferral(survivor.id, { organisationName: null, serviceId: advice.id }),
    )
    const doc = JSON.stringify({
      organizations: [{ id: '7f1c1a40-35d1-4f39-9b5f-3f0c6e0d2a11', name: 'New org', description: 'x' }],
      services: [{ id: advice.hsdsId, organization_id: shelter.hsdsId, name: 'Moved', status: 'active' }],
    })
    const report = await call<DirectoryImportReport>(host, 'directory:importRun', files(['d.json', doc]))
    expect(report).toMatchObject({
      imported: false,
      errors: [
        {
          table: 'services',
          row: 1,
          field: 'organization_id',
          reason: 'moves a service that referrals were made to',
        },
      ],
    })
    expect(await call<DirectoryService>(host, 'directory:getService', { id: advice.id })).toMatchObject({
      organisationId: lawCentre.id,
      name: 'Immigration legal advice',
    })
    expect((await call<DirectoryOrganisation[]>(host, 'directory:listOrganisations')).length).toBe(2)
  })
})

describe('HSDS export and roles', () => {
  it('carries no audit, creator or referral data, and only keepers may import or export', async () => {
    const { host } = await staffedHost('dana')
    await seedDirectory(host)
    const json = (await exportDirectory(host, 'hsds-json')).bytes.toString('utf8')
    for (const secret of [
      'dana',
      'amara',
      'created_at',
      'createdAt',
      'referral',
      'serviceCount',
      'service_count',
    ])
      expect(json).not.toContain(secret)
    await signInAs(host, 'bilal')
    const doc = JSON.stringify({ organizations: [{ id: ORG_ID, name: 'A', description: 'B' }] })
    expect(await errorCode(host, 'directory:importRun', files(['d.json', doc]))).toBe('FORBIDDEN')
    expect(await errorCode(host, 'directory:setOrganisationActive', { id: 1, active: false })).toBe(
      'FORBIDDEN',
    )
    expect(await errorCode(host, 'directory:export', { format: 'hsds-csv' })).toBe('FORBIDDEN')
    await signInAs(host, 'amara')
    expect((await call<DirectoryOrganisation[]>(host, 'directory:listOrganisations')).length).toBe(2)
    const audit = await call<AuditEntry[]>(host, 'audit:list', { limit: 100 })
    expect(audit.filter((entry) => entry.action === 'directory.imported')).toEqual([])
  })

  it('refuses hostile list and save payloads with VALIDATION, never INTERNAL', async () => {
    const { host } = await staffedHost('dana')
    const payloads: [string, unknown][] = [
      ['directory:listServices', { query: { $gt: '' } }],
      ['directory:listServices', { organisationId: '1 OR 1=1' }],
      ['directory:saveOrganisation', { name: 'A', latitude: Number.NaN }],
      ['directory:saveOrganisation', { name: 'A', latitude: Number.POSITIVE_INFINITY }],
      ['directory:saveOrganisation', { name: 'A', id: 1.5 }],
      ['directory:saveService', { organisationId: 1, name: 'A', serviceTypes: 'Legal' }],
      ['directory:importPreview', { files: [{ name: 'd.json', content: 'not bytes' }] }],
      ['directory:importPreview', { files: [{ name: 'd.json', content: { length: 5 } }] }],
      ['directory:setServiceActive', { id: 1, active: 'false' }],
    ]
    for (const [channel, input] of payloads)
      expect([channel, await errorCode(host, channel, input)]).toEqual([channel, 'VALIDATION'])
  })
})

describe('HSDS round trip of awkward text', () => {
  it('keeps names starting with an apostrophe, a minus or a plus through the CSV package', async () => {
    const source = await staffedHost('dana')
    for (const name of ["'Til Dawn Shelter", '-Minus House', '+Plus Centre'])
      await call(source.host, 'directory:saveOrganisation', { name })
    const { bytes, result } = await exportDirectory(source.host, 'hsds-csv')
    const target = await staffedHost('dana')
    await call(
      target.host,
      'directory:importRun',
      importFiles([{ name: result.file!.split('/').at(-1)!, content: bytes }]),
    )
    const names = (await call<DirectoryOrganisation[]>(target.host, 'directory:listOrganisations')).map(
      (o) => o.name,
    )
    expect(names.sort()).toEqual(["'Til Dawn Shelter", '+Plus Centre', '-Minus House'].sort())
  })
})
