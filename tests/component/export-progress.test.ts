// @vitest-environment jsdom
// While an export runs, the line under the bar says which step main is on: the bar restarts for
// each (cases read, then the file written), so without it the second run of the bar looks like a
// restart of the whole export.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import PrimeVue from 'primevue/config'
import type { OperationProgress } from '../../main/api/contract'
import type { CaseVaultClient } from '../../preload/build-api'
import { createAppI18n } from '../../renderer/src/i18n'
import ExportOutcome from '../../renderer/src/components/export/ExportOutcome.vue'
import { installMatchMedia } from './support-jsdom'

installMatchMedia()

const listeners = new Set<(progress: OperationProgress) => void>()
const emit = (progress: OperationProgress) => listeners.forEach((listen) => listen(progress))

describe('export progress', () => {
  beforeEach(() => {
    Object.defineProperty(window, 'casevault', {
      value: {
        export: { cancel: async () => ({ ok: true, value: true }) },
        onProgress: (listener: (progress: OperationProgress) => void) => {
          listeners.add(listener)
          return () => listeners.delete(listener)
        },
      } as unknown as CaseVaultClient,
      configurable: true,
    })
    setActivePinia(createPinia())
  })
  afterEach(() => listeners.clear())

  it('says “reading the cases”, then “writing the file”, with main’s share on the bar', async () => {
    const wrapper = mount(ExportOutcome, {
      props: { working: true, result: null, format: 'htcds-json', failure: null },
      global: { plugins: [createAppI18n(), [PrimeVue, { unstyled: true }]] },
    })
    await flushPromises()
    const line = () => wrapper.get('.busy-text').text()
    expect(line()).toContain('Exporting…')
    emit({ operation: 'export', stage: 'read', fraction: 0.4 })
    await flushPromises()
    expect(line()).toContain('Reading the cases…')
    expect(wrapper.get('[data-testid="export-progress"]').attributes('aria-valuenow')).toBe('40')
    emit({ operation: 'export', stage: 'encrypt', fraction: 0.1 })
    await flushPromises()
    expect(line()).toBe('Writing the file…')
    wrapper.unmount()
  })
})
