// @vitest-environment jsdom
// What the Reports screen says about aggregate tables: the cases counted, and those not counted
// because the de-identified rows do not show them (deidentified-build.ts).
import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { createAppI18n } from '../../renderer/src/i18n'
import DeidentificationSummary from '../../renderer/src/components/export/DeidentificationSummary.vue'
import { REPORT } from './export-view-support'

const mountWith = (suppressedRows: number) =>
  mount(DeidentificationSummary, {
    props: { report: { ...REPORT, inputRows: 12, outputRows: 3, suppressedRows }, tables: true },
    global: { plugins: [createAppI18n()] },
  })

describe('the report of aggregate tables', () => {
  it('says how many cases the tables did not count, and why', () => {
    const wrapper = mountWith(2)
    expect(wrapper.text()).toContain('Cases counted: 12. Table cells written: 3.')
    expect(wrapper.get('[data-testid="report-cases-not-counted"]').text()).toBe(
      'Cases not counted: 2. The tables count only the cases a de-identified export (k = 7) shows with their details, so that comparing the two files reveals nothing about the others.',
    )
  })

  it('says nothing of the kind when every case was counted', () => {
    expect(mountWith(0).find('[data-testid="report-cases-not-counted"]').exists()).toBe(false)
  })
})
