import { resolve } from 'node:path'
import { Vault } from '../core/vault/vault'
import { runExport } from '../core/export/export-service'
import { exportWorkersFor } from '../core/export/export-worker-script'
import { yearsChangedSinceExport } from '../core/export/release-changes'
import {
  DEIDENTIFIED_FORMATS,
  exportFormatSchema,
  type DeidentificationReport,
  type ExportProtection,
} from '../api/contract/export'
import { outputFile, passphraseLine, required, type CliIo } from './io'

export interface ExportCommandOptions {
  data?: string | undefined
  user?: string | undefined
  format?: string | undefined
  out?: string | undefined
  plaintext?: boolean | undefined
  k?: string | undefined
}

function printReport(io: CliIo, report: DeidentificationReport): void {
  io.out(`k: ${report.k}`)
  if (report.publicRecordsLeftOut > 0)
    io.out(`left out, imported from CTDC's public data: ${report.publicRecordsLeftOut}`)
  if (report.quasiIdentifiers.length > 0) {
    const steps = report.generalised.map(
      (step) => `${step.quasiIdentifier} → ${step.description} (${step.years.join(', ')})`,
    )
    io.out(`generalised: ${steps.length > 0 ? steps.join(', ') : 'nothing'}`)
    io.out(`suppressed rows: ${report.suppressedRows}`)
    io.out(`suppressed cells: ${report.suppressedCells} (in ${report.rowsWithSuppressedCells} rows)`)
  } else {
    io.out(`suppressed table cells: ${report.suppressedTableCells}`)
  }
}

/**
 * export --data --user --format --out [--plaintext] [--k N]; stdin: user passphrase, then the
 * export passphrase (not read with --plaintext). Roles are the app's: analysts get only the
 * de-identified formats.
 */
export async function exportCommand(values: ExportCommandOptions, io: CliIo): Promise<number> {
  const dataDir = resolve(required(values.data, 'data'))
  const username = required(values.user, 'user')
  const out = outputFile(values.out, dataDir)
  const format = exportFormatSchema.safeParse(required(values.format, 'format'))
  if (!format.success) throw new Error(`--format must be one of: ${exportFormatSchema.options.join(', ')}`)
  // Digits only: Number() also read "0x10" as 16, "1e1" as 10 and " " as 0.
  const k = values.k === undefined ? undefined : /^\d+$/.test(values.k) ? Number(values.k) : NaN
  if (k !== undefined && !Number.isInteger(k)) throw new Error('--k must be a whole number')
  // No option is silently ignored: k applies to the de-identified formats only.
  if (k !== undefined && !DEIDENTIFIED_FORMATS.includes(format.data))
    throw new Error(`--k applies to the de-identified formats only, not ${format.data}`)
  const vault = new Vault({ dataDir })
  const session = await vault.unlock(username, await passphraseLine(io, 0, 'user passphrase'))
  try {
    const protection: ExportProtection = values.plaintext
      ? { plaintext: true, confirmed: true }
      : { passphrase: await passphraseLine(io, 1, 'export passphrase') }
    // Full records on worker threads, as in the app, when the CLI's build has the worker beside it.
    const workers = exportWorkersFor(vault, session.db)
    // Asked before this export is logged: after it, it is the release the next one is compared with.
    const changedYears = DEIDENTIFIED_FORMATS.includes(format.data)
      ? yearsChangedSinceExport(session.db, {})
      : []
    const outcome = await runExport(
      session,
      { format: format.data, protection, scope: {}, k },
      out,
      workers ? { workers } : {},
    )
    io.out(`rows: ${outcome.rows}`)
    if (outcome.report) {
      printReport(io, outcome.report)
      // The command line exports every year, so the current one too (see ExportScopeFields.vue).
      io.out(
        `note: includes ${new Date().getFullYear()}, a year not over; two exports of it made months apart can be compared to single out the cases added in between`,
      )
    }
    for (const year of changedYears)
      io.out(
        `note: ${year.year} changed after its export of ${year.exportedAt.slice(0, 10)} (added or changed: ${year.changedCases}, deleted: ${year.deletedCases}); comparing this file with that one can single those cases out: share one of the two`,
      )
    io.out(
      `written: ${out}${outcome.encrypted ? ' (age-encrypted)' : ' (PLAINTEXT: anyone with the file can read it)'}`,
    )
    return 0
  } finally {
    vault.lock('user')
  }
}
