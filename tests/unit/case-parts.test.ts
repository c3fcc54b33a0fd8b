import { describe, expect, it } from 'vitest'
import { readFileSync, statSync } from 'node:fs'
import { call, errorCode } from './support/temp-vault'
import { createCase, signInAs, staffedHost, survivorCase } from './support/case-fixtures'
import type {
  AttachmentSummary,
  CasePerpetrator,
  CaseSearchHit,
  PerpetratorMatch,
} from '../../main/api/contract'
import { safeFileName } from '../../main/core/cases/attachment-service'

const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4b70000000049454e44ae426082',
  'hex',
)
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n')
const WINDOWS_EXE = Buffer.concat([
  Buffer.from('MZ'),
  Buffer.alloc(58),
  Buffer.from([0x80, 0, 0, 0]),
  Buffer.alloc(64),
  Buffer.from('PE\0\0'),
  Buffer.alloc(200),
])
const ELF = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1]), Buffer.alloc(200)])

describe('case comments', () => {
  it('adds comments to the timeline in order, with author, and makes them searchable', async () => {
    const { host } = await staffedHost('bilal')
    const created = await createCase(host)
    await call(host, 'comments:add', { caseId: created.id, body: 'First meeting at the drop-in centre' })
    await call(host, 'comments:add', { caseId: created.id, body: 'Needs a Ukrainian interpreter' })
    const comments = await call<{ body: string; authorName: string }[]>(host, 'comments:list', {
      caseId: created.id,
    })
    expect(comments.map((comment) => [comment.body, comment.authorName])).toEqual([
      ['First meeting at the drop-in centre', 'Bilal Haddad'],
      ['Needs a Ukrainian interpreter', 'Bilal Haddad'],
    ])
    expect(
      (await call<CaseSearchHit[]>(host, 'cases:search', { query: 'interpreter' })).map((hit) => hit.id),
    ).toEqual([created.id])
    expect(await errorCode(host, 'comments:add', { caseId: created.id, body: '   ' })).toBe('VALIDATION')
  })
})

describe('attachments', () => {
  it('stores documents inside the vault with the sniffed type, not the claimed one', async () => {
    const { host } = await staffedHost('bilal')
    const created = await createCase(host)
    const png = await call<AttachmentSummary>(host, 'attachments:add', {
      caseId: created.id,
      fileName: 'passport-scan.pdf',
      content: new Uint8Array(PNG),
    })
    expect(png).toMatchObject({
      mediaType: 'image/png',
      sizeBytes: PNG.length,
      // The extension follows the content, so a copy saved out opens with the right program.
      fileName: 'passport-scan.pdf.png',
    })
    await call(host, 'attachments:add', {
      caseId: created.id,
      fileName: 'statement.pdf',
      content: new Uint8Array(PDF),
    })
    await call(host, 'attachments:add', {
      caseId: created.id,
      fileName: 'notes.txt',
      content: new TextEncoder().encode('Interview notes, 14 March'),
    })
    const list = await call<AttachmentSummary[]>(host, 'attachments:list', { caseId: created.id })
    expect(list.map((item) => item.mediaType)).toEqual(['image/png', 'application/pdf', 'text/plain'])
  })

  it.each([
    ['a Windows executable renamed to .pdf', 'form.pdf', WINDOWS_EXE],
    ['a Linux executable', 'photo.jpg', ELF],
    ['binary junk', 'data.bin', Buffer.from([0, 1, 2, 3, 0, 0, 255, 254, 0, 7])],
  ])('refuses %s', async (_what, fileName, bytes) => {
    const { host } = await staffedHost('bilal')
    const created = await createCase(host)
    expect(
      await errorCode(host, 'attachments:add', {
        caseId: created.id,
        fileName,
        content: new Uint8Array(bytes),
      }),
    ).toBe('VALIDATION')
    expect(await call(host, 'attachments:list', { caseId: created.id })).toEqual([])
  })

  it('refuses files over 25 MB and non-binary payloads before reading them', async () => {
    const { host } = await staffedHost('bilal')
    const created = await createCase(host)
    const tooBig = new Uint8Array(25 * 1024 * 1024 + 1)
    expect(
      await errorCode(host, 'attachments:add', { caseId: created.id, fileName: 'big.pdf', content: tooBig }),
    ).toBe('VALIDATION')
    expect(
      await errorCode(host, 'attachments:add', {
        caseId: created.id,
        fileName: 'x.pdf',
        content: 'JVBERi0=',
      }),
    ).toBe('VALIDATION')
    expect(
      await errorCode(host, 'attachments:add', {
        caseId: created.id,
        fileName: 'x.pdf',
        content: [37, 80, 68, 70],
      }),
    ).toBe('VALIDATION')
  })

  it('saves a copy only where the user chose, byte for byte, owner-readable only, and audits it', async () => {
    const { host, files } = await staffedHost('bilal')
    const created = await createCase(host)
    const added = await call<AttachmentSummary>(host, 'attachments:add', {
      caseId: created.id,
      fileName: '../../etc/statement.pdf',
      content: new Uint8Array(PDF),
    })
    expect(added.fileName).toBe('statement.pdf')
    files.cancelNextSave()
    expect(await call(host, 'attachments:saveAs', { id: added.id })).toBe(false)
    expect(files.saved).toEqual([])
    expect(await call(host, 'attachments:saveAs', { id: added.id })).toBe(true)
    expect(readFileSync(files.saved[0]!).equals(PDF)).toBe(true)
    if (process.platform !== 'win32') expect(statSync(files.saved[0]!).mode & 0o077).toBe(0)
    await signInAs(host, 'amara')
    const actions = (await call<{ action: string }[]>(host, 'audit:list', { limit: 20 })).map(
      (entry) => entry.action,
    )
    expect(actions.filter((action) => action === 'attachment.exported')).toHaveLength(1)
  })

  it('hides another caseworker’s attachments and lets only the case’s users remove them', async () => {
    const { host } = await staffedHost('bilal')
    const created = await createCase(host)
    const added = await call<AttachmentSummary>(host, 'attachments:add', {
      caseId: created.id,
      fileName: 'a.pdf',
      content: new Uint8Array(PDF),
    })
    await signInAs(host, 'chen')
    expect(await errorCode(host, 'attachments:saveAs', { id: added.id })).toBe('FORBIDDEN')
    expect(await errorCode(host, 'attachments:remove', { id: added.id })).toBe('FORBIDDEN')
    await signInAs(host, 'bilal')
    await call(host, 'attachments:remove', { id: added.id })
    expect(await call(host, 'attachments:list', { caseId: created.id })).toEqual([])
  })

  it('cleans file names', () => {
    expect(safeFileName('C:\\Users\\x\\report?.pdf')).toBe('report_.pdf')
    expect(safeFileName('...hidden')).toBe('hidden')
    expect(safeFileName('')).toBe('attachment')
  })
})

describe('perpetrators', () => {
  it('adds a perpetrator, links the same person to a second case, and finds them by name', async () => {
    const { host } = await staffedHost('dana')
    const first = await createCase(host)
    const second = await createCase(host, survivorCase({ survivor: { prs_FirstName: 'Iryna' } }))
    const added = await call<CasePerpetrator>(host, 'perpetrators:add', {
      caseId: first.id,
      person: { prs_FirstName: 'Viktor', prs_SecondName: 'Hale' },
      aliases: ['The Driver'],
      context: { per_RoleInProcess: ['Transporter'] },
    })
    expect(added).toMatchObject({
      displayName: 'Viktor Hale',
      context: { per_RoleInProcess: ['Transporter'] },
      otherCaseCount: 0,
    })
    const matches = await call<PerpetratorMatch[]>(host, 'perpetrators:find', { query: 'viktor' })
    expect(matches).toEqual([{ personId: added.personId, displayName: 'Viktor Hale', caseCount: 1 }])
    const linked = await call<CasePerpetrator>(host, 'perpetrators:add', {
      caseId: second.id,
      existingPersonId: added.personId,
      context: { per_RoleInProcess: ['RecruiterOrIntermediary'] },
    })
    expect(linked.otherCaseCount).toBe(1)
    expect(
      await errorCode(host, 'perpetrators:add', { caseId: second.id, existingPersonId: added.personId }),
    ).toBe('CONFLICT')
    const hits = await call<CaseSearchHit[]>(host, 'cases:search', { query: 'Driver' })
    expect(hits.map((hit) => hit.id).sort()).toEqual([first.id, second.id].sort())
  })

  it('validates the perpetrator context against HTCDS and deletes a person left in no case', async () => {
    const { host } = await staffedHost('dana')
    const created = await createCase(host)
    expect(
      await errorCode(host, 'perpetrators:add', {
        caseId: created.id,
        person: { prs_FirstName: 'X' },
        context: { per_RoleInProcess: ['Wizard'] },
      }),
    ).toBe('VALIDATION')
    const added = await call<CasePerpetrator>(host, 'perpetrators:add', {
      caseId: created.id,
      person: { prs_FirstName: 'Marek' },
    })
    await call(host, 'perpetrators:unlink', { caseId: created.id, personId: added.personId })
    expect(await call(host, 'perpetrators:find', { query: 'Marek' })).toEqual([])
  })
})
