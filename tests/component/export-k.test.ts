// @vitest-environment jsdom
// The k of a de-identified export: the organisation's floor (admins raise it) and main's refusal
// when another admin raised it meanwhile.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { install, mountView, ok, useKeys } from './export-view-support'

describe('k on the export screen', () => {
  beforeEach(() => setActivePinia(createPinia()))
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('shows main’s refusal of a k another admin has just raised above, at the k field', async () => {
    const api = install(() => ({
      ok: false,
      error: {
        code: 'VALIDATION',
        message: 'Some fields are not valid.',
        details: { issues: [{ path: 'k', code: 'too_small', message: 'at least 8' }] },
      },
    }))
    const wrapper = await mountView('analyst')
    api.getSettings.mockResolvedValue({ ok: true, value: { k: 8 } })
    await useKeys(wrapper)
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(api.run).toHaveBeenCalledTimes(1)
    expect(wrapper.get('#export-k-error').text()).toContain('Enter 8 or more')
    expect(wrapper.get<HTMLInputElement>('[data-testid="export-k"]').element.value).toBe('8')
    wrapper.unmount()
  })

  it('lets an admin raise the organisation’s k, never below the standard’s 5', async () => {
    const api = install(() => ok({ file: null, rows: 0, encrypted: true, report: null }))
    const wrapper = await mountView('admin')
    const orgK = wrapper.get('[data-testid="export-org-k"]')
    await orgK.setValue('3')
    await wrapper.get('form[aria-labelledby="export-setting-heading"]').trigger('submit')
    await flushPromises()
    expect(api.updateSettings).not.toHaveBeenCalled()
    await orgK.setValue('10')
    await wrapper.get('form[aria-labelledby="export-setting-heading"]').trigger('submit')
    await flushPromises()
    expect(api.updateSettings).toHaveBeenCalledWith({ k: 10 })
    expect(wrapper.get('[data-testid="export-setting-saved"]').text()).toContain('at least 10')
    // The export's own k follows the new floor.
    await wrapper.get('[data-testid="export-format-deidentified-csv"]').setValue(true)
    expect(wrapper.get<HTMLInputElement>('[data-testid="export-k"]').element.value).toBe('10')
    wrapper.unmount()
  })
})
