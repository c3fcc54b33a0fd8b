import { createHash } from 'node:crypto'
import { cutToFit } from '../file-name-slug'
import { CaseVaultError } from '../errors'
import type { VaultSession } from '../vault/vault-session'
import { MAX_ATTACHMENT_BYTES, type AttachmentSummary } from '../../api/contract/case-parts'
import { nameForType, sniffMediaType } from './attachment-types'
import { wipeWriteAheadLog } from '../db/connection'

/** Room, within the 255 bytes a file name may have, for the temporary name a save adds (21 bytes). */
const MAX_NAME_BYTES = 180
// Right-to-left and isolate marks: "invoice\u202Etxt.exe" shows as "invoiceexe.txt".
const BIDI_CONTROLS = /[\u200E\u200F\u202A-\u202E\u2066-\u2069]/gu
// Compared on the part before the first dot, trailing spaces and dots dropped, as Windows does:
// "CON .txt" and "COM¹.txt" (superscript digits are reserved too) are devices, not files.
const WINDOWS_DEVICE = /^(con|prn|aux|nul|conin\$|conout\$|com[0-9¹²³]|lpt[0-9¹²³])$/i
const isWindowsDevice = (name: string) => WINDOWS_DEVICE.test(name.split('.')[0]!.replace(/[ .]+$/, ''))

/**
 * Strips folders and characters that are unsafe in file names on any OS; keeps the user's name
 * readable. Found by a reviewing helper: bidi marks (a disguised extension), C1 controls, Windows
 * device names (CON, nul.txt), trailing dots and names over 255 bytes (180 Cyrillic letters, which
 * could then not be saved out) were kept.
 */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? 'attachment'
  let cleaned = [...base.normalize('NFC').replace(BIDI_CONTROLS, '')]
    .map((char) => {
      const code = char.codePointAt(0)!
      return code < 0x20 || (code >= 0x7f && code <= 0x9f) || '<>:"|?*'.includes(char) ? '_' : char
    })
    .join('')
    .replace(/^\.+/, '')
    .trim()
    .replace(/[. ]+$/, '')
  if (isWindowsDevice(cleaned)) cleaned = `_${cleaned}`
  return withinBytes(cleaned, MAX_NAME_BYTES) || 'attachment'
}

/** Cut to `max` UTF-8 bytes, the extension (if short) kept. */
function withinBytes(name: string, max: number): string {
  if (Buffer.byteLength(name) <= max) return name
  const dot = name.lastIndexOf('.')
  const extension = dot > 0 && name.length - dot <= 16 ? name.slice(dot) : ''
  const stem = cutToFit(name.slice(0, name.length - extension.length), max - Buffer.byteLength(extension))
  return stem.replace(/[. ]+$/, '') + extension
}

interface AttachmentRow {
  id: number
  case_id: number
  file_name: string
  media_type: string
  size_bytes: number
  sha256: string
  created_at: string
  created_by_name: string | null
}

function rowToSummary(row: AttachmentRow): AttachmentSummary {
  return {
    id: row.id,
    caseId: row.case_id,
    fileName: row.file_name,
    mediaType: row.media_type,
    sizeBytes: row.size_bytes,
    sha256: row.sha256,
    createdAt: row.created_at,
    createdByName: row.created_by_name,
  }
}

const SELECT = `SELECT a.id, a.case_id, a.file_name, a.media_type, a.size_bytes, a.sha256, a.created_at,
  u.display_name AS created_by_name FROM attachments a LEFT JOIN users u ON u.id = a.created_by`

export function createAttachmentService(session: VaultSession) {
  const list = session.db.prepare<[number], AttachmentRow>(`${SELECT} WHERE a.case_id = ? ORDER BY a.id`)
  const one = session.db.prepare<[number], AttachmentRow>(`${SELECT} WHERE a.id = ?`)
  const content = session.db.prepare<[number], { content: Buffer }>(
    'SELECT content FROM attachments WHERE id = ?',
  )
  const insert = session.db.prepare(
    `INSERT INTO attachments (case_id, file_name, media_type, size_bytes, sha256, content, created_by, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  const remove = session.db.prepare('DELETE FROM attachments WHERE id = ?')
  const caseExists = session.db.prepare<[number], number>('SELECT 1 FROM cases WHERE id = ?').pluck()
  const audit = (action: string, caseId: number, details: Record<string, unknown>) =>
    session.audit.append({ actor: session.user.username, action, target: `case:${caseId}`, details })

  return {
    list(caseId: number): AttachmentSummary[] {
      return list.all(caseId).map(rowToSummary)
    },
    find(id: number): AttachmentSummary {
      const row = one.get(id)
      if (!row) throw new CaseVaultError('NOT_FOUND', 'This attachment does not exist.')
      return rowToSummary(row)
    },
    async add(caseId: number, fileName: string, bytes: Uint8Array): Promise<AttachmentSummary> {
      if (bytes.byteLength > MAX_ATTACHMENT_BYTES) {
        throw new CaseVaultError('VALIDATION', 'The file is larger than 25 MB.', {
          field: 'content',
          reason: 'too_large',
        })
      }
      const mediaType = await sniffMediaType(bytes)
      // Locked while the file was looked at: its database is closed (this answered INTERNAL).
      if (!session.db.open) throw new CaseVaultError('LOCKED', 'The vault was locked.')
      // Deleted while the file was looked at (a duplicate removed in the meantime): the insert
      // failed on its foreign key and answered INTERNAL.
      if (!caseExists.get(caseId)) throw new CaseVaultError('NOT_FOUND', 'This case does not exist.')
      if (!mediaType) {
        throw new CaseVaultError(
          'VALIDATION',
          'This kind of file cannot be attached (documents and pictures only).',
          { field: 'content', reason: 'type_not_allowed' },
        )
      }
      const sha256 = createHash('sha256').update(bytes).digest('hex')
      const id = session.db.transaction(() => {
        const attachmentId = Number(
          insert.run(
            caseId,
            nameForType(safeFileName(fileName), mediaType),
            mediaType,
            bytes.byteLength,
            sha256,
            Buffer.from(bytes),
            session.user.id,
            session.clock().toISOString(),
          ).lastInsertRowid,
        )
        audit('attachment.added', caseId, { attachmentId, mediaType, sizeBytes: bytes.byteLength })
        return attachmentId
      })()
      return rowToSummary(one.get(id)!)
    },
    /** The bytes, for writing to a place the user chose; `exported` once they are written. */
    contentFor(id: number): { summary: AttachmentSummary; bytes: Buffer } {
      const summary = this.find(id)
      return { summary, bytes: content.get(id)!.content }
    },
    /**
     * Audits a copy written out: after the write, never before. A failed write (a full stick, a
     * pulled cable) had been logged as an export, naming a caseworker who never got the file.
     */
    exported(summary: AttachmentSummary): void {
      audit('attachment.exported', summary.caseId, { attachmentId: summary.id })
    },
    remove(id: number): void {
      const summary = this.find(id)
      session.db.transaction(() => {
        remove.run(id)
        audit('attachment.removed', summary.caseId, { attachmentId: id })
      })()
      wipeWriteAheadLog(session.db)
    },
  }
}
