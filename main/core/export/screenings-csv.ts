// The screenings of the HTCDS CSV archive: screenings.csv, one row per screening, joined to cases.csv
// by case number, its answers one JSON object in one cell (question keys differ by template, so they
// cannot be columns), and so the walk-in's own details (subject: empty for a screening made on the
// case); and screening-templates.csv, each template version the screenings use once,
// its definition as JSON text. The template table is written by main after the shares are joined:
// a share's own list would repeat versions other shares use too. Both are in the archive only when
// a case in it has a screening: without them it reads exactly as an archive made before screenings
// were exported (and an import finds none in either).
import { CsvBuilder, csvCell } from './csv-writer'
import type { ChunkedBundleEntry } from './tar-bundle'
import { TemplatesUsed, type FullScreening, type FullScreeningTemplate } from './full-records-screenings'

export const SCREENING_CSV_COLUMNS = {
  screenings: [
    'case_number',
    'screening_key',
    'template_key',
    'template_version',
    'assessed_on',
    'channel',
    'screener',
    'judgement_level',
    'judgement_reason',
    'next_step',
    'next_step_note',
    'linked_at',
    'answers',
    'subject',
  ],
  'screening-templates': ['template_key', 'version', 'name', 'definition'],
} as const

export const SCREENINGS_FILE = 'screenings.csv'
export const SCREENING_TEMPLATES_FILE = 'screening-templates.csv'

/** screenings.csv, filled one case at a time (most cases add nothing), and the templates it uses. */
export class ScreeningCsvTable {
  readonly table: CsvBuilder
  readonly templates = new TemplatesUsed()

  /** `headerLines: false` for a share of the table that another share starts (export-worker.ts). */
  constructor({ headerLines = true }: { headerLines?: boolean } = {}) {
    this.table = new CsvBuilder(SCREENING_CSV_COLUMNS.screenings, { headerLine: headerLines })
  }

  /** `caseNumber`: the case's number, escaped already (by csvCell). */
  add(caseNumber: string, screenings: readonly FullScreening[]): void {
    this.templates.add(screenings)
    for (const screening of screenings) {
      this.table.addEscaped([
        caseNumber,
        ...[
          screening.key,
          screening.templateKey,
          screening.templateVersion,
          screening.assessedOn,
          screening.channel,
          screening.screener,
          screening.judgementLevel,
          screening.judgementReason,
          screening.nextStep,
          screening.nextStepNote,
          screening.linkedAt,
          JSON.stringify(screening.answers),
          screening.subject ? JSON.stringify(screening.subject) : null,
        ].map(csvCell),
      ])
    }
  }
}

/**
 * The archive's tables with the screening ones settled: screenings.csv (as the shares wrote it) and
 * screening-templates.csv when the cases have screenings (every screening names a template), else
 * neither.
 */
export function withScreeningTables(
  entries: readonly ChunkedBundleEntry[],
  templates: readonly FullScreeningTemplate[],
): ChunkedBundleEntry[] {
  if (templates.length === 0) return entries.filter((entry) => entry.name !== SCREENINGS_FILE)
  const table = new CsvBuilder(SCREENING_CSV_COLUMNS['screening-templates'])
  for (const template of templates)
    table.add([template.key, template.version, template.name, JSON.stringify(template.definition)])
  return [...entries, { name: SCREENING_TEMPLATES_FILE, chunks: table.toChunks() }]
}
