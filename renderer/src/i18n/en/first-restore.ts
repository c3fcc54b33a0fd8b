// English messages: restoring a backup on a computer that has no vault yet (the setup screen).
export const firstRestoreMessages = {
  firstRestore: {
    offer: 'Moving to a new computer, or was the old one lost?',
    open: 'Restore from a backup…',
    back: 'Create a new vault instead',
    heading: 'Restore from a backup',
    lead: 'Choose a CaseVault backup file (.cvbackup), for example on a USB stick, and give its backup passphrase or the organisation’s private key.',
    passphrases:
      'Afterwards everyone unlocks with the passphrase that was valid when the backup was made, or with the recovery key of that time.',
    safe: 'CaseVault checks the whole backup before it writes anything. If the file is damaged or the passphrase is wrong, nothing is written.',
    submit: 'Choose the backup file and restore it…',
    busy: 'Checking and restoring… this can take a minute. Keep CaseVault open.',
    cancelled: 'No file was chosen, so nothing was restored.',
  },
  damagedRestore: {
    open: 'Restore the latest backup over the damaged vault…',
    heading: 'Restore the latest backup',
    lead: 'Your passphrase is right, but the vault’s database cannot be read. Choose the latest CaseVault backup (.cvbackup) and give its backup passphrase or the organisation’s private key.',
    keptAside:
      'The damaged vault is not deleted: it is kept beside the restored one as a dated rollback copy, for whoever supports your CaseVault.',
    back: 'Back to signing in',
  },
}
