// @vitest-environment jsdom
// Keyboard, screen-reader and wording checks of the screens changed in session 19 that HELD, kept
// by a reviewing helper as regression tests: the new words (error, audit, import, form messages),
// the import screen's alert, the export screen's years-changed notice. Defects found:
// a11y-session19-export-notice.test.ts. Mounted as the existing component tests mount them:
// single screens (export-view-support.ts, import-view-support.ts).
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { defineComponent, h } from 'vue'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import type { AuditEntry, ImportRowError } from '../../main/api/contract'
import { en } from '../../renderer/src/i18n/en'
import { createAppI18n } from '../../renderer/src/i18n'
import { ApiError } from '../../renderer/src/api-error'
import { useErrorMessage } from '../../renderer/src/i18n/error-message'
import { useAuditDetailsText } from '../../renderer/src/i18n/audit-details-text'
import { useImportReasons } from '../../renderer/src/components/import/import-reasons'
import { editCaseFormSchema } from '../../renderer/src/forms/htcds/case-form-schemas'
import { zodFormSchema } from '../../renderer/src/forms/typed-schema'
import { localIsoDate } from '../../main/api/contract/dates'
import { ok } from './casework-screens-support'
import { install as installExport, mountView as mountExportView, REPORT } from './export-view-support'
import { choose, install as installImport, mountView as mountImportView } from './import-view-support'
import { LIVE, RAW } from './session19-support'

beforeEach(() => {
  setActivePinia(createPinia())
})
afterEach(() => {
  document.body.innerHTML = ''
})

describe('held: the new words', () => {
  const Probe = <T>(use: () => T) => {
    let made: T | undefined
    const wrapper = mount(
      defineComponent({
        setup() {
          made = use()
          return () => h('div')
        },
      }),
      { global: { plugins: [createAppI18n()] } },
    )
    return { made: made!, wrapper }
  }

  it('UPGRADE_FAILED is the catalog’s sentence, not main’s English nor INTERNAL', () => {
    const { made: message, wrapper } = Probe(useErrorMessage)
    const text = message(
      new ApiError('UPGRADE_FAILED', 'migration 0012 failed: no such table', { failedAt: 12 }),
    )
    expect(text).toBe(en.errors.UPGRADE_FAILED)
    expect(text).not.toBe(en.errors.INTERNAL)
    wrapper.unmount()
  })

  it('audit details: intakeYear and movedFromYear read as words with the year as written', () => {
    const { made: detailsText, wrapper } = Probe(useAuditDetailsText)
    const deleted = detailsText({
      caseNumber: 'SHN-2024-00012',
      reason: 'duplicate',
      intakeYear: 2024,
    } as AuditEntry['details'])
    const moved = detailsText({ movedFromYear: 2024 } as AuditEntry['details'])
    expect(deleted).toContain('year of intake: 2024')
    expect(moved).toBe('moved from the year: 2024')
    for (const text of [deleted, moved]) {
      expect(text).not.toMatch(/intakeYear|movedFromYear|2,024|\[object Object\]/)
    }
    wrapper.unmount()
  })

  it('the import’s numberOnManyRows reason reads the rows and the count left', () => {
    const { made: reasons, wrapper } = Probe(useImportReasons)
    const error: ImportRowError = {
      row: 2,
      field: 'caseNumber',
      code: 'numberOnManyRows',
      params: { rows: '3, 4, 5, 6, 7', more: 1 },
      reason: 'the same case number is on rows 3, 4, 5, 6, 7 and 1 more',
    }
    expect(reasons.problem(error)).toBe('the same case number is on rows 3, 4, 5, 6, 7 and 1 more')
    wrapper.unmount()
  })

  it('the edit form accepts the case’s unchanged intake date, and refuses a changed future one in words', async () => {
    const { made: i18n, wrapper } = Probe(() => createAppI18n().global)
    const tomorrow = localIsoDate(new Date(Date.now() + 48 * 3600_000))
    const values = {
      intakeDate: tomorrow,
      assignedUserId: null,
      survivor: { prs_FirstName: 'Amina' },
      survivorAliases: [],
      victim: {},
      events: [],
    }
    const kept = zodFormSchema(
      editCaseFormSchema(() => tomorrow),
      i18n.t as never,
    )
    expect((await kept.parse(values)).errors).toEqual([])
    const changed = zodFormSchema(
      editCaseFormSchema(() => '2026-01-02'),
      i18n.t as never,
    )
    const errors = (await changed.parse(values)).errors
    expect(errors.map((error) => error.path)).toEqual(['intakeDate'])
    expect(errors[0]!.errors[0]).toBe(en.validation.dateInFuture)
    wrapper.unmount()
  })
})

describe('held: the import screen’s password-protected workbook', () => {
  it('is said in an alert (read at once), in the catalog’s words', async () => {
    installImport([
      { ok: false, error: { code: 'VALIDATION', message: 'protected', details: { file: 'xlsx_protected' } } },
    ])
    const wrapper = await mountImportView()
    await choose(wrapper)
    const message = wrapper.get('[data-testid="import-error"]')
    expect(message.text()).toBe(en.exchange.import.fileProblems.xlsxProtected)
    // PrimeVue's Message: role="alert" on its root (here under the test's transition stub).
    const alert = message.element.closest(LIVE) ?? message.element.querySelector(LIVE)
    expect(alert?.getAttribute('role')).toBe('alert')
    expect(alert?.textContent?.trim()).toBe(en.exchange.import.fileProblems.xlsxProtected)
    wrapper.unmount()
  })
})

describe('held: the years-changed notice', () => {
  it('gives the date of the last export as the reader’s local day, in words, not UTC', async () => {
    const zone = process.env.TZ
    try {
      process.env.TZ = 'Pacific/Kiritimati' // UTC+14: 12:00 UTC on the 3rd is the 4th there
      installExport(
        () => ok({ file: '/media/usb/stats.csv.age', rows: 37, encrypted: true, report: REPORT }),
        5,
        () => [{ year: 2024, exportedAt: '2026-03-03T12:00:00.000Z', changedCases: 2, deletedCases: 1 }],
      )
      const wrapper = await mountExportView('analyst')
      await flushPromises()
      const text = wrapper.get('[data-testid="export-scope-changed-2024"]').text()
      expect(text).toContain('on Mar 4, 2026:')
      expect(text).not.toMatch(RAW)
      wrapper.unmount()
    } finally {
      if (zone === undefined) delete process.env.TZ
      else process.env.TZ = zone
    }
  })
})
