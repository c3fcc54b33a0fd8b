import { describe, expect, it } from 'vitest'
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { call } from './support/temp-vault'
import { signInAs, staffedHost } from './support/case-fixtures'
import type { AuditEntry, DirectoryImportReport, DirectoryService } from '../../main/api/contract'
import { seedDirectory } from './fixtures/hsds/directory-fixtures'
import { directoryContent, exportDirectory, importFiles, untar } from './support/hsds-helpers'

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
      phone: '+44 1234 234567 ext. 100',
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
