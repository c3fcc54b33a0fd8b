import type {
  DirectoryOrganisation,
  DirectoryService,
  OrganisationDraft,
  ServiceDraft,
} from '../../api/contract/directory'

/** Columns organisations and services share (contact and location), in one place. */
interface ContactLocationRow {
  phone: string | null
  email: string | null
  website: string | null
  address: string | null
  city: string | null
  region: string | null
  postal_code: string | null
  country: string | null
  latitude: number | null
  longitude: number | null
}

export interface OrganisationRow extends ContactLocationRow {
  id: number
  hsds_id: string
  name: string
  org_type: string | null
  description: string | null
  active: number
  service_count: number
  version: number
  created_at: string
  updated_at: string
}

export interface ServiceRow extends ContactLocationRow {
  id: number
  hsds_id: string
  organisation_id: number
  organisation_name: string
  organisation_type: string | null
  organisation_active: number
  name: string
  description: string | null
  /** JSON array of spl_Type codes (json_group_array), sorted. */
  service_types: string
  languages: string
  eligibility_notes: string | null
  opening_hours: string | null
  active: number
  version: number
  created_at: string
  updated_at: string
}

type ContactLocation = Pick<
  OrganisationDraft,
  | 'phone'
  | 'email'
  | 'website'
  | 'address'
  | 'city'
  | 'region'
  | 'postalCode'
  | 'country'
  | 'latitude'
  | 'longitude'
>

function contactLocationOf(row: ContactLocationRow): ContactLocation {
  return {
    phone: row.phone,
    email: row.email,
    website: row.website,
    address: row.address,
    city: row.city,
    region: row.region,
    postalCode: row.postal_code,
    country: row.country,
    latitude: row.latitude,
    longitude: row.longitude,
  }
}

/** Named parameters for the shared columns (better-sqlite3 binds @name). */
export function contactLocationParams(draft: ContactLocation): ContactLocationRow {
  return {
    phone: draft.phone,
    email: draft.email,
    website: draft.website,
    address: draft.address,
    city: draft.city,
    region: draft.region,
    postal_code: draft.postalCode,
    country: draft.country,
    latitude: draft.latitude,
    longitude: draft.longitude,
  }
}

export function rowToOrganisation(row: OrganisationRow): DirectoryOrganisation {
  return {
    id: row.id,
    hsdsId: row.hsds_id,
    name: row.name,
    orgType: row.org_type,
    description: row.description,
    ...contactLocationOf(row),
    active: row.active === 1,
    serviceCount: row.service_count,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}

export function rowToService(row: ServiceRow): DirectoryService {
  return {
    id: row.id,
    hsdsId: row.hsds_id,
    organisationId: row.organisation_id,
    organisationName: row.organisation_name,
    organisationType: row.organisation_type,
    organisationActive: row.organisation_active === 1,
    name: row.name,
    description: row.description,
    serviceTypes: (JSON.parse(row.service_types) as string[]).sort(),
    ...contactLocationOf(row),
    languages: JSON.parse(row.languages) as string[],
    eligibilityNotes: row.eligibility_notes,
    openingHours: row.opening_hours,
    active: row.active === 1,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}

/** What the repository writes for an organisation (the draft plus its HSDS id and status). */
export interface OrganisationWrite extends Omit<OrganisationDraft, 'id' | 'version' | 'active'> {
  hsdsId: string
  active: boolean
}

export interface ServiceWrite extends Omit<ServiceDraft, 'id' | 'version' | 'active'> {
  hsdsId: string
  active: boolean
}
