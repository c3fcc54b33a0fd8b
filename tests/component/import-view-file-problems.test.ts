// @vitest-environment jsdom
// What the import screen says when main cannot read the chosen file at all (or none was chosen):
// each reason main gives (details.file) in the user's words, never a generic failure.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { installMatchMedia } from './support-jsdom'
import { choose, install, mountView, ok, preview } from './import-view-support'

installMatchMedia()

describe('the import screen, when a file cannot be read', () => {
  beforeEach(() => setActivePinia(createPinia()))
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('says so when no file was chosen, and explains a file main cannot read in plain words', async () => {
    const api = install([
      ok(
        preview({
          token: null,
          fileName: null,
          headers: [],
          suggestedMapping: {},
          targets: [],
          report: null,
        }),
      ),
      { ok: false, error: { code: 'VALIDATION', message: 'encrypted', details: { file: 'encrypted' } } },
    ])
    const wrapper = await mountView()
    await choose(wrapper)
    expect(wrapper.get('[data-testid="import-cancelled"]').text()).toBe(
      'No file was chosen. Nothing was read or written.',
    )
    expect(wrapper.find('[data-testid="import-dry-run"]').exists()).toBe(false)
    await choose(wrapper)
    expect(wrapper.get('[data-testid="import-error"]').text()).toContain(
      'The file is encrypted. Decrypt it first',
    )
    expect(api.run).not.toHaveBeenCalled()
    wrapper.unmount()
  })

  it('a sheet far wider than any case sheet gets its own message, not a generic one', async () => {
    install([
      {
        ok: false,
        error: { code: 'VALIDATION', message: 'wide', details: { file: 'too_many_columns' } },
      },
    ])
    const wrapper = await mountView()
    await choose(wrapper)
    expect(wrapper.get('[data-testid="import-error"]').text()).toContain(
      'The file has more than 2,000 columns',
    )
    wrapper.unmount()
  })

  // Session 19: a password-protected workbook had been told "not an Excel workbook".
  it('a workbook protected with a password is said to be so, with what to do', async () => {
    install([
      {
        ok: false,
        error: { code: 'VALIDATION', message: 'protected', details: { file: 'xlsx_protected' } },
      },
    ])
    const wrapper = await mountView()
    await choose(wrapper)
    expect(wrapper.get('[data-testid="import-error"]').text()).toContain(
      'The workbook is protected with a password',
    )
    wrapper.unmount()
  })

  it('a header row no mapping can carry names the column whose header is too long', async () => {
    install([
      {
        ok: false,
        error: { code: 'VALIDATION', message: 'long', details: { file: 'header_too_long', column: 14 } },
      },
    ])
    const wrapper = await mountView()
    await choose(wrapper)
    expect(wrapper.get('[data-testid="import-error"]').text()).toContain(
      'The name of column 14 in the header row is longer than 5,000 characters',
    )
    wrapper.unmount()
  })
})
