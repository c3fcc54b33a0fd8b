// @vitest-environment jsdom
// Defects on the import screen, from a reviewing helper's hunt. Each test failed on the code before
// its fix; the defect is described above it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { installMatchMedia } from './support-jsdom'
import { choose, install, mountView, ok, preview } from './import-view-support'

installMatchMedia()

beforeEach(() => setActivePinia(createPinia()))
afterEach(() => {
  document.body.innerHTML = ''
})

describe('import screen defects', () => {
  // The file a dry run checked was deleted or moved, or its USB stick pulled, before Import was
  // pressed. Main answers NOT_FOUND "The import file cannot be found or opened."
  // (main/core/import/source-table.ts:123), the same code as for a token spent or forgotten at a
  // lock. import-error.ts:53 turns every NOT_FOUND into "This file is no longer open here (the vault
  // may have been locked since)": the supervisor is told a lock they never saw is the cause, and
  // nothing says the file itself is gone. Fix: give the missing file its own details
  // (e.g. details.file = 'missing' or FILE_UNAVAILABLE) and word it in import-error.ts.
  it('says the file cannot be found when it was removed after its dry run, not that the vault may have been locked', async () => {
    install(
      [ok(preview())],
      [{ ok: false, error: { code: 'NOT_FOUND', message: 'The import file cannot be found or opened.' } }],
    )
    const wrapper = await mountView()
    await choose(wrapper)
    await wrapper.get('[data-testid="import-run"]').trigger('click')
    await flushPromises()
    const said = wrapper.get('[data-testid="import-error"]').text()
    expect(said).not.toContain('locked')
    expect(said.toLowerCase()).toMatch(/cannot be found|moved|deleted|removed|no longer there/)
    wrapper.unmount()
  })

  // A supervisor picks "Choose another file…" while file A's dry run is on screen, and file B cannot
  // be read (encrypted). The error appears, but the screen still says "File: intake.csv" with A's
  // report and an enabled "Import 2 records": the error names no file, so the page reads as if the
  // file shown were the one refused, or as if Import now acted on B. ImportView.vue:84-94 (`choose`)
  // keeps `preview` when the new choice fails. Fix: clear `preview` (and `finished`) once a new file
  // was picked, or say that the previous file is still the one shown.
  it('does not leave the previous file importable, unexplained, after another file was chosen and refused', async () => {
    const api = install([
      ok(preview()),
      { ok: false, error: { code: 'VALIDATION', message: 'encrypted', details: { file: 'encrypted' } } },
    ])
    const wrapper = await mountView()
    await choose(wrapper)
    expect(wrapper.get('[data-testid="import-run"]').attributes('disabled')).toBeUndefined()
    await choose(wrapper)
    expect(api.preview).toHaveBeenCalledTimes(2)
    expect(wrapper.get('[data-testid="import-error"]').text()).toContain('The file is encrypted')
    expect(wrapper.find('[data-testid="import-run"]').exists()).toBe(false)
    wrapper.unmount()
  })
})
