// Who may export what, and what the file is called: everything checked before a save dialog opens.
import { CaseVaultError } from '../errors'
import type { VaultSession } from '../vault/vault-session'
import { assertStrongBackupPassphrase } from '../backup/passphrase-strength'
import {
  DEIDENTIFIED_FORMATS,
  EXPORT_ROLES,
  MAX_ANONYMITY_K,
  type ExportFormat,
  type ExportProtection,
  type ExportScope,
} from '../../api/contract/export'
import { organisationSlug } from '../file-name-slug'
import { localIsoDate } from '../../api/contract/dates'

export interface ExportRequest {
  format: ExportFormat
  protection: ExportProtection
  scope: ExportScope
  /** A stricter k than the organisation's setting for this export. */
  k?: number | undefined
}

const EXTENSIONS: Record<ExportFormat, string> = {
  'htcds-json': '.json',
  'htcds-csv': '.tar',
  'deidentified-csv': '.csv',
  'ctdc-csv': '.csv',
  'aggregates-csv': '.tar',
}

/** `CaseVault-<org>-<format>-<yyyy-mm-dd>.<ext>`, plus `.age` when encrypted. */
export function exportFileName(
  organisation: string,
  format: ExportFormat,
  at: Date,
  encrypted: boolean,
): string {
  const org = organisationSlug(organisation)
  // The day where the shelter is, as in a backup's name made the same minute (backup-format.ts).
  const day = localIsoDate(at)
  return `CaseVault-${org}-${format}-${day}${EXTENSIONS[format]}${encrypted ? '.age' : ''}`
}

/**
 * De-identified exports cover whole years only: two exports whose ranges differ by a day would
 * otherwise single out the cases of that day by their difference.
 */
function assertWholeYears(scope: ExportScope): void {
  const issues = [
    ...(scope.intakeFrom && !scope.intakeFrom.endsWith('-01-01') ? ['intakeFrom'] : []),
    ...(scope.intakeTo && !scope.intakeTo.endsWith('-12-31') ? ['intakeTo'] : []),
  ].map((field) => ({ path: `scope.${field}`, code: 'whole_years', message: 'whole years only' }))
  if (issues.length > 0) throw new CaseVaultError('VALIDATION', 'Some fields are not valid.', { issues })
}

/** A range that ends before it starts would write an empty file, and log it, as if all were well. */
function assertOrdered(scope: ExportScope): void {
  // yyyy-mm-dd strings compare in calendar order.
  if (scope.intakeFrom && scope.intakeTo && scope.intakeFrom > scope.intakeTo) {
    throw new CaseVaultError('VALIDATION', 'Some fields are not valid.', {
      issues: [{ path: 'scope.intakeTo', code: 'order', message: 'before the start of the range' }],
    })
  }
}

/**
 * Everything that can refuse an export, checked before a save dialog is shown: the role for this
 * format, the k asked for, and the export passphrase's strength. Returns the k in effect.
 */
export function checkExport(session: VaultSession, request: ExportRequest): number {
  const { user } = session
  if (!EXPORT_ROLES[request.format].includes(user.role)) {
    session.audit.append({
      actor: user.username,
      action: 'access.denied',
      details: { action: 'export', format: request.format },
    })
    throw new CaseVaultError('FORBIDDEN', 'Your role does not allow this export format.', {
      format: request.format,
    })
  }
  assertOrdered(request.scope)
  if (DEIDENTIFIED_FORMATS.includes(request.format)) assertWholeYears(request.scope)
  const minimum = session.settings.anonymityK()
  if (request.k !== undefined && request.k < minimum) {
    throw new CaseVaultError('VALIDATION', `k must be at least ${minimum} (the organisation's setting).`, {
      issues: [{ path: 'k', code: 'too_small', message: `at least ${minimum} (the organisation's setting)` }],
    })
  }
  // The API's schema caps k already; the command line comes through here too.
  if (request.k !== undefined && request.k > MAX_ANONYMITY_K) {
    throw new CaseVaultError('VALIDATION', `k must be at most ${MAX_ANONYMITY_K}.`, {
      issues: [{ path: 'k', code: 'too_big', message: `at most ${MAX_ANONYMITY_K}` }],
    })
  }
  if ('passphrase' in request.protection) {
    assertStrongBackupPassphrase(
      request.protection.passphrase,
      [user.username, session.settings.organisation() ?? ''],
      'export',
    )
  }
  return Math.max(request.k ?? minimum, minimum)
}
