import type { ColumnMapping } from '../../../../main/api/contract'

/** Columns with a header, once each: main reads only the first of two columns with one header. */
export function mappedColumns(headers: readonly string[]): string[] {
  return [...new Set(headers.filter((header) => header.trim() !== ''))]
}

/**
 * Targets chosen by more than one column → those columns. Main refuses such a mapping as a whole,
 * so the screen marks them and checks nothing until one is changed.
 */
export function mappingClashes(headers: readonly string[], mapping: ColumnMapping): Map<string, string[]> {
  const byTarget = new Map<string, string[]>()
  for (const column of mappedColumns(headers)) {
    const target = mapping[column]
    if (target) byTarget.set(target, [...(byTarget.get(target) ?? []), column])
  }
  return new Map([...byTarget].filter(([, columns]) => columns.length > 1))
}
