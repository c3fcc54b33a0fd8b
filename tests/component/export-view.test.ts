// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import type { ApiResult, ExportResult } from '../../main/api/contract'
import { createPinia, setActivePinia } from 'pinia'
import { formatIds, install, KEY, mountView, ok, REPORT, STRONG, useKeys } from './export-view-support'

describe('the export screen', () => {
  beforeEach(() => setActivePinia(createPinia()))
  afterEach(() => {
    document.body.innerHTML = ''
  })

  // Session 19: a year exported before and changed since (a case entered late into it, edited,
  // deleted) is said to be one before the export, as a year not over is: the two files compared
  // single out those cases (a reviewing helper's attack).
  it('says which years of the scope changed since their last de-identified export', async () => {
    const api = install(
      () => ok({ file: '/media/usb/stats.csv.age', rows: 37, encrypted: true, report: REPORT }),
      5,
      (scope) =>
        scope.intakeTo === '2023-12-31'
          ? []
          : [{ year: 2024, exportedAt: '2026-03-03T10:00:00.000Z', changedCases: 2, deletedCases: 1 }],
    )
    const wrapper = await mountView('analyst')
    await flushPromises()
    expect(wrapper.get('[data-testid="export-scope-changed-2024"]').text()).toMatch(
      /^2024 changed after it was last exported, on .+2026: 2 of its cases were added or changed, and one of its cases was deleted since\./,
    )
    await wrapper.get('[data-testid="export-scope-to-year"]').setValue('2023')
    await flushPromises()
    expect(api.changedYears).toHaveBeenLastCalledWith({ intakeTo: '2023-12-31' })
    expect(wrapper.find('[data-testid="export-scope-changed-2024"]').exists()).toBe(false)
    wrapper.unmount()
  })

  // The notice had still named the year the export just released: asked again after an export.
  it('asks again after an export, which is then the release the next one is compared with', async () => {
    let released = false
    const api = install(
      () => {
        released = true
        return ok({ file: '/media/usb/stats.csv.age', rows: 37, encrypted: true, report: REPORT })
      },
      5,
      () =>
        released
          ? []
          : [{ year: 2024, exportedAt: '2026-03-03T10:00:00.000Z', changedCases: 1, deletedCases: 0 }],
    )
    const wrapper = await mountView('analyst')
    await flushPromises()
    expect(wrapper.get('[data-testid="export-scope-changed-2024"]').text()).toContain(
      'one of its cases was added or changed since',
    )
    await useKeys(wrapper)
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(api.run).toHaveBeenCalledTimes(1)
    expect(api.changedYears).toHaveBeenCalledTimes(2)
    expect(wrapper.find('[data-testid="export-scope-changed-2024"]').exists()).toBe(false)
    wrapper.unmount()
  })

  it('offers an analyst the de-identified formats only, in whole years, with k from the organisation', async () => {
    const api = install(
      () => ok({ file: '/media/usb/stats.csv.age', rows: 37, encrypted: true, report: REPORT }),
      6,
    )
    const wrapper = await mountView('analyst')
    expect(formatIds(wrapper)).toEqual([
      'export-format-deidentified-csv',
      'export-format-ctdc-csv',
      'export-format-aggregates-csv',
    ])
    expect(wrapper.find('[data-testid="export-org-k"]').exists()).toBe(false)
    const k = wrapper.get<HTMLInputElement>('[data-testid="export-k"]')
    expect(k.element.value).toBe('6')

    // Below the organisation's k, a bad year, a range backwards: refused here, nothing sent.
    await useKeys(wrapper)
    await k.setValue('4')
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(wrapper.get('#export-k-error').text()).toContain('Enter 6 or more')
    await k.setValue('7')
    await wrapper.get('[data-testid="export-scope-from-year"]').setValue('24')
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(wrapper.get('#export-scope-from-error').text()).toContain('four digits')
    await wrapper.get('[data-testid="export-scope-from-year"]').setValue('2025')
    await wrapper.get('[data-testid="export-scope-to-year"]').setValue('2024')
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(wrapper.get('#export-scope-to-error').text()).toContain('before the start')
    expect(api.run).not.toHaveBeenCalled()

    // A year not over yet is said to be one (exports of it months apart can be compared).
    const thisYear = new Date().getFullYear()
    await wrapper.get('[data-testid="export-scope-to-year"]').setValue(String(thisYear))
    expect(wrapper.get('[data-testid="export-scope-unfinished-year"]').text()).toContain(
      `includes ${thisYear}, a year that is not over`,
    )
    await wrapper.get('[data-testid="export-scope-from-year"]').setValue('2024')
    await wrapper.get('[data-testid="export-scope-to-year"]').setValue('2025')
    expect(wrapper.find('[data-testid="export-scope-unfinished-year"]').exists()).toBe(false)
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(api.run).toHaveBeenCalledWith({
      format: 'deidentified-csv',
      protection: { recipients: [KEY] },
      scope: { intakeFrom: '2024-01-01', intakeTo: '2025-12-31' },
      k: 7,
    })
    const result = wrapper.get('[data-testid="export-result"]')
    expect(result.text()).toContain('/media/usb/stats.csv.age')
    expect(wrapper.get('[data-testid="export-rows"]').text()).toBe('37 rows.')
    expect(wrapper.get('[data-testid="export-encrypted"]').text()).toContain('encrypted')
    // The de-identification report, in plain words.
    expect(wrapper.get('[data-testid="report-k"]').text()).toContain('at least 7 rows')
    expect(wrapper.get('[data-testid="report-generalised"]').text()).toContain(
      'citizenship: shown as the UN sub-region, in the cases of 2024, 2025',
    )
    expect(wrapper.get('[data-testid="report-generalised"]').text()).toContain(
      'gender: left out, in the cases of 2025',
    )
    expect(wrapper.get('[data-testid="report-suppressed-cells"]').text()).toContain(': 8, with 24 details')
    expect(wrapper.get('[data-testid="report-suppressed-rows"]').text()).toContain(': 3.')
    expect(wrapper.get('[data-testid="report-public-left-out"]').text()).toContain(
      'public data were left out: 2.',
    )
    wrapper.unmount()
  })

  it('exports full records with dates, and plaintext only after the warning is confirmed', async () => {
    const api = install((input) =>
      ok({ file: '/tmp/cases.json', rows: 2, encrypted: !('plaintext' in input.protection), report: null }),
    )
    const wrapper = await mountView('supervisor')
    expect(formatIds(wrapper)).toHaveLength(5)
    expect(wrapper.find('[data-testid="export-k"]').exists()).toBe(false)
    await wrapper.get('[data-testid="export-scope-from-date"]').setValue('2025-02-30')
    await wrapper.get('[data-testid="export-scope-from-date"]').trigger('blur')
    await wrapper.get('[data-testid="export-plaintext"]').trigger('click')
    await flushPromises()
    expect(wrapper.get('#export-scope-from-error').text()).toContain('real date')
    expect(document.querySelector('[data-testid="plaintext-dialog"]')).toBeNull()

    await wrapper.get('[data-testid="export-scope-from-date"]').setValue('2025-01-15')
    await wrapper.get('[data-testid="export-scope-from-date"]').trigger('blur')
    await wrapper.get('[data-testid="export-plaintext"]').trigger('click')
    await flushPromises()
    const dialog = () => document.querySelector<HTMLElement>('[data-testid="plaintext-dialog"]')
    expect(dialog()?.textContent).toContain('Anyone who gets this file can read it')
    expect(dialog()?.textContent).toContain('names, dates of birth')
    const confirm = () => document.querySelector<HTMLButtonElement>('[data-testid="plaintext-confirm"]')!
    expect(confirm().disabled).toBe(true)
    // Cancel: nothing is sent.
    document.querySelector<HTMLButtonElement>('[data-testid="plaintext-cancel"]')!.click()
    await flushPromises()
    expect(api.run).not.toHaveBeenCalled()

    await wrapper.get('[data-testid="export-plaintext"]').trigger('click')
    await flushPromises()
    expect(confirm().disabled).toBe(true)
    document.querySelector<HTMLInputElement>('[data-testid="plaintext-understood"]')!.click()
    await flushPromises()
    expect(confirm().disabled).toBe(false)
    confirm().click()
    await flushPromises()
    expect(api.run).toHaveBeenCalledWith({
      format: 'htcds-json',
      protection: { plaintext: true, confirmed: true },
      scope: { intakeFrom: '2025-01-15' },
    })
    expect(wrapper.get('[data-testid="export-encrypted"]').text()).toContain('NOT encrypted')
    wrapper.unmount()
  })

  it('says calmly that nothing was written when the save dialog was cancelled, and shows main’s refusals', async () => {
    let answer: ApiResult<ExportResult> = ok({ file: null, rows: 0, encrypted: true, report: null })
    install(() => answer)
    const wrapper = await mountView('admin')
    await useKeys(wrapper)
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(wrapper.get('[data-testid="export-result"]').text()).toBe(
      'No place was chosen, so nothing was written.',
    )
    answer = { ok: false, error: { code: 'FORBIDDEN', message: 'no' } }
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(wrapper.get('[data-testid="export-error"]').text()).toBe('Your role does not allow this action.')
    wrapper.unmount()
  })

  it('encrypts to a passphrase only once zxcvbn rates it strong and both copies match; then forgets it', async () => {
    const api = install(() => ok({ file: '/tmp/cases.json.age', rows: 1, encrypted: true, report: null }))
    const wrapper = await mountView('supervisor')
    const run = wrapper.get('[data-testid="export-run"]')
    expect(run.attributes('disabled')).toBeDefined()
    await wrapper.get('[data-testid="export-passphrase"]').setValue('password1234')
    await vi.waitFor(() => expect(wrapper.find('[data-score]').exists()).toBe(true), { timeout: 15_000 })
    expect(run.attributes('disabled')).toBeDefined()

    await wrapper.get('[data-testid="export-passphrase"]').setValue(STRONG)
    await vi.waitFor(() =>
      expect(Number(wrapper.get('[data-score]').attributes('data-score'))).toBeGreaterThan(2),
    )
    expect(run.attributes('disabled')).toBeUndefined()
    await wrapper.get('[data-testid="export-passphrase-confirm"]').setValue(`${STRONG}!`)
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(api.run).not.toHaveBeenCalled()
    expect(wrapper.get('#export-passphrase-confirm-error').text()).toBe(
      'The two passphrases are not the same.',
    )

    await wrapper.get('[data-testid="export-passphrase-confirm"]').setValue(STRONG)
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(api.run).toHaveBeenCalledWith({
      format: 'htcds-json',
      protection: { passphrase: STRONG },
      scope: {},
    })
    expect(wrapper.get<HTMLInputElement>('[data-testid="export-passphrase"]').element.value).toBe('')
    wrapper.unmount()
  })
})
