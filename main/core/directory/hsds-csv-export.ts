// The HSDS JSON document flattened into HSDS's tabular data package: one CSV per object type,
// nested objects replaced by id columns (the standard's foreign keys), plus datapackage.json.
import { CsvBuilder, type CsvCell } from '../export/csv-writer'
import type { BundleEntry } from '../export/tar-bundle'
import { HSDS_TABLES, columnsOf, datapackageDescriptor, type HsdsTableName } from './hsds-tables'
import type { HsdsObject } from './hsds-json'

type Rows = Map<HsdsTableName, Map<string, HsdsObject>>

const list = (value: unknown): HsdsObject[] => (Array.isArray(value) ? (value as HsdsObject[]) : [])

function add(rows: Rows, table: HsdsTableName, object: HsdsObject): void {
  // Keyed by id: a taxonomy term used by many services, or an organization nested in each of its
  // services, is one row.
  rows.get(table)!.set(String(object['id']), object)
}

function addAttributes(rows: Rows, owner: HsdsObject): void {
  for (const attribute of list(owner['attributes'])) {
    add(rows, 'attribute', attribute)
    const term = attribute['taxonomy_term'] as HsdsObject | undefined
    if (!term) continue
    add(rows, 'taxonomy_term', term)
    const taxonomy = term['taxonomy_detail'] as HsdsObject | undefined
    if (taxonomy) add(rows, 'taxonomy', taxonomy)
  }
}

function addLocation(rows: Rows, location: HsdsObject): void {
  add(rows, 'location', location)
  for (const address of list(location['addresses'])) add(rows, 'address', address)
}

function addOrganization(rows: Rows, organization: HsdsObject): void {
  add(rows, 'organization', organization)
  for (const phone of list(organization['phones'])) add(rows, 'phone', phone)
  for (const location of list(organization['locations'])) addLocation(rows, location)
  addAttributes(rows, organization)
}

function cell(value: unknown): CsvCell {
  if (value === undefined || value === null) return null
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value
  return null
}

/** One CSV per HSDS table (header only when empty) and the package descriptor. */
export function hsdsCsvEntries(document: HsdsObject): BundleEntry[] {
  const rows: Rows = new Map(HSDS_TABLES.map((table) => [table.name, new Map()]))
  for (const organization of list(document['organizations'])) addOrganization(rows, organization)
  for (const service of list(document['services'])) {
    add(rows, 'service', service)
    for (const phone of list(service['phones'])) add(rows, 'phone', phone)
    for (const language of list(service['languages'])) add(rows, 'language', language)
    for (const schedule of list(service['schedules'])) add(rows, 'schedule', schedule)
    for (const link of list(service['service_at_locations'])) {
      add(rows, 'service_at_location', link)
      const location = link['location'] as HsdsObject | undefined
      if (location) addLocation(rows, location)
    }
    addAttributes(rows, service)
  }
  const entries = HSDS_TABLES.map((table) => {
    const columns = columnsOf(table.name)
    // For other directories' software, not a spreadsheet: Frictionless readers expect bare UTF-8.
    const csv = new CsvBuilder(columns, { byteOrderMark: false })
    for (const object of rows.get(table.name)!.values())
      csv.add(columns.map((column) => cell(object[column])))
    return { name: table.path, content: csv.toBuffer() }
  })
  return [
    {
      name: 'datapackage.json',
      content: Buffer.from(`${JSON.stringify(datapackageDescriptor(), null, 2)}\n`),
    },
    ...entries,
  ]
}
