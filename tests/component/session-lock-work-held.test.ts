// @vitest-environment jsdom
// Checks that hold when the session changes under the UI (an idle lock, a lock by hand, calls
// answered LOCKED / FORBIDDEN / NOT_FOUND, double clicks), kept by a reviewing helper as regression
// tests. The whole app is mounted as renderer/src/main.ts mounts it (App, the real router and its
// guards, Pinia, listenForLocks) over a stubbed preload API. Defects are in session-lock-work-screens.test.ts.
import { stubMain, unlockAgain, mountApp, type MainOptions } from './app-session-support'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { nextTick } from 'vue'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import type { ApiResult, CaseComment, CaseDetail, Role } from '../../main/api/contract'
import { en } from '../../renderer/src/i18n/en'
import { CASE, ok, refused, settle } from './casework-screens-support'

let pinia: Pinia
beforeEach(() => {
  pinia = createPinia()
  setActivePinia(pinia)
  localStorage.clear()
  sessionStorage.clear()
})
afterEach(() => {
  document.body.innerHTML = ''
})

const NOTE = 'Called the embassy: passport appointment for Amina on 2 April'
const EARLIER: CaseComment = {
  id: 1,
  caseId: 4,
  body: 'Amina moved to the second-floor room; brother must not be told',
  authorName: 'Sam Lee',
  createdAt: '2026-03-20T10:00:00.000Z',
}

interface Options extends Pick<MainOptions, 'unlockAs'> {
  get?: () => Promise<ApiResult<CaseDetail>>
  add?: (input: { caseId: number; body: string }) => Promise<ApiResult<CaseComment>>
  update?: () => Promise<ApiResult<CaseDetail>>
}

function session(role: Role, options: Options = {}) {
  return stubMain(role, options, {
    cases: {
      get: vi.fn(options.get ?? (async () => ok(CASE))),
      list: vi.fn(async () => ok({ rows: [], total: 0, page: 0, pageSize: 25 })),
      search: vi.fn(async () => ok([])),
      update: vi.fn(options.update ?? (async () => ok({ ...CASE, version: CASE.version + 1 }))),
    },
    comments: {
      list: vi.fn(async () => ok([EARLIER])),
      add: vi.fn(options.add ?? (async () => ok({ ...EARLIER, id: 2, body: NOTE }))),
    },
    users: { assignable: vi.fn(async () => ok([])) },
    export: { defaults: vi.fn(async () => ok({})) },
  })
}

async function typeComment(wrapper: Awaited<ReturnType<typeof mountApp>>['wrapper'], text = NOTE) {
  await wrapper.get('[data-testid="case-tab-comments"]').trigger('click')
  await settle()
  await wrapper.get('[data-testid="comment-input"]').setValue(text)
}

describe('held: what is left of the session after a lock', () => {
  it('idle lock: no survivor data in the DOM, Pinia, the route, history.state or web storage', async () => {
    const { fire } = session('caseworker')
    const { wrapper, router } = await mountApp('/app/cases/4')
    await typeComment(wrapper)
    expect(document.body.textContent).toContain('second-floor room')
    fire('idle')
    await settle()
    expect(router.currentRoute.value.name).toBe('unlock')
    expect(router.currentRoute.value.query).toEqual({})
    const traces = [
      document.body.innerHTML,
      JSON.stringify(pinia.state.value),
      router.currentRoute.value.fullPath,
      JSON.stringify(window.history.state),
      location.href,
    ]
    for (const trace of traces) {
      expect(trace).not.toContain('Amina')
      expect(trace).not.toContain('second-floor room')
      expect(trace).not.toContain(CASE.caseNumber)
    }
    // Nothing typed was written anywhere unencrypted. (vue-router keeps scroll positions in
    // sessionStorage, keyed by route paths: ids only, never a name or a note.)
    expect(localStorage.length).toBe(0)
    const stored = JSON.stringify(Object.entries(sessionStorage))
    expect(Object.keys(sessionStorage).filter((key) => key !== 'vue-router:scroll')).toEqual([])
    expect(stored).not.toContain('Amina')
    expect(stored).not.toContain('embassy')
    expect(document.querySelector('textarea')).toBeNull()
    wrapper.unmount()
  })

  it('lock by hand: the survivor’s case leaves the screen, the unlock screen says why', async () => {
    session('caseworker')
    const { wrapper, router } = await mountApp('/app/cases/4')
    document.querySelector<HTMLElement>('[data-testid="lock-button"]')!.click()
    await settle()
    expect(router.currentRoute.value.name).toBe('unlock')
    expect(document.body.textContent).not.toContain('Amina')
    expect(document.querySelector('[data-testid="lock-notice"]')?.textContent).toBe(en.locked.user)
    expect(JSON.stringify(pinia.state.value)).not.toContain('second-floor room')
    wrapper.unmount()
  })

  it('a screen lock just after a comment is posted: neither the case nor the note stays on screen', async () => {
    const { fire } = session('caseworker')
    const { wrapper } = await mountApp('/app/cases/4')
    await typeComment(wrapper)
    document.querySelector<HTMLFormElement>('.comment-form')!.requestSubmit()
    await settle()
    fire('screen-lock')
    await settle()
    expect(document.body.textContent).not.toContain('Amina')
    expect(document.body.textContent).not.toContain(NOTE)
    wrapper.unmount()
  })
})

describe('held: keyboard focus across a lock', () => {
  it('after an idle lock the cursor is in Username; after unlocking, on the page heading', async () => {
    const { fire } = session('caseworker')
    const { wrapper } = await mountApp('/app/cases/4')
    fire('idle')
    await settle()
    expect(document.activeElement?.getAttribute('data-testid')).toBe('unlock-username')
    expect(document.querySelector('[data-testid="lock-notice"]')?.textContent).toBe(
      en.locked.idle.replace('{minutes}', '10'),
    )
    await unlockAgain()
    const active = document.activeElement as HTMLElement | null
    expect(active?.tagName).toBe('H1')
    expect(active?.isConnected).toBe(true)
    wrapper.unmount()
  })
})

describe('held: who comes back after an unlock', () => {
  it('an analyst unlocking at the computer after a caseworker is not shown the case', async () => {
    const { fire, client } = session('caseworker', { unlockAs: 'analyst' })
    const { wrapper, router } = await mountApp('/app/cases/4')
    fire('idle')
    await settle()
    client.cases.get.mockClear()
    await unlockAgain()
    expect(router.currentRoute.value.name).toBe('reports')
    expect(client.cases.get).not.toHaveBeenCalled()
    expect(document.body.textContent).not.toContain('Amina')
    wrapper.unmount()
  })
})

describe('held: calls refused under the form', () => {
  it('a comment answered LOCKED: the vault-is-locked sentence, the typed note kept', async () => {
    session('caseworker', { add: async () => refused('LOCKED', 'The vault is locked.') })
    const { wrapper } = await mountApp('/app/cases/4')
    await typeComment(wrapper)
    document.querySelector<HTMLFormElement>('.comment-form')!.requestSubmit()
    await settle()
    expect(document.querySelector('.comment-form')?.textContent).toContain(en.errors.LOCKED)
    expect((wrapper.get('[data-testid="comment-input"]').element as HTMLTextAreaElement).value).toBe(NOTE)
    wrapper.unmount()
  })

  it('main’s own English (a file path, SQLite) is never shown: the coded sentence is', async () => {
    session('caseworker', {
      add: async () => refused('INTERNAL', 'SQLITE_IOERR: disk I/O error at /home/sam/casevault.db'),
    })
    const { wrapper } = await mountApp('/app/cases/4')
    await typeComment(wrapper)
    document.querySelector<HTMLFormElement>('.comment-form')!.requestSubmit()
    await settle()
    const text = document.body.textContent ?? ''
    expect(text).not.toContain('SQLITE')
    expect(text).not.toContain('/home/sam')
    expect(text).toContain(en.errors.INTERNAL)
    expect((wrapper.get('[data-testid="comment-input"]').element as HTMLTextAreaElement).value).toBe(NOTE)
    wrapper.unmount()
  })

  it('a case refused FORBIDDEN (role changed elsewhere): a clear sentence inside the frame', async () => {
    session('caseworker', { get: async () => refused('FORBIDDEN', 'Your role does not allow this.') })
    const { wrapper } = await mountApp('/app/cases/4')
    expect(document.querySelector('[data-testid="case-load-error"]')?.textContent).toContain(
      en.errors.FORBIDDEN,
    )
    expect(document.querySelector('[data-testid="lock-button"]')).not.toBeNull()
    expect(document.querySelector('nav')).not.toBeNull()
    wrapper.unmount()
  })

  it('Back into a case deleted meanwhile: “could not be found”, no form, the frame stays', async () => {
    let deleted = false
    session('caseworker', {
      get: async () => (deleted ? refused('NOT_FOUND', 'No such case.') : ok(CASE)),
    })
    const { wrapper, router } = await mountApp('/app/cases/4')
    await router.push('/app/cases')
    await settle()
    deleted = true
    router.back()
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe('/app/cases/4'))
    await settle()
    expect(document.querySelector('[data-testid="case-load-error"]')?.textContent).toContain(
      en.errors.NOT_FOUND,
    )
    expect(document.querySelector('[data-testid="case-edit"]')).toBeNull()
    expect(document.querySelector('[data-testid="comment-input"]')).toBeNull()
    expect(document.querySelector('nav')).not.toBeNull()
    wrapper.unmount()
  })
})

describe('held: an account deactivated during the session', () => {
  it('main locks (USER_DEACTIVATED): the next unlock says the account was deactivated', async () => {
    const { fire, client } = session('caseworker')
    const { wrapper, router } = await mountApp('/app/cases/4')
    fire('user')
    await settle()
    client.vault.unlock.mockImplementation(async () =>
      refused('USER_DEACTIVATED', 'This user has been deactivated. Ask an administrator.'),
    )
    await unlockAgain()
    expect(router.currentRoute.value.name).toBe('unlock')
    expect(document.querySelector('[data-testid="unlock-error"]')?.textContent).toContain(
      en.errors.USER_DEACTIVATED,
    )
    expect(document.body.textContent).not.toContain('Amina')
    wrapper.unmount()
  })
})

describe('held: double submits', () => {
  it('“Add comment” clicked twice quickly adds one comment', async () => {
    let release: () => void = () => undefined
    const add = vi.fn(
      () =>
        new Promise<ApiResult<CaseComment>>((resolve) => {
          release = () => resolve(ok({ ...EARLIER, id: 2, body: NOTE }))
        }),
    )
    session('caseworker', { add })
    const { wrapper } = await mountApp('/app/cases/4')
    await typeComment(wrapper)
    const button = wrapper.get('[data-testid="comment-add"]').element as HTMLButtonElement
    button.click()
    await nextTick()
    button.click()
    await flushPromises()
    release()
    await settle()
    expect(add).toHaveBeenCalledTimes(1)
    expect((wrapper.get('[data-testid="comment-input"]').element as HTMLTextAreaElement).value).toBe('')
    wrapper.unmount()
  })

  it('the case’s “Save” clicked twice quickly sends one update', async () => {
    let release: () => void = () => undefined
    const update = vi.fn(
      () =>
        new Promise<ApiResult<CaseDetail>>((resolve) => {
          release = () => resolve(ok({ ...CASE, version: CASE.version + 1 }))
        }),
    )
    session('caseworker', { update })
    const { wrapper } = await mountApp('/app/cases/4')
    await wrapper.get('[data-testid="case-edit"]').trigger('click')
    await settle()
    const save = wrapper.get('[data-testid="case-save"]').element as HTMLButtonElement
    save.click()
    await flushPromises()
    save.click()
    await flushPromises()
    release()
    await settle()
    expect(update).toHaveBeenCalledTimes(1)
    wrapper.unmount()
  })
})
