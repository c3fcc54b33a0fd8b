import { ref } from 'vue'
import { defineStore } from 'pinia'
import type {
  ExportResult,
  ExportScope,
  ExportSettings,
  RunExportInput,
  YearChangedSinceExport,
} from '../../../main/api/contract'
import { unwrap } from '../api-error'
import { casevault } from './client'

/**
 * Exports: the organisation's k for de-identified formats, and running one export. Main checks
 * the role for the format, the k and the passphrase, then shows its own save dialog: the renderer
 * never names a path, and `file` is null when the user cancelled that dialog (nothing written).
 */
export const useExportStore = defineStore('export', () => {
  const settings = ref<ExportSettings | null>(null)
  /** Exports run in this session: what was released changes what a later export is compared with. */
  const exportsRun = ref(0)

  async function loadSettings(): Promise<ExportSettings> {
    settings.value = unwrap(await casevault().export.getSettings())
    return settings.value
  }

  /** Admins only (main refuses the others): the smallest k any de-identified export may use. */
  async function updateSettings(next: ExportSettings): Promise<ExportSettings> {
    settings.value = unwrap(await casevault().export.updateSettings(next))
    return settings.value
  }

  async function run(input: RunExportInput): Promise<ExportResult> {
    const result = unwrap(await casevault().export.run(input))
    if (result.file !== null) exportsRun.value += 1
    return result
  }

  /** The years of a de-identified scope that changed since they were last exported. */
  async function changedYears(scope: ExportScope): Promise<YearChangedSinceExport[]> {
    return unwrap(await casevault().export.changedYears(scope))
  }

  /** Stops the running export; it then fails with CANCELLED and writes no file. */
  async function cancel(): Promise<boolean> {
    return unwrap(await casevault().export.cancel())
  }

  return { settings, exportsRun, loadSettings, updateSettings, run, changedYears, cancel }
})
