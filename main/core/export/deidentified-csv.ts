// CaseVault's own de-identified layout: one row per case, quasi-identifiers as generalised by the
// k-anonymity step ("*" = suppressed, empty = unknown), then coded attributes. No case number: each
// row gets a random id that means nothing outside this file.
import { TRAINING_VALUE, withTrainingColumn } from './training-mark'
import { randomUUID } from 'node:crypto'
import { CsvBuilder, joinCodes } from './csv-writer'
import { shownValue, type AnonymisedRow } from './k-anonymity'
import type { DeidentifiedCase } from './deidentified-source'
import { exploitationScope, qiIndex, type QuasiIdentifierName } from './quasi-identifiers'

export const DEIDENTIFIED_COLUMNS = [
  'row_id',
  'year_of_intake',
  'sex',
  'age_band',
  'minor_when_trafficked',
  'citizenship',
  'country_of_exploitation',
  'exploitation_types',
  'trafficking_status',
  'methods_of_control',
  'forced_labour_industry',
  'type_of_sex_exploitation',
  'method_of_recruitment',
  'relationship_to_trafficker',
  'recruitment_websites_and_apps',
  'exploitation_websites_and_apps',
] as const

/** The columns that carry quasi-identifiers (what k-anonymity is measured on). */
export const DEIDENTIFIED_QI_COLUMNS = [
  'year_of_intake',
  'forced_labour_industry',
  'type_of_sex_exploitation',
  'relationship_to_trafficker',
  'sex',
  'age_band',
  'minor_when_trafficked',
  'citizenship',
  'country_of_exploitation',
  'exploitation_types',
] as const

export function deidentifiedCsv(rows: readonly AnonymisedRow<DeidentifiedCase>[], training = false): Buffer {
  const csv = new CsvBuilder(withTrainingColumn(DEIDENTIFIED_COLUMNS, training))
  const mark = training ? [TRAINING_VALUE] : []
  const at = (name: QuasiIdentifierName) => qiIndex(name)
  for (const { row, values, levels } of rows) {
    const qi = (name: QuasiIdentifierName) => values[at(name)] ?? null
    const scope = exploitationScope(qi('exploitationTypes'), levels[at('exploitationTypes')] ?? 0)
    csv.add([
      randomUUID(),
      qi('year'),
      qi('sex'),
      qi('ageBand'),
      qi('minorWhenTrafficked'),
      qi('citizenship'),
      qi('countryOfExploitation'),
      qi('exploitationTypes'),
      row.traffickingStatus,
      joinCodes(row.methodsOfControl),
      // Shown only where the (possibly generalised) exploitation type says labour / sexual applies.
      scope.labour ? shownValue(qi('forcedLabourIndustry')) : null,
      // As matched on (quasi-identifiers.ts): the codes, or "*" where k needed them hidden.
      scope.sexual ? qi('typeOfSexExploitation') : null,
      joinCodes(row.methodOfRecruitment),
      shownValue(qi('relationshipToTrafficker')),
      joinCodes(row.recruitmentWebsitesAndApps),
      joinCodes(row.exploitationWebsitesAndApps),
      ...mark,
    ])
  }
  return csv.toBuffer()
}
