import { readFileSync } from 'node:fs'
import { Readable } from 'node:stream'
import tar from 'tar-stream'
import { expect } from 'vitest'
import { call } from './temp-vault'
import type { staffedHost } from './case-fixtures'
import type {
  DirectoryExportResult,
  DirectoryOrganisation,
  DirectoryService,
} from '../../../main/api/contract'

// Steps the HSDS export and import tests share.

export type Host = Awaited<ReturnType<typeof staffedHost>>['host']
export type Json = Record<string, unknown>

export async function exportDirectory(host: Host, format: 'hsds-json' | 'hsds-csv') {
  const result = await call<DirectoryExportResult>(host, 'directory:export', { format })
  expect(result.file).not.toBeNull()
  return { result, bytes: readFileSync(result.file!) }
}

export async function untar(bytes: Buffer): Promise<Map<string, Buffer>> {
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
export async function directoryContent(host: Host) {
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

export const importFiles = (files: { name: string; content: Buffer }[]) => ({
  files: files.map((file) => ({ name: file.name, content: new Uint8Array(file.content) })),
})
