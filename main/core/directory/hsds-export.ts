import type { VaultSession } from '../vault/vault-session'
import type { HsdsFormat } from '../../api/contract/directory'
import { tarBundle } from '../export/tar-bundle'
import { createDirectoryService } from './directory-service'
import { hsdsDocument } from './hsds-json'
import { hsdsCsvEntries } from './hsds-csv-export'
import { organisationSlug } from '../file-name-slug'
import { localIsoDate } from '../../api/contract/dates'

export interface BuiltHsdsExport {
  bytes: Uint8Array
  organisations: number
  services: number
}

/** `CaseVault-<org>-directory-hsds-<yyyy-mm-dd>.json` or `.tar` (the CSV package). */
export function hsdsExportFileName(organisation: string, format: HsdsFormat, at: Date): string {
  const org = organisationSlug(organisation)
  // The day where the shelter is, as in a backup's name made the same minute (backup-format.ts).
  const day = localIsoDate(at)
  return `CaseVault-${org}-directory-hsds-${day}${format === 'hsds-json' ? '.json' : '.tar'}`
}

/** Reads the directory in one snapshot (a read transaction) and serialises it. */
export async function buildHsdsExport(
  session: VaultSession,
  format: HsdsFormat,
  includeInactive: boolean,
): Promise<BuiltHsdsExport> {
  const directory = createDirectoryService(session)
  const { organisations, services } = session.db.transaction(() => ({
    organisations: directory.listOrganisations({ activeOnly: !includeInactive }),
    services: directory.listServices({ activeOnly: !includeInactive }),
  }))()
  const document = hsdsDocument(organisations, services, session.clock().toISOString())
  const counts = { organisations: organisations.length, services: services.length }
  if (format === 'hsds-json') {
    return { bytes: Buffer.from(`${JSON.stringify(document, null, 2)}\n`, 'utf8'), ...counts }
  }
  // Inside the tar the files sit in one folder, as HSDS's examples/csv does.
  const entries = hsdsCsvEntries(document).map((entry) => ({ ...entry, name: `hsds/${entry.name}` }))
  return { bytes: Buffer.concat(await tarBundle(entries, session.clock())), ...counts }
}
