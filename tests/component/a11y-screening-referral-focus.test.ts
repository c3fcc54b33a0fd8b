// @vitest-environment jsdom
// Keyboard, screen-reader and data-safety defects on the screening and referral screens, from a
// reviewing helper's hunt (third part; the case and sign-in screens are in a11y-focus-and-refusals
// and a11y-field-errors). Each test failed before its fix; the defect is described above it.
// This part: focus thrown to the top of the page, and typed work thrown away without a question.
// More in zz-a11y3-defects-2.test.ts; checks that hold are in zz-a11y3-held.test.ts.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter, type RouteRecordRaw } from 'vue-router'
import {
  templateDefinitionSchema,
  type AssessmentDetail,
  type TemplateVersion,
} from '../../main/api/contract'
import CaseSearchBox from '../../renderer/src/components/cases/CaseSearchBox.vue'
import ConsentPanel from '../../renderer/src/components/referrals/ConsentPanel.vue'
import ReferralDetailView from '../../renderer/src/views/ReferralDetailView.vue'
import ScreeningDetailView from '../../renderer/src/views/ScreeningDetailView.vue'
import ScreeningNewView from '../../renderer/src/views/ScreeningNewView.vue'
import ScreeningTemplatesView from '../../renderer/src/views/ScreeningTemplatesView.vue'
import shipped from '../../resources/screening/default-template.json'
import { install, ok, plugins, referral, settle, signIn } from './casework-screens-support'

beforeEach(() => setActivePinia(createPinia()))
afterEach(() => {
  document.body.innerHTML = ''
})

const blank = { template: '<div />' }
const definition = templateDefinitionSchema.parse(shipped)
const version = (id: number, number: number, isLatest: boolean): TemplateVersion => ({
  id,
  key: definition.key,
  version: number,
  name: definition.name,
  questionCount: 28,
  isLatest,
  createdAt: '2026-03-01T10:00:00.000Z',
  createdByName: null,
  definition,
})
const summary = (version: TemplateVersion) => {
  const { definition, ...rest } = version
  void definition
  return rest
}

const SCREENING = {
  id: 21,
  caseId: null,
  caseNumber: null,
  assessedOn: '2026-03-10',
  channel: 'walkIn',
  personName: 'Caller 7',
  screenerName: 'Sam Lee',
  summaryRiskLevel: 'low',
  judgementDiffers: false,
  nextStep: 'noFurtherAction',
  riskWeight: 0,
  protectiveWeight: 0,
  subject: { alias: 'Caller 7' },
  answers: {},
  outcome: {
    computedLevel: 'low',
    score: 0,
    riskWeight: 0,
    protectiveWeight: 0,
    criticalRisks: [],
    suggestedNextStep: 'noFurtherAction',
    levels: [],
  },
  judgementLevel: null,
  judgementReason: null,
  nextStepNote: null,
  template: version(1, 1, true),
  linkedAt: null,
  createdAt: '2026-03-10T10:00:00.000Z',
} as unknown as AssessmentDetail

async function mountAt(path: string, routes: RouteRecordRaw[]) {
  const router = createRouter({ history: createMemoryHistory(), routes })
  await router.push(path)
  const wrapper = mount(
    { template: '<RouterView />' },
    { global: { plugins: [...plugins(), router], stubs: { transition: false } }, attachTo: document.body },
  )
  await settle()
  return { wrapper, router }
}

/** Focus is somewhere a keyboard user can go on from: not the page itself, not a removed node. */
function focusKept(): boolean {
  const active = document.activeElement
  return active !== null && active !== document.body && active.isConnected
}

async function press(selector: string): Promise<void> {
  const button = document.querySelector<HTMLElement>(selector)!
  button.focus()
  button.click()
  await settle()
}

describe('focus is not thrown to the top of the page', () => {
  // A caseworker links a walk-in's screening to the survivor's case: Tab to "Link to a case",
  // Enter, type the case number, Enter on the hit, then "Link to case …".
  // Happens: the screening is linked, the dialog closes, and PrimeVue returns focus to "Link to a
  // case" — which the page has just removed (with "Open a case" and "Refer"), as the screening
  // now has a case. Focus is on <body>: the next Tab starts again at the app's menu, and a screen
  // reader user is not told where they are.
  // Cause: renderer/src/views/ScreeningDetailView.vue:413-417 (link() places no focus) with :465
  // (the buttons are v-if'd away on detail.caseId).
  // Fix: after linking, focus the new case link (screening-case-link) or the page heading.
  it('keeps the focus on the screening after linking it to a case', async () => {
    install({
      screening: {
        getAssessment: vi.fn(async () => ok(SCREENING)),
        linkToCase: vi.fn(async () => ok({ ...SCREENING, caseId: 4, caseNumber: 'SHN-2026-00004' })),
      },
      cases: { search: vi.fn(async () => ok([])) },
    })
    signIn('caseworker')
    const { wrapper } = await mountAt('/screening/21', [
      { path: '/screening', name: 'screening', component: blank },
      { path: '/screening/:id', name: 'screening-detail', component: ScreeningDetailView },
      { path: '/screening/:id/print', name: 'screening-print', component: blank },
      { path: '/cases/:id', name: 'case-detail', component: blank },
      { path: '/referrals/:id', name: 'referral-detail', component: blank },
    ])
    await press('[data-testid="screening-link"]')
    // A hit is chosen first, then linked with the dialog's own button (a link is final).
    const hit = {
      id: 4,
      caseNumber: 'SHN-2026-00004',
      survivorName: 'Olena K.',
      status: 'Active',
      snippet: '',
    }
    wrapper.findComponent(CaseSearchBox).vm.$emit('chosen', hit)
    await settle()
    await press('[data-testid="link-case-confirm"]')
    await settle()
    await vi.waitFor(() => expect(document.querySelector('[data-testid="link-case-dialog"]')).toBeNull())
    expect(wrapper.find('[data-testid="screening-case-link"]').exists()).toBe(true)
    expect(focusKept()).toBe(true)
    wrapper.unmount()
  })

  // A caseworker moves a referral on with the keyboard: Tab to "Mark as in progress", Enter, Enter.
  // Happens: the step is saved, the dialog closes, and the step buttons are replaced by the next
  // ones ("Mark as completed"…): the button PrimeVue gives focus back to is gone, so focus is on
  // <body>. The person has to Tab through the whole app frame again to reach the referral.
  // Cause: renderer/src/views/ReferralDetailView.vue:90-98 (one button per next status, keyed by
  // status) and :66-69 (changed() places no focus).
  // Fix: after a step, focus the first new step button, else the page heading (h1 tabindex=-1).
  it('keeps the focus on the referral after moving it on', async () => {
    const moved = referral({
      status: 'in_progress',
      version: 6,
      nextStatuses: ['completed', 'closed_unsuccessful'],
    })
    install({
      referrals: { get: vi.fn(async () => ok(referral())), transition: vi.fn(async () => ok(moved)) },
    })
    signIn('caseworker')
    const { wrapper } = await mountAt('/referrals/12', [
      { path: '/referrals', name: 'referrals', component: blank },
      { path: '/referrals/:id', name: 'referral-detail', component: ReferralDetailView },
      { path: '/referrals/:id/print', name: 'referral-print', component: blank },
      { path: '/cases/:id', name: 'case-detail', component: blank },
    ])
    await press('[data-testid="referral-step-in_progress"]')
    document.querySelector<HTMLFormElement>('[data-testid="transition-dialog"] form')!.requestSubmit()
    await settle()
    await vi.waitFor(() => expect(document.querySelector('[data-testid="transition-dialog"]')).toBeNull())
    expect(wrapper.find('[data-testid="referral-step-completed"]').exists()).toBe(true)
    expect(focusKept()).toBe(true)
    wrapper.unmount()
  })

  // A survivor withdraws consent; the caseworker presses "Withdraw consent", then "Withdraw".
  // Happens: the consent is withdrawn, the question closes, and "Withdraw consent" has become
  // "Record consent": focus returns to the removed button and falls to <body>. Recording a consent
  // does the same the other way round.
  // Cause: renderer/src/components/referrals/ConsentPanel.vue:72-86 (v-if/v-else swap the button)
  // and :29-34 (withdraw() places no focus).
  // Fix: after withdrawing or recording, focus the button now shown (or the panel's heading).
  it('keeps the focus in the consent panel after withdrawing consent', async () => {
    const consent = {
      id: 3,
      givenBy: 'survivor',
      givenByName: null,
      givenOn: '2026-03-18',
      purpose: 'Legal advice',
      categories: ['contactDetails'],
      withdrawnOn: null,
      recordedByName: 'Sam Lee',
    }
    const withConsent = referral({ consentInForce: consent as never, consents: [consent as never] })
    const withdrawn = { ...consent, withdrawnOn: '2026-03-21' }
    install({
      referrals: {
        withdrawConsent: vi.fn(async () =>
          ok(referral({ version: 6, consentInForce: null, consents: [withdrawn as never] })),
        ),
      },
    })
    const wrapper = mount(ConsentPanel, {
      props: {
        referral: withConsent,
        finished: false,
        onChanged: (updated: typeof withConsent) => wrapper.setProps({ referral: updated }),
      },
      global: { plugins: plugins(), stubs: { transition: false } },
      attachTo: document.body,
    })
    await press('[data-testid="consent-withdraw"]')
    await press('[data-testid="consent-withdraw-dialog-confirm"]')
    await vi.waitFor(() =>
      expect(document.querySelector('[data-testid="consent-withdraw-dialog"]')).toBeNull(),
    )
    expect(wrapper.find('[data-testid="consent-record"]').exists()).toBe(true)
    expect(focusKept()).toBe(true)
    wrapper.unmount()
  })

  // A supervisor presses "Edit latest version" on the screening templates screen.
  // Happens: the button is replaced by the editor and focus falls to <body>: a screen reader says
  // nothing, and the next Tab starts at the app's menu, far from the editor. "Cancel" and "Save as
  // new version" remove themselves the same way.
  // Cause: renderer/src/views/ScreeningTemplatesView.vue:116-122 (v-if/v-else swap the Edit button
  // for TemplateEditor) and :113 / :45-46 (no focus placed on leaving the editor).
  // Fix: on opening, focus the editor's first field (#template-name); on leaving, the Edit button.
  it('moves the focus into the template editor it opens', async () => {
    install({
      screening: {
        templates: vi.fn(async () => ok([summary(version(1, 1, true))])),
        template: vi.fn(async () => ok(version(1, 1, true))),
      },
    })
    signIn('supervisor')
    const { wrapper } = await mountAt('/templates', [
      { path: '/screening', name: 'screening', component: blank },
      { path: '/templates', name: 'screening-templates', component: ScreeningTemplatesView },
    ])
    await press('[data-testid="template-edit"]')
    expect(wrapper.find('[data-testid="template-editor"]').exists()).toBe(true)
    expect(focusKept()).toBe(true)
    wrapper.unmount()
  })
})

describe('typed work is not thrown away without a question', () => {
  // A supervisor is rewording questions of the screening template (a new version), then clicks
  // (or presses Enter on) an older version in the list on the left to compare wording.
  // Happens: the editor closes at once and every change is gone — no question, nothing kept. The
  // same happens on leaving the screen (no unsaved-changes guard) and on "Cancel".
  // Cause: renderer/src/views/ScreeningTemplatesView.vue:29-33 (show() replaces `shown` and sets
  // editing=false whatever the draft holds) and :113; the view has no useUnsavedChangesGuard.
  // Fix: track the draft's dirtiness; ask (DiscardChangesDialog) before show(), Cancel or leaving.
  it('asks before another version replaces an edited template draft', async () => {
    const versions = [version(1, 1, false), version(2, 2, true)]
    install({
      screening: {
        templates: vi.fn(async () => ok(versions.map(summary))),
        template: vi.fn(async ({ id }: { id: number }) => ok(versions.find((v) => v.id === id)!)),
      },
    })
    signIn('supervisor')
    const { wrapper } = await mountAt('/templates', [
      { path: '/screening', name: 'screening', component: blank },
      { path: '/templates', name: 'screening-templates', component: ScreeningTemplatesView },
    ])
    await press('[data-testid="template-edit"]')
    await wrapper.get('[data-testid="template-name"]').setValue('Adult screening (revised wording)')
    await press('[data-testid="template-version-1"]')
    const name = document.querySelector<HTMLInputElement>('[data-testid="template-name"]')
    const asked = document.querySelector('[data-testid="discard-dialog"], [role="alertdialog"]') !== null
    expect(asked || name?.value === 'Adult screening (revised wording)').toBe(true)
    wrapper.unmount()
  })

  // A screener has gone through a walk-in's screening (28 questions, a name, a note) and, before
  // saving, presses "Cancel" — or clicks "Cases" in the menu to look something up.
  // Happens: the app leaves at once and every answer is gone, with no question. The new-case
  // wizard and the referral screen ask first (useUnsavedChangesGuard); this form does not.
  // Cause: renderer/src/views/ScreeningNewView.vue:243-246 (cancel() pushes the route) and the
  // view has no unsaved-changes guard at all (compare CaseNewView.vue:60).
  // Fix: useUnsavedChangesGuard(() => meta.value.dirty && !saved) with UnsavedChangesDialog.
  it('asks before leaving a screening with answers not yet saved', async () => {
    install({
      screening: {
        templates: vi.fn(async () => ok([summary(version(1, 1, true))])),
        template: vi.fn(async () => ok(version(1, 1, true))),
        createAssessment: vi.fn(),
      },
    })
    signIn('caseworker')
    const { wrapper, router } = await mountAt('/screening/new', [
      { path: '/screening', name: 'screening', component: blank },
      { path: '/screening/new', name: 'screening-new', component: ScreeningNewView },
      { path: '/screening/:id', name: 'screening-detail', component: blank },
      { path: '/cases/:id', name: 'case-detail', component: blank },
    ])
    await wrapper.get('[data-testid="subject-alias"]').setValue('Caller 7')
    await wrapper.get('[data-testid="answer-householdDebt-risk"]').setValue(true)
    await flushPromises()
    const cancel = wrapper.findAll('button').find((button) => button.text() === 'Cancel')!
    await cancel.trigger('click')
    await settle()
    expect(router.currentRoute.value.name).toBe('screening-new')
    wrapper.unmount()
  })
})
