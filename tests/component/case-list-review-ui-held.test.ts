// @vitest-environment jsdom
// Reviewing helper: keyboard use of the case table that holds.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import type { CasePage } from '../../main/api/contract'
import CaseTable from '../../renderer/src/components/cases/CaseTable.vue'
import { plugins, settle } from './casework-screens-support'

const row = (id: number) => ({
  id,
  caseNumber: `SHN-2026-${String(id).padStart(5, '0')}`,
  status: 'Active' as const,
  intakeDate: '2026-03-14',
  survivorName: `Survivor ${id}`,
  gender: null,
  ageBand: 'unknown' as const,
  citizenship: null,
  assignedUserId: 3,
  assignedUserName: 'Sam Lee',
  exploitationTypes: [],
  isTraining: false,
  updatedAt: '2026-03-14T10:00:00.000Z',
})

describe('the case table by keyboard (held)', () => {
  beforeEach(() => setActivePinia(createPinia()))
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('opens a row with Enter and sorts a column from its header with Enter', async () => {
    const page: CasePage = { rows: [row(1), row(2)], total: 2, page: 0, pageSize: 25 }
    const wrapper = mount(CaseTable, {
      props: {
        page,
        loading: false,
        pageIndex: 0,
        sortBy: 'intakeDate',
        sortDirection: 'desc',
        showAssignee: true,
      },
      global: { plugins: plugins() },
      attachTo: document.body,
    })
    await settle()
    const second = wrapper.get('[data-testid="case-row-SHN-2026-00002"]')
    await second.trigger('keydown', { code: 'Enter', key: 'Enter' })
    expect(wrapper.emitted('open')).toEqual([[2]])
    const header = wrapper.findAll('th').find((th) => th.text().includes('Case number'))!
    expect(header.attributes('tabindex')).toBe('0')
    await header.trigger('keydown', { code: 'Enter', key: 'Enter' })
    expect(wrapper.emitted('sort')?.[0]?.[0]).toBe('caseNumber')
    wrapper.unmount()
  })
})
