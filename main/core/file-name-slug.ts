/** Long enough to tell organisations apart; short enough that every name built on it fits in 255 bytes. */
const MAX_SLUG_CHARS = 60

/**
 * An organisation's name as it appears in the names of files CaseVault writes (backups, exports,
 * directory exports): accents dropped, letters and digits of any script kept, anything else turned
 * into dashes, and cut to 60 characters. Found by a reviewing helper: every name in Cyrillic,
 * Arabic or Thai became "vault", so two organisations sharing a backup folder rotated each other's
 * automatic backups away; and a 200-character name made file names too long to write.
 */
export function organisationSlug(organisation: string): string {
  const slug = [
    ...organisation
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+/, ''),
  ]
    .slice(0, MAX_SLUG_CHARS)
    .join('')
    .replace(/-+$/, '')
  return slug || 'vault'
}
