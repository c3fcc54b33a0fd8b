/**
 * What a caseworker may attach: documents, pictures and sound recordings, each type with the
 * file-name extensions it may carry (the first is added to a name that has none of them).
 * Anything that can run (executables, scripts, installers, archives that may hide them) is
 * refused, whatever its file name says. One table for both sides: main checks content against
 * it, and the renderer's file picker offers exactly these extensions (a shorter hand-kept list
 * greyed out .opus voice notes and .jfif pictures main would have taken).
 */
export const ATTACHMENT_EXTENSIONS: Readonly<Record<string, readonly string[]>> = {
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

/** The file picker's `accept` list: every extension above, as ".pdf,.jpg,…". */
export const ATTACHMENT_ACCEPT = Object.values(ATTACHMENT_EXTENSIONS)
  .flat()
  .map((extension) => `.${extension}`)
  .join(',')
