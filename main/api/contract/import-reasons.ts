/**
 * Why an import report names a row, a column or the whole file: a closed set, like errorCodes.
 * The renderer shows each in the reader's language (`exchange.importReasons.<code>`, filled with
 * `params`); main also writes the English sentence beside it for the CLI and logs, from one table
 * (main/core/import/import-reasons.ts). Params are numbers, dates, codes and names from the
 * standard or this file's layout, never a cell's free text: it may be survivor data.
 */
export const importReasonCodes = [
  // Reading the file (row problems)
  'quoteNotClosed',
  'rowTooLarge',
  'cellCountDiffers',
  'notValidCsv',
  'extraCells',
  'valueTooLong',
  'formulaCell',
  'errorCell',
  'notAValueCell',
  'noImportedValue',
  'noPerpetratorId',
  'notAnObject',
  'notAFieldObject',
  // CTDC rows
  'notAFlag',
  'yearRequired',
  'yearOutOfRange',
  'notAnAgeBand',
  // The case's own columns
  'required',
  'badCaseNumber',
  'notAStatus',
  'notADate',
  'dateInFuture',
  'birthTooEarly',
  'olderThanAtIntake',
  'dateTooEarly',
  'notAnAssignee',
  'birthAfterIntake',
  'trainingCase',
  'realCase',
  'commentNotDated',
  'commentEmptyOrLong',
  'perpetratorTwice',
  'perpetratorDiffers',
  'numberInVault',
  'numberOnOtherRows',
  'numberOnManyRows',
  // Referrals and support plans of a case
  'notOneOf',
  'expectedList',
  'statusNotForDirection',
  'referralKeyTwice',
  'unknownReferralKey',
  'screeningKeyTwice',
  'unknownScreeningKey',
  'consentTwiceInForce',
  'planEndDate',
  'withdrawnBeforeGiven',
  'stepBeforeReferral',
  'endBeforeStart',
  // Screenings of a case
  'screeningTemplateUnknown',
  'screeningTemplateNotValid',
  'screeningTemplateDiffers',
  'unknownQuestion',
  'judgementReasonRequired',
  'notADateTime',
  // HTCDS field values (the standard's checks)
  'expectedText',
  'expectedDate',
  'expectedNumber',
  'expectedCoordinate',
  'expectedWholeNumber',
  'expectedTrueOrFalse',
  'expectedRecordId',
  'expectedCodeList',
  'notACode',
  'notACountry',
  'codeRepeated',
  'textTooLong',
  'belowMinimum',
  'aboveMaximum',
  'deprecatedField',
  'unknownField',
  'notValid',
  // Columns (or JSON keys) not imported
  'repeatedColumn',
  'leftOutByMapping',
  'sameTargetAsColumn',
  'noHeader',
  'foreignReference',
  'fieldNotKept',
  'unknownColumn',
  'unknownKey',
  // File-wide notes
  'sideTableIncomplete',
  'otherSheetsLeftOut',
  'sideRowsWithoutCase',
  'noIntakeDateColumn',
  'fileIncomplete',
  'allOrNothingRefused',
] as const

export type ImportReasonCode = (typeof importReasonCodes)[number]

/** The numbers and values a reason's sentence holds, by placeholder name. */
export type ImportReasonParams = Record<string, string | number>

/**
 * What `field` holds when a problem concerns the whole row, the file from that row on, or a JSON
 * case that is not an object (otherwise it is the column as the file names it). The renderer
 * translates these three.
 */
export const importFieldMarkers = { row: '(row)', file: '(file)', case: '(case)' } as const

/** A column without a header is named by its position ("column 3 (no header)"). */
export const unnamedColumn = (position: number): string => `column ${position} (no header)`
export const UNNAMED_COLUMN = /^column (\d+) \(no header\)$/
