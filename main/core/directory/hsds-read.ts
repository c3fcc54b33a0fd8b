// Reading an HSDS file into organization and service objects, each with where it came from (file
// or array, row), whatever the form: HSDS JSON, a tar of the CSV package, or the CSVs picked together.
import { Readable } from 'node:stream'
import tar from 'tar-stream'
import { isTar } from '../import/csv-bundle'
import { decodeText, unreadable } from '../import/source-table'
import type { HsdsObject } from './hsds-json'
import { readHsdsCsvPackage } from './hsds-read-csv'
import { MAX_HSDS_OBJECTS, type HsdsSource, type PickedFile, type Positioned } from './hsds-source'

const isObject = (value: unknown): value is HsdsObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

function positioned(table: string, items: unknown): Positioned[] {
  if (items === undefined) return []
  if (!Array.isArray(items)) throw unreadable('bad_shape', `"${table}" is not a list.`)
  if (items.length > MAX_HSDS_OBJECTS)
    throw unreadable('too_many', `"${table}" has more than ${MAX_HSDS_OBJECTS} entries.`)
  // Position counts from 1, the way people count; a non-object entry is checked (and refused) later.
  return items.map((object, index) => ({
    table,
    row: index + 1,
    object: isObject(object) ? object : { __not_an_object: true },
  }))
}

/**
 * HSDS 3.0 defines objects, not a file wrapper, so several shapes are accepted: CaseVault's
 * `{ organizations, services }`, a bare list of services (each with its organization nested), and
 * the HSDS API's paged list `{ contents: [...] }`.
 */
function readHsdsJson(content: Uint8Array): HsdsSource {
  let parsed: unknown
  try {
    parsed = JSON.parse(decodeText(content))
  } catch (error) {
    if (error instanceof SyntaxError) throw unreadable('not_json', 'The file is not valid JSON.')
    throw error
  }
  if (Array.isArray(parsed))
    return {
      format: 'hsds-json',
      organizations: [],
      services: positioned('services', parsed),
      errors: [],
      notes: [],
    }
  if (!isObject(parsed))
    throw unreadable('bad_shape', 'The file is not an HSDS directory (no organizations or services).')
  if ('contents' in parsed) {
    return {
      format: 'hsds-json',
      organizations: [],
      services: positioned('contents', parsed['contents']),
      errors: [],
      notes: [],
    }
  }
  if (!('organizations' in parsed) && !('services' in parsed)) {
    throw unreadable('bad_shape', 'The file is not an HSDS directory (no organizations or services).')
  }
  return {
    format: 'hsds-json',
    organizations: positioned('organizations', parsed['organizations']),
    services: positioned('services', parsed['services']),
    errors: [],
    notes: [],
  }
}

async function untar(content: Uint8Array): Promise<PickedFile[]> {
  const files: PickedFile[] = []
  const extract = tar.extract()
  Readable.from([Buffer.from(content.buffer, content.byteOffset, content.byteLength)]).pipe(extract)
  let total = 0
  try {
    for await (const entry of extract) {
      const chunks: Buffer[] = []
      for await (const chunk of entry as AsyncIterable<Buffer>) {
        // A tar that inflates far beyond its own size is not a directory export: stop reading.
        total += (chunk as Buffer).byteLength
        if (total > content.byteLength)
          throw unreadable('bad_archive', 'The archive is damaged and cannot be read.')
        chunks.push(chunk)
      }
      if (entry.header.type === 'file') {
        files.push({ name: entry.header.name, content: Buffer.concat(chunks) })
      }
    }
  } catch {
    throw unreadable('bad_archive', 'The archive is damaged and cannot be read.')
  }
  return files
}

const baseName = (name: string) => name.split(/[\\/]/).at(-1) ?? name

export async function readHsdsFiles(files: readonly PickedFile[]): Promise<HsdsSource> {
  const [first] = files
  if (files.length === 1 && first) {
    if (isTar(first.content)) return readHsdsCsvPackage(await untar(first.content), baseName)
    const start = new TextDecoder()
      .decode(first.content.subarray(0, 64))
      .replace(/^\uFEFF/, '')
      .trimStart()
    if (/\.json$/i.test(first.name) || start.startsWith('{') || start.startsWith('[')) {
      return readHsdsJson(first.content)
    }
  }
  if (files.every((file) => /\.(csv|json)$/i.test(file.name))) return readHsdsCsvPackage([...files], baseName)
  throw unreadable(
    'unknown_format',
    'Choose an HSDS JSON file, an HSDS CSV package (.tar), or the package’s CSV files.',
  )
}
