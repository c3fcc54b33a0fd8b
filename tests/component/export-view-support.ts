// The export screen mounted as the app mounts it, against a stubbed preload API (main's own
// behaviour is tested in tests/unit): shared by the export screen's component tests.
import { vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import PrimeVue from 'primevue/config'
import type {
  ApiResult,
  DeidentificationReport,
  ExportResult,
  ExportScope,
  Role,
  RunExportInput,
  VaultStatus,
  YearChangedSinceExport,
} from '../../main/api/contract'
import type { CaseVaultClient } from '../../preload/build-api'
import { createAppI18n } from '../../renderer/src/i18n'
import { useVaultStore } from '../../renderer/src/stores/vault'
import ExportView from '../../renderer/src/views/ExportView.vue'
import { installMatchMedia } from './support-jsdom'

installMatchMedia()
globalThis.ResizeObserver ??= class {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}

export const KEY = 'age1z5vgv3q0ss2u3g90534hgv8geqkfp452775zeeqp775r4szh9u0qzmadhq' // a real key: the checksum is checked
export const STRONG = 'quiet walnut ferry orbit 1987 maple'
export const REPORT: DeidentificationReport = {
  k: 7,
  quasiIdentifiers: ['year', 'citizenship', 'sex'],
  inputRows: 40,
  outputRows: 37,
  generalised: [
    {
      quasiIdentifier: 'citizenship',
      level: 1,
      description: 'UN sub-region (or Other)',
      years: [2024, 2025],
    },
    { quasiIdentifier: 'sex', level: 2, description: 'suppressed', years: [2025] },
  ],
  rowsWithSuppressedCells: 8,
  suppressedCells: 24,
  suppressedRows: 3,
  suppressedTableCells: 0,
  publicRecordsLeftOut: 2,
}

export function signIn(role: Role): void {
  const status: VaultStatus = {
    state: 'unlocked',
    user: { id: 1, username: 'sam', displayName: 'Sam Lee', role },
    settings: { autoLockMinutes: 10 },
    organisation: 'Safe Harbour Network',
  }
  useVaultStore().status = status
}

export function install(
  answer: (input: RunExportInput) => ApiResult<ExportResult>,
  k = 5,
  changedYears: (scope: ExportScope) => YearChangedSinceExport[] = () => [],
) {
  const api = {
    changedYears: vi.fn(async (scope: ExportScope) => ({ ok: true as const, value: changedYears(scope) })),
    getSettings: vi.fn(async () => ({ ok: true as const, value: { k } })),
    updateSettings: vi.fn(async (next: { k: number }) => ({ ok: true as const, value: next })),
    run: vi.fn(async (input: RunExportInput) => answer(input)),
  }
  Object.defineProperty(window, 'casevault', {
    value: { export: api } as unknown as CaseVaultClient,
    configurable: true,
  })
  return api
}

export async function mountView(role: Role) {
  signIn(role)
  const wrapper = mount(ExportView, {
    global: { plugins: [createAppI18n(), [PrimeVue, { unstyled: true }]] },
    attachTo: document.body,
  })
  await flushPromises()
  return wrapper
}
export type View = Awaited<ReturnType<typeof mountView>>

export async function useKeys(wrapper: View): Promise<void> {
  await wrapper.get('[data-testid="export-protection-keys"]').setValue(true)
  await wrapper.get('[data-testid="export-recipients"]').setValue(KEY)
}

export const formatIds = (wrapper: View) =>
  wrapper.findAll('input[name="export-format"]').map((input) => input.attributes('data-testid'))
export const ok = <T>(value: T): ApiResult<T> => ({ ok: true, value })
