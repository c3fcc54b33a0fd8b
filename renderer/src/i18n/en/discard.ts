// The question a form dialog asks before closing over typed work (DiscardChangesDialog).
export const discardMessages = {
  discard: {
    title: 'Discard the changes?',
    body: 'What you typed in this form is not saved yet. If you discard it, it is gone.',
    keep: 'Keep editing',
    discard: 'Discard',
  },
}
