import { describe, expect, it } from 'vitest'
import { call, errorCode } from './support/temp-vault'
import { createCase, signInAs, staffedHost } from './support/case-fixtures'
import type { Assignee, AuditEntry } from '../../main/api/contract'

describe('what the case screens ask of main', () => {
  it('lists assignable people (no analysts, no deactivated users) to supervisors, not to caseworkers', async () => {
    const { host } = await staffedHost('amara')
    await call(host, 'users:deactivate', { username: 'chen' })
    await signInAs(host, 'dana')
    const people = await call<Assignee[]>(host, 'users:assignable')
    expect(people.map((person) => person.displayName).sort()).toEqual([
      'Amara Okafor',
      'Bilal Haddad',
      'Dana Petrova',
    ])
    expect(Object.keys(people[0]!).sort()).toEqual(['displayName', 'id', 'role'])
    await signInAs(host, 'bilal')
    expect(await errorCode(host, 'users:assignable')).toBe('FORBIDDEN')
  })

  it('filters the audit log to one case, newest first, with paging', async () => {
    const { host } = await staffedHost('dana')
    const first = await createCase(host)
    const second = await createCase(host)
    for (let i = 0; i < 3; i += 1) await call(host, 'cases:get', { id: first.id })
    await call(host, 'cases:get', { id: second.id })
    const history = await call<AuditEntry[]>(host, 'audit:list', { limit: 10, target: `case:${first.id}` })
    expect(history.map((entry) => entry.action)).toEqual([
      'case.read',
      'case.read',
      'case.read',
      'case.created',
    ])
    const older = await call<AuditEntry[]>(host, 'audit:list', {
      limit: 10,
      target: `case:${first.id}`,
      beforeId: history[1]!.id,
    })
    expect(older.map((entry) => entry.id)).toEqual(history.slice(2).map((entry) => entry.id))
    expect(await errorCode(host, 'audit:list', { target: "case:1' OR 1=1" })).toBe('VALIDATION')
  })

  it('says why an attachment was refused', async () => {
    const { host } = await staffedHost('bilal')
    const created = await createCase(host)
    const result = await host.dispatch('attachments:add', {
      caseId: created.id,
      fileName: 'x.exe',
      content: new Uint8Array([0x4d, 0x5a, 0, 0, 0, 1, 2, 0, 0]),
    })
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', details: { reason: 'type_not_allowed' } },
    })
  })
})
