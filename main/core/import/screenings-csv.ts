// The screening tables of CaseVault's HTCDS CSV archive (export/screenings-csv.ts) → per case, drafts
// in the JSON export's shape (screenings-check.ts reads both formats), and the archive's template
// list. An empty cell is an absent value; the answers cell and a template's definition cell hold
// JSON text (a cell that is not JSON is then a problem of its row, found by the checks).
import type { ImportNote } from '../../api/contract/import'
import { SCREENING_CSV_COLUMNS, SCREENING_TEMPLATES_FILE, SCREENINGS_FILE } from '../export/screenings-csv'
import type { CaseworkItem } from './casework-check'
import { unguard } from './htcds-values'
import { importNote, type ImportReason } from './import-reasons'
import { readCsv } from './read-csv'
import { sideRowProblems } from './side-row-problems'
import type { FileTemplate } from './screening-templates-import'

export const SCREENING_FILES = [SCREENINGS_FILE, SCREENING_TEMPLATES_FILE]

/** What the draft of each case gets: its screenings, and problems to tie to its row. */
export interface ScreeningParts {
  screenings: CaseworkItem[]
  problems: { field: string; cause: ImportReason }[]
}

/** Each JSON key of the shape → its column. */
const COLUMNS: Record<string, string> = {
  key: 'screening_key',
  templateKey: 'template_key',
  templateVersion: 'template_version',
  assessedOn: 'assessed_on',
  judgementLevel: 'judgement_level',
  judgementReason: 'judgement_reason',
  nextStep: 'next_step',
  nextStepNote: 'next_step_note',
  linkedAt: 'linked_at',
}

/** `screenings.csv row 4, assessed_on` (an answer: `answers.legalStatus`). */
const placeOf =
  (row: number) =>
  (path: string): string => {
    const [first = '', ...rest] = path.split('.')
    const column = [COLUMNS[first] ?? first, ...rest].join('.')
    return column ? `${SCREENINGS_FILE} row ${row}, ${column}` : `${SCREENINGS_FILE} row ${row}`
  }

/** JSON text, or the text itself when it is not JSON (the checks then say it is not an object). */
function json(text: string | null): unknown {
  if (text === null) return null
  try {
    return JSON.parse(text) as unknown
  } catch {
    return text
  }
}

function table(files: ReadonlyMap<string, Uint8Array>, name: string, notes: ImportNote[]) {
  const content = files.get(name)
  if (!content) return null
  const part = readCsv(content)
  if (!part.complete) notes.push(importNote('sideTableIncomplete', { file: name }))
  const cellOf = (cells: readonly string[]) => (header: string) => {
    const index = part.headers.indexOf(header)
    const value = index < 0 ? '' : unguard(cells[index] ?? '').trim()
    return value === '' ? null : value
  }
  return { part, cellOf }
}

/**
 * Reads screenings.csv (when present) and hands each case's screenings to `partsOf(caseNumber)`;
 * returns the archive's template list (screening-templates.csv, empty when absent).
 */
export function readScreeningTables(
  files: ReadonlyMap<string, Uint8Array>,
  partsOf: (caseNumber: string) => ScreeningParts,
  notes: ImportNote[],
): FileTemplate[] {
  const screenings = table(files, SCREENINGS_FILE, notes)
  for (const { row, cells, problems } of screenings?.part.rows ?? []) {
    const cell = screenings!.cellOf(cells)
    const caseNumber = cell('case_number')
    if (!caseNumber) continue
    const parts = partsOf(caseNumber)
    parts.problems.push(...sideRowProblems(SCREENINGS_FILE, row, problems))
    const value: Record<string, unknown> = {}
    for (const column of SCREENING_CSV_COLUMNS.screenings.slice(1)) {
      const key = Object.keys(COLUMNS).find((name) => COLUMNS[name] === column) ?? column
      value[key] = column === 'answers' ? json(cell(column)) : cell(column)
    }
    parts.screenings.push({ value, at: placeOf(row) })
  }
  const templates = table(files, SCREENING_TEMPLATES_FILE, notes)
  return (templates?.part.rows ?? []).map(({ cells }) => {
    const cell = templates!.cellOf(cells)
    return { key: cell('template_key'), version: cell('version'), definition: json(cell('definition')) }
  })
}
