// Case parts hunt (reviewing helper): comments, attachments and a case's History, against a real
// encrypted vault through the API host. Each test states what should happen and failed before its fix.
import { describe, expect, it } from 'vitest'
import { call } from './support/temp-vault'
import { createCase, signInAs, staffedHost, survivorCase } from './support/case-fixtures'
import type { AttachmentSummary } from '../../main/api/contract'

type Host = Awaited<ReturnType<typeof staffedHost>>['host']

async function reassignTo(host: Host, caseId: number, username: string): Promise<void> {
  await signInAs(host, 'amara')
  const full = await call<{ version: number }>(host, 'cases:get', { id: caseId })
  const users = await call<{ id: number; username: string }[]>(host, 'users:list')
  const assignee = users.find((user) => user.username === username)!.id
  await call(host, 'cases:update', {
    ...survivorCase(),
    id: caseId,
    version: full.version,
    assignedUserId: assignee,
  })
}

describe('a comment or file added to a case handed to another caseworker', () => {
  // Bilal has the case open with a comment typed; a supervisor hands the case to Chen meanwhile.
  // Bilal's "Add comment" (or "Attach a file") is refused with FORBIDDEN and no details, so the
  // screen says "Your role does not allow this action." (error-message.ts maps only a FORBIDDEN
  // with details.reason 'not_assigned' to "This is assigned to someone else…"). His role does
  // allow comments: he is sent to ask for a role change when what he needs is the case. Referrals
  // and screenings already carry the reason (referral-access.ts, assessment-service.ts); the
  // case refusal does not (main/core/cases/case-access.ts:31).
  it('is refused as FORBIDDEN with the reason "not assigned", so the screen can say whose case it is', async () => {
    const { host } = await staffedHost('bilal')
    const { id: caseId } = await createCase(host)
    await reassignTo(host, caseId, 'chen')
    await signInAs(host, 'bilal')
    const comment = await host.dispatch('comments:add', { caseId, body: 'Called her sister today' })
    const file = await host.dispatch('attachments:add', {
      caseId,
      fileName: 'note.txt',
      content: new TextEncoder().encode('note'),
    })
    expect(comment.ok ? null : [comment.error.code, comment.error.details?.reason]).toEqual([
      'FORBIDDEN',
      'not_assigned',
    ])
    expect(file.ok ? null : [file.error.code, file.error.details?.reason]).toEqual([
      'FORBIDDEN',
      'not_assigned',
    ])
  })
})

describe('a plain-text statement saved by Windows Notepad as "Unicode"', () => {
  // Notepad's "Unicode" encoding (and many Windows tools' text export) is UTF-16 LE with a byte
  // order mark. The file is unmistakably text, named .txt and offered by the file picker, but
  // looksLikePlainText (main/core/cases/attachment-types.ts:44-50) only decodes UTF-8, so the
  // caseworker reads "statement.txt cannot be attached: only documents, pictures and sound
  // recordings are accepted" — a misleading refusal of a document. A BOM-marked UTF-16 file
  // should be accepted as text (and saved out byte for byte).
  it('is accepted as text, stored byte for byte', async () => {
    const { host } = await staffedHost('bilal')
    const { id: caseId } = await createCase(host)
    const bytes = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from('Statement, 14 March: she was recruited in Odesa by a “friend”.\r\n', 'utf16le'),
    ])
    const result = await host.dispatch('attachments:add', {
      caseId,
      fileName: 'statement.txt',
      content: new Uint8Array(bytes),
    })
    expect(result.ok ? (result.value as AttachmentSummary).mediaType : result.error.code).toBe('text/plain')
  })
})
