// The import screen mounted over a scripted window.casevault.import: what its component tests share.
import { vi } from 'vitest'
import { flushPromises, mount, RouterLinkStub } from '@vue/test-utils'
import PrimeVue from 'primevue/config'
import type { ApiResult, ImportPreview, ImportReport, OperationProgress } from '../../main/api/contract'
import type { CaseVaultClient } from '../../preload/build-api'
import { createAppI18n } from '../../renderer/src/i18n'
import ImportView from '../../renderer/src/views/ImportView.vue'

export const TOKEN = '7c1f6a0e-2b7d-4c3e-9f55-0a4b2d9e8c11'
export const HEADERS = ['caseNumber', 'intakeDate', 'Nom', 'prs_Gender']

export function report(overrides: Partial<ImportReport> = {}): ImportReport {
  return {
    format: 'htcds-csv',
    dryRun: true,
    read: 3,
    valid: 2,
    rejected: 1,
    duplicates: 1,
    imported: 0,
    complete: true,
    errorCount: 1,
    errors: [
      {
        row: 3,
        field: 'caseNumber',
        code: 'numberInVault',
        reason: 'this case number is already in the vault',
      },
    ],
    ignoredColumns: [{ column: 'Nom', code: 'unknownColumn', reason: 'unknown column; not imported' }],
    notes: [],
    ...overrides,
  }
}

export function preview(overrides: Partial<ImportPreview> = {}): ImportPreview {
  return {
    token: TOKEN,
    fileName: 'intake.csv',
    headers: HEADERS,
    suggestedMapping: {
      caseNumber: 'caseNumber',
      intakeDate: 'intakeDate',
      Nom: null,
      prs_Gender: 'prs_Gender',
    },
    targets: ['caseNumber', 'intakeDate', 'prs_FirstName', 'prs_Gender'],
    report: report(),
    ...overrides,
  }
}

export type Answer<T> = ApiResult<T> | (() => ApiResult<T>)
export type Later<T> = Answer<T> | Promise<ApiResult<T>>
const progressListeners = new Set<(progress: OperationProgress) => void>()
/** main's progress message, as the preload hands it to the window. */
export const emitProgress = (progress: OperationProgress) =>
  progressListeners.forEach((listen) => listen(progress))

export function install(previews: Answer<ImportPreview>[], runs: Later<ImportReport>[] = []) {
  const api = {
    preview: vi.fn(async () => {
      const next = previews.shift()!
      return typeof next === 'function' ? next() : next
    }),
    run: vi.fn(async () => {
      const next = runs.shift()!
      return typeof next === 'function' ? next() : next
    }),
    cancel: vi.fn(async () => ({ ok: true, value: true }) as ApiResult<boolean>),
  }
  progressListeners.clear()
  Object.defineProperty(window, 'casevault', {
    value: {
      import: api,
      onProgress: (listener: (progress: OperationProgress) => void) => {
        progressListeners.add(listener)
        return () => progressListeners.delete(listener)
      },
    } as unknown as CaseVaultClient,
    configurable: true,
  })
  return api
}

export async function mountView() {
  const wrapper = mount(ImportView, {
    global: {
      plugins: [createAppI18n(), [PrimeVue, { unstyled: true }]],
      stubs: { RouterLink: RouterLinkStub },
    },
    attachTo: document.body,
  })
  await flushPromises()
  return wrapper
}
export type View = Awaited<ReturnType<typeof mountView>>

export const ok = <T>(value: T): ApiResult<T> => ({ ok: true, value })
export const choose = async (wrapper: View) => {
  await wrapper.get('form').trigger('submit')
  await flushPromises()
}
export const count = (wrapper: View, scope: string, key: string) =>
  wrapper.get(`[data-testid="${scope}"] [data-count="${key}"] dd`).text()
