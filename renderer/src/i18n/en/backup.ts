// English messages: backup, restore and the About screen. Keys are literals at every call site (a test checks each exists).
// vue-i18n treats { } @ $ | as syntax: keep them out of plain text.
export const backupMessages = {
  backupBanner: {
    never: 'This vault has never been backed up. If this computer fails or is taken, every record is lost.',
    overdue: 'The last backup is more than one day old. | The last backup is more than {days} days old.',
    link: 'Make a backup',
  },
  backup: {
    title: 'Backup',
    intro:
      'A backup is one encrypted file holding everything in this vault: cases, attachments, users, settings and the audit log. Save it on a USB stick or another computer and keep it in a safe place away from this one, so the records survive if this computer breaks, is stolen or is taken away.',
    adminOnly:
      'Only an administrator can make, check or restore backups. Tell an administrator if the last backup is old.',
    status: {
      heading: 'Backup status',
      loading: 'Reading…',
      loadFailed: 'The backup status could not be read.',
      never: 'No backup yet.',
      lastAt: 'Last backup: {date}',
      overdueNever: 'If this computer fails or is taken, every record is lost. Make a backup today.',
      overdue:
        'The last backup is more than one day old. Make a new one today. | The last backup is more than {days} days old. Make a new one today.',
      warnAfter:
        'CaseVault warns when the last backup is more than one day old. | CaseVault warns when the last backup is more than {days} days old.',
    },
    create: {
      heading: 'Make a backup',
      intro: 'Choose how the backup is protected. Then choose where to save it, for example on a USB stick.',
      protection: 'Protect the backup with',
      withPassphrase: 'A backup passphrase',
      withKeys: 'The organisation’s public key(s)',
      passphraseExplain:
        'This passphrase is needed to restore the backup. It is not anyone’s passphrase for unlocking CaseVault: choose a new one, write it down and keep the paper in a safe place, apart from the backup.',
      passphrase: 'Backup passphrase',
      passphraseHint: 'Four or five unrelated words are easy to write down and hard to guess.',
      passphraseConfirm: 'Repeat the backup passphrase',
      recipients: 'Public keys, one per line',
      recipientsHint:
        'Each public key starts with age1. The matching private key (AGE-SECRET-KEY-1…) is kept offline, printed on paper in a safe place: it is needed to check or restore the backup. With keys, nobody has to type a passphrase to make a backup.',
      recipientsRequired: 'Enter at least one public key.',
      recipientsTooMany: 'Enter at most {max} public keys.',
      recipientNotAKey:
        'Line {line} is not an age public key. A public key starts with age1 and has 62 characters; check each one against the paper copy.',
      submit: 'Choose where to save the backup…',
      busy: 'Encrypting… this can take a minute. Keep CaseVault open.',
      done: 'The backup was saved to:',
      doneAdvice: 'Keep the file away from this computer. Check it now and then with “Check a backup”.',
      sameDrive:
        'This file is on the same drive as the vault. If this computer breaks or is taken, the backup goes with it: copy it to a USB stick or another computer now.',
      cancelled: 'No place was chosen, so nothing was written.',
    },
    auto: {
      heading: 'Automatic backup',
      explain:
        'CaseVault can make a backup by itself each time someone locks it, it locks after idle time, or it is closed. The backup is encrypted to the organisation’s public keys, so nobody has to type a passphrase, and only the newest ones are kept.',
      enabled: 'Make a backup automatically on lock and on quit',
      folder: 'Folder:',
      noFolder: 'No folder chosen yet.',
      chooseFolder: 'Choose folder…',
      folderRequired: 'Choose a folder before turning automatic backup on.',
      notLoaded:
        'The saved settings could not be read, so nothing was saved: saving now would replace them with what this form shows. Open this screen again to try again.',
      keep: 'Backups to keep',
      keepHint: 'Older automatic backups in the folder are deleted. Backups made by hand are never deleted.',
      keepRange: 'Enter a whole number from {min} to {max}.',
      save: 'Save automatic backup settings',
      saved: 'Saved.',
      lastRun: 'Last automatic backup: {date}.',
      sameDrive:
        'This folder is on the same drive as the vault. Backups here do not survive a broken, stolen or seized computer: choose a folder on a USB stick or another drive.',
      failed:
        'The automatic backup at {date} failed. The vault was locked anyway. Make a backup by hand and check the folder.',
      failedFolder:
        'The automatic backup at {date} failed: the folder was not found. Plug in the USB stick or choose another folder.',
      failedFull:
        'The automatic backup at {date} failed: the drive is full. The vault was locked anyway. Free some space, keep fewer backups, or choose a bigger drive.',
      failedNotAllowed:
        'The automatic backup at {date} failed: CaseVault may not write in the folder (it is read-only or protected). Check the USB stick’s write-protect switch, or choose another folder.',
    },
    strength: {
      loading: 'Loading the strength check…',
      unavailable: 'The strength check could not be loaded. CaseVault checks the passphrase when you save.',
      label: 'Strength {score} of 4: {verdict}',
      verdict0: 'very easy to guess',
      verdict1: 'easy to guess',
      verdict2: 'still too easy to guess',
      verdict3: 'strong enough',
      verdict4: 'very strong',
      needed: 'The passphrase needs strength {score} or more and at least {min} characters.',
      tooShort: 'Use at least {min} characters.',
      warnings: {
        straightRow: 'Straight rows of keys on the keyboard are easy to guess.',
        keyPattern: 'Short keyboard patterns are easy to guess.',
        simpleRepeat: 'Repeated characters like “aaa” are easy to guess.',
        extendedRepeat: 'Repeated patterns like “abcabcabc” are easy to guess.',
        sequences: 'Sequences like “abc” or “123” are easy to guess.',
        recentYears: 'Recent years are easy to guess.',
        dates: 'Dates are easy to guess.',
        topTen: 'This is one of the most used passwords.',
        topHundred: 'This is a very often used password.',
        common: 'This is a commonly used password.',
        similarToCommon: 'This is similar to a commonly used password.',
        wordByItself: 'A single word is easy to guess.',
        namesByThemselves: 'Names on their own are easy to guess.',
        commonNames: 'Common names are easy to guess.',
        userInputs: 'Do not use your username or the organisation’s name.',
        pwned: 'This passphrase has appeared in a data breach.',
      },
      suggestions: {
        l33t: 'Replacing letters with look-alike digits, like 0 for o, does not help much.',
        reverseWords: 'Words spelt backwards are easy to guess.',
        allUppercase: 'Use capitals in some places, not everywhere.',
        capitalization: 'Use capitals in more places than the first letter.',
        dates: 'Avoid dates and years that are linked to you.',
        recentYears: 'Avoid recent years.',
        associatedYears: 'Avoid years that are linked to you.',
        sequences: 'Avoid sequences like “abc” or “123”.',
        repeated: 'Avoid repeated words and characters.',
        longerKeyboardPattern: 'Avoid keyboard patterns.',
        anotherWord: 'Add another word that is less common.',
        useWords: 'Use several unrelated words, not a well-known phrase.',
        noNeed: 'Symbols, digits and capitals are not needed: length and unusual words count most.',
        pwned: 'If you use this passphrase anywhere else, change it there.',
      },
    },
    credentials: {
      legend: 'Open the backup with',
      withPassphrase: 'Its backup passphrase',
      withKey: 'The organisation’s private key',
      passphrase: 'Backup passphrase',
      passphraseHint: 'The passphrase chosen when the backup was made, not your unlock passphrase.',
      key: 'Private key',
      keyHint:
        'Starts with AGE-SECRET-KEY-1. Type it from the printed sheet; spaces and line breaks do not matter.',
      identityInvalid:
        'This is not an age private key. It starts with AGE-SECRET-KEY-1 and has 74 characters; check each one against the paper copy.',
    },
    verify: {
      heading: 'Check a backup',
      intro:
        'Opens a backup file and checks every part of it, without changing anything in this vault. Check the copy on the USB stick now and then: a backup nobody has checked may not work on the day it is needed.',
      submit: 'Choose a backup and check it…',
      busy: 'Decrypting and checking… this can take a minute.',
      ok: 'This backup is complete and readable.',
      madeBy: 'Made on {date} by {name}.',
      unknownUser: 'an unknown user',
      organisation: 'Organisation: {name}',
      cancelled: 'No file was chosen, so nothing was checked.',
    },
    rollback: {
      heading: 'Copies kept after restores',
      explain:
        'Each restore keeps the vault it replaced in a folder beside the data folder, so a restore can be undone: “Bring this vault back” makes the copy the vault again (and keeps the current one as a copy in turn). Such a copy is as large as the vault and still opens with the passphrases that were valid when it was replaced, including those of people who have left. Remove the copies once the restored vault has proven itself.',
      none: 'There are no copies.',
      removed: 'The copies were removed.',
      copy: 'Replaced on {date} ({size}), in the folder {name}',
      remove: 'Remove this copy… | Remove these {count} copies…',
      confirmTitle: 'Remove the copies?',
      confirmBody:
        'The copy ({size}) will be deleted from this computer and cannot be brought back. | The {count} copies ({size} in all) will be deleted from this computer and cannot be brought back.',
      keep: 'Keep them',
      confirm: 'Remove',
      bringBack: 'Bring this vault back…',
      bringBackTitle: 'Bring this vault back?',
      bringBackBody:
        'The vault replaced on {date} becomes the vault again, with its users and passphrases of that time. The current vault is kept as a copy beside it, so this can be undone too. CaseVault locks to make the change.',
      bringBackKeep: 'Keep the current vault',
      bringBackConfirm: 'Bring it back',
    },
    restore: {
      heading: 'Restore a backup',
      lead: 'Restoring replaces everything in this vault with the content of the backup.',
      replaces:
        'All cases, attachments, users, settings and the audit log are replaced. Anything recorded after the backup was made is no longer in the vault.',
      rollback:
        'The current vault is not deleted: it is kept as a copy with today’s date next to the data folder, so it can be brought back if needed.',
      passphrases:
        'Afterwards everyone unlocks with the passphrase that was valid when the backup was made, or with the recovery key of that time. Passphrases changed since then no longer work.',
      safe: 'CaseVault checks the whole backup first. If the file is damaged or the passphrase is wrong, nothing in this vault changes.',
      word: 'RESTORE',
      typeWord: 'Type {word} to confirm',
      submit: 'Choose a backup and restore it…',
      submitHint: 'Type {word} above first.',
      busy: 'Checking and restoring… this can take a minute. Keep CaseVault open.',
      cancelled: 'No file was chosen, so nothing was changed.',
      otherVault: {
        heading: 'This backup is of another vault',
        lead: 'The backup you chose was not made from this vault:',
        details: 'Organisation: {organisation}. Made on {date}. Cases: {cases}.',
        consequence:
          'If you restore it, this vault is replaced by that one: only its users can unlock afterwards, with their passphrases of that time. This vault is kept as a copy beside the data folder.',
        keep: 'Keep this vault',
        replace: 'Restore that vault instead',
      },
      newerWork: {
        heading: 'This vault has newer work than the backup',
        details: 'The backup was made on {date} by {user}. Since then, this vault has recorded:',
        otherCopy:
          'The backup was made on {date} by {user}. Its history parted from this vault’s on {parted}: it was made on another copy of this vault, or before this vault was restored from an older backup. Since then, this vault has recorded, and the backup does not hold:',
        otherCopyUndated:
          'The backup was made on {date} by {user}, and shares no history with this vault. This vault has recorded, and the backup does not hold:',
        cases:
          'work on one case (new, changed, or a new note, file, referral, plan or screening) | work on {count} cases (new, changed, or a new note, file, referral, plan or screening)',
        accounts:
          'one change to user accounts or screening templates (a user deactivated since could unlock again) | {count} changes to user accounts or screening templates (a user deactivated since could unlock again)',
        directory: 'one service directory entry | {count} service directory entries',
        deleted:
          'one case deleted (the backup would bring it back) | {count} cases deleted (the backup would bring them back)',
        unlinked:
          'one screening or referral not tied to a case | {count} screenings or referrals not tied to a case',
        consequence:
          'If you restore the backup, this vault becomes what the backup holds: all of this is replaced, and so are the user accounts and passphrases of that time. This vault is kept as a copy beside the data folder, and the Backup screen can bring it back.',
        replace: 'Restore the backup anyway',
      },
    },
    counts: {
      screenings: 'Screenings',
      referrals: 'Referrals',
      cases: 'Cases',
      comments: 'Comments',
      attachments: 'Attachments',
      users: 'Users',
      auditRows: 'Audit log entries',
    },
    settings: {
      heading: 'Backup reminder',
      warnDays: 'Warn when the last backup is older than',
      warnDaysHint: 'From {min} to {max} days. Administrators then see a reminder on every screen.',
      days: 'days',
      save: 'Save reminder',
      saved: 'Saved. CaseVault warns after one day. | Saved. CaseVault warns after {days} days.',
    },
  },
  about: {
    title: 'About CaseVault',
    version: 'Version {version}',
    whatHeading: 'What CaseVault does',
    what: 'CaseVault keeps the case records of organisations that support survivors of human trafficking: survivors, cases, comments, attachments, and an audit log of who did what.',
    offline:
      'It works without the internet. Everything is kept on this computer in one encrypted vault. CaseVault sends nothing over the internet, loads nothing from it and opens no web pages.',
    backups: 'Backups and exports are files that you save yourself, encrypted before they leave the vault.',
    standardHeading: 'The data standard',
    attribution:
      'The Human Trafficking Case Data Standard (HTCDS) is © International Organization for Migration (IOM), licensed under CC BY 4.0 (Creative Commons Attribution 4.0 International). CaseVault converts its field sheet to JSON. IOM does not endorse CaseVault.',
    licenceAddress: 'The licence can be read at',
    noticeLabel: 'Notice included with the converted standard:',
    licenceHeading: 'Licence',
    licence:
      'CaseVault is free software: you may use, study, share and change it under the GNU Affero General Public License, version 3.',
  },
}
