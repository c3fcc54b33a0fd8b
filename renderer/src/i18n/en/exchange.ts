// English messages: the Reports hub, exports and imports. Keys are literals at every call site (a test checks each exists).
// vue-i18n treats { } @ $ | as syntax: keep them out of plain text ('|' separates plural forms).
import { importReasonMessages } from './import-reasons'

export const exchangeMessages = {
  exchange: {
    hub: {
      intro:
        'Data leaves or enters the vault only when someone does it on purpose, here. Every export and import is recorded in the audit log.',
      exportTitle: 'Export',
      exportAbout:
        'Save cases to a file: full HTCDS records for partners, or de-identified records and tables for statistics.',
      importTitle: 'Import',
      importAbout:
        'Read cases from a CSV, JSON or Excel file. A dry run shows every problem before anything is written.',
      noneForRole:
        'Exports are made by supervisors, administrators and analysts, and imports by supervisors and administrators.',
    },
    export: {
      title: 'Export',
      intro:
        'An export is a copy of case data outside the vault. It is encrypted unless you decide otherwise, and it is recorded in the audit log with its format, its date range and its number of rows.',
      analystNote: 'As an analyst you can export de-identified data only.',
      heading: 'Make an export',
      format: 'Format',
      formats: {
        htcdsJson: 'HTCDS records (JSON)',
        htcdsJsonAbout:
          'Full case records with names, dates, notes, referrals and support plans, in the HTCDS layout. For a partner who will import them.',
        htcdsCsv: 'HTCDS records (CSV tables)',
        htcdsCsvAbout:
          'The same full records as spreadsheet tables (cases, events, perpetrators, comments, referrals, support plans) in one archive.',
        deidentifiedCsv: 'De-identified records (CSV)',
        deidentifiedCsvAbout:
          'One row per case without names or exact dates. Details are coarsened until every row looks like at least k others.',
        ctdcCsv: 'De-identified records in CTDC columns (CSV)',
        ctdcCsvAbout:
          'The same de-identified rows in the column layout of the Counter Trafficking Data Collaborative.',
        aggregatesCsv: 'Aggregate tables (CSV)',
        aggregatesCsvAbout:
          'Counts of cases per year of intake: by sex, age and type of exploitation, and by citizenship and country of exploitation. Counts below k are left out. A star (*) stands for a detail hidden to reach k; an empty cell, for one that was not recorded.',
      },
      scope: {
        legend: 'Which cases',
        anyDates: 'By intake date. Leave a date empty to start at the first case or end at the last.',
        wholeYears:
          'By year of intake, whole years only: two exports a day apart could otherwise be compared to single out the cases of that day. Leave a year empty to start at the first case or end at the last.',
        unfinishedYear:
          'This export includes {year}, a year that is not over. Two exports of {year} made months apart differ by the cases added in between, and comparing them can single those out. Share finished years where you can.',
        changedSinceExport:
          '{year} changed after it was last exported, on {date}: {what} since. Someone holding both files can compare them to single those cases out: share one of the two, not both.',
        changedCases: 'one of its cases was added or changed | {count} of its cases were added or changed',
        deletedCases: 'one of its cases was deleted | {count} of its cases were deleted',
        changedAndDeleted: '{changed}, and {deleted}',
        fromYear: 'From the year',
        toYear: 'To the year (included)',
        fromDate: 'Intake from',
        toDate: 'Intake to (included)',
        yearInvalid: 'Enter a year with four digits, for example 2024.',
        order: 'The end comes before the start.',
      },
      k: {
        label: 'k: the smallest group of alike rows',
        hint: 'Your organisation requires at least {k}. A larger k hides more detail and protects people better.',
        tooSmall: 'Enter {min} or more: the organisation does not allow less.',
      },
      protection: {
        legend: 'Protection',
        withPassphrase: 'Encrypt with a passphrase',
        withKeys: 'Encrypt to public keys (age)',
        passphrase: 'Export passphrase',
        passphraseHint:
          'Whoever receives the file needs this passphrase to open it: give it to them another way than the file, by phone for example. It must be as strong as a backup passphrase.',
        passphraseConfirm: 'Repeat the export passphrase',
        recipients: 'Public keys of the people who will open the file',
        recipientsHint:
          'One key per line; each starts with age1. Only the holders of the matching private keys can open the file.',
      },
      submit: 'Export',
      busy: 'Exporting… This can take a while for many cases.',
      busyReading: 'Reading the cases… This can take a while for many cases.',
      busyWriting: 'Writing the file…',
      cancelled: 'No place was chosen, so nothing was written.',
      done: 'The export was saved to:',
      rows: 'No rows. | 1 row. | {count} rows.',
      cases: 'No cases. | 1 case. | {count} cases.',
      cells: 'No table cells. | 1 table cell. | {count} table cells.',
      encryptedYes: 'The file is encrypted: it opens only with the passphrase or a matching private key.',
      encryptedNo: 'The file is NOT encrypted: anyone who gets it can read it.',
      plaintext: {
        open: 'Export without encryption…',
        title: 'Export without encryption?',
        warning: 'Anyone who gets this file can read it: no passphrase or key is needed.',
        fullRecords:
          'This format holds names, dates of birth and notes about survivors. A lost USB stick or a forwarded e-mail could expose them.',
        advice:
          'Encrypt the export unless the file goes straight into a system that is at least as well protected as this vault.',
        understood: 'I understand that anyone with the file can read it.',
        confirm: 'Export without encryption',
      },
    },
    report: {
      heading: 'What de-identification did',
      recordsK:
        'Every combination of the details below is shared by at least {k} rows (k = {k}), so no row points to fewer than {k} people.',
      quasiIdentifiers: 'Details someone could recognise a person by: {names}.',
      rows: 'Cases read: {read}. Rows written: {written}.',
      generalisedIntro:
        'Each year of intake is made anonymous on its own, so that exports of different years cannot be compared to single out a case. To reach k, these details were made less precise:',
      generalisedStep: '{name}: {shownAs}, in the cases of {years}',
      suppressedCells:
        'Rows whose details were all replaced by a star (*): {rows}, with {cells} details hidden in all.',
      suppressedRows:
        'Cases left out entirely, too few to form a group of {k} even with every detail hidden: {count}.',
      nothingHidden: 'No detail had to be made less precise or hidden.',
      publicLeftOut:
        'Records imported from CTDC’s public data were left out: {count}. They are public already, and counting them would let anyone with CTDC’s file take them away to make a group smaller than k.',
      tablesK: 'Every count in the tables is {k} or more (k = {k}).',
      tablesCounts: 'Cases counted: {cases}. Table cells written: {cells}.',
      tablesCasesLeftOut:
        'Cases not counted: {count}. The tables count only the cases a de-identified export (k = {k}) shows with their details, so that comparing the two files reveals nothing about the others.',
      tableCellsLeftOut:
        'Cells left out because fewer than {k} cases had that combination: {count}. The tables show neither their count nor that they exist.',
      qi: {
        year: 'year of intake',
        forcedLabourIndustry: 'industry of forced labour',
        typeOfSexExploitation: 'type of sexual exploitation',
        relationshipToTrafficker: 'relationship to the trafficker',
        citizenship: 'citizenship',
        countryOfExploitation: 'country of exploitation',
        minorWhenTrafficked: 'minor or adult when trafficked',
        ageBand: 'age band',
        exploitationTypes: 'types of exploitation',
        sex: 'gender',
      },
      levels: {
        industrySection: 'shown as its section of the ISIC industry classification',
        sexExploitationRecorded: 'shown only as recorded (*) or not recorded (empty)',
        subregion: 'shown as the UN sub-region',
        region: 'shown as the UN region',
        minorOrAdult: 'shown only as minor or adult',
        exploitationCategory: 'shown only as sexual, labour, both or other',
        sexMerged: 'shown as feminine, masculine, or other or unknown',
        hidden: 'left out',
      },
    },
    setting: {
      heading: 'Organisation setting: k',
      intro:
        'The smallest k any de-identified export of this organisation may use. People can choose a larger k for one export, never a smaller one.',
      label: 'Smallest k',
      hint: 'From {min} (the standard’s minimum) to {max}.',
      save: 'Save k',
      saved: 'Saved: every de-identified export now uses k of at least {k}.',
      loadFailed: 'The organisation’s k could not be loaded.',
    },
    import: {
      title: 'Import',
      intro:
        'Cases are read from a file in three steps: choose the file, check how its columns are read, then import. Nothing is written before the last step, and then everything in one go.',
      fileHeading: '1. Choose the file',
      format: 'Kind of file',
      formats: {
        htcdsCsv: 'HTCDS CSV',
        htcdsCsvAbout:
          'One case per row with HTCDS field names as headers, or a CaseVault HTCDS CSV export (the .tar archive).',
        htcdsJson: 'HTCDS JSON',
        htcdsJsonAbout: 'A CaseVault HTCDS JSON export, or a list of cases in the same layout.',
        ctdcCsv: 'CTDC CSV',
        ctdcCsvAbout:
          'Rows in the column layout of the Counter Trafficking Data Collaborative. They become de-identified records.',
        htcdsXlsx: 'HTCDS Excel toolkit',
        htcdsXlsxAbout:
          'The standard’s Excel spreadsheet (field names in row 1, labels in row 2, cases from row 3).',
      },
      choose: 'Choose the file…',
      chooseAnother: 'Choose another file…',
      fileName: 'File: {name}',
      cancelled: 'No file was chosen. Nothing was read or written.',
      fileGone: 'This file is no longer open here (the vault may have been locked since). Choose it again.',
      fileMissing:
        'The file cannot be found where it was chosen: it may have been moved, renamed or deleted, or its USB stick removed. Choose it again.',
      fileChanged:
        'The file was changed after it was checked, so nothing was imported. Below is the check of the file as it is now: look at it again, then import.',
      busyReading: 'Reading the file…',
      busyChecking: 'Checking the file… Nothing is written.',
      busyImporting: 'Importing… Do not close CaseVault.',
      incomplete: 'The file could not be read to its end, so nothing can be imported from it.',
      ignored: 'Columns not imported: {count}',
      caseColumns: {
        caseNumber: 'Case number',
        status: 'Case status',
        intakeDate: 'Intake date',
        assignedTo: 'Assigned to (user name)',
        closureReason: 'Reason for closing the case',
        survivorAliases: 'Also known as (names separated by ;)',
        isTraining: 'Training case (true or false)',
        publicData: 'From CTDC’s public data (true or false)',
        sourceRecord: 'Where an imported record came from (CaseVault’s own export)',
      },
      groups: {
        case: 'Case',
        person: 'Survivor',
        victim: 'Trafficking experience',
        historicEvent: 'Trafficking event',
        ctdc: 'CTDC columns',
      },
      mapping: {
        heading: '2. Columns',
        intro:
          'Each column of the file and where its values go. CaseVault suggests the choices made at earlier imports of this kind of file and matches the rest by name. Change a choice, then check the file again.',
        caption: 'Columns of the file and the fields they are imported into',
        column: 'Column in the file',
        target: 'Imported as',
        selectLabel: 'Where the values of column {column} go',
        notImported: '— Not imported —',
        clash: 'Also chosen for {columns}. Each field can take one column only.',
        recheck: 'Check the file again with this mapping',
        refusedClash: 'Columns {columns} are all imported as {target}. Choose one column for it.',
        refusedTarget: 'Column {column} cannot be imported as {target}. Choose another field.',
      },
      counts: {
        read: 'Rows read',
        wouldImport: 'Would be imported',
        imported: 'Imported',
        rejected: 'Rejected',
        duplicates: 'Duplicates (case number already used)',
      },
      errors: {
        heading: 'Problems found: {count}',
        label: 'Problems by row',
        capped: 'The first {shown} are listed.',
        row: 'Row',
        field: 'Column',
        reason: 'Problem',
      },
      dryRun: {
        heading: '3. Check and import',
        intro:
          'The dry run has read the whole file and written nothing. Rows with a problem are not imported; fix them in the file and import it again later, or import the others now.',
        allOrNothing: 'Import nothing if any row has a problem',
        recheckFirst: 'The mapping has changed: check the file again before importing.',
        run: 'Import records | Import 1 record | Import {count} records',
      },
      fileProblems: {
        empty: 'The file is empty.',
        tooLarge: 'The file is too large to import.',
        encoding:
          'The file is not UTF-8 text. In your spreadsheet, save it as “CSV UTF-8” and choose it again.',
        binary: 'The file is not a text file. Check that you chose the right file.',
        noHeader: 'The file has no header row: the first row must name the columns.',
        badArchive: 'The archive is damaged and cannot be read.',
        noCases: 'The archive has no cases.csv, so it is not a CaseVault HTCDS CSV export.',
        encrypted:
          'The file is encrypted. Decrypt it first (for example with age -d and the export passphrase), then import the decrypted file.',
        notXlsx: 'The file is not an Excel workbook (.xlsx).',
        tooNew:
          'The file was exported by a newer version of CaseVault. Nothing was imported: update CaseVault on this computer, then import the file again.',
        xlsxProtected:
          'The workbook is protected with a password, or is an old .xls file. In Excel, remove the password (File, Info, Protect Workbook) or save it as .xlsx, then choose it again.',
        noSheet: 'The workbook has no sheet.',
        archiveTwice:
          'The archive holds more than one export (a cases.csv twice, in two folders). Import each export on its own.',
        tooManyColumns:
          'The file has more than 2,000 columns, which no case sheet has. Check that you chose the right file, or copy the case columns to a new sheet.',
        headerTooLong:
          'The name of column {column} in the header row is longer than 5,000 characters, which no column name needs. Check that the first row is the header row, or shorten that name.',
        notJson: 'The file is not valid JSON.',
        notHtcds: 'The file is not an HTCDS case file.',
      },
      done: {
        heading: 'Import finished',
        summary: 'No case was imported. | 1 case was imported. | {count} cases were imported.',
        toCases: 'Go to the cases',
      },
    },
    ...importReasonMessages,
  },
}
