/**
 * An organisation's name as it appears in the names of files CaseVault writes (backups, exports,
 * directory exports): accents dropped, anything but letters and digits turned into dashes.
 */
export function organisationSlug(organisation: string): string {
  return (
    organisation
      .normalize('NFKD')
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'vault'
  )
}
