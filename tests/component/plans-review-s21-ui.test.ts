// @vitest-environment jsdom
// Support plan screens: defects found by a reviewing helper (plans2 hunt). Each test failed on the
// code before its fix (session 21) and states what a caseworker should see.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import type { SupportPlan } from '../../main/api/contract'
import { en } from '../../renderer/src/i18n/en'
import CaseSupportPlansTab from '../../renderer/src/components/support-plans/CaseSupportPlansTab.vue'
import { install, ok, plugins, settle, signIn } from './casework-screens-support'

beforeEach(() => {
  setActivePinia(createPinia())
  signIn('caseworker')
})
afterEach(() => {
  document.body.innerHTML = ''
})

const plan = (id: number, changes: Partial<SupportPlan>): SupportPlan => ({
  id,
  caseId: 4,
  referralId: null,
  type: 'Legal',
  objectives: `Objectives of plan ${id}`,
  actionPlan: null,
  startDate: '2020-01-01',
  plannedEndDate: null,
  actualEndDate: null,
  followUpDate: null,
  status: 'active',
  outcome: null,
  version: 1,
  createdByName: 'Sam Lee',
  createdAt: '2020-01-01T09:00:00.000Z',
  updatedAt: '2020-01-01T09:00:00.000Z',
  ...changes,
})

describe('the Support plans tab, reached from an overdue reminder', () => {
  // User: Today's Overdue card says "Legal plan · case 4 · due 10 January 2020"; its link opens
  // the case on Support plans (FollowUpList.vue linkTo, no plan named). What happens: the tab lists
  // both Legal plans alike — the overdue one and one completed long ago, whose old follow-up date
  // is still shown as "Follow-up 10 January 2020" — with nothing saying which follow-up is due,
  // while the same case's Referrals tab marks each referral "Overdue" / "Due this week"
  // (ReferralTable.vue followUpState). The caseworker cannot tell which plan the reminder meant.
  // Should: the active plan whose follow-up has passed is marked Overdue; the finished one is not.
  it('marks the active plan whose follow-up date has passed as overdue, and not the finished one', async () => {
    install({
      referrals: {
        supportPlans: vi.fn(async () =>
          ok([
            plan(1, { followUpDate: '2020-01-10' }),
            plan(2, {
              followUpDate: '2020-01-10',
              status: 'completed',
              actualEndDate: '2020-01-05',
              version: 2,
            }),
          ]),
        ),
        forCase: vi.fn(async () => ok([])),
      },
    })
    const wrapper = mount(CaseSupportPlansTab, {
      props: { caseId: 4 },
      global: { plugins: plugins() },
      attachTo: document.body,
    })
    await settle()
    const overdue = en.referrals.followUpStates.overdue
    expect({
      active: wrapper.get('[data-testid="support-plan-1"]').text().includes(overdue),
      finished: wrapper.get('[data-testid="support-plan-2"]').text().includes(overdue),
    }).toEqual({ active: true, finished: false })
    wrapper.unmount()
  })
})
