// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import PrimeVue from 'primevue/config'
import type { AuditEntry, AuditVerification } from '../../main/api/contract'
import type { CaseVaultClient } from '../../preload/build-api'
import { createAppI18n } from '../../renderer/src/i18n'
import { en } from '../../renderer/src/i18n/en'
import { AUDIT_PAGE_SIZE } from '../../renderer/src/stores/audit'
import AdminAuditView from '../../renderer/src/views/AdminAuditView.vue'

const KNOWN_ACTIONS = [
  'vault.created',
  'session.unlocked',
  'session.unlocked_with_recovery_key',
  'session.locked',
  'user.created',
  'user.deactivated',
  'user.passphrase_reset',
  'user.passphrase_changed',
  'settings.updated',
  'access.denied',
  'audit.verified',
  'vault.verified',
]

/** An audit log of `count` rows, ids 1..count; list() answers newest first like main does. */
function auditLog(count: number, actionOf: (id: number) => string = () => 'session.unlocked') {
  const rows: AuditEntry[] = Array.from({ length: count }, (_, index) => ({
    id: index + 1,
    at: new Date(Date.UTC(2025, 2, 1, 9, 0, index)).toISOString(),
    actor: 'amina.admin',
    action: actionOf(index + 1),
    target: null,
    details: null,
  }))
  return {
    list: vi.fn(async (input?: { limit?: number; beforeId?: number }) => {
      const before = input?.beforeId ?? Number.MAX_SAFE_INTEGER
      const page = rows
        .filter((row) => row.id < before)
        .reverse()
        .slice(0, input?.limit ?? 100)
      return { ok: true as const, value: page }
    }),
    verify: vi.fn(async (): Promise<{ ok: true; value: AuditVerification }> => ({
      ok: true,
      value: { ok: true, checkedRows: rows.length, firstBrokenId: null },
    })),
  }
}

function install(audit: ReturnType<typeof auditLog>): void {
  Object.defineProperty(window, 'casevault', {
    value: { audit } as unknown as CaseVaultClient,
    configurable: true,
  })
}

function mountView() {
  return mount(AdminAuditView, {
    global: { plugins: [createAppI18n(), [PrimeVue, { unstyled: true }]] },
    attachTo: document.body,
  })
}

describe('the audit log screen', () => {
  beforeEach(() => setActivePinia(createPinia()))
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('has a translation for every action CaseVault writes, and shows an unknown one by its name', async () => {
    const actions = [...KNOWN_ACTIONS, 'backup.restored_by_future_version']
    install(auditLog(actions.length, (id) => actions[id - 1]!))
    const wrapper = mountView()
    await flushPromises()

    for (const action of KNOWN_ACTIONS) {
      const cell = wrapper.get(`[data-action="${action}"]`)
      expect(cell.text(), action).not.toBe(action)
      expect(cell.text().length, action).toBeGreaterThan(3)
    }
    expect(wrapper.get('[data-action="backup.restored_by_future_version"]').text()).toBe(
      'backup.restored_by_future_version',
    )
    expect(wrapper.get('[data-action="session.unlocked"]').text()).toBe(en.audit.actions.session.unlocked)
    wrapper.unmount()
  })

  it('pages back with beforeId until the start of the log', async () => {
    const audit = auditLog(AUDIT_PAGE_SIZE + 7)
    install(audit)
    const wrapper = mountView()
    await flushPromises()
    expect(wrapper.findAll('tbody tr')).toHaveLength(AUDIT_PAGE_SIZE)
    expect(audit.list).toHaveBeenLastCalledWith({ limit: AUDIT_PAGE_SIZE })

    await wrapper.get('[data-testid="audit-load-older"]').trigger('click')
    await flushPromises()
    expect(audit.list).toHaveBeenLastCalledWith({ limit: AUDIT_PAGE_SIZE, beforeId: 8 })
    expect(wrapper.findAll('tbody tr')).toHaveLength(AUDIT_PAGE_SIZE + 7)
    expect(wrapper.find('[data-testid="audit-load-older"]').exists()).toBe(false)
    // The button is gone; the keyboard user lands on the note that says why.
    expect(document.activeElement?.textContent?.trim()).toBe(en.audit.startReached)
    wrapper.unmount()
  })

  it('says the chain is intact in a status message', async () => {
    install(auditLog(3))
    const wrapper = mountView()
    await flushPromises()
    await wrapper.get('[data-testid="audit-verify"]').trigger('click')
    await flushPromises()
    const result = wrapper.get('[data-testid="audit-verify-result"]')
    expect(result.text()).toBe('Intact: 3 rows checked.')
    expect(result.element.closest('[role="status"]')).not.toBeNull()
    wrapper.unmount()
  })

  it('raises an alert naming the first altered row when the chain is broken', async () => {
    const audit = auditLog(9)
    audit.verify.mockResolvedValueOnce({ ok: true, value: { ok: false, checkedRows: 4, firstBrokenId: 5 } })
    install(audit)
    const wrapper = mountView()
    await flushPromises()
    await wrapper.get('[data-testid="audit-verify"]').trigger('click')
    await flushPromises()
    const result = wrapper.get('[data-testid="audit-verify-result"]')
    expect(result.attributes('role')).toBe('alert')
    expect(result.text()).toContain('Broken at row 5 — the log was altered outside CaseVault')
    wrapper.unmount()
  })
})
