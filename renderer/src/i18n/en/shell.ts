// English messages: the app frame, shared words, validation and error messages. Keys are literals at every call site (a test checks each exists).
// vue-i18n treats { } @ $ | as syntax: keep them out of plain text.
export const shellMessages = {
  app: {
    name: 'CaseVault',
  },
  paste: {
    tooLong:
      'Nothing was pasted: with it, this field would hold {length} characters, and it takes at most {max}. Shorten or split the text, then paste again.',
  },
  progress: {
    label: 'Progress',
    cancel: 'Cancel',
    cancelling: 'Cancelling…',
    tooLateToCancel: 'Too far along to cancel: it will finish',
  },
  common: {
    cancel: 'Cancel',
    close: 'Close',
    yes: 'Yes',
    no: 'No',
    working: 'Working…',
  },
  nav: {
    label: 'Main',
    skipToContent: 'Skip to content',
    dashboard: 'Today',
    cases: 'Cases',
    screening: 'Screening',
    referrals: 'Referrals',
    reports: 'Reports',
    backup: 'Backup',
    admin: 'Admin',
    adminSections: 'Admin sections',
    adminUsers: 'Users',
    adminSettings: 'Settings',
    adminAudit: 'Audit log',
    changePassphrase: 'Change passphrase',
    lock: 'Lock',
    lockHint: 'Lock the vault now. Everyone must unlock again with their passphrase.',
    about: 'About CaseVault',
  },
  frame: {
    currentUser: '{name} ({role})',
    organisation: 'Organisation',
  },
  roles: {
    admin: 'Administrator',
    supervisor: 'Supervisor',
    caseworker: 'Caseworker',
    analyst: 'Analyst',
  },
  placeholder: {
    comingLater: 'This part of CaseVault is coming in a later release.',
    cases: 'Register survivors and follow their cases from identification to closure.',
    screening: 'Screen people for indicators of trafficking with standard questionnaires.',
    referrals: 'Refer survivors to services and follow up on each referral.',
    reports: 'Count cases and produce de-identified statistics.',
  },
  unsaved: {
    title: 'Leave without saving?',
    body: 'You have changes that are not saved. If you leave now, they are lost.',
    stay: 'Stay and keep editing',
    leave: 'Leave and discard changes',
  },
  primevue: {
    clear: 'Clear',
    today: 'Today',
    emptyMessage: 'No options to choose from.',
    emptyFilterMessage: 'Nothing matches what you typed.',
    emptySelectionMessage: 'Nothing chosen.',
    searchMessage: '{count} results are available.',
    selectionMessage: '{count} chosen.',
    chooseYear: 'Choose the year',
    chooseMonth: 'Choose the month',
    chooseDate: 'Choose the date',
    prevDecade: 'Previous ten years',
    nextDecade: 'Next ten years',
    prevYear: 'Previous year',
    nextYear: 'Next year',
    prevMonth: 'Previous month',
    nextMonth: 'Next month',
    pageLabel: 'Page {page}',
    firstPageLabel: 'First page',
    lastPageLabel: 'Last page',
    nextPageLabel: 'Next page',
    prevPageLabel: 'Previous page',
    selectAll: 'All chosen',
    unselectAll: 'None chosen',
    listLabel: 'Options',
  },
  format: {
    bytes: '{size} bytes',
    kilobytes: '{size} KB',
    megabytes: '{size} MB',
  },
  notAllowed: {
    title: 'Not allowed',
    body: 'Your role does not give access to this page. Ask an administrator if you need it.',
    back: 'Go to cases',
  },
  problem: {
    title: 'CaseVault cannot open the vault',
    retry: 'Try again',
  },
  validation: {
    required: 'This field is required.',
    tooShort: 'Use at least {min} characters.',
    tooLong: 'Use at most {max} characters.',
    usernameFormat: 'Use only letters, digits, dot, dash and underscore.',
    emptyEvent: 'This event has no detail yet. Record at least one, or remove the event.',
    unstorableText:
      'This text holds a broken character (often half of an emoji, cut off when pasting). Retype that part.',
    hiddenCharacters:
      'Remove the line breaks and invisible characters (such as text-direction marks) from this name.',
    chooseOne: 'Choose one of the options.',
    passphraseMismatch: 'The two passphrases are not the same.',
    passphraseEdgeSpaces:
      'Remove the space at the start or the end: it cannot be seen on the paper copy, and the backup would not open without it.',
    atLeast: 'Enter {min} or more.',
    atMost: 'Enter {max} or less.',
    wholeNumber: 'Enter a whole number, without decimals.',
    number: 'Enter a single number in digits, for example 16.',
    invalid: 'This value is not valid.',
    date: 'Enter a real date as year-month-day, for example 2025-03-14.',
    beforeReferralDate: 'This is before the referral date.',
    beforePreviousStep: 'This is before the date of the previous step.',
    beforeConsentGiven: 'This is before the consent was given.',
    organisationRequired: 'Choose a service from the directory or type the organisation’s name.',
    endBeforeStart: 'This is before the start date.',
    planEndRequired: 'Enter the day the plan ended.',
    activePlanHasEnd: 'An active plan has no end date yet: clear this date, or choose how the plan ended.',
    nameOrAlias: 'Enter a name, or a name the person is known by under “Also known as”.',
    dateInFuture: 'This date is in the future. Check the year.',
    dateTooEarly: 'Enter a date from {date} on. Check the year.',
    birthAfterIntake: 'The date of birth is after the intake date. Check both dates.',
    birthTooEarly: 'This date of birth makes the survivor over {years} at intake. Check the year.',
    olderThanAtIntake: 'This is older than the survivor was at intake. Check the age and the date of birth.',
    beforeBirth: 'This is before the survivor was born. Check this date and the date of birth.',
  },
  errorDetails: {
    // A FORBIDDEN whose details say why: main's refusal of another caseworker's referral or screening.
    notAssigned:
      'This is assigned to someone else (a case of another caseworker, or a screening another caseworker made), so it is not shown to you. Your role allows this action: ask a supervisor if you need to work on it.',
    conflict: {
      stale:
        'Someone else changed this after you opened it, so your change was not saved. What you typed is still here: copy anything you need, reload to see their changes, then make yours again.',
      screeningUsedElsewhere:
        'A referral of another case already uses this screening, so it was not linked here: the referral’s printed form would show this person’s risk level as the other person’s. Check which person the screening is of.',
      serviceHasReferrals:
        'Referrals were made to this service with its organisation, so it cannot move to another organisation. Add it to the other organisation as a new service instead. Nothing was changed.',
      ownAccount:
        'You cannot reset your own passphrase here. Use “Change passphrase” at the top of the screen: it asks for your current one.',
      usernameTaken: 'A user with this username already exists. Choose another username.',
    },
    alreadyRunning: {
      backup:
        'A backup is already being made (perhaps started before you left this screen, or an automatic one). Wait for it to finish, then try again.',
      verify: 'A backup is already being checked. Wait for the check to finish, then try again.',
      restore: 'A backup is already being restored. Wait for it to finish.',
      export:
        'An export is already running (perhaps started before you left this screen). Wait for it to finish, then try again.',
      import:
        'An import is already running (perhaps started before you left this screen). Wait for it to finish, then try again.',
    },
    // A backup waits a few seconds for the vault's other readers before it gives up (live-snapshot.ts).
    backupWaitedFor: {
      export:
        'The backup was not made: an export is reading the vault, and a backup can only start when it has finished. Wait for the export to finish, then make the backup again. Nothing was changed.',
      otherTask:
        'The backup was not made: CaseVault is still reading the vault for another task (an export, or another backup). Wait a moment for it to finish, then make the backup again. Nothing was changed.',
    },
    backupFile: {
      tooNew:
        'This backup was made by a newer version of CaseVault, so this version cannot read it. Your current vault is unchanged. Update CaseVault on this computer, then try again.',
      rollbackCopyDamaged:
        'This copy is incomplete or damaged (a file of it is missing), so it cannot be brought back. The current vault is unchanged.',
    },
    waitSeconds: 'You can try again in one second. | You can try again in {seconds} seconds.',
    backupNeeds: {
      privateKey:
        'This backup was made to the organisation’s public key (as automatic backups are), so it has no passphrase: choose “The organisation’s private key” and paste the key (AGE-SECRET-KEY-1…). Nothing was changed.',
      passphrase:
        'This backup was made with a backup passphrase, so the private key does not open it: choose “Its backup passphrase” and type the passphrase chosen when it was made. Nothing was changed.',
    },
  },
  errors: {
    VALIDATION: 'Some of the information is not valid. Check the fields and try again.',
    LOCKED: 'The vault is locked. Unlock it to continue.',
    FORBIDDEN: 'Your role does not allow this action.',
    NOT_FOUND: 'This could not be found. It may have been removed.',
    CONFLICT:
      'This cannot be done as things are now: it clashes with something that already exists or was changed meanwhile. Nothing was changed. Reload, check, then try again.',
    WRONG_PASSPHRASE: 'The passphrase is not correct. Check Caps Lock and try again.',
    UNKNOWN_USER: 'There is no user with this username in this vault. Check the spelling.',
    USER_DEACTIVATED: 'This account has been deactivated. Ask an administrator to help you.',
    TOO_MANY_ATTEMPTS: 'Too many unsuccessful attempts. Please wait before trying again.',
    NEEDS_RESET:
      'Your account is still here, but its passphrase was lost when the vault’s key file was rebuilt with the recovery key. Ask an administrator to reset your passphrase.',
    BAD_RECOVERY_KEY:
      'The recovery key is not correct. Check each group of 4 characters: the last group catches typing mistakes.',
    VAULT_EXISTS: 'A vault already exists in this data folder. Unlock it instead of creating a new one.',
    NO_VAULT: 'There is no vault in the data folder yet. Set one up first.',
    CORRUPT_HEADER:
      'The vault settings file (vault.json) is damaged. Nothing has been deleted. Restore it from a backup, or unlock with the recovery key.',
    DB_MISSING:
      'The encrypted database file is missing from the data folder. Nothing has been deleted here: restore the files from a backup.',
    DB_NOT_OURS:
      'The database file in the data folder does not belong to this vault. Restore the matching files from a backup.',
    DB_CORRUPT:
      'The vault file is damaged and cannot be read safely. Nothing has been deleted or overwritten: restore the latest backup.',
    SCHEMA_TOO_NEW:
      'This vault was last opened by a newer version of CaseVault. Install that version, or a newer one, to open it.',
    WEAK_PASSPHRASE:
      'This passphrase is too easy to guess. Use a longer one, for example several unrelated words.',
    BACKUP_DAMAGED:
      'This backup file is damaged or incomplete, so it was not used. Your current vault is unchanged. Try another copy of the backup.',
    INVALID_TRANSITION:
      'This step is not possible from the current status. Reload to see the latest status; nothing was changed.',
    CONSENT_REQUIRED:
      'The survivor’s consent to share this information has not been recorded, so the referral cannot be sent. Record the consent first.',
    CANCELLED: 'Cancelled. Nothing was written and nothing was changed.',
    DISK_FULL:
      'The drive is full, or cannot hold a file this big (a USB stick formatted as FAT32 takes at most 4 GB per file). Nothing was saved: free some space or choose another drive, then try again.',
    FILE_NOT_ALLOWED:
      'CaseVault may not use this file or folder: it is read-only or protected (a USB stick can have a write-protect switch). Nothing was changed: choose another place, then try again.',
    FILE_IN_USE:
      'Another program is using this file or folder (an open document, a window showing the folder, a virus scan). Nothing was changed: close it, then try again.',
    FILE_IN_VAULT_FOLDER:
      'This is the folder where CaseVault keeps the vault itself, so nothing may be saved there: a backup there would be lost with the vault it protects. Nothing was changed: choose another place, for example a USB stick.',
    OTHER_VAULT: 'This backup is of another vault, not of this one. Nothing was changed.',
    NEWER_WORK: 'This vault has work that is newer than the backup. Nothing was changed.',
    RESTORE_UNFINISHED:
      'A restore was cut short (the power went, or CaseVault was closed) and could not be finished yet: another program may be using the vault’s files. Nothing was changed. Close other programs or restart the computer, then start CaseVault again.',
    VAULT_IN_USE:
      'The vault is open in another CaseVault window or program on this computer (the command line, say). Nothing was changed: lock the vault there or close that program, then try again.',
    UPGRADE_FAILED:
      'This vault was made by an older CaseVault and could not be brought up to this version. Nothing was changed: the vault (or the backup) is as it was. Keep it, and ask whoever supports your CaseVault for help.',
    FILE_UNAVAILABLE:
      'The file or folder is no longer there, or its drive cannot be read. It may have been moved, or the USB stick taken out. Nothing was changed: reconnect the drive or choose another place, then try again.',
    FILE_NAME_TOO_LONG:
      'The file name, or the path of folders around it, is too long for this drive. Nothing was changed: choose a shorter name or a folder nearer the top of the drive.',
    INTERNAL:
      'Something went wrong inside CaseVault. Try again, and restart CaseVault if it keeps happening.',
  },
}
