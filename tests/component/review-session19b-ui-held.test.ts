// @vitest-environment jsdom
// Checks of the years-changed notice (ChangedYearsNotice.vue) by a reviewing helper (session 19,
// later half) that the code passed: kept as regression tests.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { install, mountView, ok, REPORT } from './export-view-support'

const CHANGED_2024 = { year: 2024, exportedAt: '2026-03-03T10:00:00.000Z', changedCases: 1, deletedCases: 0 }

describe('the years-changed notice on the export screen', () => {
  beforeEach(() => setActivePinia(createPinia()))
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('an unreadable year typed half-way asks nothing and shows no stale notice', async () => {
    const api = install(
      () => ok({ file: '/media/usb/stats.csv.age', rows: 37, encrypted: true, report: REPORT }),
      5,
      () => [CHANGED_2024],
    )
    const wrapper = await mountView('analyst')
    await flushPromises()
    expect(wrapper.find('[data-testid="export-scope-changed-2024"]').exists()).toBe(true)
    const calls = api.changedYears.mock.calls.length
    await wrapper.get('[data-testid="export-scope-from-year"]').setValue('20')
    await flushPromises()
    expect(api.changedYears.mock.calls.length).toBe(calls)
    expect(wrapper.find('[data-testid="export-scope-changed-2024"]').exists()).toBe(false)
    wrapper.unmount()
  })

  it('main failing to answer shows no notice, and the export can still be made', async () => {
    const api = install(() =>
      ok({ file: '/media/usb/stats.csv.age', rows: 37, encrypted: true, report: REPORT }),
    )
    api.changedYears.mockImplementation(async () => {
      throw new Error('ipc down')
    })
    const wrapper = await mountView('analyst')
    await flushPromises()
    expect(wrapper.findAll('[data-testid^="export-scope-changed-"]')).toHaveLength(0)
    expect(wrapper.find('[data-testid="export-format-deidentified-csv"]').exists()).toBe(true)
    wrapper.unmount()
  })
})
