import type { CaseDetail } from '../../../../../main/api/contract'

/** As main names the survivor in lists: "First Middle Second", else the first alias. */
export function survivorDisplayName(detail: CaseDetail): string {
  const record = detail.survivor.record
  const parts = [record.prs_FirstName, record.prs_MiddleName, record.prs_SecondName]
    .filter((part): part is string => typeof part === 'string' && part.trim() !== '')
    .map((part) => part.trim())
  return parts.length > 0 ? parts.join(' ') : (detail.survivor.aliases[0] ?? '')
}
