// Attachments' names, and a lock while one is added. Found by a reviewing helper (each failed
// before): a 180-letter Cyrillic name (360 bytes) was kept and could then not be saved out
// (INTERNAL); bidi marks that disguise an extension, C1 controls, Windows device names and trailing
// dots were kept in a name meant to be safe on any OS; and a lock while the file's type was checked
// answered INTERNAL instead of LOCKED.
import { describe, expect, it } from 'vitest'
import { call } from './support/temp-vault'
import { createCase, signInAs, staffedHost } from './support/case-fixtures'
import type { AttachmentSummary } from '../../main/api/contract'

const text = (value: string) => new TextEncoder().encode(value)

describe('attachment file names', () => {
  it('keeps a long non-Latin name short enough to save out, and saving it works', async () => {
    // 180 Cyrillic letters: 360 bytes in UTF-8, over the 255-byte name limit of ext4, APFS, NTFS…
    const { host } = await staffedHost('bilal')
    const { id: caseId } = await createCase(host)
    const fileName = 'Заява_про_надання_статусу_жертви_торгівлі_людьми_'.repeat(4).slice(0, 180) + '.txt'
    const added = await call<AttachmentSummary>(host, 'attachments:add', {
      caseId,
      fileName,
      content: text('statement'),
    })
    const saved = await host.dispatch('attachments:saveAs', { id: added.id })
    expect({
      fitsIn255Bytes: Buffer.byteLength(added.fileName, 'utf8') <= 255,
      keepsExtension: added.fileName.endsWith('.txt'),
      saved: saved.ok ? saved.value : saved.error.code,
    }).toEqual({ fitsIn255Bytes: true, keepsExtension: true, saved: true })
  })

  it('drops bidirectional overrides and makes Windows-reserved names and trailing dots safe', async () => {
    const { host } = await staffedHost('bilal')
    const { id: caseId } = await createCase(host)
    const stored: string[] = []
    for (const fileName of ['invoice\u202Etxt.exe', 'CON', 'nul.txt', 'notes.txt.', 'a\u0085b.txt']) {
      const added = await call<AttachmentSummary>(host, 'attachments:add', {
        caseId,
        fileName,
        content: text('hello'),
      })
      stored.push(added.fileName)
    }
    const unsafe = stored.filter(
      (name) =>
        /[\u0080-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069]/.test(name) ||
        /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i.test(name) ||
        /[. ]$/.test(name),
    )
    expect(unsafe).toEqual([])
  })
})

describe('a lock while an attachment is being added', () => {
  it('answers LOCKED and stores nothing', async () => {
    const { host } = await staffedHost('bilal')
    const { id: caseId } = await createCase(host)
    const adding = host.dispatch('attachments:add', {
      caseId,
      fileName: 'statement.txt',
      content: new TextEncoder().encode('Interview notes'),
    })
    host.lock('idle')
    const result = await adding
    await signInAs(host, 'bilal')
    const stored = await call<AttachmentSummary[]>(host, 'attachments:list', { caseId })
    expect({ code: result.ok ? 'OK' : result.error.code, stored: stored.length }).toEqual({
      code: 'LOCKED',
      stored: 0,
    })
  })
})
