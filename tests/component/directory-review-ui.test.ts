// @vitest-environment jsdom
// Screen defects in the service directory, from a reviewing helper's hunt. Each test failed on the
// code before its fix (the defect is described above it).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import type { DirectoryImportReport } from '../../main/api/contract'
import OrganisationDialog from '../../renderer/src/components/directory/OrganisationDialog.vue'
import DirectoryImportDialog from '../../renderer/src/components/directory/DirectoryImportDialog.vue'
import { install, ok, plugins, settle, signIn } from './casework-screens-support'
import { wait } from './support-jsdom'

beforeEach(() => setActivePinia(createPinia()))
afterEach(() => {
  document.body.innerHTML = ''
})

function typeInto(selector: string, text: string): void {
  const input = document.querySelector<HTMLInputElement>(selector)!
  input.value = text
  input.dispatchEvent(new Event('input', { bubbles: true }))
}

describe('organisation form', () => {
  // A supervisor types latitude 95 (a typo for 53.95) and presses Enter. The form refuses it and
  // shows "must be at most 90" under the field, but the message is tied to PrimeVue InputNumber's
  // wrapper <span> (inheritAttrs: false puts aria-describedby on the root), not to the <input>:
  // a screen reader on the latitude box says "Latitude, invalid" and never what is wrong.
  // Cause: renderer/src/components/directory/DirectoryField.vue:53-63 (aria-describedby given to
  // InputNumber as an attribute, line 61). Same class of defect as the organisation picker fixed earlier.
  it('ties the latitude error to the latitude input itself', async () => {
    const saveOrganisation = vi.fn()
    install({ directory: { saveOrganisation } })
    signIn('supervisor')
    const wrapper = mount(OrganisationDialog, {
      props: { open: false, editing: null },
      global: { plugins: plugins(), stubs: { transition: false } },
      attachTo: document.body,
    })
    await wrapper.setProps({ open: true })
    await settle()
    typeInto('[data-testid="directory-field-name"]', 'Harbour Outreach')
    const latitude = document.getElementById('directory-latitude') as HTMLInputElement
    latitude.focus()
    latitude.value = '95'
    latitude.dispatchEvent(new Event('input', { bubbles: true }))
    latitude.dispatchEvent(new Event('blur'))
    await settle()
    document.querySelector<HTMLFormElement>('[data-testid="organisation-dialog"] form')!.requestSubmit()
    await settle()
    await wait(20)
    expect(saveOrganisation).not.toHaveBeenCalled()
    const error = document.getElementById('directory-latitude-error')
    expect(error?.textContent?.trim()).toBeTruthy()
    const described = (latitude.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean)
    expect(described).toContain('directory-latitude-error')
    wrapper.unmount()
  })
})

describe('directory import report', () => {
  // A manager picks a partner's organizations.csv whose quote is never closed. Main reports it
  // with the shared CSV reader's field marker "(file)" and its English sentence; the case import
  // screen shows the same problem through vue-i18n ("(rest of the file)", exchange.importReasons),
  // the directory dialog prints main's raw strings. The field column reads "(file)", which says
  // nothing, and the reason can never be translated.
  // Cause: renderer/src/components/directory/DirectoryImportDialog.vue:159-160 and
  // import-reason.ts:13-47 (CSV reader problems, with their `code`, are outside its switch).
  it('shows a CSV reading problem in the app’s words, as the case import does', async () => {
    // What main returns for organizations.csv with an unclosed quote on row 3 (checked in
    // tests/unit/directory-review-held.test.ts).
    const report: DirectoryImportReport = {
      format: 'hsds-csv',
      dryRun: true,
      imported: false,
      organisations: { read: 1, created: 1, updated: 0 },
      services: { read: 0, created: 0, updated: 0 },
      errorCount: 1,
      errors: [
        {
          table: 'organizations.csv',
          row: 3,
          field: '(file)',
          reason: 'a quoted value is never closed, so the rest of the file cannot be read',
          code: 'quoteNotClosed',
        } as DirectoryImportReport['errors'][number],
      ],
      notes: [],
    }
    install({ directory: { importPreview: vi.fn(async () => ok(report)) } })
    signIn('supervisor')
    const wrapper = mount(DirectoryImportDialog, {
      props: { open: false },
      global: { plugins: plugins(), stubs: { transition: false } },
      attachTo: document.body,
    })
    await wrapper.setProps({ open: true })
    await settle()
    const input = document.querySelector<HTMLInputElement>('[data-testid="directory-import-input"]')!
    const file = new File(['id,name\n"x'], 'organizations.csv', { type: 'text/csv' })
    Object.defineProperty(input, 'files', { value: [file], configurable: true })
    input.dispatchEvent(new Event('change'))
    await settle()
    await wait(20)
    await flushPromises()
    const cells = [...document.querySelectorAll('[data-testid="directory-import-errors"] tbody td')].map(
      (cell) => cell.textContent?.trim(),
    )
    expect(cells[0]).toBe('organizations.csv')
    // The field column says what the case import says for this marker.
    expect(cells[2]).toBe('(rest of the file)')
    wrapper.unmount()
  })
})

describe('directory import: a file main cannot read', () => {
  // A manager picks a partner's organizations.csv saved by Excel in Windows-1252. Main refuses it
  // as VALIDATION with details.file = "encoding" (and "not_json", "bad_archive", "unknown_format",
  // "no_organizations"… for other files). The dialog shows the generic VALIDATION sentence,
  // "Some of the information is not valid. Check the fields and try again.": there are no fields
  // to check, and the manager is not told to save the file as CSV UTF-8. The case import screen
  // maps the same codes to clear sentences (components/import/import-error.ts).
  // Cause: renderer/src/components/directory/DirectoryImportDialog.vue:82 (errorMessage(error),
  // which ignores details.file).
  it('says the file is not UTF-8 instead of “check the fields”', async () => {
    const importPreview = vi.fn(async () => ({
      ok: false as const,
      error: {
        code: 'VALIDATION' as const,
        message:
          'The file is not UTF-8 text (first bad byte on line 2). Save it as "CSV UTF-8" and try again.',
        details: { file: 'encoding' },
      },
    }))
    install({ directory: { importPreview } })
    signIn('supervisor')
    const wrapper = mount(DirectoryImportDialog, {
      props: { open: false },
      global: { plugins: plugins(), stubs: { transition: false } },
      attachTo: document.body,
    })
    await wrapper.setProps({ open: true })
    await settle()
    const input = document.querySelector<HTMLInputElement>('[data-testid="directory-import-input"]')!
    const file = new File([new Uint8Array([0x69, 0x64, 0x0a, 0x43, 0x61, 0x66, 0xe9])], 'organizations.csv')
    Object.defineProperty(input, 'files', { value: [file], configurable: true })
    input.dispatchEvent(new Event('change'))
    await settle()
    await wait(20)
    await flushPromises()
    expect(importPreview).toHaveBeenCalled()
    const shown = document.querySelector('[data-testid="directory-import-error"]')?.textContent ?? ''
    expect(shown).not.toContain('Check the fields')
    expect(shown).toContain('UTF-8')
    wrapper.unmount()
  })
})
