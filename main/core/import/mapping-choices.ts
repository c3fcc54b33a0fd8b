// What a run remembers for the format: the user's own choices, not what the file was given
// automatically. Saving the whole plan stored the tie-breaks of one file as if chosen: a partner's
// sheet with both "Gender" and "prs_Gender" saved `prs_Gender: null`, and from then on every file's
// standard prs_Gender column was left out without anyone having chosen so.
import type { ColumnMapping, ImportFormat } from '../../api/contract/import'
import { planColumns, type ColumnPlan } from './column-mapping'

/**
 * The entries of the plan that differ from what the file gets with no choice of the user (the
 * remembered mapping, then automatic matches and their tie-breaks): the screen sends back the
 * whole suggested mapping, edited, so a difference is a choice someone made.
 */
export function choicesIn(
  format: ImportFormat,
  headers: readonly string[],
  plan: ColumnPlan,
  saved: ColumnMapping,
): ColumnMapping {
  const unchosen = planColumns(format, headers, {}, saved).mapping
  const choices: ColumnMapping = Object.create(null) as ColumnMapping
  for (const [header, target] of Object.entries(plan.mapping))
    if (!Object.hasOwn(unchosen, header) || unchosen[header] !== target) choices[header] = target
  return choices
}
