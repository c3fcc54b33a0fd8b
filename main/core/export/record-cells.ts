// A stored HTCDS record as CSV cells, one per field of a section, written into a row of escaped
// cells that the caller joins once. Walks the keys the record has (a dozen, typically) instead of
// looking up every field (up to 40) by name: most cells are empty, and lookups by name on records
// of many different shapes are slow. Joining a row array once, rather than appending cell by cell
// to a string, spares the encoder a long chain of tiny pieces to flatten for every row.
import type { HtcdsField } from '../htcds'
import { csvCell, joinCodes, type CsvCell } from './csv-writer'

function cellValue(value: unknown): CsvCell {
  if (Array.isArray(value)) return joinCodes(value.filter((code): code is string => typeof code === 'string'))
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value
  return null
}

export class RecordCells {
  private readonly column: ReadonlyMap<string, number>
  readonly width: number

  constructor(fields: readonly HtcdsField[]) {
    this.column = new Map(fields.map((field, index) => [field.name, index]))
    this.width = fields.length
  }

  /**
   * Writes the record's cells, escaped, into `row` from `offset` on (a field the record lacks gives
   * an empty cell). Returns the offset after them, for the next section of the row.
   */
  fill(record: Record<string, unknown>, row: string[], offset: number): number {
    row.fill('', offset, offset + this.width)
    for (const key in record) {
      const index = this.column.get(key)
      if (index !== undefined) row[offset + index] = csvCell(cellValue(record[key]))
    }
    return offset + this.width
  }
}
