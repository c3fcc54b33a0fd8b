import type { ImportRowError } from '../../api/contract/import'
import type { ImportReason } from './import-reasons'

/**
 * What the reader found wrong in a row of a side table (a cell too many: an unquoted comma in a
 * comment; a value too long), as problems of the case the row belongs to: that case is then
 * rejected, as a row of cases.csv would be. Kept, it imported half a comment or a shifted
 * perpetrator without a word.
 */
export function sideRowProblems(
  file: string,
  row: number,
  problems: readonly ImportRowError[],
): { field: string; cause: ImportReason }[] {
  return problems.map(({ code, params }) => ({
    field: `${file} row ${row}`,
    cause: params ? { code, params } : { code },
  }))
}
