// @vitest-environment jsdom
// Case parts hunt (reviewing helper): the Comments, Attachments and History tabs. Mounted on a
// real API host over a real encrypted vault unless a test says otherwise; each test failed before its fix.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import { channels } from '../../main/api/contract/channels'
import { buildCaseVaultClient } from '../../preload/build-api'
import CaseDetailView from '../../renderer/src/views/CaseDetailView.vue'
import CaseHistoryTab from '../../renderer/src/components/cases/detail/CaseHistoryTab.vue'
import CaseAttachmentsTab from '../../renderer/src/components/cases/detail/CaseAttachmentsTab.vue'
import CaseCommentsTab from '../../renderer/src/components/cases/detail/CaseCommentsTab.vue'
import { useVaultStore } from '../../renderer/src/stores/vault'
import { useCasePartsStore } from '../../renderer/src/stores/case-parts'
import { en } from '../../renderer/src/i18n/en'
import { call } from '../unit/support/temp-vault'
import { createCase, signInAs, staffedHost, survivorCase } from '../unit/support/case-fixtures'
import { install, ok, plugins, settle } from './casework-screens-support'

type Host = Awaited<ReturnType<typeof staffedHost>>['host']
interface Person {
  id: number
  username: string
  displayName: string
  role: 'caseworker' | 'supervisor' | 'admin'
}
const BILAL: Person = { id: 2, username: 'bilal', displayName: 'Bilal Haddad', role: 'caseworker' }
const DANA: Person = { id: 4, username: 'dana', displayName: 'Dana Petrova', role: 'supervisor' }

beforeEach(() => setActivePinia(createPinia()))
afterEach(() => {
  vi.restoreAllMocks()
  document.body.innerHTML = ''
})

function onHost(host: Host, user: Person): void {
  Object.defineProperty(window, 'casevault', {
    value: buildCaseVaultClient(
      channels,
      (channel, input) => host.dispatch(channel, input),
      () => () => {},
    ),
    configurable: true,
  })
  useVaultStore().status = {
    state: 'unlocked',
    user,
    settings: { autoLockMinutes: 10 },
    organisation: 'Safe Harbour Network',
  }
}

describe('the Comments tab after the case is closed', () => {
  // Closing writes its reason to the case's timeline (case-status.ts close → addToTimeline), but
  // the case screen reloads the comments only after a reopen (CaseDetailView.vue:144,
  // `if (updated.status === 'Active')`), a line older than the close-to-timeline rule. So right
  // after closing, the Comments tab (mounted with the screen) lists the timeline without the
  // closing reason: the caseworker sees no record of why the case was closed and may type it
  // again as a comment (a duplicate she cannot delete). It appears only after leaving the case.
  it('shows the closing reason on the timeline right after the case is closed', async () => {
    const { host } = await staffedHost('bilal')
    const { id } = await createCase(host)
    await call(host, 'comments:add', { caseId: id, body: 'First meeting at the drop-in centre' })
    onHost(host, BILAL)
    const router = createRouter({
      history: createMemoryHistory(),
      routes: [
        { path: '/cases', name: 'cases', component: { template: '<div />' } },
        { path: '/cases/:id', name: 'case-detail', component: CaseDetailView },
      ],
    })
    await router.push(`/cases/${id}`)
    const wrapper = mount(
      { template: '<RouterView />' },
      {
        global: {
          plugins: [...plugins(), router],
          stubs: {
            CaseEventsTab: true,
            CasePerpetratorsTab: true,
            CaseAttachmentsTab: true,
            CaseHistoryTab: true,
            CaseScreeningTab: true,
            CaseReferralsTab: true,
            CaseSupportPlansTab: true,
            CaseExperienceTab: true,
          },
        },
        attachTo: document.body,
      },
    )
    await settle()
    expect(wrapper.findAll('[data-testid="comment"]')).toHaveLength(1)
    await wrapper.get('[data-testid="case-close"]').trigger('click')
    await settle()
    const reason = document.querySelector<HTMLTextAreaElement>('[data-testid="close-reason"]')!
    reason.value = 'Returned home with her family, safe'
    reason.dispatchEvent(new Event('input'))
    await flushPromises()
    document.querySelector<HTMLFormElement>('[data-testid="close-dialog"] form')!.requestSubmit()
    await settle()
    // main did close it, and holds the reason on the timeline.
    expect((await call<{ status: string }>(host, 'cases:get', { id })).status).toBe('Closed')
    await wrapper.get('[data-testid="case-tab-comments"]').trigger('click')
    await settle()
    const bodies = wrapper.findAll('[data-testid="comment"]').map((item) => item.text())
    expect(bodies.some((text) => text.includes('Returned home with her family, safe'))).toBe(true)
    wrapper.unmount()
  })
})

describe('the History tab of a reassigned case', () => {
  // A supervisor hands a survivor's case from Bilal to Chen. main records it (case.updated with
  // details { reassignedTo: 'user:3' }), and the audit log screen shows "reassigned to", but the
  // case's own History tab shows only "Case record changed" (CaseHistoryTab.vue:86-88 renders
  // time, user and action label, never the details). A supervisor reading the case's history
  // cannot tell that, when, or by whom the case changed hands: the change is not "in words".
  it('says in words that the case was reassigned', async () => {
    const { host } = await staffedHost('bilal')
    const { id } = await createCase(host)
    await signInAs(host, 'dana')
    const { version } = await call<{ version: number }>(host, 'cases:get', { id })
    await call(host, 'cases:update', { ...survivorCase(), id, version, assignedUserId: 3 })
    onHost(host, DANA)
    const wrapper = mount(CaseHistoryTab, {
      props: { caseId: id, active: true },
      global: { plugins: plugins() },
      attachTo: document.body,
    })
    await settle()
    const rows = wrapper.findAll('[data-testid="history-row"]').map((row) => row.text())
    expect(rows.length).toBeGreaterThanOrEqual(2)
    expect(rows.some((text) => /reassign|assigned to/i.test(text))).toBe(true)
    wrapper.unmount()
  })
})

describe('the Attachments tab', () => {
  async function attachmentsTab(client: Record<string, unknown> = {}) {
    install({ attachments: { list: async () => ok([]), ...client } })
    useVaultStore().status = {
      state: 'unlocked',
      user: BILAL,
      settings: { autoLockMinutes: 10 },
      organisation: 'Safe Harbour Network',
    }
    useCasePartsStore().open(4)
    const wrapper = mount(CaseAttachmentsTab, { global: { plugins: plugins() }, attachTo: document.body })
    await settle()
    return wrapper
  }

  // Stubbed main (nothing reaches it). A file picked from a USB stick pulled out a moment later, or
  // a cloud-drive placeholder that cannot be downloaded offline: the browser's read
  // (file.arrayBuffer(), CaseAttachmentsTab.vue:51) rejects with NotReadableError. That is not an
  // ApiError, so errorMessage() makes it INTERNAL: "Something went wrong inside CaseVault. Try
  // again, and restart CaseVault if it keeps happening." The fault is the file's drive, and the
  // app already has the words for it (errors.FILE_UNAVAILABLE); the caseworker restarts CaseVault
  // for nothing.
  it('says the chosen file could not be read, not that CaseVault went wrong', async () => {
    const add = vi.fn(async () => ok(null))
    const wrapper = await attachmentsTab({ add })
    const unreadable = {
      name: 'passport-scan.pdf',
      size: 2048,
      type: 'application/pdf',
      arrayBuffer: () =>
        Promise.reject(new DOMException('The requested file could not be read.', 'NotReadableError')),
    }
    const input = wrapper.get('[data-testid="attachment-input"]')
    Object.defineProperty(input.element, 'files', { value: [unreadable], configurable: true })
    await input.trigger('change')
    await settle()
    const shown = wrapper.get('[data-testid="attachment-error"]').text()
    expect(add).not.toHaveBeenCalled()
    expect(shown).not.toContain(en.errors.INTERNAL)
    expect(shown).toContain('passport-scan.pdf')
    wrapper.unmount()
  })

  // The file picker's filter (ACCEPT, CaseAttachmentsTab.vue:18-19) lists fewer extensions than
  // main accepts (attachment-types.ts EXTENSIONS). A WhatsApp voice note exported from Android is
  // "PTT-….opus"; pictures saved from a browser on Windows are often ".jfif"; HEIF photos ".heif";
  // a spreadsheet of payslips ".csv". On macOS the filtered dialog greys these out with no way to
  // choose them: files main would take cannot be attached at all.
  it('lets the file picker offer every kind of file main accepts', async () => {
    const wrapper = await attachmentsTab()
    const accept = wrapper.get('[data-testid="attachment-input"]').attributes('accept')!.split(',')
    for (const extension of ['.opus', '.oga', '.jfif', '.jpe', '.heif', '.csv', '.m4b', '.aac'])
      expect(accept, extension).toContain(extension)
    wrapper.unmount()
  })

  // The removal question says "The file is erased from the vault." (en/cases.ts:249). Every backup
  // made before (the automatic one at each lock, those made by hand) and every rollback copy
  // still holds the file, and a restore brings it back. A caseworker removing a photo at the
  // survivor's request tells her it is gone. The delete-case warning was given this sentence for
  // the same reason (erasure-forensics.test.ts); the attachment's was not.
  it('tells, before a removal, that earlier backups still hold the file', async () => {
    const wrapper = await attachmentsTab({
      list: async () =>
        ok([
          {
            id: 70,
            caseId: 4,
            fileName: 'photo.jpg',
            mediaType: 'image/jpeg',
            sizeBytes: 2048,
            sha256: '0'.repeat(64),
            createdAt: '2026-03-20T09:00:00.000Z',
            createdByName: 'Bilal Haddad',
          },
        ]),
    })
    await wrapper.get('[data-testid="attachment-remove"]').trigger('click')
    await settle()
    const dialog = document.querySelector('[data-testid="attachment-remove-dialog"]')!
    expect(dialog.textContent).toContain('photo.jpg')
    expect(dialog.textContent).toMatch(/backup/i)
    wrapper.unmount()
  })
})

describe('the Comments tab’s length limit', () => {
  // main takes at most 20,000 characters (contract/case-parts.ts:17); the textarea has
  // maxlength="20000" (CaseCommentsTab.vue:71) and nothing on screen says so. A caseworker who
  // pastes a long interview transcript gets it cut at 20,000 characters by the browser without a
  // word, adds it, and the end of the statement is lost (comments cannot be edited afterwards).
  // The limit should be said in words (the hint, or a count when the text reaches it).
  it('says in words how long a comment may be', async () => {
    const { host } = await staffedHost('bilal')
    const { id } = await createCase(host)
    onHost(host, BILAL)
    useCasePartsStore().open(id)
    const wrapper = mount(CaseCommentsTab, { global: { plugins: plugins() }, attachTo: document.body })
    await settle()
    const textarea = wrapper.get('[data-testid="comment-input"]')
    await textarea.setValue('x'.repeat(20_000))
    await settle()
    expect(wrapper.text()).toMatch(/20[,. \u00a0\u202f]?000/)
    wrapper.unmount()
  })
})
