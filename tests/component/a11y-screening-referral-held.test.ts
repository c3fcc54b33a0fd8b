// @vitest-environment jsdom
// Keyboard, screen-reader and data-safety checks on the screening and referral screens that the
// code holds up to, from a reviewing helper's hunt (third part): kept as regression tests. The
// defects found are in a11y-screening-referral-{focus,refusals,wording}.test.ts.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import type {
  AssessmentOutcome,
  AssessmentPage,
  AssessmentSummary,
  ReferralSummary,
} from '../../main/api/contract'
import ScreeningTable from '../../renderer/src/components/screening/ScreeningTable.vue'
import ScreeningFilters from '../../renderer/src/components/screening/ScreeningFilters.vue'
import ResultPanel from '../../renderer/src/components/screening/ResultPanel.vue'
import RiskTrendChart from '../../renderer/src/components/screening/RiskTrendChart.vue'
import TemplateQuestionEditor from '../../renderer/src/components/screening/TemplateQuestionEditor.vue'
import ReferralListFilters from '../../renderer/src/components/referrals/ReferralListFilters.vue'
import ReferralTable from '../../renderer/src/components/referrals/ReferralTable.vue'
import TransitionDialog from '../../renderer/src/components/referrals/TransitionDialog.vue'
import ConsentDialog from '../../renderer/src/components/referrals/ConsentDialog.vue'
import FollowUpForm from '../../renderer/src/components/referrals/FollowUpForm.vue'
import { emptyScreeningFilters } from '../../renderer/src/stores/screening'
import { install, plugins, referral, refused, settle, signIn } from './casework-screens-support'

beforeEach(() => setActivePinia(createPinia()))
afterEach(() => {
  document.body.innerHTML = ''
})

const router = () =>
  createRouter({
    history: createMemoryHistory(),
    routes: [{ path: '/referrals/:id', name: 'referral-detail', component: { template: '<div />' } }],
  })

/** Every text input, textarea and select in `root` has a label (for/id) or aria-label(ledby). */
function expectLabelled(root: Element): void {
  const inputs = root.querySelectorAll<HTMLElement>('input:not([type="hidden"]), textarea, select')
  expect(inputs.length).toBeGreaterThan(0)
  for (const input of inputs) {
    const byFor = input.id ? document.querySelector(`label[for="${input.id}"]`)?.textContent?.trim() : ''
    const wrapped = input.closest('label')?.textContent?.trim()
    const named =
      byFor || wrapped || input.getAttribute('aria-label') || input.getAttribute('aria-labelledby')
    expect(named, input.outerHTML).toBeTruthy()
  }
}

/** The field is marked invalid and one of its aria-describedby ids holds `text`. */
function expectErrorTied(input: Element | null, text: RegExp): void {
  expect(input?.getAttribute('aria-invalid')).toBe('true')
  const ids = (input!.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean)
  expect(ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ')).toMatch(text)
}

const screening = (id: number, level: 'low' | 'high', assessedOn: string) =>
  ({
    id,
    assessedOn,
    channel: 'walkIn',
    caseId: null,
    caseNumber: null,
    personName: 'Caller 7',
    screenerName: 'Sam Lee',
    summaryRiskLevel: level,
    computedRiskLevel: level,
    judgementDiffers: false,
    nextStep: 'monitor',
    riskWeight: id,
    protectiveWeight: 1,
  }) as unknown as AssessmentSummary

describe('held: the screening list', () => {
  it('rows are reached by Tab and opened by Enter; the level is a word, the date in the locale', async () => {
    const wrapper = mount(ScreeningTable, {
      props: {
        page: { rows: [screening(5, 'high', '2026-03-14')], total: 1 } as unknown as AssessmentPage,
        loading: false,
        pageIndex: 0,
      },
      global: { plugins: plugins() },
      attachTo: document.body,
    })
    const row = wrapper.get('[data-testid="screening-row-5"]')
    expect(row.attributes('tabindex')).toBe('0')
    await row.trigger('keydown', { code: 'Enter', key: 'Enter' })
    expect(wrapper.emitted('open')).toEqual([[5]])
    expect(row.text()).toContain('Mar 14, 2026')
    expect(row.get('[data-testid="risk-high"]').text()).toBe('High')
    wrapper.unmount()
  })

  it('every screening filter has a visible label bound to its control; the group is named', () => {
    signIn('supervisor')
    const wrapper = mount(ScreeningFilters, {
      props: { modelValue: emptyScreeningFilters(), showScreener: true },
      global: { plugins: plugins() },
      attachTo: document.body,
    })
    expect(wrapper.get('[role="group"]').attributes('aria-label')).toBeTruthy()
    expectLabelled(wrapper.element)
    wrapper.unmount()
  })
})

describe('held: the screening result', () => {
  const outcome: AssessmentOutcome = {
    computedLevel: 'high',
    score: 5,
    riskWeight: 6,
    protectiveWeight: 1,
    criticalRisks: ['immediateDanger'],
    suggestedNextStep: 'urgentProtection',
    levels: [],
  } as unknown as AssessmentOutcome

  it('says the level in words in a polite live region, and the critical answer in words', () => {
    const wrapper = mount(ResultPanel, { props: { outcome, live: true }, global: { plugins: plugins() } })
    const level = wrapper.get('.result-level')
    expect(level.attributes('aria-live')).toBe('polite')
    expect(level.text()).toContain('High')
    expect(wrapper.get('.result-critical').text()).toMatch(/critical/i)
    expect(wrapper.get('table caption').text()).not.toBe('')
    wrapper.unmount()
  })

  it('the trend chart is one labelled image; the two series differ by marker shape, not colour only', () => {
    const wrapper = mount(RiskTrendChart, {
      props: { points: [screening(1, 'low', '2026-01-10'), screening(4, 'high', '2026-03-10')] },
      global: { plugins: plugins() },
    })
    const svg = wrapper.get('svg')
    expect(svg.attributes('role')).toBe('img')
    for (const id of svg.attributes('aria-labelledby')!.split(' '))
      expect(wrapper.get(`#${id}`).text()).not.toBe('')
    expect(wrapper.findAll('circle.risk')).toHaveLength(2)
    expect(wrapper.findAll('rect.protective')).toHaveLength(2)
    expect(wrapper.get('figcaption').text()).toMatch(/risk/i)
    wrapper.unmount()
  })

  it('template question editor: every control labelled; move and remove buttons name their question', () => {
    const wrapper = mount(TemplateQuestionEditor, {
      props: {
        modelValue: {
          key: 'debt',
          text: 'Household debt?',
          help: '',
          type: 'yesNo',
          yesMeans: 'risk',
          weight: 2,
          critical: false,
          source: 'custom',
        },
        idPrefix: 'tq-household-1',
        number: 2,
        first: false,
        last: false,
      },
      global: { plugins: plugins() },
      attachTo: document.body,
    })
    expectLabelled(wrapper.element)
    const labels = wrapper.findAll('button').map((button) => button.text())
    expect(labels).toEqual(
      expect.arrayContaining(['Move question 2 up', 'Move question 2 down', 'Remove question 2']),
    )
    wrapper.unmount()
  })
})

describe('held: the referral list', () => {
  it('native filters, each labelled; a change is sent at once', async () => {
    const wrapper = mount(ReferralListFilters, {
      props: { modelValue: { status: '', direction: '', due: '' } },
      global: { plugins: plugins() },
      attachTo: document.body,
    })
    expectLabelled(wrapper.element)
    await wrapper.get('[data-testid="referral-filter-due"]').setValue('overdue')
    expect(wrapper.emitted('update:modelValue')?.at(-1)).toEqual([
      { status: '', direction: '', due: 'overdue' },
    ])
    wrapper.unmount()
  })

  it('each row opens by a link; status and overdue are words; dates in the locale', () => {
    const row = {
      id: 12,
      direction: 'outgoing',
      status: 'sent',
      caseId: 4,
      caseNumber: 'SHN-2026-00004',
      assessmentId: null,
      organisationName: 'Northern Law Centre',
      serviceName: null,
      urgency: 'priority',
      referralDate: '2026-03-20',
      followUpDate: '2026-03-27',
      followUpState: 'overdue',
      servicesRequested: ['Legal'],
    } as unknown as ReferralSummary
    const wrapper = mount(ReferralTable, {
      props: { referrals: [row], showCase: true },
      global: { plugins: [...plugins(), router()] },
    })
    const tr = wrapper.get('[data-testid="referral-row-12"]')
    expect(tr.get('a[data-testid="referral-open"]').text()).toBe('Northern Law Centre')
    expect(tr.text()).toContain('Mar 20, 2026')
    expect(tr.get('[data-testid="referral-status-sent"]').text()).not.toBe('')
    expect(tr.get('.due-overdue').text()).toMatch(/overdue/i)
    wrapper.unmount()
  })
})

describe('held: referral dialogs and forms', () => {
  it('transition: a date that is no real day is refused at its field, nothing sent', async () => {
    const transition = vi.fn()
    install({ referrals: { transition } })
    const wrapper = mount(TransitionDialog, {
      props: { visible: false, referral: referral(), to: 'in_progress' },
      global: { plugins: plugins(), stubs: { transition: false } },
      attachTo: document.body,
    })
    await wrapper.setProps({ visible: true })
    await settle()
    const on = document.querySelector<HTMLInputElement>('[data-testid="transition-on"]')!
    on.value = '2026-02-30'
    on.dispatchEvent(new Event('input'))
    on.dispatchEvent(new Event('blur'))
    document.querySelector<HTMLFormElement>('[data-testid="transition-dialog"] form')!.requestSubmit()
    await settle()
    expect(transition).not.toHaveBeenCalled()
    expectErrorTied(on, /real date/)
    wrapper.unmount()
  })

  it('consent: an empty submit focuses the first field to fix, its error tied to it; nothing sent', async () => {
    const recordConsent = vi.fn()
    install({ referrals: { recordConsent } })
    const wrapper = mount(ConsentDialog, {
      props: { visible: false, referral: referral() },
      global: { plugins: plugins(), stubs: { transition: false } },
      attachTo: document.body,
    })
    await wrapper.setProps({ visible: true })
    await settle()
    document.querySelector<HTMLFormElement>('[data-testid="consent-dialog"] form')!.requestSubmit()
    await settle()
    expect(recordConsent).not.toHaveBeenCalled()
    const purpose = document.querySelector('[data-testid="consent-purpose"]')
    expect(document.activeElement).toBe(purpose)
    expectErrorTied(purpose, /\S/)
    wrapper.unmount()
  })

  it('consent: a refusal from main is announced and keeps what was typed', async () => {
    const recordConsent = vi.fn(async () => refused('INTERNAL', 'disk full'))
    install({ referrals: { recordConsent } })
    const wrapper = mount(ConsentDialog, {
      props: { visible: false, referral: referral() },
      global: { plugins: plugins(), stubs: { transition: false } },
      attachTo: document.body,
    })
    await wrapper.setProps({ visible: true })
    await settle()
    const purpose = document.querySelector<HTMLTextAreaElement>('[data-testid="consent-purpose"]')!
    purpose.value = 'Legal advice on asylum claim'
    purpose.dispatchEvent(new Event('input'))
    document.querySelector<HTMLInputElement>('[data-testid="consent-category-identity"]')?.click()
    await flushPromises()
    document.querySelector<HTMLFormElement>('[data-testid="consent-dialog"] form')!.requestSubmit()
    await settle()
    expect(recordConsent).toHaveBeenCalledTimes(1)
    const error = document.querySelector('[data-testid="consent-error"]')
    expect(error?.closest('[role="alert"]') ?? error?.querySelector('[role="alert"]')).toBeTruthy()
    expect(purpose.value).toBe('Legal advice on asylum claim')
    wrapper.unmount()
  })

  it('follow-up: a refused save is announced and keeps the typed outcome', async () => {
    install({ referrals: { setFollowUp: vi.fn(async () => refused('INTERNAL', 'disk full')) } })
    const wrapper = mount(FollowUpForm, {
      props: { referral: referral() },
      global: { plugins: plugins() },
      attachTo: document.body,
    })
    await wrapper.get('[data-testid="follow-up-outcome"]').setValue('Accepted for legal aid on 2 April')
    await wrapper.get('form').trigger('submit')
    await settle()
    expect(wrapper.find('[role="alert"]').text()).not.toBe('')
    expect((wrapper.get('[data-testid="follow-up-outcome"]').element as HTMLTextAreaElement).value).toBe(
      'Accepted for legal aid on 2 April',
    )
    wrapper.unmount()
  })
})
