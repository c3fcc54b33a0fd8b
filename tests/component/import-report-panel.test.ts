// @vitest-environment jsdom
import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import PrimeVue from 'primevue/config'
import type { ImportReasonCode, ImportReport } from '../../main/api/contract'
import { createAppI18n } from '../../renderer/src/i18n'
import { en } from '../../renderer/src/i18n/en'
import ImportReportPanel from '../../renderer/src/components/import/ImportReportPanel.vue'
import { installMatchMedia } from './support-jsdom'

installMatchMedia()

// Main's English is replaced by a marker, so what shows can only come from the renderer's messages
// (or, for a code it does not know, from main's sentence: the marker).
function report(overrides: Partial<ImportReport> = {}): ImportReport {
  return {
    format: 'htcds-csv',
    dryRun: true,
    read: 4,
    valid: 1,
    rejected: 3,
    duplicates: 1,
    imported: 0,
    complete: true,
    errorCount: 4,
    errors: [
      { row: 2, field: '(row)', code: 'extraCells', params: { cells: 7, columns: 5 }, reason: 'MAIN 1' },
      { row: 3, field: 'prs_FirstName', code: 'valueTooLong', params: { length: 5012 }, reason: 'MAIN 2' },
      { row: 4, field: 'caseNumber', code: 'numberOnOtherRows', params: { rows: '4, 9' }, reason: 'MAIN 3' },
      {
        row: 5,
        field: 'column 3 (no header)',
        code: 'aNewerMainCode' as ImportReasonCode,
        params: { n: 1 },
        reason: 'a reason this renderer does not know yet',
      },
    ],
    ignoredColumns: [
      { column: 'shoeSize', code: 'unknownColumn', reason: 'MAIN 4' },
      { column: 'column 7 (no header)', code: 'noHeader', reason: 'MAIN 5' },
    ],
    notes: [
      { code: 'noIntakeDateColumn', params: { date: '2025-06-15' }, text: 'MAIN 6' },
      { code: 'somethingNew' as ImportReasonCode, text: 'A note from a newer main.' },
    ],
    ...overrides,
  }
}

function mountPanel(value: ImportReport, i18n = createAppI18n()) {
  return mount(ImportReportPanel, {
    props: { report: value, testid: 'panel' },
    global: { plugins: [i18n, [PrimeVue, { unstyled: true }]] },
  })
}

const cells = (wrapper: ReturnType<typeof mountPanel>) =>
  wrapper
    .findAll('[data-testid="import-errors"] tbody tr')
    .map((row) => row.findAll('td').map((td) => td.text()))

describe('the import report in the reader’s language', () => {
  it('words each row problem, ignored column and note from its code and params', () => {
    const wrapper = mountPanel(report())
    expect(cells(wrapper)).toEqual([
      ['2', '(whole row)', 'has 7 cells but the header has 5: values without a column'],
      ['3', 'prs_FirstName', 'value too long (5012 characters)'],
      ['4', 'caseNumber', 'the same case number is on row 4, 9'],
      ['5', 'column 3 (no header)', 'a reason this renderer does not know yet'],
    ])
    const ignored = wrapper
      .get('[data-testid="import-ignored"]')
      .findAll('li')
      .map((li) => li.text())
    expect(ignored).toEqual(['shoeSize: unknown column; not imported', 'column 7 (no header): no header'])
    const notes = wrapper
      .get('[data-testid="import-notes"]')
      .findAll('li')
      .map((li) => li.text())
    expect(notes).toEqual([
      'No intake date column: imported cases get today’s date (2025-06-15) as intake date, flagged as such.',
      // A code this renderer does not know: main's English, rather than nothing.
      'A note from a newer main.',
    ])
    expect(wrapper.text()).not.toMatch(/MAIN \d/)
  })

  it('follows the locale: another language’s messages are used, with the same params', () => {
    const i18n = createAppI18n()
    // The English messages with a few French ones over them (the rest falls back silently).
    const messages = structuredClone(en)
    Object.assign(messages.exchange.importFields, {
      row: '(ligne entière)',
      unnamedColumn: 'colonne {position} (sans en-tête)',
    })
    Object.assign(messages.exchange.importReasons, {
      extraCells: '{cells} cellules, mais l’en-tête en a {columns}',
      valueTooLong: 'valeur trop longue ({length} caractères)',
      noHeader: 'sans en-tête',
    })
    i18n.global.setLocaleMessage('fr', messages as never)
    i18n.global.locale.value = 'fr' as never
    const wrapper = mountPanel(report(), i18n)
    const [first, second, , fourth] = cells(wrapper)
    expect(first).toEqual(['2', '(ligne entière)', '7 cellules, mais l’en-tête en a 5'])
    expect(second).toEqual(['3', 'prs_FirstName', 'valeur trop longue (5012 caractères)'])
    expect(fourth?.[1]).toBe('colonne 3 (sans en-tête)')
    expect(wrapper.get('[data-testid="import-ignored"]').text()).toContain(
      'colonne 7 (sans en-tête): sans en-tête',
    )
  })
})
