// Directory rows → HSDS 3.0 objects (the canonical JSON serialisation, dereferenced: phones,
// locations, addresses, languages, schedules and attributes nested in their owners).
import type { DirectoryOrganisation, DirectoryService } from '../../api/contract/directory'
import { codeLabel } from '../../api/contract/htcds'
import {
  HTCDS_TAXONOMIES,
  HTCDS_TAXONOMY_VERSION,
  ORGANISATION_ACTIVE_EXTENSION,
  htcdsTerm,
  stableUuid,
  type HtcdsTaxonomy,
} from './hsds-ids'

export type HsdsObject = Record<string, unknown>

/** HSDS types its properties as strings or numbers, never null: absent values are left out. */
export function compact(object: HsdsObject): HsdsObject {
  return Object.fromEntries(
    Object.entries(object).filter(([, value]) => value !== null && value !== undefined),
  )
}

type Place = Pick<
  DirectoryOrganisation,
  'address' | 'city' | 'region' | 'postalCode' | 'country' | 'latitude' | 'longitude'
>

const hasAddress = (place: Place) =>
  Boolean(place.address || place.city || place.region || place.postalCode || place.country)
const hasPlace = (place: Place) => hasAddress(place) || place.latitude !== null || place.longitude !== null

function location(ownerId: string, organizationId: string, place: Place, name: string): HsdsObject {
  const id = stableUuid('location', ownerId)
  return compact({
    id,
    location_type: 'physical',
    organization_id: organizationId,
    name,
    latitude: place.latitude,
    longitude: place.longitude,
    // HSDS requires every address line it names; a part CaseVault does not know is an empty string
    // (read back as "not known", country included).
    addresses: hasAddress(place)
      ? [
          {
            id: stableUuid('address', ownerId),
            location_id: id,
            address_1: place.address ?? '',
            city: place.city ?? '',
            state_province: place.region ?? '',
            postal_code: place.postalCode ?? '',
            country: place.country ?? '',
            address_type: 'physical',
          },
        ]
      : [],
  })
}

function attribute(linkId: string, linkEntity: string, taxonomy: HtcdsTaxonomy, code: string): HsdsObject {
  const term = htcdsTerm(taxonomy, code)
  return {
    id: stableUuid('attribute', linkId, taxonomy.list, code),
    link_id: linkId,
    link_entity: linkEntity,
    link_type: taxonomy.list === 'org_Type' ? 'organization_type' : 'service_type',
    taxonomy_term_id: term.id,
    taxonomy_term: {
      ...term,
      taxonomy_detail: {
        id: taxonomy.id,
        name: taxonomy.name,
        description: taxonomy.description,
        version: HTCDS_TAXONOMY_VERSION,
      },
    },
  }
}

export function organizationJson(organisation: DirectoryOrganisation): HsdsObject {
  const id = organisation.hsdsId
  return compact({
    id,
    name: organisation.name,
    description: organisation.description ?? '',
    email: organisation.email,
    website: organisation.website,
    [ORGANISATION_ACTIVE_EXTENSION]: organisation.active,
    phones: organisation.phone
      ? [{ id: stableUuid('phone', id), organization_id: id, number: organisation.phone }]
      : [],
    locations: hasPlace(organisation) ? [location(id, id, organisation, organisation.name)] : [],
    attributes: organisation.orgType
      ? [attribute(id, 'organization', HTCDS_TAXONOMIES.org_Type, organisation.orgType)]
      : [],
  })
}

export function serviceJson(service: DirectoryService, organisation: DirectoryOrganisation): HsdsObject {
  const id = service.hsdsId
  const place = hasPlace(service) ? location(id, organisation.hsdsId, service, service.name) : null
  return compact({
    id,
    organization_id: organisation.hsdsId,
    name: service.name,
    description: service.description,
    url: service.website,
    email: service.email,
    status: service.active ? 'active' : 'inactive',
    eligibility_description: service.eligibilityNotes,
    last_modified: service.updatedAt,
    phones: service.phone ? [{ id: stableUuid('phone', id), service_id: id, number: service.phone }] : [],
    languages: service.languages.map((code) => ({
      id: stableUuid('language', id, code),
      service_id: id,
      code,
      name: codeLabel('iso639', code),
    })),
    schedules: service.openingHours
      ? [{ id: stableUuid('schedule', id), service_id: id, description: service.openingHours }]
      : [],
    service_at_locations: place
      ? [
          {
            id: stableUuid('service_at_location', id),
            service_id: id,
            location_id: place['id'],
            location: place,
          },
        ]
      : [],
    attributes: service.serviceTypes.map((code) => attribute(id, 'service', HTCDS_TAXONOMIES.spl_Type, code)),
    organization: organizationJson(organisation),
  })
}

/**
 * The whole directory as one HSDS JSON document. HSDS 3.0 defines objects, not a file wrapper:
 * services (each with its organization nested, as the standard's service view) plus every
 * organization, so one without services travels too.
 */
export function hsdsDocument(
  organisations: readonly DirectoryOrganisation[],
  services: readonly DirectoryService[],
  exportedAt: string,
): HsdsObject {
  const byId = new Map(organisations.map((organisation) => [organisation.id, organisation]))
  return {
    hsds_version: '3.0',
    generator: 'CaseVault',
    exported_at: exportedAt,
    organizations: organisations.map(organizationJson),
    services: services.flatMap((service) => {
      const organisation = byId.get(service.organisationId)
      return organisation ? [serviceJson(service, organisation)] : []
    }),
  }
}
