/** Long enough to tell organisations apart; short enough that every name built on it fits in 255 bytes. */
const MAX_SLUG_CHARS = 60
const MAX_SLUG_BYTES = 120

/**
 * An organisation's name as it appears in the names of files CaseVault writes (backups, exports,
 * directory exports): accents dropped from Latin letters, letters, marks and digits of any script
 * kept, anything else turned into dashes, and cut to 60 characters and 120 bytes. Found by
 * reviewing helpers: every name in Cyrillic, Arabic or Thai became "vault", so organisations
 * sharing a backup folder rotated each other's automatic backups away; dropping every mark made
 * "साथ" and "साथी" one name; and a long name (or 60 characters of a 4-byte script) made file names
 * too long to write.
 */
export function organisationSlug(organisation: string): string {
  const spelled = organisation
    .normalize('NFKD')
    .replace(/(\p{Script=Latin})\p{M}+/gu, '$1')
    .normalize('NFC')
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
    .replace(/^-+/, '')
  return cutToFit(spelled, MAX_SLUG_BYTES, MAX_SLUG_CHARS).replace(/-+$/, '') || 'vault'
}

/**
 * The longest start of `text` within `maxBytes` of UTF-8 (and `maxChars` characters), never
 * splitting a character: file names are limited in bytes, and a script of 2 to 4 bytes a letter
 * passes a limit in characters.
 */
export function cutToFit(text: string, maxBytes: number, maxChars = Infinity): string {
  let cut = ''
  let bytes = 0
  let chars = 0
  for (const char of text) {
    bytes += Buffer.byteLength(char)
    chars += 1
    if (bytes > maxBytes || chars > maxChars) break
    cut += char
  }
  return cut
}
