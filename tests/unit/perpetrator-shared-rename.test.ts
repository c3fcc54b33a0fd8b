// A perpetrator is one person linked to many cases. Found by a reviewing helper (failed before):
// editing that person through one case re-indexed only that case, so the old name kept finding the
// other case and the new name did not find it. Every linked case is re-indexed now.
import { describe, expect, it } from 'vitest'
import { call } from './support/temp-vault'
import { createCase, staffedHost, survivorCase } from './support/case-fixtures'
import type { CasePerpetrator, CaseSearchHit } from '../../main/api/contract'

describe('a perpetrator shared by two cases, renamed through one of them', () => {
  it('is found under the new name in both cases, and no longer under the old one', async () => {
    const { host } = await staffedHost('bilal')
    const first = await createCase(host)
    const second = await createCase(host, survivorCase({ survivor: { prs_FirstName: 'Marta' } }))
    const person = await call<CasePerpetrator>(host, 'perpetrators:add', {
      caseId: first.id,
      person: { prs_FirstName: 'Viktor', prs_SecondName: 'Zarubin' },
    })
    await call(host, 'perpetrators:add', { caseId: second.id, existingPersonId: person.personId })
    await call(host, 'perpetrators:update', {
      caseId: second.id,
      personId: person.personId,
      updatedAt: person.updatedAt,
      person: { prs_FirstName: 'Ivan', prs_SecondName: 'Qorvath' },
      context: {},
    })
    const ids = async (query: string) =>
      (await call<CaseSearchHit[]>(host, 'cases:search', { query })).map((hit) => hit.id).sort()
    expect({ newName: await ids('Qorvath'), oldName: await ids('Zarubin') }).toEqual({
      newName: [first.id, second.id].sort(),
      oldName: [],
    })
  })
})
