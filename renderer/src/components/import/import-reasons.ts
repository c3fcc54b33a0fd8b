import { useI18n } from 'vue-i18n'
import {
  importFieldMarkers,
  UNNAMED_COLUMN,
  type IgnoredColumn,
  type ImportNote,
  type ImportReasonCode,
  type ImportReasonParams,
  type ImportRowError,
} from '../../../../main/api/contract'

type Words = (params: ImportReasonParams) => string

/**
 * An import report in the reader's language. Main gives every row problem, ignored column and
 * note a code from a closed set with the numbers it holds (main/api/contract/import-reasons.ts);
 * each has a message exchange.importReasons.<code>. Keys are literal so the i18n test checks each,
 * and the Record makes a code without a message a type error. A code this renderer does not know
 * (a newer main) shows main's English sentence instead.
 */
export function useImportReasons() {
  const { t } = useI18n()
  const messages: Record<ImportReasonCode, Words> = {
    quoteNotClosed: (p) => t('exchange.importReasons.quoteNotClosed', p),
    rowTooLarge: (p) => t('exchange.importReasons.rowTooLarge', p),
    cellCountDiffers: (p) => t('exchange.importReasons.cellCountDiffers', p),
    notValidCsv: (p) => t('exchange.importReasons.notValidCsv', p),
    extraCells: (p) => t('exchange.importReasons.extraCells', p),
    valueTooLong: (p) => t('exchange.importReasons.valueTooLong', p),
    formulaCell: (p) => t('exchange.importReasons.formulaCell', p),
    errorCell: (p) => t('exchange.importReasons.errorCell', p),
    notAValueCell: (p) => t('exchange.importReasons.notAValueCell', p),
    noImportedValue: (p) => t('exchange.importReasons.noImportedValue', p),
    noPerpetratorId: (p) => t('exchange.importReasons.noPerpetratorId', p),
    notAnObject: (p) => t('exchange.importReasons.notAnObject', p),
    notAFieldObject: (p) => t('exchange.importReasons.notAFieldObject', p),
    notAFlag: (p) => t('exchange.importReasons.notAFlag', p),
    yearRequired: (p) => t('exchange.importReasons.yearRequired', p),
    yearOutOfRange: (p) => t('exchange.importReasons.yearOutOfRange', p),
    notAnAgeBand: (p) => t('exchange.importReasons.notAnAgeBand', p),
    required: (p) => t('exchange.importReasons.required', p),
    badCaseNumber: (p) => t('exchange.importReasons.badCaseNumber', p),
    notAStatus: (p) => t('exchange.importReasons.notAStatus', p),
    notADate: (p) => t('exchange.importReasons.notADate', p),
    dateInFuture: (p) => t('exchange.importReasons.dateInFuture', p),
    birthTooEarly: (p) => t('exchange.importReasons.birthTooEarly', p),
    olderThanAtIntake: (p) => t('exchange.importReasons.olderThanAtIntake', p),
    dateTooEarly: (p) => t('exchange.importReasons.dateTooEarly', p),
    notAnAssignee: (p) => t('exchange.importReasons.notAnAssignee', p),
    birthAfterIntake: (p) => t('exchange.importReasons.birthAfterIntake', p),
    trainingCase: (p) => t('exchange.importReasons.trainingCase', p),
    realCase: (p) => t('exchange.importReasons.realCase', p),
    commentNotDated: (p) => t('exchange.importReasons.commentNotDated', p),
    commentEmptyOrLong: (p) => t('exchange.importReasons.commentEmptyOrLong', p),
    perpetratorTwice: (p) => t('exchange.importReasons.perpetratorTwice', p),
    perpetratorDiffers: (p) => t('exchange.importReasons.perpetratorDiffers', p),
    numberInVault: (p) => t('exchange.importReasons.numberInVault', p),
    numberOnOtherRows: (p) => t('exchange.importReasons.numberOnOtherRows', p),
    numberOnManyRows: (p) => t('exchange.importReasons.numberOnManyRows', p),
    notOneOf: (p) => t('exchange.importReasons.notOneOf', p),
    expectedList: (p) => t('exchange.importReasons.expectedList', p),
    statusNotForDirection: (p) => t('exchange.importReasons.statusNotForDirection', p),
    referralKeyTwice: (p) => t('exchange.importReasons.referralKeyTwice', p),
    unknownReferralKey: (p) => t('exchange.importReasons.unknownReferralKey', p),
    screeningKeyTwice: (p) => t('exchange.importReasons.screeningKeyTwice', p),
    unknownScreeningKey: (p) => t('exchange.importReasons.unknownScreeningKey', p),
    consentTwiceInForce: (p) => t('exchange.importReasons.consentTwiceInForce', p),
    planEndDate: (p) => t('exchange.importReasons.planEndDate', p),
    withdrawnBeforeGiven: (p) => t('exchange.importReasons.withdrawnBeforeGiven', p),
    stepBeforeReferral: (p) => t('exchange.importReasons.stepBeforeReferral', p),
    endBeforeStart: (p) => t('exchange.importReasons.endBeforeStart', p),
    screeningTemplateUnknown: (p) => t('exchange.importReasons.screeningTemplateUnknown', p),
    screeningTemplateNotValid: (p) => t('exchange.importReasons.screeningTemplateNotValid', p),
    screeningTemplateDiffers: (p) => t('exchange.importReasons.screeningTemplateDiffers', p),
    unknownQuestion: (p) => t('exchange.importReasons.unknownQuestion', p),
    judgementReasonRequired: (p) => t('exchange.importReasons.judgementReasonRequired', p),
    notADateTime: (p) => t('exchange.importReasons.notADateTime', p),
    expectedText: (p) => t('exchange.importReasons.expectedText', p),
    expectedDate: (p) => t('exchange.importReasons.expectedDate', p),
    expectedNumber: (p) => t('exchange.importReasons.expectedNumber', p),
    expectedCoordinate: (p) => t('exchange.importReasons.expectedCoordinate', p),
    expectedWholeNumber: (p) => t('exchange.importReasons.expectedWholeNumber', p),
    expectedTrueOrFalse: (p) => t('exchange.importReasons.expectedTrueOrFalse', p),
    expectedRecordId: (p) => t('exchange.importReasons.expectedRecordId', p),
    expectedCodeList: (p) => t('exchange.importReasons.expectedCodeList', p),
    notACode: (p) => t('exchange.importReasons.notACode', p),
    notACountry: (p) => t('exchange.importReasons.notACountry', p),
    codeRepeated: (p) => t('exchange.importReasons.codeRepeated', p),
    textTooLong: (p) => t('exchange.importReasons.textTooLong', p),
    belowMinimum: (p) => t('exchange.importReasons.belowMinimum', p),
    aboveMaximum: (p) => t('exchange.importReasons.aboveMaximum', p),
    deprecatedField: (p) => t('exchange.importReasons.deprecatedField', p),
    unknownField: (p) => t('exchange.importReasons.unknownField', p),
    notValid: (p) => t('exchange.importReasons.notValid', p),
    repeatedColumn: (p) => t('exchange.importReasons.repeatedColumn', p),
    leftOutByMapping: (p) => t('exchange.importReasons.leftOutByMapping', p),
    sameTargetAsColumn: (p) => t('exchange.importReasons.sameTargetAsColumn', p),
    noHeader: (p) => t('exchange.importReasons.noHeader', p),
    foreignReference: (p) => t('exchange.importReasons.foreignReference', p),
    fieldNotKept: (p) => t('exchange.importReasons.fieldNotKept', p),
    unknownColumn: (p) => t('exchange.importReasons.unknownColumn', p),
    unknownKey: (p) => t('exchange.importReasons.unknownKey', p),
    sideTableIncomplete: (p) => t('exchange.importReasons.sideTableIncomplete', p),
    otherSheetsLeftOut: (p) => t('exchange.importReasons.otherSheetsLeftOut', p),
    sideRowsWithoutCase: (p) => t('exchange.importReasons.sideRowsWithoutCase', p),
    noIntakeDateColumn: (p) => t('exchange.importReasons.noIntakeDateColumn', p),
    fileIncomplete: (p) => t('exchange.importReasons.fileIncomplete', p),
    allOrNothingRefused: (p) => t('exchange.importReasons.allOrNothingRefused', p),
  }

  function worded(code: string, params: ImportReasonParams | undefined, english: string): string {
    return Object.hasOwn(messages, code) ? messages[code as ImportReasonCode](params ?? {}) : english
  }

  return {
    problem: (error: ImportRowError) => worded(error.code, error.params, error.reason),
    ignored: (column: IgnoredColumn) => worded(column.code, column.params, column.reason),
    note: (note: ImportNote) => worded(note.code, note.params, note.text),
    /** A column as the file names it, or what a marker stands for (the whole row, the file…). */
    column(name: string): string {
      if (name === importFieldMarkers.row) return t('exchange.importFields.row')
      if (name === importFieldMarkers.file) return t('exchange.importFields.file')
      if (name === importFieldMarkers.case) return t('exchange.importFields.case')
      const unnamed = UNNAMED_COLUMN.exec(name)
      return unnamed ? t('exchange.importFields.unnamedColumn', { position: unnamed[1]! }) : name
    },
  }
}
