// @vitest-environment jsdom
// Checks from the export-screen hunt that held (regression tests).
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { install, mountView, ok } from './export-view-support'

describe('the export screen (held)', () => {
  beforeEach(() => setActivePinia(createPinia()))
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('sends no plaintext export when the warning is submitted by keyboard without the box ticked', async () => {
    const api = install(() => ok({ file: '/tmp/cases.json', rows: 1, encrypted: false, report: null }))
    const wrapper = await mountView('supervisor')
    await wrapper.get('[data-testid="export-plaintext"]').trigger('click')
    await flushPromises()
    const form = document.querySelector<HTMLFormElement>('[data-testid="plaintext-dialog"] form')!
    form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }))
    await flushPromises()
    expect(api.run).not.toHaveBeenCalled()
    document.querySelector<HTMLInputElement>('[data-testid="plaintext-understood"]')!.click()
    await flushPromises()
    form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }))
    await flushPromises()
    expect(api.run).toHaveBeenCalledWith(
      expect.objectContaining({ format: 'htcds-json', protection: { plaintext: true, confirmed: true } }),
    )
    wrapper.unmount()
  })
})
