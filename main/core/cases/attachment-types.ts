import { fileTypeFromBuffer } from 'file-type'
import { ATTACHMENT_EXTENSIONS } from '../../api/contract/attachment-types'

// How file-type names the commonest phone recordings (an iPhone voice memo, a WhatsApp voice
// note) and HEIF pictures whose brand is the standard's own (mif1), not Apple's (heic).
const SAME_TYPE: Record<string, string> = {
  'image/heif': 'image/heic',
  'audio/x-m4a': 'audio/mp4',
  'audio/ogg; codecs=opus': 'audio/ogg',
  'audio/opus': 'audio/ogg',
  'audio/x-wav': 'audio/wav',
  'audio/vnd.wave': 'audio/wav',
}

/**
 * The text's encoding, by its byte-order mark: Windows Notepad's "Unicode" (and many Windows
 * tools' text export) is UTF-16 with a BOM, refused as "not a document" while it was read as
 * UTF-8. Without a BOM, UTF-8 only: BOM-less UTF-16 cannot be told from binary data.
 */
function textEncodingOf(bytes: Uint8Array): 'utf-8' | 'utf-16le' | 'utf-16be' {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le'
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be'
  return 'utf-8'
}

/**
 * Plain text has no magic number: accept valid UTF-8 (or BOM-marked UTF-16) without control
 * characters other than whitespace. The whole file is read (25 MB at most, tens of milliseconds):
 * a look at its first 64 KB let a ZIP archive holding a program through behind 64 KB of text,
 * listed as "Text". Decoding is fatal, so an odd byte count or a lone surrogate is not text.
 */
function looksLikePlainText(bytes: Uint8Array): boolean {
  try {
    const text = new TextDecoder(textEncodingOf(bytes), { fatal: true }).decode(bytes)
    // eslint-disable-next-line no-control-regex -- control characters are exactly what marks binary data
    return !/[\u0000-\u0008\u000B\u000E-\u001F]/.test(text)
  } catch {
    return false
  }
}

/**
 * The file's type by its content, as one of ATTACHMENT_EXTENSIONS' keys (the contract's table,
 * which the renderer's file picker offers too); null when it may not be attached.
 */
export async function sniffMediaType(bytes: Uint8Array): Promise<string | null> {
  const detected = await fileTypeFromBuffer(bytes)
  if (detected) {
    const mime = SAME_TYPE[detected.mime] ?? detected.mime
    return Object.hasOwn(ATTACHMENT_EXTENSIONS, mime) ? mime : null
  }
  return looksLikePlainText(bytes) ? 'text/plain' : null
}

/**
 * The name with an extension that agrees with the content: "statement.bat" holding text becomes
 * "statement.bat.txt". Text is accepted by content alone, and "Save a copy…" gave a script back
 * under a name that runs it on a double-click (.bat, .hta, .svg, .html).
 */
export function nameForType(name: string, mediaType: string): string {
  const allowed = ATTACHMENT_EXTENSIONS[mediaType] ?? []
  const dot = name.lastIndexOf('.')
  const extension = dot > 0 ? name.slice(dot + 1).toLowerCase() : ''
  return allowed.includes(extension) || allowed.length === 0 ? name : `${name}.${allowed[0]}`
}
