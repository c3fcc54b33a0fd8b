import type {
  IgnoredColumn,
  ImportNote,
  ImportReasonCode,
  ImportReasonParams,
  ImportRowError,
} from '../../api/contract/import'

/**
 * The English sentence of every import reason code: what the CLI prints and logs show. The
 * renderer has its own table (exchange.importReasons), with the same {placeholders} (a test holds
 * the two together). Building a reason only happens for a problem, never for a good row.
 */
export const englishReasons = {
  quoteNotClosed: 'a quoted value is never closed, so the rest of the file cannot be read',
  rowTooLarge: 'a row is too large to read',
  cellCountDiffers: 'the row has a different number of cells than the header',
  notValidCsv: 'the file is not valid CSV from here on',
  extraCells: 'has {cells} cells but the header has {columns}: values without a column',
  valueTooLong: 'value too long ({length} characters)',
  formulaCell: 'the cell holds a formula; CaseVault imports values only (paste as values)',
  errorCell: 'the cell shows an error ({error})',
  notAValueCell: 'the cell holds something other than a value',
  noImportedValue: 'no value in any imported column (check the column mapping)',
  noPerpetratorId: 'no perpetrator_id',
  notAnObject: 'expected an object',
  notAFieldObject: 'expected an object of fields',

  notAFlag: 'expected 1, 0 or blank',
  yearRequired: 'required (the year of registration becomes the intake date)',
  yearOutOfRange: 'not a year from {from} to {to}',
  notAnAgeBand: 'not a CTDC age band ({bands})',

  required: 'required',
  badCaseNumber: 'not a usable case number (letters, digits, spaces, . _ / -; at most 64)',
  notAStatus: 'not a case status ({statuses})',
  notADate: 'not a real date (yyyy-mm-dd)',
  dateInFuture: 'in the future',
  birthTooEarly: 'makes the survivor over 120 at intake',
  olderThanAtIntake: 'older than the survivor was at intake',
  dateTooEarly: 'before {date}',
  notAnAssignee:
    'not an active caseworker, supervisor or admin here (unmap the column to assign the cases to you)',
  birthAfterIntake: 'after the intake date',
  trainingCase: 'a training case (made in a training vault): import it into a training vault, not this one',
  realCase: 'a real case: a training vault takes only made-up cases',
  commentNotDated: 'createdAt is not a date and time',
  commentEmptyOrLong: 'the comment is empty or too long',
  perpetratorTwice: 'a perpetrator is listed twice',
  perpetratorDiffers:
    'perpetrator {key} has other details on row {row}: one id must be one person, so this case is not imported',
  numberInVault: 'this case number is already in the vault',
  numberOnOtherRows: 'the same case number is on row {rows}',
  numberOnManyRows: 'the same case number is on rows {rows} and {more} more',

  notOneOf: 'not one of: {values}',
  expectedList: 'expected a list',
  statusNotForDirection: 'an {direction} referral never has the status {status}',
  referralKeyTwice: 'two referrals of this case have the same referral key',
  unknownReferralKey: 'names no referral of this case',
  screeningKeyTwice: 'two screenings of this case have the same screening key',
  unknownScreeningKey: 'names no screening of this case',
  consentTwiceInForce: 'more than one consent in force (not withdrawn) for one referral',
  planEndDate: 'an active plan has no actual end date; a completed or discontinued one needs one',
  withdrawnBeforeGiven: 'withdrawn before the date it was given',
  stepBeforeReferral: 'before the referral date',
  endBeforeStart: 'before the start date',

  screeningTemplateUnknown: 'names a screening template version the file does not include',
  screeningTemplateNotValid: "the file's screening template for it is not a template this vault can use",
  screeningTemplateDiffers:
    'this vault has screening template {key} version {version} with other questions or rules; a template version is never changed, so this screening is not imported',
  unknownQuestion: 'not a question of this screening template version',
  judgementReasonRequired: "the screener's judgement differs from the computed level, and no reason is given",
  notADateTime: 'not a date and time (ISO 8601)',

  expectedText: 'expected text',
  expectedDate: 'expected a date',
  expectedNumber: 'expected a number',
  expectedCoordinate: 'expected a coordinate',
  expectedWholeNumber: 'expected a whole number',
  expectedTrueOrFalse: 'expected true or false',
  expectedRecordId: 'expected a record id',
  expectedCodeList: 'expected a list of codes',
  notACode: 'not one of this field’s values: {values}',
  notACountry: 'not a country: give its name or its two-letter ISO code (Nigeria or NG, for example)',
  codeRepeated: 'a code is repeated',
  textTooLong: 'at most {max} characters',
  belowMinimum: 'at least {min}',
  aboveMaximum: 'at most {max}',
  deprecatedField: 'deprecated field, not accepted in new records',
  unknownField: 'unknown field',
  notValid: 'not a valid value',

  repeatedColumn: 'repeated column; only the first one is read',
  leftOutByMapping: 'left out by the mapping',
  sameTargetAsColumn:
    'left out: column {column} already fills this field (change the mapping to use this one)',
  noHeader: 'no header',
  foreignReference: 'a reference to a record in another system; not imported',
  fieldNotKept: 'an HTCDS field CaseVault does not keep on a case; not imported',
  unknownColumn: 'unknown column; not imported',
  unknownKey: 'unknown field; not imported',

  sideRowsWithoutCase:
    'The side tables (events, perpetrators, comments, referrals…) name {numbers} case numbers that cases.csv does not have: what they hold for them is not imported.',
  otherSheetsLeftOut:
    'Only the sheet "{sheet}" is read. {sheets} also hold rows under known column names and are not imported: save each as its own file to import it.',
  sideTableIncomplete:
    '{file} could not be read to its end: its cases would lose what it holds, so nothing is imported from this archive.',
  noIntakeDateColumn:
    "No intake date column: imported cases get today's date ({date}) as intake date, flagged as such.",
  fileIncomplete: 'The file could not be read to its end: nothing is imported from it.',
  allOrNothingRefused: 'All or nothing: a row was rejected, so nothing was imported.',
} as const satisfies Record<ImportReasonCode, string>

type Placeholders<S extends string> = S extends `${string}{${infer Name}}${infer Rest}`
  ? Name | Placeholders<Rest>
  : never
type ParamNames<C extends ImportReasonCode> = Placeholders<(typeof englishReasons)[C]>
/** A code's params, exactly the placeholders of its sentence: none → no argument at all. */
type ParamsArg<C extends ImportReasonCode> = [ParamNames<C>] extends [never]
  ? []
  : [params: Record<ParamNames<C>, string | number>]

/** Codes whose sentence has no placeholder. */
export type PlainReasonCode = {
  [C in ImportReasonCode]: [ParamNames<C>] extends [never] ? C : never
}[ImportReasonCode]

/** A code with its params, before it is tied to a row, a column or the file. */
export interface ImportReason {
  code: ImportReasonCode
  params?: ImportReasonParams
}

export function reason<C extends ImportReasonCode>(code: C, ...[params]: ParamsArg<C>): ImportReason {
  return params ? { code, params } : { code }
}

/** The English sentence: the code's template with its {placeholders} filled. */
export function reasonText({ code, params }: ImportReason): string {
  const template: string = englishReasons[code]
  if (!params) return template
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  )
}

export function rowProblemOf(row: number, field: string, cause: ImportReason): ImportRowError {
  return { row, field, ...cause, reason: reasonText(cause) }
}

/** A problem of one row (or of the file from that row on), in one call. */
export function rowProblem<C extends ImportReasonCode>(
  row: number,
  field: string,
  code: C,
  ...params: ParamsArg<C>
): ImportRowError {
  return rowProblemOf(row, field, reason(code, ...params))
}

export function ignoredColumnOf(column: string, cause: ImportReason): IgnoredColumn {
  return { column, ...cause, reason: reasonText(cause) }
}

export function ignoredColumn<C extends ImportReasonCode>(
  column: string,
  code: C,
  ...params: ParamsArg<C>
): IgnoredColumn {
  return ignoredColumnOf(column, reason(code, ...params))
}

export function importNote<C extends ImportReasonCode>(code: C, ...params: ParamsArg<C>): ImportNote {
  const cause = reason(code, ...params)
  return { ...cause, text: reasonText(cause) }
}
