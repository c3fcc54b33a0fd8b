import { randomUUID } from 'node:crypto'
import { CaseVaultError } from '../errors'
import type { VaultSession } from '../vault/vault-session'
import type {
  DirectoryOrganisation,
  DirectoryService,
  OrganisationDraft,
  ServiceDraft,
} from '../../api/contract/directory'
import { createDirectoryRepository, likePattern } from './directory-repository'
import { rowToOrganisation, rowToService } from './directory-rows'

/** Someone saved the entry after this copy was loaded: their change is kept, nothing is written. */
const stale = (what: 'organisation' | 'service', currentVersion: number) =>
  new CaseVaultError('CONFLICT', `Someone else changed this ${what} after you opened it.`, {
    stale: true,
    currentVersion,
  })

/** An update names the version it was made from: without one, main could not tell a stale copy. */
function loadedVersion(version: number | undefined): number {
  if (version !== undefined) return version
  throw new CaseVaultError('VALIDATION', 'Some fields are not valid.', {
    issues: [{ path: 'version', code: 'invalid_type', message: 'required when id is given' }],
  })
}

export interface OrganisationQuery {
  query?: string | undefined
  orgType?: string | undefined
  activeOnly: boolean
}

export interface ServiceQuery extends OrganisationQuery {
  serviceType?: string | undefined
  organisationId?: number | undefined
}

/**
 * The directory's rules. Nothing is ever deleted: referrals point at these rows, so a service that
 * closes is deactivated and stays readable. Every change writes one audit row with ids only
 * (organisation data is not survivor data, but the log never holds free text). Reads are not
 * audited: the directory holds no personal data about survivors.
 */
export function createDirectoryService(session: VaultSession) {
  const repository = createDirectoryRepository(session.db)
  const now = () => session.clock().toISOString()
  const audit = (action: string, target: string, details: Record<string, unknown> = {}) =>
    session.audit.append({ actor: session.user.username, action, target, details })

  function getOrganisation(id: number): DirectoryOrganisation {
    const row = repository.organisation(id)
    if (!row) throw new CaseVaultError('NOT_FOUND', 'This organisation is not in the directory.', { id })
    return rowToOrganisation(row)
  }

  function getService(id: number): DirectoryService {
    const row = repository.service(id)
    if (!row) throw new CaseVaultError('NOT_FOUND', 'This service is not in the directory.', { id })
    return rowToService(row)
  }

  return {
    repository,
    getOrganisation,
    getService,

    listOrganisations(query: OrganisationQuery): DirectoryOrganisation[] {
      return repository
        .organisations({
          pattern: likePattern(query.query),
          orgType: query.orgType ?? null,
          activeOnly: query.activeOnly ? 1 : 0,
        })
        .map(rowToOrganisation)
    },

    listServices(query: ServiceQuery): DirectoryService[] {
      return repository
        .services({
          pattern: likePattern(query.query),
          orgType: query.orgType ?? null,
          serviceType: query.serviceType ?? null,
          organisationId: query.organisationId ?? null,
          activeOnly: query.activeOnly ? 1 : 0,
        })
        .map(rowToService)
    },

    saveOrganisation(draft: OrganisationDraft): DirectoryOrganisation {
      const { id: existingId, version, active, ...fields } = draft
      const id = session.db.transaction(() => {
        if (existingId === undefined) {
          const created = repository.insertOrganisation(
            { ...fields, hsdsId: randomUUID(), active: active ?? true },
            now(),
          )
          audit('directory.organisation_created', `directory_organisation:${created}`)
          return created
        }
        // Read and compared inside the transaction: what was checked is what gets overwritten.
        const current = getOrganisation(existingId)
        if (current.version !== loadedVersion(version)) throw stale('organisation', current.version)
        repository.updateOrganisation(existingId, { ...fields, active: active ?? current.active }, now())
        audit('directory.organisation_updated', `directory_organisation:${existingId}`)
        return existingId
      })()
      return getOrganisation(id)
    },

    setOrganisationActive(id: number, active: boolean): DirectoryOrganisation {
      session.db.transaction(() => {
        getOrganisation(id)
        repository.setOrganisationActive(id, active, now())
        audit(
          active ? 'directory.organisation_reactivated' : 'directory.organisation_deactivated',
          `directory_organisation:${id}`,
        )
      })()
      return getOrganisation(id)
    },

    saveService(draft: ServiceDraft): DirectoryService {
      const { id: existingId, version, active, ...fields } = draft
      const id = session.db.transaction(() => {
        // A missing organisation is the caller's mistake, not a dangling row the FK would catch late.
        getOrganisation(fields.organisationId)
        if (existingId === undefined) {
          const created = repository.insertService(
            { ...fields, hsdsId: randomUUID(), active: active ?? true },
            now(),
          )
          audit('directory.service_created', `directory_service:${created}`, {
            organisationId: fields.organisationId,
          })
          return created
        }
        const current = getService(existingId)
        if (current.version !== loadedVersion(version)) throw stale('service', current.version)
        // Referrals made to it name its organisation: moved, they would name one organisation with
        // another's service, and could no longer be saved as they are.
        const referrals = repository.referralsOfService(existingId)
        if (current.organisationId !== fields.organisationId && referrals > 0)
          throw new CaseVaultError(
            'CONFLICT',
            'Referrals were made to this service: add it to the other organisation as a new service.',
            { referralsOfService: referrals },
          )
        repository.updateService(existingId, { ...fields, active: active ?? current.active }, now())
        audit('directory.service_updated', `directory_service:${existingId}`, {
          organisationId: fields.organisationId,
        })
        return existingId
      })()
      return getService(id)
    },

    setServiceActive(id: number, active: boolean): DirectoryService {
      session.db.transaction(() => {
        getService(id)
        repository.setServiceActive(id, active, now())
        audit(
          active ? 'directory.service_reactivated' : 'directory.service_deactivated',
          `directory_service:${id}`,
        )
      })()
      return getService(id)
    },
  }
}

export type DirectoryServiceApi = ReturnType<typeof createDirectoryService>
