// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import type { ApiResult, ImportReport } from '../../main/api/contract'
import { createPinia, setActivePinia } from 'pinia'
import { installMatchMedia } from './support-jsdom'
import {
  choose,
  count,
  emitProgress,
  install,
  mountView,
  ok,
  preview,
  report,
  TOKEN,
} from './import-view-support'

installMatchMedia()

describe('the import screen', () => {
  beforeEach(() => setActivePinia(createPinia()))
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('shows the dry run (counts and each row’s error), then imports the valid rows by token', async () => {
    const api = install([ok(preview())], [ok(report({ dryRun: false, imported: 2 }))])
    const wrapper = await mountView()
    await choose(wrapper)
    expect(api.preview).toHaveBeenCalledWith({ format: 'htcds-csv' })
    expect(wrapper.get('[data-testid="import-file-name"]').text()).toBe('File: intake.csv')
    expect(count(wrapper, 'import-dry-run', 'read')).toBe('3')
    expect(count(wrapper, 'import-dry-run', 'valid')).toBe('2')
    expect(count(wrapper, 'import-dry-run', 'rejected')).toBe('1')
    expect(count(wrapper, 'import-dry-run', 'duplicates')).toBe('1')
    const errorRow = wrapper.get('[data-testid="import-errors"] tbody tr').findAll('td')
    expect(errorRow.map((cell) => cell.text())).toEqual([
      '3',
      'caseNumber',
      'this case number is already in the vault',
    ])
    expect(wrapper.get('[data-testid="import-ignored"]').text()).toContain('Nom')
    // Keyboard users land on the report.
    expect(document.activeElement?.id).toBe('import-dry-run-heading')

    const run = wrapper.get('[data-testid="import-run"]')
    expect(run.text()).toBe('Import 2 records')
    await run.trigger('click')
    await flushPromises()
    expect(api.run).toHaveBeenCalledWith({
      token: TOKEN,
      allOrNothing: false,
      mapping: preview().suggestedMapping,
    })
    expect(wrapper.get('[data-testid="import-done-summary"]').text()).toBe('2 cases were imported.')
    expect(count(wrapper, 'import-final', 'imported')).toBe('2')
    // The token is spent: no second import of the same file from this screen.
    expect(wrapper.find('[data-testid="import-run"]').exists()).toBe(false)
    expect(wrapper.find('[data-testid="import-go-to-cases"]').exists()).toBe(true)
    wrapper.unmount()
  })

  it('re-checks with a changed mapping before it lets anyone import, and refuses two columns for one field', async () => {
    const remapped = {
      caseNumber: 'caseNumber',
      intakeDate: 'intakeDate',
      Nom: 'prs_FirstName',
      prs_Gender: 'prs_Gender',
    }
    const api = install([
      ok(preview()),
      ok(
        preview({
          suggestedMapping: remapped,
          report: report({ valid: 3, rejected: 0, errorCount: 0, errors: [] }),
        }),
      ),
    ])
    const wrapper = await mountView()
    await choose(wrapper)
    const nom = wrapper.get('[data-testid="import-map-Nom"]')
    // The field names of the standard are shown with their labels.
    expect(nom.findAll('option').map((option) => option.text())).toContain('Gender (prs_Gender)')

    await nom.setValue('prs_Gender')
    expect(wrapper.get('[role="alert"]').text()).toContain('Also chosen for prs_Gender')
    expect(wrapper.get('[data-testid="import-recheck"]').attributes('disabled')).toBeDefined()
    expect(wrapper.get('[data-testid="import-run"]').attributes('disabled')).toBeDefined()

    await nom.setValue('prs_FirstName')
    expect(wrapper.find('[role="alert"]').exists()).toBe(false)
    expect(wrapper.get('[data-testid="import-run"]').attributes('disabled')).toBeDefined()
    expect(wrapper.text()).toContain('check the file again before importing')
    await wrapper.get('[data-testid="import-recheck"]').trigger('click')
    await flushPromises()
    expect(api.preview).toHaveBeenLastCalledWith({ format: 'htcds-csv', token: TOKEN, mapping: remapped })
    expect(count(wrapper, 'import-dry-run', 'valid')).toBe('3')
    expect(wrapper.get('[data-testid="import-run"]').attributes('disabled')).toBeUndefined()
    expect(wrapper.find('[data-testid="import-errors"]').exists()).toBe(false)
    wrapper.unmount()
  })

  it('shows main’s progress while importing, with a Cancel that stops it and says nothing was written', async () => {
    let answer: (result: ApiResult<ImportReport>) => void = () => {}
    const pending = new Promise<ApiResult<ImportReport>>((resolve) => (answer = resolve))
    const api = install([ok(preview())], [pending])
    const wrapper = await mountView()
    await choose(wrapper)
    await wrapper.get('[data-testid="import-run"]').trigger('click')
    await flushPromises()
    emitProgress({ operation: 'import', stage: 'check', fraction: 0.4 })
    await flushPromises()
    expect(wrapper.text()).toContain('Checking the file… Nothing is written.')
    expect(wrapper.get('[data-testid="import-progress"]').attributes('aria-valuenow')).toBe('40')
    emitProgress({ operation: 'import', stage: 'write', fraction: 0.5 })
    await flushPromises()
    expect(wrapper.text()).toContain('Importing… Do not close CaseVault.')

    await wrapper.get('[data-testid="import-cancel"]').trigger('click')
    await flushPromises()
    expect(api.cancel).toHaveBeenCalledTimes(1)
    expect(wrapper.get('[data-testid="import-cancel"]').attributes('disabled')).toBeDefined()
    answer({ ok: false, error: { code: 'CANCELLED', message: 'Cancelled.' } })
    await flushPromises()
    expect(wrapper.find('[data-testid="import-progress"]').exists()).toBe(false)
    expect(wrapper.get('[data-testid="import-error"]').text()).toBe(
      'Cancelled. Nothing was written and nothing was changed.',
    )
    // The file is still open: it can be imported after all.
    expect(wrapper.find('[data-testid="import-run"]').exists()).toBe(true)
    wrapper.unmount()
  })

  it('imports JSON without a mapping step; all or nothing is passed on, and a refused run keeps the file', async () => {
    const json = preview({
      fileName: 'cases.json',
      headers: [],
      suggestedMapping: {},
      targets: [],
      report: report({ format: 'htcds-json', ignoredColumns: [] }),
    })
    const api = install(
      [ok(json)],
      [
        ok(
          report({
            format: 'htcds-json',
            dryRun: false,
            imported: 0,
            notes: [
              {
                code: 'allOrNothingRefused',
                text: 'All or nothing: a row was rejected, so nothing was imported.',
              },
            ],
          }),
        ),
      ],
    )
    const wrapper = await mountView()
    await wrapper.get('[data-testid="import-format-htcds-json"]').setValue(true)
    await choose(wrapper)
    expect(api.preview).toHaveBeenCalledWith({ format: 'htcds-json' })
    expect(wrapper.find('[data-testid="import-mapping"]').exists()).toBe(false)
    await wrapper.get('[data-testid="import-all-or-nothing"]').setValue(true)
    await wrapper.get('[data-testid="import-run"]').trigger('click')
    await flushPromises()
    expect(api.run).toHaveBeenCalledWith({ token: TOKEN, allOrNothing: true })
    expect(wrapper.get('[data-testid="import-done-summary"]').text()).toBe('No case was imported.')
    expect(wrapper.get('[data-testid="import-final"]').text()).toContain('All or nothing')
    // Nothing went in, so the file stays open for another try.
    expect(wrapper.find('[data-testid="import-run"]').exists()).toBe(true)
    wrapper.unmount()
  })
})
