import type { VaultSession } from '../vault/vault-session'
import {
  saveOrganisationInput,
  saveServiceInput,
  type DirectoryOrganisation,
  type DirectoryService,
} from '../../api/contract/directory'
import type { SupportPlanType } from '../../api/contract/referral-types'
import { createDirectoryService } from '../directory/directory-service'
import { syntheticDirectory } from './synthetic-directory'
import type { NameLocale, NameSource } from './synthetic-names'
import type { SeededRandom } from './synthetic-random'

export interface DirectoryCounts {
  organisations: number
  inactiveOrganisations: number
  services: number
  inactiveServices: number
}

/** What referrals pick from: the directory as the app lists it. */
export interface TrainingDirectory {
  homeLocale: NameLocale
  organisations: DirectoryOrganisation[]
  services: DirectoryService[]
  counts: DirectoryCounts
}

/**
 * Writes the synthetic directory through the directory service (as the signed-in user, who keeps
 * the directory), unless the vault already has one: then referrals use what is there.
 */
export function fillDirectory(
  session: VaultSession,
  random: SeededRandom,
  names: NameSource,
): TrainingDirectory {
  const directory = createDirectoryService(session)
  const planned = syntheticDirectory(random, names)
  if (directory.listOrganisations({ activeOnly: false }).length === 0) {
    session.db.transaction(() => {
      for (const entry of planned.organisations) {
        const organisation = directory.saveOrganisation(saveOrganisationInput.parse(entry.organisation))
        for (const service of entry.services)
          directory.saveService(saveServiceInput.parse({ ...service, organisationId: organisation.id }))
      }
    })()
  }
  const organisations = directory.listOrganisations({ activeOnly: false })
  const services = directory.listServices({ activeOnly: false })
  return {
    homeLocale: planned.homeLocale,
    organisations,
    services,
    counts: {
      organisations: organisations.length,
      inactiveOrganisations: organisations.filter((o) => !o.active).length,
      services: services.length,
      inactiveServices: services.filter((s) => !s.active).length,
    },
  }
}

/** A service offering `type`: open referrals only go to what is active now; old ones may not. */
export function serviceOffering(
  directory: TrainingDirectory,
  type: SupportPlanType,
  activeOnly: boolean,
  random: SeededRandom,
): DirectoryService | null {
  const offering = directory.services.filter(
    (service) =>
      service.serviceTypes.includes(type) && (!activeOnly || (service.active && service.organisationActive)),
  )
  return offering.length ? random.pick(offering) : null
}
