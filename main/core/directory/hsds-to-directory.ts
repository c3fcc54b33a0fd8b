// HSDS objects → directory drafts, checked with the same zod schemas the API uses. Every problem
// becomes a row error naming the HSDS field; messages never repeat the value.
import type { z } from 'zod'
import {
  saveOrganisationInput,
  saveServiceInput,
  type DirectoryImportError,
  type OrganisationDraft,
  type ServiceDraft,
} from '../../api/contract/directory'
import { codesOf } from '../../api/contract/htcds'
import type { HsdsObject } from './hsds-json'
import {
  HTCDS_TAXONOMIES,
  htcdsTerm,
  isUuid,
  ORGANISATION_ACTIVE_EXTENSION,
  type HtcdsTaxonomy,
} from './hsds-ids'
import type { Positioned } from './hsds-source'

export interface OrganisationCandidate {
  hsdsId: string
  draft: Omit<OrganisationDraft, 'id'> & { active: boolean }
  /**
   * Whether the file says if it is active: HSDS organisations have no status, only CaseVault's own
   * exports add one. A partner's file that does not say leaves a deactivated organisation (a fake
   * jobs agency, say) deactivated: it was reactivated and offered again in the referral pickers.
   */
  activeInFile: boolean
}

export interface ServiceCandidate {
  hsdsId: string
  organisationHsdsId: string
  draft: Omit<ServiceDraft, 'id' | 'organisationId'> & { active: boolean }
}

const organisationSchema = saveOrganisationInput.omit({ id: true })
const serviceSchema = saveServiceInput.omit({ id: true, organisationId: true })

const PLACE_FIELDS = {
  address: 'addresses.address_1',
  city: 'addresses.city',
  region: 'addresses.state_province',
  postalCode: 'addresses.postal_code',
  country: 'addresses.country',
  latitude: 'location.latitude',
  longitude: 'location.longitude',
}
const ORGANISATION_FIELDS: Record<string, string> = {
  ...PLACE_FIELDS,
  name: 'name',
  orgType: 'attributes (HTCDS org_Type)',
  description: 'description',
  phone: 'phones.number',
  email: 'email',
  website: 'website',
  active: ORGANISATION_ACTIVE_EXTENSION,
}
const SERVICE_FIELDS: Record<string, string> = {
  ...ORGANISATION_FIELDS,
  website: 'url',
  serviceTypes: 'attributes (HTCDS spl_Type)',
  languages: 'languages.code',
  eligibilityNotes: 'eligibility_description',
  openingHours: 'schedules.description',
  active: 'status',
}

const list = (value: unknown): HsdsObject[] =>
  Array.isArray(value)
    ? value.filter((item): item is HsdsObject => typeof item === 'object' && item !== null)
    : []
/** A country code in capitals; blank is "not known" (HSDS requires the property, so files write ""). */
const countryCode = (value: unknown) =>
  typeof value === 'string' ? value.trim().toUpperCase() || undefined : value
/**
 * The first phone's number with its extension, as the phone field accepts one ("… ext. 204"): the
 * number alone reaches a switchboard, not the unit. Stray quotes (HSDS's own example data) are dropped.
 */
const firstPhone = (owner: HsdsObject) => {
  const phone = list(owner['phones'])[0]
  const number = phone?.['number']
  if (typeof number !== 'string') return number
  const digits = number.replace(/"/g, '').trim()
  const extension = String(phone?.['extension'] ?? '').trim()
  return extension ? `${digits} ext. ${extension}` : digits
}
const lower = (value: unknown) => (typeof value === 'string' ? value.trim().toLowerCase() : value)

function reason(issue: z.core.$ZodIssue, input: unknown): string {
  switch (issue.code) {
    case 'too_big':
      return issue.origin === 'array'
        ? 'too many values'
        : issue.origin === 'number'
          ? 'out of range'
          : 'too long'
    case 'too_small':
      return issue.origin === 'number' ? 'out of range' : 'required'
    case 'invalid_type':
      return input === undefined || input === null ? 'required' : `wrong type (expected ${issue.expected})`
    case 'invalid_value':
      return 'not a known code'
    case 'custom':
      return issue.message
    default:
      return 'not valid'
  }
}

function issuesToErrors(
  at: Positioned,
  error: z.ZodError,
  fields: Record<string, string>,
  raw: Record<string, unknown>,
): DirectoryImportError[] {
  return error.issues.map((issue) => {
    const key = String(issue.path[0] ?? '')
    return { table: at.table, row: at.row, field: fields[key] ?? key, reason: reason(issue, raw[key]) }
  })
}

const htcdsTaxonomies: readonly HtcdsTaxonomy[] = Object.values(HTCDS_TAXONOMIES)
/** Term id → code, for a package whose attributes.csv came without taxonomy_terms.csv. */
const knownTerms = new Map(
  htcdsTaxonomies.flatMap((taxonomy) =>
    codesOf(taxonomy.list).map(
      (entry) => [htcdsTerm(taxonomy, entry.code).id, { taxonomy, code: entry.code }] as const,
    ),
  ),
)

function taxonomyOf(term: HsdsObject): HtcdsTaxonomy | undefined {
  const detail = (term['taxonomy_detail'] ?? {}) as HsdsObject
  return htcdsTaxonomies.find(
    (taxonomy) =>
      term['taxonomy_id'] === taxonomy.id ||
      term['taxonomy'] === taxonomy.name ||
      detail['name'] === taxonomy.name,
  )
}

/** The codes of one HTCDS taxonomy among an object's attributes; `others` counts other taxonomies' terms. */
function htcdsCodes(owner: HsdsObject, taxonomy: HtcdsTaxonomy): { codes: unknown[]; others: number } {
  const codes: unknown[] = []
  let others = 0
  for (const attribute of list(owner['attributes'])) {
    const term = attribute['taxonomy_term']
    const known = knownTerms.get(String(attribute['taxonomy_term_id']))
    const found =
      typeof term === 'object' && term !== null
        ? { taxonomy: taxonomyOf(term as HsdsObject), code: (term as HsdsObject)['code'] }
        : (known ?? { taxonomy: undefined, code: undefined })
    if (found.taxonomy === taxonomy) codes.push(found.code)
    else if (!found.taxonomy) others += 1
  }
  return { codes, others }
}

function place(location: HsdsObject | undefined): Record<string, unknown> {
  const address = list(location?.['addresses'])[0]
  return {
    address: address?.['address_1'],
    city: address?.['city'],
    region: address?.['state_province'] ?? address?.['region'],
    postalCode: address?.['postal_code'],
    country: countryCode(address?.['country']),
    latitude: location?.['latitude'],
    longitude: location?.['longitude'],
  }
}

function idErrors(at: Positioned, id: unknown): DirectoryImportError[] {
  if ('__not_an_object' in at.object)
    return [{ table: at.table, row: at.row, field: '(row)', reason: 'not an object' }]
  if (isUuid(id)) return []
  return [{ table: at.table, row: at.row, field: 'id', reason: id === undefined ? 'required' : 'not a UUID' }]
}

export function toOrganisation(at: Positioned): {
  candidate?: OrganisationCandidate
  errors: DirectoryImportError[]
  otherAttributes: number
} {
  const object = at.object
  const errors = idErrors(at, object['id'])
  if ('__not_an_object' in object) return { errors, otherAttributes: 0 }
  const { codes, others } = htcdsCodes(object, HTCDS_TAXONOMIES.org_Type)
  if (codes.length > 1)
    errors.push({
      table: at.table,
      row: at.row,
      field: ORGANISATION_FIELDS['orgType']!,
      reason: 'more than one organisation type',
    })
  const raw: Record<string, unknown> = {
    name: object['name'],
    orgType: codes[0],
    description: object['description'],
    phone: firstPhone(object),
    email: object['email'],
    website: object['website'],
    ...place(list(object['locations'])[0]),
    active: object[ORGANISATION_ACTIVE_EXTENSION],
  }
  const parsed = organisationSchema.safeParse(raw)
  if (!parsed.success) errors.push(...issuesToErrors(at, parsed.error, ORGANISATION_FIELDS, raw))
  if (errors.length > 0 || !parsed.success) return { errors, otherAttributes: others }
  return {
    candidate: {
      hsdsId: String(object['id']).toLowerCase(),
      draft: { ...parsed.data, active: parsed.data.active ?? true },
      activeInFile: parsed.data.active !== undefined,
    },
    errors,
    otherAttributes: others,
  }
}

const STATUS: Record<string, boolean> = {
  active: true,
  inactive: false,
  defunct: false,
  'temporarily closed': false,
}

function organisationIdOf(object: HsdsObject): unknown {
  const nested = object['organization']
  return (
    object['organization_id'] ??
    (typeof nested === 'object' && nested !== null ? (nested as HsdsObject)['id'] : undefined)
  )
}

export function toService(at: Positioned): {
  candidate?: ServiceCandidate
  errors: DirectoryImportError[]
  otherAttributes: number
} {
  const object = at.object
  const errors = idErrors(at, object['id'])
  if ('__not_an_object' in object) return { errors, otherAttributes: 0 }
  const organisationId = organisationIdOf(object)
  if (!isUuid(organisationId)) {
    errors.push({
      table: at.table,
      row: at.row,
      field: 'organization_id',
      reason: organisationId === undefined ? 'required' : 'not a UUID',
    })
  }
  const status = object['status']
  const active = typeof status === 'string' ? STATUS[status.trim().toLowerCase()] : undefined
  if (active === undefined) {
    errors.push({
      table: at.table,
      row: at.row,
      field: 'status',
      reason: status === undefined ? 'required' : 'not a known code',
    })
  }
  const { codes, others } = htcdsCodes(object, HTCDS_TAXONOMIES.spl_Type)
  const openingHours = list(object['schedules'])
    .map((schedule) => schedule['description'])
    .filter((text): text is string => typeof text === 'string' && text.trim() !== '')
    .join('; ')
  const raw: Record<string, unknown> = {
    name: object['name'],
    description: object['description'],
    serviceTypes: codes,
    phone: firstPhone(object),
    email: object['email'],
    website: object['url'],
    ...place(list(object['service_at_locations'])[0]?.['location'] as HsdsObject | undefined),
    languages: list(object['languages']).map((language) => lower(language['code'])),
    eligibilityNotes: object['eligibility_description'],
    openingHours: openingHours || null,
  }
  const parsed = serviceSchema.safeParse(raw)
  if (!parsed.success) errors.push(...issuesToErrors(at, parsed.error, SERVICE_FIELDS, raw))
  if (errors.length > 0 || !parsed.success) return { errors, otherAttributes: others }
  return {
    candidate: {
      hsdsId: String(object['id']).toLowerCase(),
      organisationHsdsId: String(organisationId).toLowerCase(),
      draft: { ...parsed.data, active: active ?? true },
    },
    errors,
    otherAttributes: others,
  }
}

/** An organization nested in a service (HSDS's service view) when the file does not list it apart. */
export function nestedOrganisation(at: Positioned): Positioned | null {
  const nested = at.object['organization']
  return typeof nested === 'object' && nested !== null && !Array.isArray(nested)
    ? { table: `${at.table}.organization`, row: at.row, object: nested as HsdsObject }
    : null
}
