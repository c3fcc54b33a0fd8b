// What a run remembers for the format: the user's own choices, not what the file was given
// automatically. Saving the whole plan stored the tie-breaks of one file as if chosen: a partner's
// sheet with both "Gender" and "prs_Gender" saved `prs_Gender: null`, and from then on every file's
// standard prs_Gender column was left out without anyone having chosen so.
import type { ColumnMapping, ImportFormat } from '../../api/contract/import'
import { planColumns, type ColumnPlan } from './column-mapping'

/**
 * The entries of the plan that differ from what the file gets with no choice of the user (the
 * remembered mapping, then automatic matches and their tie-breaks): the screen sends back the
 * whole suggested mapping, edited, so a difference is a choice someone made. What it returns,
 * remembered, gives this file the same plan again.
 */
export function choicesIn(
  format: ImportFormat,
  headers: readonly string[],
  plan: ColumnPlan,
  saved: ColumnMapping,
): ColumnMapping {
  const choices: ColumnMapping = Object.create(null) as ColumnMapping
  // Until what is remembered gives this file's plan back: a choice saved here can change another
  // column's tie-break (a remembered "Sexo → gender" left prs_Gender out; the user then left Sexo
  // out too, and prs_Gender had to be remembered as left out as well, or the next file of that
  // layout took it: found by a reviewing helper). Each round adds a header, so it ends.
  for (;;) {
    const remembered = { ...saved, ...choices }
    const unchosen = planColumns(format, headers, {}, remembered).mapping
    let added = false
    for (const [header, target] of Object.entries(plan.mapping)) {
      if (Object.hasOwn(choices, header)) continue
      if (!Object.hasOwn(unchosen, header) || unchosen[header] !== target) {
        choices[header] = target
        added = true
      }
    }
    if (!added) return choices
  }
}
