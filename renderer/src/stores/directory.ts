import { ref } from 'vue'
import { defineStore } from 'pinia'
import type {
  DirectoryExportResult,
  DirectoryImportReport,
  DirectoryOrganisation,
  DirectoryService,
  HsdsFormat,
  ListServicesInput,
  SaveOrganisationInput,
  SaveServiceInput,
} from '../../../main/api/contract'
import { isStaleRefusal, unwrap } from '../api-error'
import { casevault } from './client'

type ServiceFilter = NonNullable<ListServicesInput>

export interface PickedDirectoryFile {
  name: string
  content: Uint8Array
}

/**
 * The service directory: organisations and their services. Everyone doing casework reads it;
 * admins and supervisors change, import and export it (main checks the role on every call).
 */
export const useDirectoryStore = defineStore('directory', () => {
  const organisations = ref<DirectoryOrganisation[]>([])
  const services = ref<DirectoryService[]>([])
  const filter = ref<ServiceFilter>({ activeOnly: false })

  let latestRequest = 0
  async function loadServices(next: ServiceFilter = filter.value): Promise<void> {
    filter.value = next
    const request = ++latestRequest
    const answer = await casevault().directory.listServices(next)
    // A slower earlier search must not overwrite a newer one, nor its failure show over it.
    if (request === latestRequest) services.value = unwrap(answer)
  }

  async function loadOrganisations(): Promise<void> {
    organisations.value = unwrap(await casevault().directory.listOrganisations({ activeOnly: false }))
  }

  async function refresh(): Promise<void> {
    await Promise.all([loadServices(), loadOrganisations()])
  }

  /**
   * Someone else saved the entry first: the lists load their version (and its version number), so
   * the tables show what they saved and Edit opened again starts from it, instead of being refused
   * as stale again and again. The dialog keeps what was typed and says why.
   */
  async function reloadIfStale(error: unknown): Promise<void> {
    if (isStaleRefusal(error)) {
      await refresh().catch(() => undefined)
    }
  }

  async function saveOrganisation(input: SaveOrganisationInput): Promise<DirectoryOrganisation> {
    try {
      const saved = unwrap(await casevault().directory.saveOrganisation(input))
      await refresh()
      return saved
    } catch (error) {
      await reloadIfStale(error)
      throw error
    }
  }

  async function saveService(input: SaveServiceInput): Promise<DirectoryService> {
    try {
      const saved = unwrap(await casevault().directory.saveService(input))
      await refresh()
      return saved
    } catch (error) {
      await reloadIfStale(error)
      throw error
    }
  }

  async function setServiceActive(id: number, active: boolean): Promise<DirectoryService> {
    const saved = unwrap(await casevault().directory.setServiceActive({ id, active }))
    await refresh()
    return saved
  }

  async function setOrganisationActive(id: number, active: boolean): Promise<DirectoryOrganisation> {
    const saved = unwrap(await casevault().directory.setOrganisationActive({ id, active }))
    await refresh()
    return saved
  }

  async function previewImport(files: PickedDirectoryFile[]): Promise<DirectoryImportReport> {
    return unwrap(await casevault().directory.importPreview({ files }))
  }

  async function runImport(files: PickedDirectoryFile[]): Promise<DirectoryImportReport> {
    const report = unwrap(await casevault().directory.importRun({ files }))
    if (report.imported) await refresh()
    return report
  }

  async function exportDirectory(format: HsdsFormat): Promise<DirectoryExportResult> {
    return unwrap(await casevault().directory.export({ format }))
  }

  return {
    organisations,
    services,
    filter,
    loadServices,
    loadOrganisations,
    refresh,
    saveOrganisation,
    saveService,
    setServiceActive,
    setOrganisationActive,
    previewImport,
    runImport,
    exportDirectory,
  }
})
