// SQL for the service directory, prepared once per session. Filters are bound parameters in one
// statement each ("@x IS NULL OR …"): no SQL is ever assembled from what the renderer sends.
import type { VaultDatabase } from '../db/connection'
import { foldForSearch } from '../cases/search-fold'
import {
  contactLocationParams,
  type OrganisationRow,
  type OrganisationWrite,
  type ServiceRow,
  type ServiceWrite,
} from './directory-rows'

const SHARED = 'phone, email, website, address, city, region, postal_code, country, latitude, longitude'
const SHARED_PARAMS = SHARED.split(', ')
  .map((column) => `@${column}`)
  .join(', ')
const SHARED_SET = SHARED.split(', ')
  .map((column) => `${column} = @${column}`)
  .join(', ')

const ORGANISATION_SELECT = `SELECT o.*, (SELECT count(*) FROM directory_services s WHERE s.organisation_id = o.id) AS service_count
  FROM directory_organisations o`

const SERVICE_SELECT = `SELECT s.*, o.name AS organisation_name, o.org_type AS organisation_type,
    o.active AS organisation_active,
    (SELECT json_group_array(type) FROM directory_service_types t WHERE t.service_id = s.id) AS service_types
  FROM directory_services s JOIN directory_organisations o ON o.id = s.organisation_id`

export interface OrganisationFilter {
  pattern: string | null
  orgType: string | null
  activeOnly: number
}

export interface ServiceFilter extends OrganisationFilter {
  serviceType: string | null
  organisationId: number | null
}

// SQLite's NOCASE folds ASCII only and otherwise sorts by code point ("Ärzte" after "Zebra",
// every capitalised Cyrillic name before every lower-case one), and better-sqlite3 cannot register
// a collation: lists are put in alphabetical order here, in the machine's language.
const alphabetical = new Intl.Collator().compare

const byOrganisation = (a: OrganisationRow, b: OrganisationRow) => alphabetical(a.name, b.name) || a.id - b.id

const byService = (a: ServiceRow, b: ServiceRow) =>
  alphabetical(a.name, b.name) || alphabetical(a.organisation_name, b.organisation_name) || a.id - b.id

/**
 * `%text%` for LIKE against search_fold(column), folded the same way, with the user's own % and _
 * taken literally.
 */
export function likePattern(query: string | undefined): string | null {
  const text = query?.trim()
  return text ? `%${foldForSearch(text).replace(/[\\%_]/g, (char) => `\\${char}`)}%` : null
}

export function createDirectoryRepository(db: VaultDatabase) {
  // LIKE folds ASCII case only: "київ" would not find "Київ", nor "Sao Paulo" "São Paulo". Both
  // sides go through foldForSearch, as the case search does (search-fold.ts). The directory holds
  // thousands of rows at most, so folding on every search needs no index.
  db.function('search_fold', { deterministic: true }, (text: unknown) =>
    typeof text === 'string' ? foldForSearch(text) : text,
  )
  const organisationById = db.prepare<[number], OrganisationRow>(`${ORGANISATION_SELECT} WHERE o.id = ?`)
  const organisationIdByHsds = db.prepare<[string], { id: number }>(
    'SELECT id FROM directory_organisations WHERE hsds_id = ?',
  )
  const organisations = db.prepare<[OrganisationFilter], OrganisationRow>(
    `${ORGANISATION_SELECT}
     WHERE (@orgType IS NULL OR o.org_type = @orgType)
       AND (@activeOnly = 0 OR o.active = 1)
       AND (@pattern IS NULL OR search_fold(o.name) LIKE @pattern ESCAPE '\\'
            OR search_fold(o.description) LIKE @pattern ESCAPE '\\' OR search_fold(o.city) LIKE @pattern ESCAPE '\\')`,
  )
  const insertOrganisation = db.prepare(
    `INSERT INTO directory_organisations (hsds_id, name, org_type, description, ${SHARED}, active, created_at, updated_at)
     VALUES (@hsds_id, @name, @org_type, @description, ${SHARED_PARAMS}, @active, @now, @now)`,
  )
  // Every change, an import's too, moves the version on: a dialog opened before it is then
  // refused as stale (directory-service.ts) instead of writing its older copy over it.
  const updateOrganisation = db.prepare(
    `UPDATE directory_organisations SET name = @name, org_type = @org_type, description = @description,
       ${SHARED_SET}, active = @active, version = version + 1, updated_at = @now WHERE id = @id`,
  )
  const setOrganisationActive = db.prepare(
    'UPDATE directory_organisations SET active = ?, version = version + 1, updated_at = ? WHERE id = ?',
  )

  const serviceById = db.prepare<[number], ServiceRow>(`${SERVICE_SELECT} WHERE s.id = ?`)
  const referralsOfService = db
    .prepare<[number], number>('SELECT count(*) FROM referrals WHERE service_id = ?')
    .pluck()
  const serviceIdByHsds = db.prepare<[string], { id: number }>(
    'SELECT id FROM directory_services WHERE hsds_id = ?',
  )
  const services = db.prepare<[ServiceFilter], ServiceRow>(
    `${SERVICE_SELECT}
     WHERE (@organisationId IS NULL OR s.organisation_id = @organisationId)
       AND (@orgType IS NULL OR o.org_type = @orgType)
       AND (@serviceType IS NULL OR EXISTS
            (SELECT 1 FROM directory_service_types t WHERE t.service_id = s.id AND t.type = @serviceType))
       AND (@activeOnly = 0 OR (s.active = 1 AND o.active = 1))
       AND (@pattern IS NULL OR search_fold(s.name) LIKE @pattern ESCAPE '\\'
            OR search_fold(o.name) LIKE @pattern ESCAPE '\\' OR search_fold(s.description) LIKE @pattern ESCAPE '\\'
            OR search_fold(s.eligibility_notes) LIKE @pattern ESCAPE '\\'
            -- A service without a place of its own is where its organisation is.
            OR search_fold(coalesce(s.city, o.city)) LIKE @pattern ESCAPE '\\')`,
  )
  const insertService = db.prepare(
    `INSERT INTO directory_services (hsds_id, organisation_id, name, description, ${SHARED}, languages,
       eligibility_notes, opening_hours, active, created_at, updated_at)
     VALUES (@hsds_id, @organisation_id, @name, @description, ${SHARED_PARAMS}, @languages,
       @eligibility_notes, @opening_hours, @active, @now, @now)`,
  )
  const updateService = db.prepare(
    `UPDATE directory_services SET organisation_id = @organisation_id, name = @name, description = @description,
       ${SHARED_SET}, languages = @languages, eligibility_notes = @eligibility_notes,
       opening_hours = @opening_hours, active = @active, version = version + 1, updated_at = @now
     WHERE id = @id`,
  )
  const setServiceActive = db.prepare(
    'UPDATE directory_services SET active = ?, version = version + 1, updated_at = ? WHERE id = ?',
  )
  const clearTypes = db.prepare('DELETE FROM directory_service_types WHERE service_id = ?')
  const addType = db.prepare('INSERT INTO directory_service_types (service_id, type) VALUES (?, ?)')

  const organisationParams = (organisation: Omit<OrganisationWrite, 'hsdsId'>, now: string) => ({
    name: organisation.name,
    org_type: organisation.orgType,
    description: organisation.description,
    ...contactLocationParams(organisation),
    active: organisation.active ? 1 : 0,
    now,
  })

  const serviceParams = (service: Omit<ServiceWrite, 'hsdsId'>, now: string) => ({
    organisation_id: service.organisationId,
    name: service.name,
    description: service.description,
    ...contactLocationParams(service),
    languages: JSON.stringify(service.languages),
    eligibility_notes: service.eligibilityNotes,
    opening_hours: service.openingHours,
    active: service.active ? 1 : 0,
    now,
  })

  const writeTypes = (serviceId: number, types: readonly string[]) => {
    clearTypes.run(serviceId)
    for (const type of types) addType.run(serviceId, type)
  }

  return {
    organisation: (id: number) => organisationById.get(id),
    organisationIdByHsds: (hsdsId: string) => organisationIdByHsds.get(hsdsId)?.id,
    organisations: (filter: OrganisationFilter) => organisations.all(filter).sort(byOrganisation),
    insertOrganisation(organisation: OrganisationWrite, now: string): number {
      return Number(
        insertOrganisation.run({ ...organisationParams(organisation, now), hsds_id: organisation.hsdsId })
          .lastInsertRowid,
      )
    },
    updateOrganisation(id: number, organisation: Omit<OrganisationWrite, 'hsdsId'>, now: string): void {
      updateOrganisation.run({ ...organisationParams(organisation, now), id })
    },
    setOrganisationActive(id: number, active: boolean, now: string): void {
      setOrganisationActive.run(active ? 1 : 0, now, id)
    },

    service: (id: number) => serviceById.get(id),
    /** How many referrals name this service (with its organisation of the time). */
    referralsOfService: (id: number) => referralsOfService.get(id)!,
    serviceIdByHsds: (hsdsId: string) => serviceIdByHsds.get(hsdsId)?.id,
    services: (filter: ServiceFilter) => services.all(filter).sort(byService),
    insertService(service: ServiceWrite, now: string): number {
      const id = Number(
        insertService.run({ ...serviceParams(service, now), hsds_id: service.hsdsId }).lastInsertRowid,
      )
      writeTypes(id, service.serviceTypes)
      return id
    },
    updateService(id: number, service: Omit<ServiceWrite, 'hsdsId'>, now: string): void {
      updateService.run({ ...serviceParams(service, now), id })
      writeTypes(id, service.serviceTypes)
    },
    setServiceActive(id: number, active: boolean, now: string): void {
      setServiceActive.run(active ? 1 : 0, now, id)
    },
  }
}

export type DirectoryRepository = ReturnType<typeof createDirectoryRepository>
