// Case parts hunt (reviewing helper): checks of comments, attachments and History that held, kept
// as regression tests. Real encrypted vault through the API host.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { call, errorCode } from './support/temp-vault'
import { createCase, signInAs, staffedHost } from './support/case-fixtures'
import type { AttachmentSummary, AuditEntry, CaseComment } from '../../main/api/contract'

describe('comments: limits, case state and roles', () => {
  it('takes 20,000 characters, refuses 20,001 with VALIDATION and stores nothing', async () => {
    const { host } = await staffedHost('bilal')
    const { id: caseId } = await createCase(host)
    await call(host, 'comments:add', { caseId, body: 'a'.repeat(20_000) })
    expect(await errorCode(host, 'comments:add', { caseId, body: 'b'.repeat(20_001) })).toBe('VALIDATION')
    const stored = await call<CaseComment[]>(host, 'comments:list', { caseId })
    expect(stored.map((comment) => comment.body.length)).toEqual([20_000])
  })

  it('adds to a closed case’s timeline; a deleted case answers NOT_FOUND; an analyst is refused', async () => {
    const { host } = await staffedHost('bilal')
    const { id: caseId, version } = await createCase(host)
    await call(host, 'cases:close', { id: caseId, version, status: 'Closed', reason: 'Safe at home' })
    await call(host, 'comments:add', { caseId, body: 'Follow-up call after closing' })
    expect((await call<CaseComment[]>(host, 'comments:list', { caseId })).map((c) => c.body)).toEqual([
      'Safe at home',
      'Follow-up call after closing',
    ])
    await signInAs(host, 'eli')
    expect(await errorCode(host, 'comments:list', { caseId })).toBe('FORBIDDEN')
    await signInAs(host, 'amara')
    await call(host, 'cases:delete', { id: caseId, reason: 'survivorRequest' })
    expect(await errorCode(host, 'comments:add', { caseId, body: 'late note' })).toBe('NOT_FOUND')
  })
})

describe('the case’s History', () => {
  it('holds each comment and file action under the case, with no comment text or file name', async () => {
    const { host } = await staffedHost('bilal')
    const { id: caseId } = await createCase(host)
    await call(host, 'comments:add', { caseId, body: 'Olena Kovalenko fears her employer Petrenko' })
    const added = await call<AttachmentSummary>(host, 'attachments:add', {
      caseId,
      fileName: 'Olena-Kovalenko-passport.txt',
      content: new TextEncoder().encode('passport details'),
    })
    await call(host, 'attachments:saveAs', { id: added.id })
    await call(host, 'attachments:remove', { id: added.id })
    await signInAs(host, 'dana')
    const history = await call<AuditEntry[]>(host, 'audit:list', { target: `case:${caseId}`, limit: 50 })
    expect(history.map((entry) => entry.action)).toEqual(
      expect.arrayContaining([
        'case.comment_added',
        'attachment.added',
        'attachment.exported',
        'attachment.removed',
      ]),
    )
    const all = JSON.stringify(await call<AuditEntry[]>(host, 'audit:list', { limit: 500 }))
    for (const pii of ['Olena', 'Kovalenko', 'Petrenko', 'passport']) expect(all).not.toContain(pii)
  })

  it('is refused to a caseworker, even for her own case', async () => {
    const { host } = await staffedHost('bilal')
    const { id: caseId } = await createCase(host)
    expect(await errorCode(host, 'audit:list', { target: `case:${caseId}` })).toBe('FORBIDDEN')
  })
})

describe('scripts and look-alikes', () => {
  it('stores an SVG with a script as text and offers it back as .svg.txt, byte for byte', async () => {
    const { host, files } = await staffedHost('bilal')
    const { id: caseId } = await createCase(host)
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')
    const added = await call<AttachmentSummary>(host, 'attachments:add', {
      caseId,
      fileName: 'map.svg',
      content: new Uint8Array(svg),
    })
    expect([added.mediaType, added.fileName]).toEqual(['text/plain', 'map.svg.txt'])
    await call(host, 'attachments:saveAs', { id: added.id })
    expect(files.saved.at(-1)!.endsWith('map.svg.txt')).toBe(true)
    expect(readFileSync(files.saved.at(-1)!).equals(svg)).toBe(true)
  })

  it('refuses an SVG that starts with an XML declaration (sniffed as XML, not an allowed type)', async () => {
    const { host } = await staffedHost('bilal')
    const { id: caseId } = await createCase(host)
    const xml = '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>x()</script></svg>'
    expect(
      await errorCode(host, 'attachments:add', {
        caseId,
        fileName: 'map.svg',
        content: new TextEncoder().encode(xml),
      }),
    ).toBe('VALIDATION')
    expect(await call(host, 'attachments:list', { caseId })).toEqual([])
  })
})
