// Words main shows in the system's own dialogs: the question on closing over unsaved work and the
// file-type names in the open dialogs. They live in this catalog, with every other word the app
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
    fileTypes: {
      backup: 'CaseVault backup',
      htcdsCsv: 'HTCDS CSV',
      htcdsJson: 'HTCDS JSON',
      ctdcCsv: 'CTDC dataset (CSV)',
      htcdsXlsx: 'HTCDS Excel sheet',
    },
  },
}
