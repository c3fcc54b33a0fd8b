// Words main shows in the system's own dialogs: the question on closing over unsaved work, the
// file-type names in the open dialogs, and what main says when it cannot go on as asked. They live in this catalog, with every other word the app
// says, so a translation covers them too; main reads them from here (main/window/native-words.ts)
// as it has no vue-i18n. Plain text only: main does not interpolate.
export const nativeMessages = {
  native: {
    leaveQuestion: {
      title: 'Unsaved changes',
      message: 'Leave without saving?',
      detail: 'What you typed and did not save yet will be lost.',
      leave: 'Leave without saving',
      stay: 'Stay',
    },
    otherVaultOpen: {
      title: 'CaseVault is already open',
      message: 'CaseVault is already open on another vault.',
      detail:
        'The data folder this start asked for was not opened: the window in front shows the vault that was already open. To work in the other vault, close CaseVault first, then start it again.',
      ok: 'OK',
    },
    pageCrashed: {
      title: 'CaseVault stopped working',
      message: 'The CaseVault window stopped working several times in a row.',
      detail:
        'The vault is locked. CaseVault will now close: start it again. If this repeats, tell your administrator.',
      ok: 'Close CaseVault',
    },
    startFailed: {
      title: 'CaseVault could not start',
      noFolderNamed: 'The --data option was given without a folder after it.',
      cannotUseFolder: 'CaseVault cannot create or write to its data folder:',
      dataFolderHint:
        'Check that the drive is plugged in and that the folder can be written to, or name another folder with the --data option or the CASEVAULT_DATA setting. Then start CaseVault again.',
      otherProblem:
        'Something went wrong while starting. Start CaseVault again; if this repeats, tell your administrator.',
    },
    fileTypes: {
      backup: 'CaseVault backup',
      htcdsCsv: 'HTCDS CSV',
      htcdsJson: 'HTCDS JSON',
      ctdcCsv: 'CTDC dataset (CSV)',
      htcdsXlsx: 'HTCDS Excel sheet',
    },
  },
}
