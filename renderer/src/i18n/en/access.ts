// English messages: setup, recovery key, unlock and passphrases. Keys are literals at every call site (a test checks each exists).
// vue-i18n treats { } @ $ | as syntax: keep them out of plain text.
export const accessMessages = {
  setup: {
    title: 'Set up CaseVault',
    intro:
      'CaseVault keeps all records in one encrypted file on this computer. Create the vault and the first administrator account.',
    organisation: 'Organisation name',
    username: 'Administrator username',
    usernameHint: 'Letters, digits, dot, dash and underscore. Used to unlock the vault.',
    displayName: 'Your full name',
    passphrase: 'Passphrase',
    passphraseHint:
      'At least {min} characters. A few unrelated words are easy to remember and hard to guess.',
    passphraseConfirm: 'Repeat the passphrase',
    submit: 'Create vault',
    restoreUnfinished: {
      heading: 'A restore was cut short',
      body: 'A backup was being restored on this computer when the power went or CaseVault was closed, and it could not be finished yet: another program may be using the vault’s files. Nothing is lost: the restored vault and the one it replaces are both kept. Close other programs (or restart the computer), then try again.',
      retry: 'Try again',
    },
    creating: 'Creating the encrypted vault. This takes a few seconds…',
  },
  strength: {
    label: 'Strength: {level}',
    tooShort: 'too short',
    weak: 'too easy to guess: add more unrelated words',
    good: 'good',
    strong: 'strong',
  },
  recoveryKey: {
    title: 'Your recovery key',
    intro:
      'This key opens the vault if every passphrase is forgotten. It is shown only this once. Write it on paper or print it, and keep it locked away from this computer.',
    introAgain:
      'This key opens the vault if every passphrase is forgotten. Write it on paper or print it, and keep it locked away from this computer.',
    warning: 'Anyone who has this key and a copy of the vault file can read every record.',
    print: 'Print the key',
    printHeading: 'CaseVault recovery key',
    printOrganisation: 'Organisation: {organisation}',
    printDate: 'Created: {date}',
    printAdvice: 'Keep this sheet in a locked place. Do not photograph it or store it on a computer.',
    confirmLabel: 'Type the last group of 4 characters of the key',
    confirmHint: 'This checks that you have the key written down. Copying is not offered on purpose.',
    confirmMismatch: 'This does not match the last group of the key.',
    continue: 'I have stored the key safely. Continue',
    againTitle: 'Your recovery key, once more',
    againIntro:
      'The vault locked before you confirmed that the recovery key is written down, so here it is again. Write it down or print it now: CaseVault opens only after you type its last group.',
  },
  unlock: {
    title: 'Unlock CaseVault',
    username: 'Username',
    passphrase: 'Passphrase',
    submit: 'Unlock',
    unlocking: 'Unlocking…',
    forgot: 'Forgot your passphrase? Use the recovery key',
  },
  locked: {
    user: 'The vault is locked.',
    idle: 'Locked after {minutes} minutes without activity.',
    idleOneMinute: 'Locked after 1 minute without activity.',
    idleUnknown: 'Locked after a period without activity.',
    suspend: 'Locked because the computer went to sleep.',
    screenLock: 'Locked because the screen was locked.',
    pageCrashed:
      'Locked because CaseVault’s window stopped working and was opened again. What was saved is safe; anything typed but not saved is lost.',
    unsavedWorkLost: 'What was typed and not yet saved was not kept: write it again after you unlock.',
    locking: 'Locking the vault…',
    restoring: 'Restoring the backup. Wait until this message changes before you unlock.',
    restored: 'Restored the backup of {date}. Unlock with the passphrase that was valid then.',
    restoredUndated: 'Restored the backup. Unlock with the passphrase that was valid when it was made.',
    restoreFailed: 'The restore did not finish.',
    broughtBack:
      'The vault replaced by the restore of {date} is back. Unlock with the passphrase that was valid then.',
  },
  recovery: {
    title: 'Unlock with the recovery key',
    intro:
      'Enter the recovery key that was printed or written down when the vault was created, then choose a new passphrase for your account.',
    key: 'Recovery key',
    keyHint: '17 groups of 4 characters. Dashes and spaces do not matter.',
    username: 'Your username',
    newPassphrase: 'New passphrase',
    newPassphraseConfirm: 'Repeat the new passphrase',
    submit: 'Unlock and set the new passphrase',
    back: 'Back to unlocking with a passphrase',
    otherVaultKey:
      'This recovery key is typed correctly, but it belongs to another vault (a training vault, or a vault this one replaced). Look for the sheet printed when this vault was created.',
  },
  changePassphrase: {
    title: 'Change your passphrase',
    intro: 'You need your current passphrase. Other users and the recovery key are not affected.',
    current: 'Current passphrase',
    new: 'New passphrase',
    confirm: 'Repeat the new passphrase',
    submit: 'Change passphrase',
    done: 'Your passphrase has been changed. Use the new one the next time you unlock.',
  },
}
