import { CaseVaultError } from '../errors'
import type { VaultSession } from '../vault/vault-session'
import type { ColumnMapping, ImportFormat, ImportReport, ImportRowError } from '../../api/contract/import'
import { checkDraft, type CaseCandidate, type CaseDraft, type DraftContext } from './case-candidate'
import { mappingTargets, planColumns, type ColumnPlan } from './column-mapping'
import { ctdcRowDraft } from './ctdc-rows'
import { htcdsRowDraft } from './htcds-rows'
import { createImportWriter } from './import-writer'
import { IgnoredKeys, jsonCaseDraft, readJsonCases } from './json-cases'
import { createImportMappingRepository } from './mapping-repository'
import { readCsv } from './read-csv'
import { readXlsx } from './read-xlsx'
import { unreadable, type SourceTable } from './source-table'
import { isTar, readCsvBundle, type RelatedParts } from './csv-bundle'

export interface ImportOptions {
  format: ImportFormat
  /** Choices for this file's columns; the saved mapping and automatic matches fill the rest. */
  mapping?: ColumnMapping
  /** Check everything, write nothing (not even an audit row). */
  dryRun: boolean
  /** One rejected row → nothing is imported. */
  allOrNothing?: boolean
  /** After a real run, keep the mapping used as this format's saved mapping. */
  saveMapping?: boolean
}

export interface ImportOutcome {
  report: ImportReport
  headers: string[]
  /** The mapping used: every header of the file → its target, or null when left out. */
  mapping: ColumnMapping
  targets: string[]
}

type ParsedFile =
  | { kind: 'table'; table: SourceTable; related?: Map<string, RelatedParts>; notes?: string[] }
  | { kind: 'json'; cases: unknown[] }

/** age's armour or binary header: an encrypted CaseVault export, which must be decrypted first. */
function isAgeFile(bytes: Uint8Array): boolean {
  const start = new TextDecoder().decode(bytes.subarray(0, 40))
  return start.startsWith('age-encryption.org/') || start.startsWith('-----BEGIN AGE ENCRYPTED FILE-----')
}

async function parseFile(format: ImportFormat, bytes: Uint8Array): Promise<ParsedFile> {
  if (isAgeFile(bytes)) {
    throw unreadable(
      'encrypted',
      'The file is encrypted (age). Decrypt it first, e.g. with age -d, then import it.',
    )
  }
  switch (format) {
    case 'htcds-json':
      return { kind: 'json', cases: readJsonCases(bytes) }
    case 'htcds-xlsx':
      return { kind: 'table', table: await readXlsx(bytes) }
    case 'htcds-csv':
      return isTar(bytes)
        ? { kind: 'table', ...(await readCsvBundle(bytes)) }
        : { kind: 'table', table: readCsv(bytes) }
    case 'ctdc-csv':
      return { kind: 'table', table: readCsv(bytes) }
  }
}

/** Adds what the export's side tables hold for this case (events, perpetrators, comments, aliases). */
function withRelated(
  draft: CaseDraft | null,
  related: Map<string, RelatedParts> | undefined,
): CaseDraft | null {
  const parts = draft && related?.get(draft.caseNumber.trim())
  if (!draft || !parts) return draft
  return {
    ...draft,
    events: [...draft.events, ...parts.events],
    perpetrators: parts.perpetrators,
    comments: parts.comments,
    survivorAliases: [...draft.survivorAliases, ...parts.survivorAliases],
    problems: [...draft.problems, ...parts.problems.map((problem) => ({ ...problem, row: draft.row }))],
  }
}

const IMPORT_ROLES = new Set(['admin', 'supervisor'])
const MiB = 1024 * 1024

/**
 * One transaction's new pages must fit the page cache: past it SQLite spills them to the WAL
 * mid-transaction, and on a busy disk that tripled the time of a 50k-row import. Stored rows take
 * ~16× the CSV's bytes (JSON records, indexes, search index); the cache grows for the import
 * (64–512 MiB) and goes back to the connection's setting afterwards.
 */
function withImportCache(session: VaultSession, fileBytes: number): () => void {
  const before = session.db.pragma('cache_size', { simple: true }) as number
  const wantedKiB = Math.min(512 * MiB, Math.max(64 * MiB, fileBytes * 16)) / 1024
  const currentKiB = before < 0 ? -before : (before * 4096) / 1024
  if (wantedKiB <= currentKiB) return () => {}
  session.db.pragma(`cache_size = -${Math.round(wantedKiB)}`)
  return () => session.db.pragma(`cache_size = ${before}`)
}

/** Dry run and import: the same reading and checks; only a real run writes, in ONE transaction. */
export function createImportService(session: VaultSession) {
  const mappings = createImportMappingRepository(session.db)
  const existingNumber = session.db.prepare<[string], { id: number }>(
    'SELECT id FROM cases WHERE case_number = ?',
  )

  function draftContext(today: string): DraftContext {
    const assignees = new Map<string, number>()
    const displayNames = new Map<string, number[]>()
    const users = session.users.list()
    const authors = new Map(users.map((user) => [user.username.toLowerCase(), user.id]))
    for (const user of users) {
      if (!user.active || user.role === 'analyst') continue
      assignees.set(user.username.toLowerCase(), user.id)
      const name = user.displayName.toLowerCase()
      displayNames.set(name, [...(displayNames.get(name) ?? []), user.id])
    }
    // A display name two staff share names nobody: only unique ones are accepted.
    for (const [name, ids] of displayNames)
      if (ids.length === 1 && !assignees.has(name)) assignees.set(name, ids[0]!)
    return { assignees, authors, importerId: session.user.id, today }
  }

  function tableDrafts(
    format: ImportFormat,
    parsed: Extract<ParsedFile, { kind: 'table' }>,
    plan: ColumnPlan,
    today: string,
    notes: string[],
  ) {
    const { table, related } = parsed
    notes.push(...(parsed.notes ?? []))
    if (format === 'ctdc-csv') return table.rows.map((row) => ctdcRowDraft(row, plan, today))
    const hasIntakeDate = plan.columns.some(
      (c) => c.target.kind === 'case' && c.target.column === 'intakeDate',
    )
    if (!hasIntakeDate) {
      notes.push(
        `No intake date column: imported cases get today's date (${today}) as intake date, flagged as such.`,
      )
    }
    return table.rows.map((row) =>
      withRelated(
        htcdsRowDraft(row, plan, { format, fallbackIntakeDate: hasIntakeDate ? null : today }),
        related,
      ),
    )
  }

  /** Rows whose case number is in the vault already, or on another row of the file. */
  function duplicateErrors(drafts: readonly CaseDraft[]): ImportRowError[] {
    const rowsByNumber = new Map<string, number[]>()
    for (const draft of drafts) {
      const caseNumber = draft.caseNumber.trim()
      if (caseNumber) rowsByNumber.set(caseNumber, [...(rowsByNumber.get(caseNumber) ?? []), draft.row])
    }
    return drafts.flatMap((draft) => {
      const caseNumber = draft.caseNumber.trim()
      if (!caseNumber) return []
      const field = draft.columnOf('caseNumber')
      if (existingNumber.get(caseNumber))
        return [{ row: draft.row, field, reason: 'this case number is already in the vault' }]
      const others = rowsByNumber.get(caseNumber)!.filter((row) => row !== draft.row)
      return others.length > 0
        ? [{ row: draft.row, field, reason: `the same case number is on row ${others.join(', ')}` }]
        : []
    })
  }

  return {
    async importFile(bytes: Uint8Array, options: ImportOptions): Promise<ImportOutcome> {
      if (!IMPORT_ROLES.has(session.user.role)) {
        throw new CaseVaultError('FORBIDDEN', 'Only a supervisor or an administrator can import cases.')
      }
      const { format } = options
      const parsed = await parseFile(format, bytes)
      const today = session.clock().toISOString().slice(0, 10)
      const notes: string[] = []
      const ignored = new IgnoredKeys()
      let headers: string[] = []
      let plan: ColumnPlan | null = null
      let drafts: (CaseDraft | null)[]
      let complete = true
      const fileErrors: ImportRowError[] = []
      if (parsed.kind === 'table') {
        headers = parsed.table.headers
        plan = planColumns(format, headers, options.mapping, mappings.get(format))
        drafts = tableDrafts(format, parsed, plan, today, notes)
        complete = parsed.table.complete
        fileErrors.push(...parsed.table.problems)
      } else {
        drafts = parsed.cases.map((value, index) => jsonCaseDraft(value, index, ignored))
      }
      const read = drafts.filter((draft): draft is CaseDraft => draft !== null)
      const context = draftContext(today)
      const duplicates = duplicateErrors(read)
      const errors: ImportRowError[] = [...fileErrors, ...duplicates]
      const rejectedRows = new Set(errors.map((error) => error.row))
      const candidates: CaseCandidate[] = []
      for (const draft of read) {
        const checked = checkDraft(draft, context)
        if (Array.isArray(checked)) {
          errors.push(...checked)
          if (checked.length > 0) rejectedRows.add(draft.row)
        } else if (!rejectedRows.has(draft.row)) candidates.push(checked)
      }
      errors.sort((a, b) => a.row - b.row)
      if (!complete) notes.push('The file could not be read to its end: nothing is imported from it.')
      const rejected = read.filter((draft) => rejectedRows.has(draft.row)).length
      const writes = !options.dryRun && complete && !(options.allOrNothing && rejected > 0)
      if (!options.dryRun && options.allOrNothing && rejected > 0)
        notes.push('All or nothing: a row was rejected, so nothing was imported.')
      const report: ImportReport = {
        format,
        dryRun: options.dryRun,
        read: read.length,
        valid: candidates.length,
        rejected,
        duplicates: new Set(duplicates.map((error) => error.row)).size,
        imported: writes ? candidates.length : 0,
        complete,
        errorCount: errors.length,
        errors,
        ignoredColumns: [...(plan?.ignored ?? []), ...ignored.list()],
        notes,
      }
      if (!options.dryRun) {
        const restoreCache = withImportCache(session, writes ? bytes.byteLength : 0)
        try {
          session.db.transaction(() => {
            if (writes) createImportWriter(session).insertAll(candidates)
            if (options.saveMapping && plan) mappings.save(format, plan.mapping)
            session.audit.append({
              actor: session.user.username,
              action: 'import.completed',
              details: {
                format,
                read: report.read,
                imported: report.imported,
                rejected: report.rejected,
                allOrNothing: options.allOrNothing ?? false,
                complete,
              },
            })
          })()
        } finally {
          restoreCache()
        }
      }
      return { report, headers, mapping: plan?.mapping ?? {}, targets: mappingTargets(format) }
    },
  }
}

export type ImportService = ReturnType<typeof createImportService>
