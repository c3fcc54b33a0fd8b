// CTDC's 63-column layout, written from the k-anonymised rows by the mapping in
// resources/ctdc/ctdc-mapping.json. Flags are 1 / 0 / blank (unknown); a group that does not apply
// (labour sectors of a sexual-exploitation case) or whose source was generalised away is blank.
import { CsvBuilder, type CsvCell } from './csv-writer'
import { SUPPRESSED, type AnonymisedRow } from './k-anonymity'
import type { DeidentifiedCase } from './deidentified-source'
import {
  AGE_BANDS,
  CTDC_COLUMNS,
  ctdcMapping,
  type CtdcFlagColumn,
  type CtdcValueColumn,
} from './ctdc-mapping'
import { exploitationScope, majorityOfBand, qiIndex } from './quasi-identifiers'

const EXPLOITATION_FIELD = 'vic_TypeOfExploitation'
const ctdcBand = new Map(AGE_BANDS.map((band) => [band.label, band.ctdc]))
const positions = new Map(CTDC_COLUMNS.map((name, index) => [name, index]))
const at = (name: string) => positions.get(name)!

/** Coded attributes a group may read, by HTCDS field name (the exploitation types come from the QI). */
const ATTRIBUTE_OF: Record<string, (row: DeidentifiedCase) => readonly string[]> = {
  vic_MethodsOfControl: (row) => row.methodsOfControl,
  vic_ForcedLabourIndustry: (row) => (row.forcedLabourIndustry ? [row.forcedLabourIndustry] : []),
  vic_TypeOfSexExploitation: (row) => row.typeOfSexExploitation,
  vic_RelationshipToTrafficker: (row) => (row.relationshipToTrafficker ? [row.relationshipToTrafficker] : []),
}

const Q = {
  year: qiIndex('year'),
  sex: qiIndex('sex'),
  ageBand: qiIndex('ageBand'),
  minor: qiIndex('minorWhenTrafficked'),
  citizenship: qiIndex('citizenship'),
  country: qiIndex('countryOfExploitation'),
  exploitation: qiIndex('exploitationTypes'),
}

/** The exploitation types as this row may show them: codes, only a category, or nothing. */
type Exploitation = { codes: readonly string[] } | { category: string } | 'withheld'

interface RowState {
  row: DeidentifiedCase
  values: readonly (string | null)[]
  exploitation: Exploitation
  scope: { labour: boolean; sexual: boolean }
}

function codesOf(state: RowState, field: string): Exploitation {
  if (field === EXPLOITATION_FIELD) return state.exploitation
  const read = ATTRIBUTE_OF[field]
  if (!read) throw new Error(`The CTDC mapping reads ${field}, which the de-identified export does not carry`)
  return { codes: read(state.row) }
}

const matches = (column: CtdcFlagColumn, code: string) =>
  (column.codes ?? []).includes(code) || (column.codePrefixes ?? []).some((prefix) => code.startsWith(prefix))

const hasSource = (column: CtdcFlagColumn) =>
  (column.codes?.length ?? 0) > 0 || (column.codePrefixes?.length ?? 0) > 0

/** One mapping group compiled once: its columns sorted by role, with their output positions. */
function compileGroup(name: string, columns: readonly CtdcFlagColumn[]) {
  const group = ctdcMapping.groups[name]
  if (!group) throw new Error(`The CTDC mapping has no group ${name}`)
  const flags = columns.filter((column) => !column.concatenated && !column.allOf && !column.labels)
  return {
    group,
    columns: columns.map((column) => ({ column, at: at(column.name) })),
    flags: flags.map((column) => ({
      column,
      at: at(column.name),
      // Codes an `otherwise` column catches: those no other column of the group's own field takes.
      others: flags.filter((c) => c !== column && !c.field),
    })),
    allOf: columns.flatMap((column) =>
      column.allOf ? [{ at: at(column.name), of: column.allOf.map(at) }] : [],
    ),
    labels: columns.flatMap((column) =>
      column.labels ? [{ at: at(column.name), labels: column.labels }] : [],
    ),
    concatenated: columns.find((column) => column.concatenated),
  }
}

type CompiledGroup = ReturnType<typeof compileGroup>

/** Writes one group's cells into `out` (indexed like CTDC_COLUMNS); cells left null are blank. */
function groupCells(state: RowState, plan: CompiledGroup, out: CsvCell[]): void {
  if (plan.group.appliesTo && !state.scope[plan.group.appliesTo]) return
  const own = codesOf(state, plan.group.field)
  if (own === 'withheld') return
  if ('category' in own) {
    for (const { column, at: index } of plan.columns) {
      const flag = column.byCategory?.[own.category]
      if (flag !== undefined) out[index] = flag
      if (column.concatenated) out[index] = ctdcMapping.exploitationCategories[own.category] ?? ''
    }
    return
  }
  const known = own.codes.length > 0
  for (const { column, at: index, others } of plan.flags) {
    if (column.whenEmpty) out[index] = known ? 0 : 1
    else if (column.field && column.field !== plan.group.field) {
      const other = codesOf(state, column.field)
      if (typeof other === 'object' && 'codes' in other) {
        out[index] = other.codes.some((code) => matches(column, code)) ? 1 : known ? 0 : null
      }
    } else if (known && (hasSource(column) || column.otherwise)) {
      const unmatched = column.otherwise && own.codes.some((code) => !others.some((c) => matches(c, code)))
      out[index] = unmatched || own.codes.some((code) => matches(column, code)) ? 1 : 0
    }
  }
  if (known) for (const { at: index, of } of plan.allOf) out[index] = of.every((i) => out[i] === 1) ? 1 : 0
  for (const { at: index, labels } of plan.labels) out[index] = own.codes.map((c) => labels[c] ?? c).join(';')
  if (plan.concatenated) {
    const labels = plan.flags.filter(({ at: index }) => out[index] === 1)
    out[at(plan.concatenated.name)] = labels.map(({ column }) => column.label ?? column.name).join(';')
  }
}

function value(state: RowState, column: CtdcValueColumn): CsvCell {
  const shown = (q: number) => {
    const v = state.values[q] ?? null
    return v === SUPPRESSED ? null : v
  }
  switch (column.value) {
    case 'year':
      return shown(Q.year)
    case 'gender': {
      const sex = shown(Q.sex)
      return sex === null ? null : (ctdcMapping.gender[sex] ?? null)
    }
    case 'ageBand': {
      const band = shown(Q.ageBand)
      return band === null ? null : (ctdcBand.get(band) ?? null)
    }
    case 'majorityStatus':
      return majorityOfBand(shown(Q.ageBand))
    case 'minorWhenTrafficked':
      return shown(Q.minor)
    case 'citizenship':
      return shown(Q.citizenship)
    case 'countryOfExploitation':
      return shown(Q.country)
  }
}

const columnsByGroup = new Map<string, CtdcFlagColumn[]>()
for (const column of ctdcMapping.columns) {
  if ('group' in column)
    columnsByGroup.set(column.group, [...(columnsByGroup.get(column.group) ?? []), column])
}
const plans = [...columnsByGroup].map(([name, columns]) => compileGroup(name, columns))
const valueColumns = ctdcMapping.columns.flatMap((column) => ('value' in column ? [column] : []))
const constantColumns = ctdcMapping.columns.flatMap((column) => ('constant' in column ? [column] : []))

function rowState({ row, values, levels }: AnonymisedRow<DeidentifiedCase>): RowState {
  const types = values[Q.exploitation] ?? null
  const level = levels[Q.exploitation] ?? 0
  const exploitation: Exploitation =
    types === SUPPRESSED
      ? 'withheld'
      : types === null
        ? { codes: [] }
        : level === 0
          ? { codes: types.split(';') }
          : { category: types }
  return { row, values, exploitation, scope: exploitationScope(types, level) }
}

export function ctdcCsv(rows: readonly AnonymisedRow<DeidentifiedCase>[]): Buffer {
  const csv = new CsvBuilder(CTDC_COLUMNS)
  for (const anonymised of rows) {
    const state = rowState(anonymised)
    const cells = new Array<CsvCell>(CTDC_COLUMNS.length).fill(null)
    for (const column of constantColumns) cells[at(column.name)] = column.constant
    for (const column of valueColumns) cells[at(column.name)] = value(state, column)
    for (const plan of plans) groupCells(state, plan, cells)
    csv.add(cells)
  }
  return csv.toBuffer()
}
