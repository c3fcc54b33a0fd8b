/** Case numbers look like SHS-2026-00042: organisation prefix, intake year, per-year sequence. */
export function formatCaseNumber(prefix: string, year: number, sequence: number): string {
  return `${prefix}-${year}-${String(sequence).padStart(5, '0')}`
}

/** The configured prefix, or the organisation's initials (up to 4 letters), or "CV". */
export function caseNumberPrefix(configured: string | null, organisation: string): string {
  if (configured) return configured
  const initials = organisation
    .normalize('NFKD')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word[0]!.toUpperCase())
    .join('')
    .slice(0, 4)
  return initials.length >= 2 ? initials : 'CV'
}
