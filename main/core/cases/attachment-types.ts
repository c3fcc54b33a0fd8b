import { fileTypeFromBuffer } from 'file-type'

/**
 * What a caseworker may attach: documents, pictures and sound recordings, each type with the
 * file-name extensions it may carry (the first is added to a name that has none of them).
 * Anything that can run (executables, scripts, installers, archives that may hide them) is
 * refused, whatever its file name says.
 */
const EXTENSIONS: Record<string, readonly string[]> = {
  'application/pdf': ['pdf'],
  'image/jpeg': ['jpg', 'jpeg', 'jpe', 'jfif'],
  'image/png': ['png'],
  'image/gif': ['gif'],
  'image/webp': ['webp'],
  'image/heic': ['heic', 'heif'],
  'image/tiff': ['tif', 'tiff'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['docx'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['xlsx'],
  'application/vnd.oasis.opendocument.text': ['odt'],
  'application/vnd.oasis.opendocument.spreadsheet': ['ods'],
  'audio/mpeg': ['mp3'],
  'audio/ogg': ['ogg', 'oga', 'opus'],
  'audio/mp4': ['m4a', 'mp4', 'm4b', 'aac'],
  'audio/wav': ['wav'],
  'text/plain': ['txt', 'text', 'csv', 'tsv', 'md', 'log', 'json'],
}

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
 * Plain text has no magic number: accept valid UTF-8 without control characters other than
 * whitespace. The whole file is read (25 MB at most, tens of milliseconds): a look at its first
 * 64 KB let a ZIP archive holding a program through behind 64 KB of text, listed as "Text".
 */
function looksLikePlainText(bytes: Uint8Array): boolean {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
    // eslint-disable-next-line no-control-regex -- control characters are exactly what marks binary data
    return !/[\u0000-\u0008\u000B\u000E-\u001F]/.test(text)
  } catch {
    return false
  }
}

/** The file's type by its content, as one of EXTENSIONS' keys; null when it may not be attached. */
export async function sniffMediaType(bytes: Uint8Array): Promise<string | null> {
  const detected = await fileTypeFromBuffer(bytes)
  if (detected) {
    const mime = SAME_TYPE[detected.mime] ?? detected.mime
    return Object.hasOwn(EXTENSIONS, mime) ? mime : null
  }
  return looksLikePlainText(bytes) ? 'text/plain' : null
}

/**
 * The name with an extension that agrees with the content: "statement.bat" holding text becomes
 * "statement.bat.txt". Text is accepted by content alone, and "Save a copy…" gave a script back
 * under a name that runs it on a double-click (.bat, .hta, .svg, .html).
 */
export function nameForType(name: string, mediaType: string): string {
  const allowed = EXTENSIONS[mediaType] ?? []
  const dot = name.lastIndexOf('.')
  const extension = dot > 0 ? name.slice(dot + 1).toLowerCase() : ''
  return allowed.includes(extension) || allowed.length === 0 ? name : `${name}.${allowed[0]}`
}
