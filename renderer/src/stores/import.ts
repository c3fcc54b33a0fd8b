import { defineStore } from 'pinia'
import type { ColumnMapping, ImportFormat, ImportPreview, ImportReport } from '../../../main/api/contract'
import { unwrap } from '../api-error'
import { casevault } from './client'

/**
 * Imports. `preview` without a token makes main show its open dialog (token null when the user
 * cancelled it); with the token it re-checks the same file, e.g. after the mapping changed. Every
 * preview is a dry run: nothing is written until `run`, which is one transaction in main. Both
 * report progress (stores/progress.ts, operation 'import') and stop on `cancel`.
 */
export const useImportStore = defineStore('import', () => {
  async function chooseFile(format: ImportFormat): Promise<ImportPreview> {
    return unwrap(await casevault().import.preview({ format }))
  }

  async function recheck(
    format: ImportFormat,
    token: string,
    mapping?: ColumnMapping,
  ): Promise<ImportPreview> {
    return unwrap(await casevault().import.preview({ format, token, ...(mapping ? { mapping } : {}) }))
  }

  async function run(
    token: string,
    mapping: ColumnMapping | undefined,
    allOrNothing: boolean,
  ): Promise<ImportReport> {
    return unwrap(await casevault().import.run({ token, allOrNothing, ...(mapping ? { mapping } : {}) }))
  }

  /** Stops the running check or import; it then fails with CANCELLED and nothing is written. */
  async function cancel(): Promise<boolean> {
    return unwrap(await casevault().import.cancel())
  }

  return { chooseFile, recheck, run, cancel }
})
