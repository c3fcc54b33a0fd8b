// The flag groups of the CTDC layout (means of control, type of exploitation, of labour, of sexual
// exploitation, recruiter relation): each group's cells follow from a row's codes for the group's
// field, by the mapping in resources/ctdc/ctdc-mapping.json. The same few combinations of codes
// recur on most rows, so each group's cells are worked out once per combination in an export.
import { csvCell, type CsvCell } from './csv-writer'
import type { DeidentifiedCase } from './deidentified-source'
import { CTDC_COLUMNS, ctdcMapping, type CtdcFlagColumn } from './ctdc-mapping'
import { shownValue, SUPPRESSED } from './k-anonymity'
import { qiIndex, type QuasiIdentifierName } from './quasi-identifiers'
import { codesOf as listCodes, fieldByName } from '../htcds'

const EXPLOITATION_FIELD = 'vic_TypeOfExploitation'
const positions = new Map(CTDC_COLUMNS.map((name, index) => [name, index]))
export const at = (name: string) => positions.get(name)!

/**
 * A quasi-identifier as k-anonymity left it in this row: its codes (joined with ';', as code lists
 * are), none when unknown, or withheld when suppressed. Withheld was read as none, and a group with
 * a "none given" column then claimed it: a suppressed relationship (known: family) came out as
 * recruiterRelationUnknown = 1.
 */
const qiCodes = (name: QuasiIdentifierName) => {
  const q = qiIndex(name)
  return (state: RowState): readonly string[] | 'withheld' => {
    if (state.values[q] === SUPPRESSED) return 'withheld'
    const value = shownValue(state.values[q])
    return value === null ? [] : value.split(';')
  }
}

/**
 * Coded attributes a group may read, by HTCDS field name (the exploitation types come from the
 * QI). Industry, type of sexual exploitation and relationship are quasi-identifiers: read as
 * generalised, never from the case.
 */
const ATTRIBUTE_OF: Record<string, (state: RowState) => readonly string[] | 'withheld'> = {
  vic_MethodsOfControl: (state) => state.row.methodsOfControl,
  vic_ForcedLabourIndustry: qiCodes('forcedLabourIndustry'),
  vic_TypeOfSexExploitation: qiCodes('typeOfSexExploitation'),
  vic_RelationshipToTrafficker: qiCodes('relationshipToTrafficker'),
}

/**
 * The codes under each code of a field's hierarchical list (ISIC: a section's divisions and their
 * classes). A section, recorded or coarsened to by k-anonymity, says nothing about a flag that
 * only some of its codes take: "agriculture, forestry and fishing" is not "not aquafarming".
 */
function finerCodes(field: string): Map<string, string[]> {
  const entries = listCodes(fieldByName(field)?.codeList ?? field)
  const children = new Map<string, string[]>()
  for (const { code, parent } of entries)
    if (parent) children.set(parent, [...(children.get(parent) ?? []), code])
  const under = (code: string): string[] =>
    (children.get(code) ?? []).flatMap((child) => [child, ...under(child)])
  return new Map(entries.map(({ code }) => [code, under(code)]))
}

/** The exploitation types as this row may show them: codes, only a category, or nothing. */
export type Exploitation = { codes: readonly string[] } | { category: string } | 'withheld'

export interface RowState {
  row: DeidentifiedCase
  values: readonly (string | null)[]
  /** Each quasi-identifier's generalisation level (0: as recorded). */
  levels: readonly number[]
  exploitation: Exploitation
  scope: { labour: boolean; sexual: boolean }
}

function codesOf(state: RowState, field: string): Exploitation {
  if (field === EXPLOITATION_FIELD) return state.exploitation
  const read = ATTRIBUTE_OF[field]
  if (!read) throw new Error(`The CTDC mapping reads ${field}, which the de-identified export does not carry`)
  const codes = read(state)
  return codes === 'withheld' ? codes : { codes }
}

const matches = (column: CtdcFlagColumn, code: string) =>
  (column.codes ?? []).includes(code) || (column.codePrefixes ?? []).some((prefix) => code.startsWith(prefix))

const hasSource = (column: CtdcFlagColumn) =>
  (column.codes?.length ?? 0) > 0 || (column.codePrefixes?.length ?? 0) > 0

/** 1 when a code is the column's, blank when only codes finer than one are, else 0. */
function flagFor(
  column: CtdcFlagColumn,
  codes: readonly string[],
  finer: Map<string, string[]>,
): 0 | 1 | null {
  if (codes.some((code) => matches(column, code))) return 1
  const below = (code: string) => finer.get(code) ?? []
  return codes.some((code) => below(code).some((c) => matches(column, c))) ? null : 0
}

/** The `otherwise` column: 1 for a code no other column takes, blank if only its finer codes are taken. */
function otherwiseFor(
  others: readonly CtdcFlagColumn[],
  codes: readonly string[],
  finer: Map<string, string[]>,
): 0 | 1 | null {
  const flags = codes.map((code) =>
    others.some((c) => matches(c, code))
      ? 0
      : others.some((c) => (finer.get(code) ?? []).some((d) => matches(c, d)))
        ? null
        : 1,
  )
  return flags.includes(1) ? 1 : flags.includes(null) ? null : 0
}

/** One mapping group compiled once: its columns sorted by role, with their output positions. */
function compileGroup(name: string, columns: readonly CtdcFlagColumn[]) {
  const group = ctdcMapping.groups[name]
  if (!group) throw new Error(`The CTDC mapping has no group ${name}`)
  const own = new Set(columns.map((column) => column.name))
  // A group's cells are computed apart from the rest of the row: they may only read each other.
  for (const name of columns.flatMap((column) => column.allOf ?? [])) {
    if (!own.has(name)) throw new Error(`The CTDC mapping combines ${name} from outside its group`)
  }
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
    finer: finerCodes(group.field),
    /** Fields other than the group's own that some of its columns read. */
    otherFields: [...new Set(flags.flatMap((c) => (c.field && c.field !== group.field ? [c.field] : [])))],
  }
}

type CompiledGroup = ReturnType<typeof compileGroup>

/** Writes one group's cells into `out` (indexed like CTDC_COLUMNS); cells left null are blank. */
function groupCells(state: RowState, plan: CompiledGroup, own: Exploitation, out: CsvCell[]): void {
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
      const flag = flagFor(column, own.codes, plan.finer)
      out[index] = column.otherwise && flag !== 1 ? otherwiseFor(others, own.codes, plan.finer) : flag
    }
  }
  if (known) for (const { at: index, of } of plan.allOf) out[index] = of.every((i) => out[i] === 1) ? 1 : 0
  for (const { at: index, labels } of plan.labels) out[index] = own.codes.map((c) => labels[c] ?? c).join(';')
  if (plan.concatenated) {
    const labels = plan.flags.filter(({ at: index }) => out[index] === 1)
    out[at(plan.concatenated.name)] = labels.map(({ column }) => column.label ?? column.name).join(';')
  }
}

// Code lists never hold a NUL, so joined with one they give distinct keys for distinct lists.
const describe = (codes: Exploitation) =>
  codes === 'withheld' ? 'w' : 'category' in codes ? `c${codes.category}` : `k${codes.codes.join('\0')}`

const columnsByGroup = new Map<string, CtdcFlagColumn[]>()
for (const column of ctdcMapping.columns) {
  if ('group' in column)
    columnsByGroup.set(column.group, [...(columnsByGroup.get(column.group) ?? []), column])
}
const plans = [...columnsByGroup].map(([name, columns]) => compileGroup(name, columns))

/**
 * Fills the group columns of a row of escaped cells (see CsvBuilder.addEscaped), remembering each
 * group's cells per combination of codes. A group that does not apply leaves its cells as they are.
 */
export class CtdcGroups {
  private readonly known = plans.map(() => new Map<string, string[]>())

  fill(state: RowState, out: string[]): void {
    plans.forEach((plan, p) => {
      if (plan.group.appliesTo && !state.scope[plan.group.appliesTo]) return
      const own = codesOf(state, plan.group.field)
      let key = describe(own)
      for (const field of plan.otherFields) key += `\x01${describe(codesOf(state, field))}`
      let cells = this.known[p]!.get(key)
      if (!cells) {
        const row = new Array<CsvCell>(CTDC_COLUMNS.length).fill(null)
        groupCells(state, plan, own, row)
        cells = plan.columns.map(({ at: index }) => csvCell(row[index]))
        this.known[p]!.set(key, cells)
      }
      for (let i = 0; i < cells.length; i += 1) out[plan.columns[i]!.at] = cells[i]!
    })
  }
}
