// HSDS's tabular data package → the same nested objects as HSDS JSON, so one converter checks
// both. Rows are joined by the standard's id columns (organization_id, service_id, link_id…).
import type { DirectoryImportError } from '../../api/contract/directory'
import { readCsv } from '../import/read-csv'
import { unguard } from '../import/htcds-values'
import { unreadable } from '../import/source-table'
import type { HsdsObject } from './hsds-json'
import { MAX_HSDS_OBJECTS, type HsdsSource, type PickedFile, type Positioned } from './hsds-source'
import { ORGANISATION_ACTIVE_EXTENSION } from './hsds-ids'

const KNOWN_FILES = new Set([
  'organizations.csv',
  'services.csv',
  'locations.csv',
  'addresses.csv',
  'phones.csv',
  'languages.csv',
  'schedules.csv',
  'service_at_location.csv',
  'service_at_locations.csv',
  'attributes.csv',
  'taxonomy_terms.csv',
  'taxonomies.csv',
  'datapackage.json',
])
const NUMBER_COLUMNS = new Set(['latitude', 'longitude', 'minimum_age', 'maximum_age', 'year_incorporated'])

interface CsvRecord {
  row: number
  object: HsdsObject
}

/** A cell as HSDS JSON would hold it: absent when blank, a number or boolean where the column is one. */
function value(column: string, text: string): unknown {
  const cell = unguard(text).trim()
  if (cell === '') return undefined
  if (NUMBER_COLUMNS.has(column) && /^-?\d+(\.\d+)?$/.test(cell)) return Number(cell)
  if (column === ORGANISATION_ACTIVE_EXTENSION) {
    if (/^(true|yes|1)$/i.test(cell)) return true
    if (/^(false|no|0)$/i.test(cell)) return false
  }
  return cell
}

function records(name: string, bytes: Uint8Array | undefined, errors: DirectoryImportError[]): CsvRecord[] {
  if (!bytes) return []
  const table = readCsv(bytes)
  for (const problem of table.problems) errors.push({ table: name, ...problem })
  if (table.rows.length > MAX_HSDS_OBJECTS)
    throw unreadable('too_many', `${name} has more than ${MAX_HSDS_OBJECTS} rows.`)
  return table.rows.map(({ row, cells, problems }) => {
    for (const problem of problems) errors.push({ table: name, ...problem })
    const object: HsdsObject = {}
    table.headers.forEach((header, index) => {
      const cell = value(header, cells[index] ?? '')
      if (cell !== undefined) object[header] = cell
    })
    return { row, object }
  })
}

function groupBy(rows: readonly CsvRecord[], column: string): Map<unknown, HsdsObject[]> {
  const groups = new Map<unknown, HsdsObject[]>()
  for (const { object } of rows) {
    const key = object[column]
    if (key === undefined) continue
    groups.set(key, [...(groups.get(key) ?? []), object])
  }
  return groups
}

export function readHsdsCsvPackage(files: PickedFile[], baseName: (name: string) => string): HsdsSource {
  const byName = new Map(files.map((file) => [baseName(file.name).toLowerCase(), file.content]))
  if (!byName.has('organizations.csv')) {
    throw unreadable(
      'no_organizations',
      'The package has no organizations.csv: it is not an HSDS CSV package.',
    )
  }
  const notes = [...byName.keys()].some((name) => !KNOWN_FILES.has(name)) ? ['ignored_files'] : []
  const errors: DirectoryImportError[] = []
  const read = (name: string) => records(name, byName.get(name), errors)

  const organizations = read('organizations.csv')
  const services = read('services.csv')
  const links = [...read('service_at_location.csv'), ...read('service_at_locations.csv')]
  const addressesOf = groupBy(read('addresses.csv'), 'location_id')
  const locations: CsvRecord[] = read('locations.csv').map(({ row, object }) => ({
    row,
    object: { ...object, addresses: addressesOf.get(object['id']) ?? [] },
  }))
  const locationById = new Map(locations.map(({ object }) => [object['id'], object]))
  const linkedLocations = new Set(links.map(({ object }) => object['location_id']))
  const phones = read('phones.csv')
  const taxonomies = new Map(read('taxonomies.csv').map(({ object }) => [object['id'], object]))
  const terms = new Map(
    read('taxonomy_terms.csv').map(({ object }) => [
      object['id'],
      { ...object, taxonomy_detail: taxonomies.get(object['taxonomy_id']) },
    ]),
  )
  const attributesOf = groupBy(
    read('attributes.csv').map(({ row, object }) => ({
      row,
      object: { ...object, taxonomy_term: terms.get(object['taxonomy_term_id']) },
    })),
    'link_id',
  )
  const orgPhones = groupBy(
    phones.filter(({ object }) => !object['service_id'] && !object['location_id']),
    'organization_id',
  )
  const servicePhones = groupBy(phones, 'service_id')
  // An organization's own location is one no service_at_location points at.
  const orgLocations = groupBy(
    locations.filter(({ object }) => !linkedLocations.has(object['id'])),
    'organization_id',
  )
  const languagesOf = groupBy(read('languages.csv'), 'service_id')
  const schedulesOf = groupBy(read('schedules.csv'), 'service_id')
  const linksOf = groupBy(
    links.map(({ row, object }) => ({
      row,
      object: { ...object, location: locationById.get(object['location_id']) },
    })),
    'service_id',
  )

  const organizationObjects: Positioned[] = organizations.map(({ row, object }) => ({
    table: 'organizations.csv',
    row,
    object: {
      ...object,
      phones: orgPhones.get(object['id']) ?? [],
      locations: orgLocations.get(object['id']) ?? [],
      attributes: attributesOf.get(object['id']) ?? [],
    },
  }))
  const serviceObjects: Positioned[] = services.map(({ row, object }) => ({
    table: 'services.csv',
    row,
    object: {
      ...object,
      phones: servicePhones.get(object['id']) ?? [],
      languages: languagesOf.get(object['id']) ?? [],
      schedules: schedulesOf.get(object['id']) ?? [],
      service_at_locations: linksOf.get(object['id']) ?? [],
      attributes: attributesOf.get(object['id']) ?? [],
    },
  }))
  return { format: 'hsds-csv', organizations: organizationObjects, services: serviceObjects, errors, notes }
}
