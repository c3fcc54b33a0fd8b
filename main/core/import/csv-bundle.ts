import { Readable } from 'node:stream'
import tar from 'tar-stream'
import { sectionById, type HtcdsSectionId } from '../../api/contract/htcds'
import type { ImportNote, ImportRowError } from '../../api/contract/import'
import type { CaseDraft } from './case-candidate'
import { cellValue, unguard } from './htcds-values'
import { importNote, reason, type ImportReason } from './import-reasons'
import { readCsv } from './read-csv'
import { unreadable, type SourceTable } from './source-table'
import type { CaseworkDraft, CaseworkItem } from './casework-check'
import { CASEWORK_FILES, readCaseworkTables } from './csv-casework'
import { caseNumberKey } from '../cases/case-number-key'
import { sideRowProblems } from './side-row-problems'
import { readScreeningTables, SCREENING_FILES } from './screenings-csv'
import type { FileTemplate } from './screening-templates-import'

type Fields = Record<string, unknown>

/** The parts of one case that CaseVault's HTCDS CSV export puts in tables beside cases.csv. */
export interface RelatedParts {
  events: Fields[]
  perpetrators: CaseDraft['perpetrators']
  comments: CaseDraft['comments']
  survivorAliases: string[]
  /** Referrals (with consents and status history) and support plans: csv-casework.ts. */
  casework: CaseworkDraft
  /** Screenings (screenings-csv.ts), in the JSON export's shape. */
  screenings: CaseworkItem[]
  /** Tied to the case's row when its draft is made (see draft-source.ts). */
  problems: { field: ImportRowError['field']; cause: ImportReason }[]
}

const PART_FILES: readonly string[] = [
  'cases.csv',
  'events.csv',
  'perpetrators.csv',
  'comments.csv',
  'aliases.csv',
  ...CASEWORK_FILES,
  ...SCREENING_FILES,
]

/** A tar archive has "ustar" at byte 257 of its first header. */
export function isTar(bytes: Uint8Array): boolean {
  return bytes.byteLength >= 512 && new TextDecoder().decode(bytes.subarray(257, 262)) === 'ustar'
}

async function untar(bytes: Uint8Array): Promise<Map<string, Uint8Array>> {
  const files = new Map<string, Uint8Array>()
  let twice: string | null = null
  const extract = tar.extract()
  Readable.from([Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)]).pipe(extract)
  try {
    for await (const entry of extract) {
      const chunks: Buffer[] = []
      for await (const chunk of entry as AsyncIterable<Buffer>) chunks.push(chunk)
      const name = entry.header.name.split('/').at(-1) ?? ''
      if (entry.header.type === 'file' && PART_FILES.includes(name)) {
        // Two exports packed together: the later one silently replaced the first.
        if (files.has(name)) twice = name
        files.set(name, Buffer.concat(chunks))
      }
    }
  } catch {
    throw unreadable('bad_archive', 'The archive is damaged and cannot be read.')
  }
  if (twice)
    throw unreadable(
      'archive_twice',
      `The archive holds ${twice} more than once: it packs several exports. Import each on its own.`,
    )
  return files
}

function fieldsOf(table: SourceTable, row: string[], section: HtcdsSectionId): Fields {
  const record: Fields = {}
  const fields = new Map(sectionById(section)!.fields.map((field) => [field.name, field]))
  table.headers.forEach((header, index) => {
    const field = fields.get(header)
    if (!field || field.type === 'lookup') return
    const value = cellValue(field, row[index] ?? '')
    if (value !== undefined) record[header] = value
  })
  return record
}

function cellOf(table: SourceTable, row: string[], header: string): string {
  const index = table.headers.indexOf(header)
  return index < 0 ? '' : unguard(row[index] ?? '').trim()
}

/**
 * CaseVault's HTCDS CSV export is a tar of cases.csv plus events, perpetrators, comments, aliases
 * and referral / support-plan / screening tables keyed by case number. Returns cases.csv as the table to
 * import, the other tables' rows grouped by case number (merged into each case's draft by the
 * service) and the screening template versions the archive lists.
 */
export async function readCsvBundle(bytes: Uint8Array): Promise<{
  table: SourceTable
  related: Map<string, RelatedParts>
  notes: ImportNote[]
  screeningTemplates: FileTemplate[]
}> {
  const files = await untar(bytes)
  const cases = files.get('cases.csv')
  if (!cases)
    throw unreadable('no_cases', 'The archive has no cases.csv: it is not a CaseVault HTCDS CSV export.')
  const table = readCsv(cases)
  const related = new Map<string, RelatedParts>()
  // By caseNumberKey, as case numbers are compared everywhere: t-1 here is T-1 in cases.csv.
  const partsOf = (caseNumber: string) => {
    const key = caseNumberKey(caseNumber)
    let parts = related.get(key)
    if (!parts) {
      parts = {
        events: [],
        perpetrators: [],
        comments: [],
        survivorAliases: [],
        casework: { referrals: [], supportPlans: [] },
        screenings: [],
        problems: [],
      }
      related.set(key, parts)
    }
    return parts
  }
  const notes: ImportNote[] = []
  const perpetratorAliases = new Map<string, string[]>()
  for (const name of ['aliases.csv', 'events.csv', 'perpetrators.csv', 'comments.csv'] as const) {
    const content = files.get(name)
    if (!content) continue
    const part = readCsv(content)
    if (!part.complete) notes.push(importNote('sideTableIncomplete', { file: name }))
    for (const { row, cells, problems } of part.rows) {
      const caseNumber = cellOf(part, cells, 'case_number')
      if (!caseNumber) continue
      const parts = partsOf(caseNumber)
      // A row read wrongly (a cell too many: an unquoted comma in a comment) rejects its case, as
      // in cases.csv: kept, it would import half a comment or a shifted perpetrator unseen.
      parts.problems.push(...sideRowProblems(name, row, problems))
      if (name === 'aliases.csv') {
        const person = cellOf(part, cells, 'person')
        const alias = cellOf(part, cells, 'alias')
        if (!alias) continue
        if (person === 'survivor') parts.survivorAliases.push(alias)
        else
          perpetratorAliases.set(`${caseNumber} ${person}`, [
            ...(perpetratorAliases.get(`${caseNumber} ${person}`) ?? []),
            alias,
          ])
      } else if (name === 'events.csv') parts.events.push(fieldsOf(part, cells, 'historicEvent'))
      else if (name === 'comments.csv') {
        parts.comments.push({
          body: cellOf(part, cells, 'body'),
          createdAt: cellOf(part, cells, 'created_at'),
          author: cellOf(part, cells, 'author'),
        })
      } else {
        const key = cellOf(part, cells, 'perpetrator_id')
        if (!key)
          parts.problems.push({ field: `perpetrators.csv row ${row}`, cause: reason('noPerpetratorId') })
        parts.perpetrators.push({
          ...(key ? { key } : {}),
          person: fieldsOf(part, cells, 'person'),
          aliases: perpetratorAliases.get(`${caseNumber} perpetrator:${key}`) ?? [],
          context: fieldsOf(part, cells, 'perpetrator'),
        })
      }
    }
  }
  readCaseworkTables(files, partsOf, notes)
  const screeningTemplates = readScreeningTables(files, partsOf, notes)
  // A side table cut short would import its cases without their perpetrators, comments or
  // referrals, silently: the archive is then incomplete as a whole, and nothing is written.
  const sidesComplete = !notes.some((note) => note.code === 'sideTableIncomplete')
  return {
    table: { ...table, complete: table.complete && sidesComplete },
    related,
    notes,
    screeningTemplates,
  }
}
