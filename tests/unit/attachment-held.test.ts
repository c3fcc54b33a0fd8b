// Case attachments: what a reviewing helper tried to break and found holding. Kept as regression
// tests: access by role and assignment, hostile payloads, the size limit, exact bytes out, erasure
// from the database file, backup and restore, a save into the vault's folder or after a lock.
import { describe, expect, it } from 'vitest'
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { ADMIN, call, errorCode, restoreOverNewerWork } from './support/temp-vault'
import { createCase, signInAs, staffedHost, survivorCase } from './support/case-fixtures'
import { decryptAllPages } from './support/sqlcipher-pages'
import { parseRecoveryKey } from '../../main/core/vault/recovery-key'
import { MAX_ATTACHMENT_BYTES, type AttachmentSummary } from '../../main/api/contract'

type Host = Awaited<ReturnType<typeof staffedHost>>['host']
const text = (value: string) => new TextEncoder().encode(value)
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n')

const attach = (host: Host, caseId: number, fileName: string, content: Uint8Array) =>
  call<AttachmentSummary>(host, 'attachments:add', { caseId, fileName, content })

async function auditActions(host: Host) {
  return call<{ action: string; details: unknown }[]>(host, 'audit:list', { limit: 200 })
}

describe('who may see a case’s attachments', () => {
  it('refuses other caseworkers and analysts, follows a reassignment, and writes nothing for them', async () => {
    const { host, files } = await staffedHost('bilal')
    const { id: caseId } = await createCase(host)
    const added = await attach(host, caseId, 'passport.pdf', new Uint8Array(PDF))
    const tryAll = async () => [
      await errorCode(host, 'attachments:list', { caseId }),
      await errorCode(host, 'attachments:add', { caseId, fileName: 'x.txt', content: text('x') }),
      await errorCode(host, 'attachments:saveAs', { id: added.id }),
      await errorCode(host, 'attachments:remove', { id: added.id }),
    ]
    await signInAs(host, 'chen')
    expect(await tryAll()).toEqual(['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'])
    await signInAs(host, 'eli')
    expect(await tryAll()).toEqual(['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'])
    await signInAs(host, 'dana')
    expect(await call<AttachmentSummary[]>(host, 'attachments:list', { caseId })).toHaveLength(1)
    // The admin hands the case to Chen: Bilal loses it, Chen gets it.
    await signInAs(host, 'amara')
    const full = await call<{ version: number }>(host, 'cases:get', { id: caseId })
    const users = await call<{ id: number; username: string }[]>(host, 'users:list')
    const chen = users.find((user) => user.username === 'chen')!.id
    await call(host, 'cases:update', {
      ...survivorCase(),
      id: caseId,
      version: full.version,
      assignedUserId: chen,
    })
    await signInAs(host, 'bilal')
    expect(await tryAll()).toEqual(['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'])
    expect(files.saved).toEqual([])
    await signInAs(host, 'chen')
    expect(await call<AttachmentSummary[]>(host, 'attachments:list', { caseId })).toHaveLength(1)
  })
})

describe('hostile payloads', () => {
  it('answers VALIDATION (never INTERNAL) and stores nothing', async () => {
    const { host } = await staffedHost('bilal')
    const { id: caseId } = await createCase(host)
    const ok = { caseId, fileName: 'a.txt', content: text('hello') }
    const adds: unknown[] = [
      undefined,
      null,
      [],
      'a.txt',
      { ...ok, caseId: -1 },
      { ...ok, caseId: 0 },
      { ...ok, caseId: 1.5 },
      { ...ok, caseId: String(caseId) },
      { ...ok, caseId: 2 ** 53 + 2 },
      { ...ok, caseId: 1e308 },
      { ...ok, caseId: Number.NaN },
      { ...ok, caseId: Number.POSITIVE_INFINITY },
      { ...ok, fileName: 42 },
      { ...ok, fileName: '   ' },
      { ...ok, fileName: 'a'.repeat(256) },
      { ...ok, content: 'aGVsbG8=' },
      { ...ok, content: [104, 105] },
      { ...ok, content: { 0: 104, length: 1, byteLength: 1 } },
      { ...ok, content: new Uint8Array(0) },
      { ...ok, content: new Uint16Array([104, 105]) },
      JSON.parse(`{"__proto__": {"caseId": ${caseId}, "fileName": "a.txt"}, "content": "x"}`),
      JSON.parse('{"constructor": {"prototype": {"isAdmin": true}}}'),
    ]
    const codes = new Set<string>()
    for (const input of adds) codes.add(await errorCode(host, 'attachments:add', input))
    for (const id of [-1, 0, 1.5, 2 ** 53 + 2, 1e308, '1', null])
      for (const channel of ['attachments:saveAs', 'attachments:remove'])
        codes.add(await errorCode(host, channel, { id }))
    expect([...codes]).toEqual(['VALIDATION'])
    expect(await call(host, 'attachments:list', { caseId })).toEqual([])
    // An id that does not exist is NOT_FOUND; extra keys (a claimed media type) are dropped unread.
    expect(await errorCode(host, 'attachments:saveAs', { id: 987654 })).toBe('NOT_FOUND')
    const claimed = await call<AttachmentSummary>(host, 'attachments:add', {
      ...ok,
      content: new Uint8Array(PDF),
      mediaType: 'application/x-msdownload',
      sha256: '0'.repeat(64),
    })
    expect([claimed.mediaType, claimed.sha256]).toEqual([
      'application/pdf',
      createHash('sha256').update(PDF).digest('hex'),
    ])
  })
})

describe('the size limit', () => {
  it('refuses one byte over 25 MB with VALIDATION, writes no row, no audit, no file; takes exactly 25 MB', async () => {
    const { host, dataDir } = await staffedHost('bilal')
    const { id: caseId } = await createCase(host)
    const before = readdirSync(dataDir).sort()
    const tooBig = new Uint8Array(MAX_ATTACHMENT_BYTES + 1).fill(0x61)
    const refused = await host.dispatch('attachments:add', { caseId, fileName: 'big.txt', content: tooBig })
    expect(refused.ok ? 'OK' : refused.error.code).toBe('VALIDATION')
    expect(await call(host, 'attachments:list', { caseId })).toEqual([])
    expect(readdirSync(dataDir).sort()).toEqual(before)
    const justFits = await attach(host, caseId, 'fits.txt', tooBig.subarray(1))
    expect(justFits.sizeBytes).toBe(MAX_ATTACHMENT_BYTES)
    await signInAs(host, 'amara')
    expect((await auditActions(host)).filter((e) => e.action === 'attachment.added')).toHaveLength(1)
  })
})

describe('saving a copy out', () => {
  it('writes exactly the bytes of a view with an offset, and audits no file name', async () => {
    const { host, files } = await staffedHost('bilal')
    const { id: caseId } = await createCase(host)
    const backing = Buffer.concat([Buffer.from('JUNK BEFORE'), PDF, Buffer.from('JUNK AFTER')])
    const view = new Uint8Array(backing.buffer, backing.byteOffset + 11, PDF.length)
    const added = await attach(host, caseId, 'Olena Kovalenko passport.pdf', view)
    expect(added.sha256).toBe(createHash('sha256').update(PDF).digest('hex'))
    expect(await call(host, 'attachments:saveAs', { id: added.id })).toBe(true)
    expect(readFileSync(files.saved[0]!).equals(PDF)).toBe(true)
    await call(host, 'attachments:remove', { id: added.id })
    await signInAs(host, 'amara')
    const entries = (await auditActions(host)).filter((e) => e.action.startsWith('attachment.'))
    expect(entries.map((e) => e.action).sort()).toEqual([
      'attachment.added',
      'attachment.exported',
      'attachment.removed',
    ])
    expect(JSON.stringify(entries)).not.toMatch(/Olena|Kovalenko|passport/i)
  })

  it('refuses a place inside the vault’s own folder, and a lock while the dialog is open', async () => {
    const { host, files, dataDir } = await staffedHost('bilal')
    const { id: caseId } = await createCase(host)
    const added = await attach(host, caseId, 'a.pdf', new Uint8Array(PDF))
    const choose = files.files.chooseSaveLocation
    files.files.chooseSaveLocation = async () => join(dataDir, 'a.pdf')
    expect(await errorCode(host, 'attachments:saveAs', { id: added.id })).toBe('FILE_IN_VAULT_FOLDER')
    files.files.chooseSaveLocation = async (name) => {
      host.lock('idle')
      return join(files.folder, name)
    }
    expect(await errorCode(host, 'attachments:saveAs', { id: added.id })).toBe('LOCKED')
    files.files.chooseSaveLocation = choose
    expect(files.saved).toEqual([])
    expect(existsSync(join(dataDir, 'a.pdf'))).toBe(false)
    await signInAs(host, 'amara')
    expect((await auditActions(host)).some((e) => e.action === 'attachment.exported')).toBe(false)
  })
})

describe('concurrent adds', () => {
  it('stores each of six files added at once, each with its own bytes', async () => {
    const { host, files } = await staffedHost('bilal')
    const { id: caseId } = await createCase(host)
    const bodies = Array.from({ length: 6 }, (_, i) => `statement ${i} `.repeat(2000 + i * 500))
    const added = await Promise.all(bodies.map((body, i) => attach(host, caseId, `s${i}.txt`, text(body))))
    expect(new Set(added.map((a) => a.id)).size).toBe(6)
    for (const [i, summary] of added.entries()) {
      await call(host, 'attachments:saveAs', { id: summary.id })
      expect(readFileSync(files.saved.at(-1)!, 'utf8')).toBe(bodies[i])
    }
    expect(await call<AttachmentSummary[]>(host, 'attachments:list', { caseId })).toHaveLength(6)
  })
})

describe('erasure from the database file', () => {
  async function pagesAfter(erase: (host: Host, caseId: number, attachmentId: number) => Promise<void>) {
    const { host, dataDir, recoveryKey } = await staffedHost('bilal')
    const kept = await createCase(host)
    const gone = await createCase(host)
    // Several pages long: the content sits in overflow pages, which secure_delete must also clear.
    await attach(host, kept.id, 'kept.txt', text('Keptmarkerword '.repeat(3000)))
    const added = await attach(host, gone.id, 'Zyxwquartzname.txt', text('Erasedmarkerword '.repeat(3000)))
    await erase(host, gone.id, added.id)
    await call(host, 'vault:lock')
    const plaintext = Buffer.concat(
      decryptAllPages(join(dataDir, 'casevault.db'), parseRecoveryKey(recoveryKey)),
    )
    return {
      liveVisible: plaintext.includes(Buffer.from('Keptmarkerword')),
      erasedContent: plaintext.includes(Buffer.from('Erasedmarkerword')),
      erasedName: plaintext.includes(Buffer.from('Zyxwquartzname')),
      walLeft: existsSync(join(dataDir, 'casevault.db-wal')),
    }
  }
  const none = { liveVisible: true, erasedContent: false, erasedName: false, walLeft: false }

  it('leaves nothing of a removed attachment in any page', async () => {
    expect(await pagesAfter((host, _caseId, id) => call(host, 'attachments:remove', { id }))).toEqual(none)
  })

  it('leaves nothing of a deleted case’s attachments in any page', async () => {
    const found = await pagesAfter(async (host, caseId) => {
      await signInAs(host, 'amara')
      await call(host, 'cases:delete', { id: caseId, reason: 'survivorRequest' })
    })
    expect(found).toEqual(none)
  })
})

describe('backup and restore', () => {
  it('brings back attachments byte for byte, and counts a removal since the backup as newer work', async () => {
    const passphrase = 'velvet compass hums over eleven salt marshes'
    const { host, files } = await staffedHost('bilal')
    const { id: caseId } = await createCase(host)
    const added = await attach(host, caseId, 'statement.pdf', new Uint8Array(PDF))
    await signInAs(host, 'amara')
    const made = await call<{ counts: Record<string, number> }>(host, 'backup:create', { passphrase })
    expect(made.counts.attachments).toBe(1)
    await call(host, 'attachments:remove', { id: added.id })
    await restoreOverNewerWork(host, { passphrase })
    await call(host, 'vault:unlock', { username: 'amara', passphrase: ADMIN.passphrase })
    const back = await call<AttachmentSummary[]>(host, 'attachments:list', { caseId })
    expect(back.map((a) => [a.fileName, a.sha256])).toEqual([[added.fileName, added.sha256]])
    await call(host, 'attachments:saveAs', { id: back[0]!.id })
    expect(readFileSync(files.saved.at(-1)!).equals(PDF)).toBe(true)
  })
})
