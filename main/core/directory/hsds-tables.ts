// The HSDS 3.0 tabular data package: which CSV files, which columns (names, types, required),
// copied from the standard's own datapackage.json (openreferral/specification, 3.0). Only the
// tables a CaseVault directory fills are listed; each keeps HSDS's full column set.
import { ORGANISATION_ACTIVE_EXTENSION } from './hsds-ids'

type FieldSpec = readonly [name: string, type: string, required?: boolean, format?: string]

interface TableSpec {
  name: string
  path: string
  description: string
  fields: readonly FieldSpec[]
  foreignKeys: readonly [field: string, resource: string][]
}

const id: FieldSpec = ['id', 'string', true, 'uuid']
const uuidRef = (name: string, required = false): FieldSpec => [name, 'string', required, 'uuid']

export const HSDS_TABLES = [
  {
    name: 'organization',
    path: 'organizations.csv',
    description: 'The details about each organization delivering services.',
    fields: [
      id,
      ['name', 'string', true],
      ['alternate_name', 'string'],
      ['description', 'string', true],
      ['email', 'string', false, 'email'],
      ['website', 'string', false, 'uri'],
      ['tax_status', 'string'],
      ['tax_id', 'string'],
      ['year_incorporated', 'number'],
      ['legal_status', 'string'],
      ['logo', 'string'],
      ['uri', 'string', false, 'uri'],
      uuidRef('parent_organization_id'),
      [ORGANISATION_ACTIVE_EXTENSION, 'boolean'],
    ],
    foreignKeys: [],
  },
  {
    name: 'service',
    path: 'services.csv',
    description: 'The details of the services provided by organizations to a range of different groups.',
    fields: [
      id,
      uuidRef('organization_id', true),
      uuidRef('program_id'),
      ['name', 'string', true],
      ['alternate_name', 'string'],
      ['description', 'string'],
      ['url', 'string', false, 'uri'],
      ['email', 'string', false, 'email'],
      ['status', 'string', true],
      ['interpretation_services', 'string'],
      ['application_process', 'string'],
      ['fees_description', 'string'],
      ['wait_time', 'string'],
      ['fees', 'string'],
      ['accreditations', 'string'],
      ['eligibility_description', 'string'],
      ['minimum_age', 'number'],
      ['maximum_age', 'number'],
      ['assured_date', 'date'],
      ['assurer_email', 'string', false, 'email'],
      ['licenses', 'string'],
      ['alert', 'string'],
      ['last_modified', 'datetime'],
    ],
    foreignKeys: [['organization_id', 'organization']],
  },
  {
    name: 'location',
    path: 'locations.csv',
    description: 'The locations where organizations operate.',
    fields: [
      id,
      ['location_type', 'string', true],
      ['url', 'string', false, 'uri'],
      uuidRef('organization_id'),
      ['name', 'string'],
      ['alternate_name', 'string'],
      ['description', 'string'],
      ['transportation', 'string'],
      ['latitude', 'number'],
      ['longitude', 'number'],
      ['external_identifier', 'string'],
      ['external_identifier_type', 'string'],
    ],
    foreignKeys: [['organization_id', 'organization']],
  },
  {
    name: 'address',
    path: 'addresses.csv',
    description: 'The addresses of locations where organizations operate.',
    fields: [
      id,
      uuidRef('location_id'),
      ['attention', 'string'],
      ['address_1', 'string', true],
      ['address_2', 'string'],
      ['city', 'string', true],
      ['region', 'string'],
      ['state_province', 'string', true],
      ['postal_code', 'string', true],
      ['country', 'string', true],
      ['address_type', 'string', true],
    ],
    foreignKeys: [['location_id', 'location']],
  },
  {
    name: 'service_at_location',
    path: 'service_at_location.csv',
    description: 'A link between a service and a specific location.',
    fields: [id, uuidRef('service_id', true), uuidRef('location_id', true), ['description', 'string']],
    foreignKeys: [
      ['service_id', 'service'],
      ['location_id', 'location'],
    ],
  },
  {
    name: 'phone',
    path: 'phones.csv',
    description:
      'The details of the telephone numbers used to contact organizations, services, and locations.',
    fields: [
      id,
      uuidRef('location_id'),
      uuidRef('service_id'),
      uuidRef('organization_id'),
      uuidRef('contact_id'),
      uuidRef('service_at_location_id'),
      ['number', 'string', true],
      ['extension', 'number'],
      ['type', 'string'],
      ['description', 'string'],
    ],
    foreignKeys: [
      ['location_id', 'location'],
      ['organization_id', 'organization'],
      ['service_id', 'service'],
    ],
  },
  {
    name: 'language',
    path: 'languages.csv',
    description: 'The languages that are spoken at locations or services.',
    fields: [
      id,
      uuidRef('service_id'),
      uuidRef('location_id'),
      uuidRef('phone_id'),
      ['name', 'string'],
      ['code', 'string'],
      ['note', 'string'],
    ],
    foreignKeys: [['service_id', 'service']],
  },
  {
    name: 'schedule',
    path: 'schedules.csv',
    description: 'The details of when a service or location is open.',
    fields: [
      id,
      uuidRef('service_id'),
      uuidRef('location_id'),
      uuidRef('service_at_location_id'),
      ['valid_from', 'date'],
      ['valid_to', 'date'],
      ['dtstart', 'date'],
      ['timezone', 'number'],
      ['until', 'date'],
      ['count', 'number'],
      ['wkst', 'string'],
      ['freq', 'string'],
      ['interval', 'number'],
      ['byday', 'string'],
      ['byweekno', 'string'],
      ['bymonthday', 'string'],
      ['byyearday', 'string'],
      ['description', 'string'],
      ['opens_at', 'time'],
      ['closes_at', 'time'],
      ['schedule_link', 'string', false, 'uri'],
      ['attending_type', 'string'],
      ['notes', 'string'],
    ],
    foreignKeys: [['service_id', 'service']],
  },
  {
    name: 'attribute',
    path: 'attributes.csv',
    description: 'A link between an object and one or more classifications (taxonomy terms).',
    fields: [
      id,
      uuidRef('link_id', true),
      uuidRef('taxonomy_term_id', true),
      ['link_type', 'string'],
      ['link_entity', 'string', true],
      ['value', 'string'],
    ],
    foreignKeys: [['taxonomy_term_id', 'taxonomy_term']],
  },
  {
    name: 'taxonomy_term',
    path: 'taxonomy_terms.csv',
    description: 'The taxonomy terms used to classify services and organizations.',
    fields: [
      id,
      ['code', 'string'],
      ['name', 'string', true],
      ['description', 'string', true],
      uuidRef('parent_id'),
      ['taxonomy', 'string'],
      ['language', 'string'],
      uuidRef('taxonomy_id'),
      ['term_uri', 'string', false, 'uri'],
    ],
    foreignKeys: [['taxonomy_id', 'taxonomy']],
  },
  {
    name: 'taxonomy',
    path: 'taxonomies.csv',
    description: 'The taxonomies from which taxonomy terms are taken.',
    fields: [
      id,
      ['name', 'string', true],
      ['description', 'string', true],
      ['uri', 'string', false, 'uri'],
      ['version', 'string'],
    ],
    foreignKeys: [],
  },
] as const satisfies readonly TableSpec[]

export type HsdsTableName = (typeof HSDS_TABLES)[number]['name']

export function columnsOf(table: HsdsTableName): string[] {
  return HSDS_TABLES.find((spec) => spec.name === table)!.fields.map(([name]) => name)
}

/** The package descriptor, in the shape of HSDS's own datapackage.json (Frictionless Tabular Data Package). */
export function datapackageDescriptor(): Record<string, unknown> {
  return {
    name: 'human_services_data',
    title: 'Human Services Data Specification',
    profile: 'tabular-data-package',
    version: '3.0.0',
    homepage: 'http://docs.openreferral.org',
    description:
      `A service directory exported by CaseVault. Extension: organizations.csv column ${ORGANISATION_ACTIVE_EXTENSION} ` +
      '(false when the organization no longer takes referrals). HTCDS organisation and service types are ' +
      'attributes with terms from the taxonomies "HTCDS org_Type" and "HTCDS spl_Type".',
    resources: HSDS_TABLES.map((table) => ({
      name: table.name,
      path: table.path,
      description: table.description,
      format: 'csv',
      mediatype: 'text/csv',
      encoding: 'utf-8',
      profile: 'tabular-data-resource',
      schema: {
        fields: table.fields.map(([name, type, required, format]) => ({
          name,
          type,
          ...(format ? { format } : {}),
          constraints: { required: required ?? false, ...(name === 'id' ? { unique: true } : {}) },
        })),
        primaryKey: 'id',
        ...(table.foreignKeys.length > 0
          ? {
              foreignKeys: table.foreignKeys.map(([field, resource]) => ({
                fields: field,
                reference: { resource, fields: 'id' },
              })),
            }
          : {}),
      },
    })),
  }
}
