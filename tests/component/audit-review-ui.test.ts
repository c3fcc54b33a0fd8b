// @vitest-environment jsdom
// Audit log screens: defects found by a reviewing helper. Each test failed on the code before
// its fix. The rows fed to the screens are shaped exactly as main writes them (file:line given).
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import type { AuditEntry } from '../../main/api/contract'
import { en } from '../../renderer/src/i18n/en'
import AdminAuditView from '../../renderer/src/views/AdminAuditView.vue'
import CaseHistoryTab from '../../renderer/src/components/cases/detail/CaseHistoryTab.vue'
import { install, ok, plugins, settle, signIn } from './casework-screens-support'

const previousTz = process.env.TZ
beforeEach(() => setActivePinia(createPinia()))
afterEach(() => {
  document.body.innerHTML = ''
  if (previousTz === undefined) delete process.env.TZ
  else process.env.TZ = previousTz
})

function row(
  id: number,
  action: string,
  details: AuditEntry['details'],
  target: string | null = null,
): AuditEntry {
  return {
    id,
    at: new Date(Date.UTC(2026, 2, 1, 22, 30, id)).toISOString(),
    actor: 'amara',
    action,
    target,
    details,
  }
}

async function auditScreen(entries: AuditEntry[]) {
  install({
    audit: {
      list: async () => ok(entries),
      verify: async () => ok({ ok: true, checkedRows: 1, firstBrokenId: null }),
    },
  })
  signIn('admin')
  const wrapper = mount(AdminAuditView, { global: { plugins: plugins() }, attachTo: document.body })
  await settle()
  return wrapper
}

describe('audit log screen: details', () => {
  // What goes wrong: a restore row (main/api/backup.ts:180, restore-marker.ts:59) carries the
  // backup's date and the restore's time as ISO strings in UTC; the Details column shows them as
  // stored: "backup made: 2026-03-01T22:30:00.000Z". The Time column beside it is local time.
  // In Auckland that backup was made on 2 March; the row says 1 March, in machine notation.
  // Who is hurt: the admin reconstructing which backup was restored, and when, after an incident.
  it('shows a restore’s backup date in local time, not as a raw UTC timestamp', async () => {
    process.env.TZ = 'Pacific/Auckland'
    const backupCreatedAt = '2026-03-01T22:30:00.000Z'
    const wrapper = await auditScreen([
      row(7, 'backup.restored_here', { backupCreatedAt, restoredAt: '2026-03-05T08:00:00.000Z' }),
    ])
    const text = wrapper.get('tbody tr').text()
    expect(text).not.toContain(backupCreatedAt)
    expect(text).not.toMatch(/\d{4}-\d\d-\d\dT\d\d:\d\d/)
    wrapper.unmount()
  })

  // (Failed before its fix; found looking at the e2e screenshot.) A lock's reason, a refused
  // access's reason and a check's yes/no showed as the codes main writes: "reason: user",
  // "reason: not assigned", "passed: true".
  it('shows reasons and yes/no in words, not as the codes main writes', async () => {
    const wrapper = await auditScreen([
      row(3, 'session.locked', { reason: 'idle' }),
      row(4, 'access.denied', { reason: 'not assigned' }),
      row(5, 'audit.verified', { passed: true, checkedRows: 4 }),
    ])
    const text = wrapper.get('tbody').text()
    expect(text).not.toMatch(/reason: idle|passed: true/)
    expect(text).toContain('reason: no activity')
    expect(text).toContain('reason: not assigned to this case')
    expect(text).toContain('passed: Yes')
    wrapper.unmount()
  })

  // What goes wrong: every export row (main/core/export/export-service.ts:160) has a `scope`
  // object; the Details column JSON-stringifies it: scope: {"intakeFrom":"2025-01-01","intakeTo":null}
  // — braces, quotes, camelCase keys and "null", none of it from vue-i18n.
  // Who is hurt: the manager checking what period a released file covered.
  it('shows an export’s scope in words, not as JSON', async () => {
    const wrapper = await auditScreen([
      row(9, 'export.created', {
        format: 'deidentified-csv',
        scope: { intakeFrom: '2025-01-01', intakeTo: null },
        rows: 120,
        readAt: '2026-03-01T22:30:00.000Z',
        protection: 'passphrase',
      }),
    ])
    const text = wrapper.get('tbody tr').text()
    expect(text).not.toMatch(/[{}"]|intakeFrom|null/)
    wrapper.unmount()
  })

  // What goes wrong: keys this very version writes have no label in audit.detailKeys, so they
  // are shown through the "key from a newer version" fallback (audit-details-text.ts:83, English
  // spelled out from camelCase, bypassing vue-i18n): "failed attempts before" (vault.ts:266),
  // "read at" (export-service.ts:162), "k", "suppressed rows/cells/table cells" (:165-168),
  // "shared categories" (referral-service.ts:251), "previous template id" and "shipped"
  // (template-service.ts:41,89), "read" and "screening templates created" (import-service.ts:193,
  // 198), "warn after days" (api/backup.ts:220), "auto lock minutes" (api/vault.ts:58).
  // Who is hurt: every reader in any other language; "k: 5" means nothing to a manager.
  it('has an i18n label for every detail key main writes', () => {
    const written = [
      'failedAttemptsBefore',
      'failedAttempts',
      'attemptsWhileDeactivated',
      'readAt',
      'k',
      'suppressedRows',
      'suppressedCells',
      'suppressedTableCells',
      'sharedCategories',
      'previousTemplateId',
      'shipped',
      'read',
      'screeningTemplatesCreated',
      'warnAfterDays',
      'autoLockMinutes',
    ]
    // Each key above is really written by main (guards against a stale list).
    const sources = [
      'core/vault/unlock-audit.ts',
      'core/export/export-service.ts',
      'core/referrals/referral-service.ts',
      'core/screening/template-service.ts',
      'core/import/import-service.ts',
      'core/import/screening-writer.ts',
      'api/contract/backup.ts',
      'api/contract/vault.ts',
    ]
      .map((path) => readFileSync(resolve(import.meta.dirname, '../../main', path), 'utf8'))
      .join('\n')
    for (const key of written) expect(sources, key).toMatch(new RegExp(`\\b${key}\\b`))
    const labelled = Object.keys(en.audit.detailKeys)
    expect(written.filter((key) => !labelled.includes(key))).toEqual([])
  })
})

describe('case history tab', () => {
  function caseRow(id: number, action: string): AuditEntry {
    return {
      id,
      at: new Date(Date.UTC(2026, 2, 1, 9, 0, id)).toISOString(),
      actor: 'bilal',
      action,
      target: 'case:4',
      details: null,
    }
  }

  // What goes wrong: the store reads 200 entries at a time (stores/case-history.ts:7) and the
  // tab hides "case opened" rows by default (CaseHistoryTab.vue:28-30). A case opened 200 times
  // since its last change — a few weeks of daily work — shows "Nothing recorded yet." above a
  // "Look further back" button: the tab asserts the case has no history when it does.
  // Who is hurt: the supervisor checking who changed a survivor's record.
  it('does not say "Nothing recorded yet" while older entries have not been read', async () => {
    signIn('supervisor')
    const rows = [
      ...Array.from({ length: 200 }, (_, index) => caseRow(400 - index, 'case.read')),
      caseRow(3, 'case.updated'),
      caseRow(1, 'case.created'),
    ]
    install({
      audit: {
        list: async (input: { limit: number; beforeId?: number }) =>
          ok(rows.filter((entry) => entry.id < (input.beforeId ?? Infinity)).slice(0, input.limit)),
      },
    })
    const wrapper = mount(CaseHistoryTab, {
      props: { caseId: 4, active: true },
      global: { plugins: plugins() },
      attachTo: document.body,
    })
    await settle()
    expect(wrapper.text()).not.toContain(en.caseHistory.none)
    wrapper.unmount()
  })

  // What goes wrong: the history is read once per case and kept in a store that is only reset
  // on lock (stores/case-history.ts:52-57; CaseHistoryTab.vue:46 loads only when the store holds
  // another case). A supervisor closes a case, leaves it, comes back to it and opens History:
  // the close is not there — the tab shows the log as it was at the first look.
  it('shows what was done to the case since the history was first shown', async () => {
    signIn('supervisor')
    const rows = [caseRow(2, 'case.updated'), caseRow(1, 'case.created')]
    install({ audit: { list: async () => ok([...rows]) } })
    const options = {
      props: { caseId: 4, active: true },
      global: { plugins: plugins() },
      attachTo: document.body,
    }
    const first = mount(CaseHistoryTab, options)
    await settle()
    expect(first.findAll('[data-testid="history-row"]')).toHaveLength(2)
    first.unmount()

    rows.unshift(caseRow(5, 'case.closed'))
    const again = mount(CaseHistoryTab, options)
    await settle()
    expect(again.findAll('[data-testid="history-row"]')).toHaveLength(3)
    again.unmount()
  })
})
