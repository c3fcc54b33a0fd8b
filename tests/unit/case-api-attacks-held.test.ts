// Attacks on the case API that held up when a reviewing helper tried them (roles, another
// caseworker's case reached by any id, hostile ids and payloads, search syntax, attachment names):
// kept so that they go on holding.
import { describe, expect, it } from 'vitest'
import { ADMIN, call, errorCode } from './support/temp-vault'
import { CASEWORKER, createCase, signInAs, staffedHost, survivorCase } from './support/case-fixtures'
import { outgoingReferral } from './support/referral-fixtures'
import { walkInScreening } from './support/screening-fixtures'
import type { AttachmentSummary, CaseDetail, CasePerpetrator, ReferralDetail } from '../../main/api/contract'

const text = (value: string) => new TextEncoder().encode(value)

describe('roles', () => {
  it('refuses analysts every channel that carries case data', async () => {
    const { host } = await staffedHost('eli')
    const calls: [string, unknown][] = [
      ['cases:list', {}],
      ['cases:get', { id: 1 }],
      ['cases:search', { query: 'Olena' }],
      ['comments:list', { caseId: 1 }],
      ['attachments:list', { caseId: 1 }],
      ['perpetrators:find', { query: 'Viktor' }],
      ['referrals:list', {}],
      ['screening:listAssessments', {}],
      ['directory:listServices', {}],
      ['dashboard:summary', undefined],
      ['audit:list', {}],
      ['users:assignable', undefined],
    ]
    for (const [channel, input] of calls)
      expect(await errorCode(host, channel, input), channel).toBe('FORBIDDEN')
  })

  it('refuses supervisors user administration, vault settings and case deletion', async () => {
    const { host } = await staffedHost('dana')
    const calls: [string, unknown][] = [
      [
        'users:create',
        { username: 'zed', displayName: 'Zed', role: 'admin', passphrase: 'zed passphrase 123' },
      ],
      ['users:deactivate', { username: 'amara' }],
      ['users:resetPassphrase', { username: 'amara', newPassphrase: 'a new passphrase 1' }],
      ['users:list', undefined],
      ['vault:updateSettings', { autoLockMinutes: 240 }],
      ['cases:delete', { id: 1, reason: 'other' }],
    ]
    for (const [channel, input] of calls)
      expect(await errorCode(host, channel, input), channel).toBe('FORBIDDEN')
  })

  it('keeps a deactivated user out, by passphrase and by recovery key; no second vault over the first', async () => {
    const { host, recoveryKey } = await staffedHost('amara')
    await call(host, 'users:deactivate', { username: 'bilal' })
    await call(host, 'vault:lock')
    expect(await errorCode(host, 'vault:create', ADMIN)).toBe('VAULT_EXISTS')
    expect(
      await errorCode(host, 'vault:unlockWithRecoveryKey', {
        recoveryKey,
        username: 'bilal',
        newPassphrase: 'a brand new passphrase',
      }),
    ).toBe('USER_DEACTIVATED')
    expect(
      await errorCode(host, 'vault:unlock', { username: 'bilal', passphrase: CASEWORKER.passphrase }),
    ).toBe('USER_DEACTIVATED')
  })
})

describe('another caseworker’s case and its parts', () => {
  it('refuses every part of a case assigned to someone else, by case id and by child id', async () => {
    const { host } = await staffedHost('bilal')
    const theirs = await createCase(host)
    const file = await call<AttachmentSummary>(host, 'attachments:add', {
      caseId: theirs.id,
      fileName: 'a.txt',
      content: text('notes'),
    })
    const person = await call<CasePerpetrator>(host, 'perpetrators:add', {
      caseId: theirs.id,
      person: { prs_FirstName: 'Viktor' },
    })
    const referral = await call<ReferralDetail>(host, 'referrals:create', outgoingReferral(theirs.id))
    const screening = await walkInScreening(host, { subject: undefined, caseId: theirs.id })
    await signInAs(host, 'chen')
    const mine = await createCase(host, survivorCase({ survivor: { prs_FirstName: 'Marta' } }))
    const calls: [string, unknown][] = [
      ['cases:get', { id: theirs.id }],
      ['cases:update', { ...survivorCase(), id: theirs.id, version: theirs.version }],
      ['cases:close', { id: theirs.id, version: theirs.version, status: 'Closed', reason: 'x' }],
      ['comments:list', { caseId: theirs.id }],
      ['comments:add', { caseId: theirs.id, body: 'hello' }],
      ['attachments:list', { caseId: theirs.id }],
      ['attachments:remove', { id: file.id }],
      ['attachments:saveAs', { id: file.id }],
      ['perpetrators:list', { caseId: theirs.id }],
      ['perpetrators:unlink', { caseId: theirs.id, personId: person.personId }],
      ['referrals:get', { id: referral.id }],
      ['referrals:printForm', { id: referral.id }],
      ['referrals:forCase', { caseId: theirs.id }],
      ['referrals:create', outgoingReferral(theirs.id)],
      ['referrals:supportPlans', { caseId: theirs.id }],
      ['screening:getAssessment', { id: screening.id }],
      ['screening:caseAssessments', { caseId: theirs.id }],
    ]
    for (const [channel, input] of calls)
      expect(await errorCode(host, channel, input), channel).toBe('FORBIDDEN')
    // A perpetrator of their case cannot be edited through mine unless it is linked to mine.
    expect(
      await errorCode(host, 'perpetrators:update', {
        caseId: mine.id,
        personId: person.personId,
        updatedAt: person.updatedAt,
        person: { prs_FirstName: 'X' },
        context: {},
      }),
    ).toBe('NOT_FOUND')
    // A survivor is not a perpetrator to be linked.
    expect(
      await errorCode(host, 'perpetrators:add', { caseId: mine.id, existingPersonId: theirs.survivor.id }),
    ).toBe('NOT_FOUND')
  })

  it('will not link my walk-in screening to their case, nor open a case for them from it', async () => {
    const { host } = await staffedHost('bilal')
    const theirs = await createCase(host)
    await signInAs(host, 'chen')
    const walkIn = await walkInScreening(host)
    expect(await errorCode(host, 'screening:linkToCase', { id: walkIn.id, caseId: theirs.id })).toBe(
      'FORBIDDEN',
    )
    const bilalId = theirs.assignedUserId
    expect(await errorCode(host, 'screening:convertToCase', { id: walkIn.id, assignedUserId: bilalId })).toBe(
      'FORBIDDEN',
    )
  })
})

describe('hostile payloads', () => {
  it('answers hostile search text with results or VALIDATION, never INTERNAL', async () => {
    const { host } = await staffedHost('bilal')
    await createCase(host)
    for (const query of [
      '"',
      'NEAR(a b)',
      '*',
      'a OR',
      '^',
      'case_search:x',
      '\u0000x',
      'x'.repeat(200),
      'ﬁ',
    ]) {
      const result = await host.dispatch('cases:search', { query })
      expect(result.ok ? 'OK' : result.error.code, query).not.toBe('INTERNAL')
    }
  })

  it('refuses odd ids and versions, and drops a __proto__ key from a record', async () => {
    const { host } = await staffedHost('bilal')
    expect(await errorCode(host, 'cases:get', { id: 2 ** 63 })).toBe('VALIDATION')
    expect(await errorCode(host, 'cases:get', { id: 1.5 })).toBe('VALIDATION')
    expect(await errorCode(host, 'cases:get', { id: -1 })).toBe('VALIDATION')
    expect(await errorCode(host, 'cases:get', { id: Number.MAX_SAFE_INTEGER })).toBe('NOT_FOUND')
    expect(await errorCode(host, 'cases:update', { ...survivorCase(), id: 1, version: 0 })).toBe('VALIDATION')
    expect(await errorCode(host, 'comments:add', { caseId: 1, body: 'x'.repeat(20_001) })).toBe('VALIDATION')
    const survivor = JSON.parse('{"prs_FirstName":"Olena","__proto__":{"prs_Nickname":"x"}}') as Record<
      string,
      unknown
    >
    const created = await call<CaseDetail>(host, 'cases:create', survivorCase({ survivor }))
    expect(
      Object.keys((await call<CaseDetail>(host, 'cases:get', { id: created.id })).survivor.record),
    ).toEqual(['prs_FirstName'])
  })

  it('strips folders, control characters and leading dots from attachment names', async () => {
    const { host } = await staffedHost('bilal')
    const { id: caseId } = await createCase(host)
    const stored: string[] = []
    for (const fileName of ['..', '../../etc/passwd', 'a\u0001b.txt', '.\u001f', 'C:\\Users\\x\\evil.txt']) {
      stored.push(
        (await call<AttachmentSummary>(host, 'attachments:add', { caseId, fileName, content: text('hi') }))
          .fileName,
      )
    }
    // Text content takes a .txt extension when its name has no text one (attachment-types.ts).
    expect(stored).toEqual(['attachment.txt', 'passwd.txt', 'a_b.txt', '_.txt', 'evil.txt'])
    expect(await errorCode(host, 'attachments:add', { caseId, fileName: '   ', content: text('hi') })).toBe(
      'VALIDATION',
    )
    // NUL is in no real file name: the IPC boundary refuses it in any text (unstorable-text.ts).
    expect(
      await errorCode(host, 'attachments:add', { caseId, fileName: 'a\u0000b.txt', content: text('hi') }),
    ).toBe('VALIDATION')
  })

  it('answers NOT_FOUND for directory ids that do not exist', async () => {
    const { host } = await staffedHost('amara')
    expect(await errorCode(host, 'directory:saveService', { organisationId: 99999, name: 'x' })).toBe(
      'NOT_FOUND',
    )
    expect(await errorCode(host, 'directory:saveService', { id: 99999, organisationId: 1, name: 'x' })).toBe(
      'NOT_FOUND',
    )
    expect(await errorCode(host, 'directory:saveOrganisation', { id: 99999, name: 'x' })).toBe('NOT_FOUND')
    expect(await errorCode(host, 'directory:getService', { id: 99999 })).toBe('NOT_FOUND')
  })
})
