// A training vault's synthetic cases must never pass for real ones: a CTDC file made in a training
// session could be submitted to CTDC, or imported into a real vault. The full-record formats carry
// isTraining on every case; the de-identified ones carry this column on every row, and the
// aggregate tables this column and a note beside them. Real vaults' files are unchanged.
export const TRAINING_COLUMN = 'training_data'
export const TRAINING_VALUE = 'synthetic training data: not real cases'
export const TRAINING_NOTE = {
  name: 'TRAINING-DATA.txt',
  content: Buffer.from(
    'These tables were made from a CaseVault TRAINING vault: every case in it is synthetic.\n' +
      'Never publish them, submit them to CTDC or import them into a real vault.\n',
  ),
}

/** The header with the training column when the vault is a training vault. */
export const withTrainingColumn = (columns: readonly string[], training: boolean): string[] =>
  training ? [...columns, TRAINING_COLUMN] : [...columns]
