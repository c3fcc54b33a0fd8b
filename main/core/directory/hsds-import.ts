// Import of an HSDS directory: read, check every organization and service, report per row; write
// only on a real run with no error at all, in one transaction (never half a directory). Objects
// are matched by HSDS id, so importing the same file again updates instead of duplicating.
import type { VaultSession } from '../vault/vault-session'
import type { DirectoryImportError, DirectoryImportReport } from '../../api/contract/directory'
import type { DirectoryServiceApi } from './directory-service'
import { readHsdsFiles } from './hsds-read'
import type { PickedFile, Positioned } from './hsds-source'
import {
  nestedOrganisation,
  toOrganisation,
  toService,
  type OrganisationCandidate,
  type ServiceCandidate,
} from './hsds-to-directory'

const idOf = (at: Positioned) => String(at.object['id'] ?? '').toLowerCase()

const MOVES_REFERRED_SERVICE = 'moves a service that referrals were made to'

export async function importHsds(
  session: VaultSession,
  directory: DirectoryServiceApi,
  files: readonly PickedFile[],
  options: { dryRun: boolean },
): Promise<DirectoryImportReport> {
  const source = await readHsdsFiles(files)
  const { repository } = directory
  const errors: DirectoryImportError[] = [...source.errors]
  const notes = [...source.notes]
  let otherAttributes = 0

  // Organizations listed apart, then those only nested in a service (HSDS's service view).
  const organisationRows = [...source.organizations]
  const listed = new Set(organisationRows.map(idOf))
  for (const service of source.services) {
    const nested = nestedOrganisation(service)
    if (nested && !listed.has(idOf(nested))) {
      organisationRows.push(nested)
      listed.add(idOf(nested))
    }
  }

  const organisations = new Map<string, OrganisationCandidate>()
  for (const at of organisationRows) {
    const result = toOrganisation(at)
    errors.push(...result.errors)
    otherAttributes += result.otherAttributes
    if (!result.candidate) continue
    if (organisations.has(result.candidate.hsdsId)) {
      errors.push({ table: at.table, row: at.row, field: 'id', reason: 'the same id is used twice' })
    } else organisations.set(result.candidate.hsdsId, result.candidate)
  }

  // A service of the vault that referrals were made to, given another organisation by the file:
  // as when edited by hand (directory-service.ts), it is refused rather than moved.
  const movesServiceWithReferrals = (candidate: ServiceCandidate): boolean => {
    const existing = repository.serviceIdByHsds(candidate.hsdsId)
    if (existing === undefined || repository.referralsOfService(existing) === 0) return false
    const organisation = repository.organisationIdByHsds(candidate.organisationHsdsId)
    return organisation !== repository.service(existing)!.organisation_id
  }

  const services = new Map<string, ServiceCandidate>()
  for (const at of source.services) {
    const result = toService(at)
    errors.push(...result.errors)
    otherAttributes += result.otherAttributes
    const candidate = result.candidate
    if (!candidate) continue
    if (services.has(candidate.hsdsId)) {
      errors.push({ table: at.table, row: at.row, field: 'id', reason: 'the same id is used twice' })
      continue
    }
    const known =
      organisations.has(candidate.organisationHsdsId) ||
      repository.organisationIdByHsds(candidate.organisationHsdsId) !== undefined
    if (!known) {
      errors.push({ table: at.table, row: at.row, field: 'organization_id', reason: 'no such organization' })
      continue
    }
    if (movesServiceWithReferrals(candidate)) {
      errors.push({ table: at.table, row: at.row, field: 'organization_id', reason: MOVES_REFERRED_SERVICE })
      continue
    }
    services.set(candidate.hsdsId, candidate)
  }
  if (otherAttributes > 0) notes.push('other_taxonomies')

  const existingOrganisations = [...organisations.keys()].filter(
    (id) => repository.organisationIdByHsds(id) !== undefined,
  )
  const existingServices = [...services.keys()].filter((id) => repository.serviceIdByHsds(id) !== undefined)
  const report: DirectoryImportReport = {
    format: source.format,
    dryRun: options.dryRun,
    imported: false,
    organisations: {
      read: organisationRows.length,
      created: organisations.size - existingOrganisations.length,
      updated: existingOrganisations.length,
    },
    services: {
      read: source.services.length,
      created: services.size - existingServices.length,
      updated: existingServices.length,
    },
    errorCount: errors.length,
    errors,
    notes,
  }
  if (options.dryRun || errors.length > 0) return report

  const now = session.clock().toISOString()
  session.db.transaction(() => {
    const organisationIds = new Map<string, number>()
    for (const candidate of organisations.values()) {
      const existing = repository.organisationIdByHsds(candidate.hsdsId)
      if (existing === undefined) {
        organisationIds.set(
          candidate.hsdsId,
          repository.insertOrganisation({ ...candidate.draft, hsdsId: candidate.hsdsId }, now),
        )
      } else {
        const active = candidate.activeInFile
          ? candidate.draft.active
          : repository.organisation(existing)!.active === 1
        repository.updateOrganisation(existing, { ...candidate.draft, active }, now)
        organisationIds.set(candidate.hsdsId, existing)
      }
    }
    for (const candidate of services.values()) {
      const organisationId =
        organisationIds.get(candidate.organisationHsdsId) ??
        repository.organisationIdByHsds(candidate.organisationHsdsId)!
      const existing = repository.serviceIdByHsds(candidate.hsdsId)
      const write = { ...candidate.draft, organisationId }
      if (existing === undefined) repository.insertService({ ...write, hsdsId: candidate.hsdsId }, now)
      else repository.updateService(existing, write, now)
    }
    session.audit.append({
      actor: session.user.username,
      action: 'directory.imported',
      details: { format: source.format, organisations: report.organisations, services: report.services },
    })
  })()
  return { ...report, imported: true }
}
