import { createHash, randomUUID } from 'node:crypto'
import { basename } from 'node:path'
import type { AreaHandlers } from './handler'
import {
  MAX_REPORTED_ERRORS,
  columnMappingSchema,
  type ColumnMapping,
  type ImportFormat,
  type ImportReport,
  type importContract,
} from './contract/import'
import type { VaultSession } from '../core/vault/vault-session'
import { CaseVaultError } from '../core/errors'
import { createImportService } from '../core/import/import-service'
import { readImportBytes } from '../core/import/source-table'

interface ChosenFile {
  path: string
  format: ImportFormat
  /** SHA-256 of the bytes the last dry run of this file checked: what a run may import. */
  checked?: string
  /** The column mapping that dry run used, in full (chosen, saved and matched): the run's mapping. */
  checkedMapping?: ColumnMapping
}

// The path the user picked stays in main, keyed by a random token the renderer gets instead: a
// compromised page can only re-read a file the user chose, never name one. Tokens die with the session.
const chosenFiles = new WeakMap<VaultSession, Map<string, ChosenFile>>()
const MAX_OPEN_FILES = 10

function filesOf(session: VaultSession): Map<string, ChosenFile> {
  let files = chosenFiles.get(session)
  if (!files) {
    files = new Map()
    chosenFiles.set(session, files)
  }
  return files
}

function chosen(session: VaultSession, token: string): ChosenFile {
  const file = filesOf(session).get(token)
  if (!file)
    throw new CaseVaultError('NOT_FOUND', 'This import file is no longer open: choose it again.', {
      token: 'closed',
    })
  return file
}

const digest = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')

/**
 * A run imports only the file its dry run showed. The file is read again when Import is pressed
 * (the path stays in main, the renderer holds a token); if it was saved again in between (fixed
 * in a spreadsheet, or a colleague's copy), a run of the new bytes would write rows nobody saw
 * checked: nine cases went in after a dry run of two. So nothing is written and the renderer
 * checks the file again.
 */
/**
 * A run imports exactly what its dry run checked: the same bytes, read with the same mapping. A
 * mapping sent with the run that differs (a page that changed it, or a hostile one mapping a
 * private-notes column to the survivor's name) is refused like a changed file: the screen checks
 * again and shows the result before anything is written.
 */
function sameAsChecked(file: ChosenFile, bytes: Uint8Array, mapping: ColumnMapping | undefined): void {
  const mappingChanged = mapping !== undefined && !sameMapping(mapping, asSentBack(file.checkedMapping ?? {}))
  if (file.checked !== digest(bytes) || mappingChanged) {
    throw new CaseVaultError('CONFLICT', 'The file changed after it was checked. Check it again.', {
      file: 'changed',
    })
  }
}

/**
 * The checked mapping as the screen can send it back: through the same schema. A column headed
 * "__proto__" is dropped there (as by any JSON-safe record), so comparing with it asked for a
 * fresh check on every run and such a file could never be imported from the screen.
 */
function asSentBack(mapping: ColumnMapping): ColumnMapping {
  return columnMappingSchema.safeParse({ ...mapping }).data ?? mapping
}

function sameMapping(a: ColumnMapping, b: ColumnMapping): boolean {
  const keys = Object.keys(a)
  return (
    keys.length === Object.keys(b).length && keys.every((key) => Object.hasOwn(b, key) && b[key] === a[key])
  )
}

/** Errors are capped for IPC; errorCount stays exact. */
function capped(report: ImportReport): ImportReport {
  return { ...report, errors: report.errors.slice(0, MAX_REPORTED_ERRORS) }
}

export const importHandlers: AreaHandlers<typeof importContract> = {
  preview: async (ctx, input) => {
    let token = input.token ?? null
    const session = ctx.session
    const path = token ? chosen(session, token).path : await ctx.files.chooseImportFile!(input.format)
    if (!path)
      return { token: null, fileName: null, headers: [], suggestedMapping: {}, targets: [], report: null }
    const files = filesOf(session)
    if (!token) {
      token = randomUUID()
      if (files.size >= MAX_OPEN_FILES) files.delete(files.keys().next().value!)
    }
    // Kept under its token only once its check succeeds: replaced before, a re-check cancelled or
    // refused left the dry run still on screen unimportable ("the file was changed after it was
    // checked", though nothing had changed).
    const file: ChosenFile = { path, format: input.format }
    const outcome = await ctx.operations.run('import', async (signal, onProgress) => {
      const bytes = await readImportBytes(path)
      const checked = await createImportService(session).importFile(
        bytes,
        { format: input.format, mapping: input.mapping, dryRun: true },
        { signal, onProgress },
      )
      file.checked = digest(bytes)
      file.checkedMapping = checked.mapping
      return checked
    })
    files.set(token, file)
    return {
      token,
      fileName: basename(path),
      headers: outcome.headers,
      suggestedMapping: outcome.mapping,
      targets: outcome.targets,
      report: capped(outcome.report),
    }
  },

  run: async (ctx, input) => {
    const session = ctx.session
    const file = chosen(session, input.token)
    const { report } = await ctx.operations.run('import', async (signal, onProgress) => {
      const bytes = await readImportBytes(file.path)
      sameAsChecked(file, bytes, input.mapping)
      return createImportService(session).importFile(
        bytes,
        {
          format: file.format,
          mapping: file.checkedMapping ?? {},
          dryRun: false,
          allOrNothing: input.allOrNothing,
          saveMapping: true,
        },
        { signal, onProgress },
      )
    })
    // Once cases are in, the token is spent: a second click cannot import the file twice.
    if (report.imported > 0) filesOf(session).delete(input.token)
    return capped(report)
  },

  cancel: (ctx) => ctx.operations.cancel('import'),
}
