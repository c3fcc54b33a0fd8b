import { latestImportedIntakeDate, localIsoDate } from '../../api/contract/dates'
import { CaseVaultError } from '../errors'
import type { VaultSession } from '../vault/vault-session'
import type {
  ColumnMapping,
  ImportFormat,
  ImportNote,
  ImportReport,
  ImportRowError,
} from '../../api/contract/import'
import type { DraftContext } from './case-candidate'
import { checkRows } from './check-rows'
import { mappingTargets, planColumns, type ColumnPlan } from './column-mapping'
import {
  jsonDraftSource,
  parseFile,
  tableDraftSource,
  type DraftSource,
  type ParsedFile,
} from './draft-source'
import { createImportWriter } from './import-writer'
import { createImportRepository } from './import-repository'
import { IgnoredKeys } from './json-cases'
import { importNote } from './import-reasons'
import { createImportMappingRepository } from './mapping-repository'
import { choicesIn } from './mapping-choices'
import { importTemplates } from './screening-templates-import'

export interface ImportOptions {
  format: ImportFormat
  /** Choices for this file's columns; the saved mapping and automatic matches fill the rest. */
  mapping?: ColumnMapping
  /** Check everything, write nothing (not even an audit row; a refused role is still logged). */
  dryRun: boolean
  /** One rejected row → nothing is imported. */
  allOrNothing?: boolean
  /** After a real run, keep the mapping used as this format's saved mapping. */
  saveMapping?: boolean
}

/** The stages an import reports: reading the file, checking rows, writing them. */
export type ImportStage = 'read' | 'check' | 'write'

export interface ImportControl {
  /** Aborting stops the import before it writes anything; it then rejects with the signal's reason. */
  signal?: AbortSignal | undefined
  /** 'read' has no known length (null); 'check' and 'write' report the share of rows done. */
  onProgress?: ((stage: ImportStage, fraction: number | null) => void) | undefined
}

export interface ImportOutcome {
  report: ImportReport
  headers: string[]
  /** The mapping used: every header of the file → its target, or null when left out. */
  mapping: ColumnMapping
  targets: string[]
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
  const imports = createImportRepository(session.db)

  function draftContext(latestIntake: string, parsed: ParsedFile): DraftContext {
    const assignees = new Map<string, number>()
    const displayNames = new Map<string, number[]>()
    const users = session.users.list()
    const authors = new Map(users.map((user) => [user.username.toLowerCase(), user.id]))
    for (const user of users) {
      if (user.role === 'analyst') continue
      // A deactivated caseworker keeps the cases assigned to them (deactivation reassigns nothing),
      // so a case moved by export and import keeps them too, by user name: refusing the row would
      // leave the survivor's record behind.
      assignees.set(user.username.toLowerCase(), user.id)
      if (!user.active) continue
      const name = user.displayName.toLowerCase()
      displayNames.set(name, [...(displayNames.get(name) ?? []), user.id])
    }
    // A display name two staff share names nobody: only unique ones are accepted.
    for (const [name, ids] of displayNames)
      if (ids.length === 1 && !assignees.has(name)) assignees.set(name, ids[0]!)
    return {
      assignees,
      authors,
      importerId: session.user.id,
      latestIntake,
      trainingVault: session.settings.isTrainingVault(),
      // Matched against the vault as it is now; the write matches them again (screening-writer.ts).
      screeningTemplates: importTemplates(session.db, parsed.screeningTemplates ?? []),
    }
  }

  return {
    async importFile(
      bytes: Uint8Array,
      options: ImportOptions,
      control: ImportControl = {},
    ): Promise<ImportOutcome> {
      if (!IMPORT_ROLES.has(session.user.role)) {
        // Logged as the app's dispatch logs a refused channel: the command line reaches this check
        // without dispatch, and a reviewer must still see that an analyst tried to write cases in.
        session.audit.append({
          actor: session.user.username,
          action: 'access.denied',
          details: { action: 'import', format: options.format },
        })
        throw new CaseVaultError('FORBIDDEN', 'Only a supervisor or an administrator can import cases.')
      }
      const { format } = options
      const { signal, onProgress } = control
      onProgress?.('read', null)
      const parsed = await parseFile(format, bytes)
      signal?.throwIfAborted()
      // Today here (the date given to rows without an intake date: not the latest day allowed,
      // which west of UTC in the evening is tomorrow), and the last intake day a file may hold:
      // today anywhere on Earth, as a case entered today east of here is no future case.
      const today = localIsoDate(session.clock())
      const latestIntake = latestImportedIntakeDate(session.clock())
      const notes: ImportNote[] = []
      const ignored = new IgnoredKeys()
      let headers: string[] = []
      let plan: ColumnPlan | null = null
      const savedMapping = mappings.get(format)
      let source: DraftSource
      let complete = true
      const fileErrors: ImportRowError[] = []
      if (parsed.kind === 'table') {
        headers = parsed.table.headers
        plan = planColumns(format, headers, options.mapping, savedMapping)
        source = tableDraftSource(format, parsed, plan, today, notes)
        complete = parsed.table.complete
        fileErrors.push(...parsed.table.problems)
      } else {
        source = jsonDraftSource(parsed.cases, ignored)
      }
      const checked = await checkRows(source, {
        context: draftContext(latestIntake, parsed),
        fileErrors,
        takenCaseNumbers: imports.takenCaseNumbers,
        signal,
        onProgress: (fraction) => onProgress?.('check', fraction),
      })
      const { candidates, rejected } = checked
      if (!complete) notes.push(importNote('fileIncomplete'))
      const writes = !options.dryRun && complete && !(options.allOrNothing && rejected > 0)
      if (!options.dryRun && options.allOrNothing && rejected > 0)
        notes.push(importNote('allOrNothingRefused'))
      const report: ImportReport = {
        format,
        dryRun: options.dryRun,
        read: checked.read,
        valid: candidates.length,
        rejected,
        duplicates: checked.duplicates,
        imported: writes ? candidates.length : 0,
        complete,
        errorCount: checked.errors.length,
        errors: checked.errors,
        ignoredColumns: [...(plan?.ignored ?? []), ...ignored.list()],
        notes,
      }
      if (!options.dryRun) {
        // The last moment a Cancel is honoured: the write below is one synchronous transaction
        // (see README, "Exports and imports in the app"), so nothing else runs until it commits.
        signal?.throwIfAborted()
        const restoreCache = withImportCache(session, writes ? bytes.byteLength : 0)
        try {
          onProgress?.('write', 0)
          session.db.transaction(() => {
            const writer = createImportWriter(session)
            if (writes)
              writer.insertAll(candidates, (done) => onProgress?.('write', done / candidates.length))
            // Counts only, and only when the file brought screenings: never answers or names.
            const screenings = writer.screeningCounts()
            if (options.saveMapping && plan)
              mappings.save(format, choicesIn(format, headers, plan, savedMapping))
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
                ...(screenings.screenings > 0 ? screenings : {}),
              },
            })
          })()
          onProgress?.('write', 1)
        } finally {
          restoreCache()
        }
      }
      return { report, headers, mapping: plan?.mapping ?? {}, targets: mappingTargets(format) }
    },
  }
}

export type ImportService = ReturnType<typeof createImportService>
