// Support plans and case attachments: defects found by a reviewing helper. Each test failed on
// the code before its fix, and states the behaviour a caseworker should get.
import { describe, expect, it } from 'vitest'
import JSZip from 'jszip'
import { call } from './support/temp-vault'
import { createCase, staffedHost } from './support/case-fixtures'
import type { AttachmentSummary, SupportPlan } from '../../main/api/contract'

const text = (value: string) => new TextEncoder().encode(value)

async function resultOf(promise: Promise<{ ok: boolean; value?: unknown; error?: { code: string } }>) {
  const result = await promise
  return result.ok ? 'OK' : result.error!.code
}

describe('a support plan’s actual end date', () => {
  // User: a caseworker discontinues a plan and types 1026 for 2026 in "Actual end date". What
  // happens: main saves it (only "in the future" is checked; a discontinued plan skips the
  // end-before-start rule), though every other date of a case refuses a year before 1950 and the
  // import refuses this very plan (casework-check.ts inRange on spl_ActualEndDate): moving the
  // vault's records to a new vault then leaves this case behind. Should: VALIDATION on
  // actualEndDate (date_too_early), as referrals' and consents' dates.
  it('is refused when before 1950, as the import and every other date of a case refuse it', async () => {
    const { host } = await staffedHost('bilal')
    const { id: caseId } = await createCase(host)
    const plan = await call<SupportPlan>(host, 'referrals:createSupportPlan', {
      caseId,
      type: 'Legal',
      objectives: 'Claim unpaid wages',
      startDate: '2026-03-22',
    })
    const result = await host.dispatch('referrals:updateSupportPlan', {
      id: plan.id,
      version: plan.version,
      type: 'Legal',
      objectives: 'Claim unpaid wages',
      startDate: '2026-03-22',
      status: 'discontinued',
      actualEndDate: '1026-03-25',
      outcome: 'Survivor moved away',
    })
    expect(result.ok ? 'saved' : result.error.code).toBe('VALIDATION')
  })
})

describe('HEIF pictures', () => {
  // User: a caseworker attaches a photo of a survivor's document saved as .heif (major brand
  // "mif1", the HEIF standard's own still-image brand, written by cameras and HEIF tools). What
  // happens: file-type names it image/heif, which attachment-types.ts neither lists nor maps to
  // image/heic (SAME_TYPE maps only audio aliases), so it is refused with "only documents,
  // pictures and sound recordings are accepted" — about a picture, though EXTENSIONS itself
  // lists "heif" as an extension of image/heic. Should: accepted as a picture.
  it('accepts a HEIF still image whose major brand is mif1', async () => {
    const { host } = await staffedHost('bilal')
    const { id: caseId } = await createCase(host)
    const box = (type: string, body: Buffer) => {
      const bytes = Buffer.alloc(8 + body.length)
      bytes.writeUInt32BE(8 + body.length, 0)
      bytes.write(type, 4, 'latin1')
      body.copy(bytes, 8)
      return bytes
    }
    const ftyp = box('ftyp', Buffer.concat([Buffer.from('mif1'), Buffer.alloc(4), Buffer.from('mif1heic')]))
    const content = new Uint8Array(Buffer.concat([ftyp, box('meta', Buffer.alloc(64))]))
    const result = await host.dispatch('attachments:add', { caseId, fileName: 'passport-scan.heif', content })
    expect(result.ok ? (result.value as AttachmentSummary).mediaType.split('/')[0] : result.error.code).toBe(
      'image',
    )
  })
})

describe('what counts as plain text', () => {
  // User/security reviewer: the screen says "Programs, scripts and archives are refused", and the
  // code's rule is "plain text: valid UTF-8 without control characters". What happens: only the
  // first 64 KB are looked at (attachment-types.ts looksLikePlainText), so a ZIP archive holding
  // a program, behind 64 KB of text, is accepted, listed as "Text" and handed back byte for byte.
  // Should: VALIDATION (type_not_allowed), nothing stored.
  it('refuses an archive hidden behind 64 KB of text', async () => {
    const { host } = await staffedHost('bilal')
    const { id: caseId } = await createCase(host)
    const zip = new JSZip()
    zip.file('setup.exe', Buffer.concat([Buffer.from('MZ'), Buffer.alloc(2000, 0x90)]))
    const archive = await zip.generateAsync({ type: 'uint8array' })
    const prefix = text('Statement of the survivor. '.repeat(2500)) // > 64 KB of text
    expect(prefix.byteLength).toBeGreaterThan(64 * 1024)
    const content = new Uint8Array(prefix.byteLength + archive.byteLength)
    content.set(prefix)
    content.set(archive, prefix.byteLength)
    // A real archive still: the program can be taken out of it.
    expect(Object.keys((await JSZip.loadAsync(content)).files)).toContain('setup.exe')

    const code = await resultOf(host.dispatch('attachments:add', { caseId, fileName: 'notes.txt', content }))
    const listed = await call<AttachmentSummary[]>(host, 'attachments:list', { caseId })
    expect({ code, listed: listed.map((one) => one.mediaType) }).toEqual({ code: 'VALIDATION', listed: [] })
  })
})

describe('a case deleted while one of its files is being attached', () => {
  // User: a supervisor starts attaching a large scan, then (same window, another click) deletes the
  // case as a duplicate. What happens: the type check awaits, the deletion runs meanwhile, and the
  // INSERT then fails on the foreign key: INTERNAL, "Something went wrong", where the lock race
  // right beside it answers LOCKED. Should: NOT_FOUND ("This case does not exist"), nothing stored.
  it('answers NOT_FOUND, not INTERNAL', async () => {
    const { host } = await staffedHost('amara')
    const { id: caseId } = await createCase(host)
    const content = new Uint8Array(
      Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n'),
    )
    const adding = host.dispatch('attachments:add', { caseId, fileName: 'scan.pdf', content })
    const deleting = host.dispatch('cases:delete', { id: caseId, reason: 'duplicate' })
    const [added, deleted] = await Promise.all([adding, deleting])
    expect(deleted.ok).toBe(true)
    expect(added.ok ? 'OK' : added.error.code).toBe('NOT_FOUND')
  })
})
