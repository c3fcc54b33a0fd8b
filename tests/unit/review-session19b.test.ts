// Defects in the later half of session 19's changes (c922eb0^..HEAD), found by a reviewing helper.
// Each test failed before its fix; the comment above it says what a user did, what happened, what
// should happen and where the cause was. (Two more are open, in the notes: an edit after a
// clock set back, and a file whose rtrim fallback reads every row without it.)
import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { createApiHost } from '../../main/api/host'
import { writePrivateFile } from '../../main/api/file-access'
import { ADMIN, call, folderFileAccess, tempDir, TEST_KDF } from './support/temp-vault'
import { createCase, signInAs, staffedHost } from './support/case-fixtures'
import { csvRecords } from './support/export-files'
import { PLAINTEXT, woman } from './support/deidentified-fixtures'
import type {
  CaseDetail,
  CreateCaseInput,
  ExportResult,
  YearChangedSinceExport,
} from '../../main/api/contract'

type Host = ReturnType<typeof createApiHost>

const YEAR_2024 = { intakeFrom: '2024-01-01', intakeTo: '2024-12-31' }
const on = (day: string, one: CreateCaseInput): CreateCaseInput => ({ ...one, intakeDate: day })
const tick = () => new Promise((resolve) => setTimeout(resolve, 5))

/** Saves a case again with only its intake date changed (as the case form would). */
async function moveIntake(host: Host, made: CaseDetail, source: CreateCaseInput, day: string) {
  return call<CaseDetail>(host, 'cases:update', {
    ...source,
    intakeDate: day,
    id: made.id,
    version: made.version,
  })
}

describe('years changed since their last de-identified export (release-changes.ts)', () => {
  // What a user does: an analyst exports 2024 de-identified and shares it. A caseworker then finds
  // that one 2024 case was entered with the wrong year and corrects its intake date to 2025 (or to
  // 2023). The analyst opens the export screen for 2024 again.
  // What happens: no warning for 2024. The case's row is in the first 2024 file and not in the
  // second, so the two files differ by exactly her row (every detail of it), the attack the notice
  // exists for. changedYears groups the changed cases by their CURRENT year of intake only.
  // What should happen: 2024 is named as changed (a case left it), as it would be for a deletion.
  // Cause: main/core/export/release-changes.ts:65-70 (changesAfter counts `updated_at > since`
  // grouped by substr(intake_date), the year the case is in now; the year it left is not counted:
  // case.updated audit rows carry no former year of intake).
  // Fix: log the former intake year when an edit moves a case between years (as case.deleted now
  // carries intakeYear) and count it for the year left, or count case.updated rows per year.
  it('names a year that a case left because its intake date was corrected', async () => {
    const { host } = await staffedHost('dana')
    const made: CaseDetail[] = []
    for (const i of [0, 1, 2, 3, 4, 5]) made.push(await createCase(host, on(`2024-03-0${i + 1}`, woman(i))))
    await createCase(host, on('2025-02-01', woman(6)))
    await signInAs(host, 'eli')
    await call(host, 'export:run', { format: 'deidentified-csv', protection: PLAINTEXT, scope: YEAR_2024 })
    expect(await call(host, 'export:changedYears', YEAR_2024)).toEqual([])
    await tick()
    await signInAs(host, 'dana')
    await moveIntake(host, made[5]!, woman(5), '2025-01-15')
    await signInAs(host, 'eli')
    const changed = await call<YearChangedSinceExport[]>(host, 'export:changedYears', YEAR_2024)
    expect(changed.map((one) => one.year)).toEqual([2024])
  })

  // What a user does: an administrator exports 2024 de-identified to the office's
  // network share, which is slow: the file takes a while to write. Meanwhile (the export runs in
  // the background, the screens stay usable) they correct a 2024 case and save it. Later the 2024
  // export is made again.
  // What happens: no warning. The first file was read from the vault before the edit (one read
  // transaction, export-service.ts:112), but its audit row is stamped when the file is complete
  // (export-service.ts:151-154), after the edit: `updated_at > at` is false, and the two files
  // differ by exactly that case's row.
  // What should happen: the edit counts as a change since that export: it is not in the file.
  // Cause: release-changes.ts compares with the audit row's `at` (when the file was finished), not
  // with the moment the export read the vault; export-service.ts logs no read time.
  // Fix: log the time (or the last audit id) of the export's read snapshot in export.created's
  // details and compare with that.
  it('counts an edit saved while the export file was still being written', async () => {
    const access = folderFileAccess(tempDir())
    let release: () => void = () => undefined
    let writing: () => void = () => undefined
    const started = new Promise<void>((resolve) => (writing = resolve))
    const gate = new Promise<void>((resolve) => (release = resolve))
    access.files.write = async (path, data) => {
      writing()
      await gate
      await writePrivateFile(path, data)
    }
    const host = createApiHost({
      dataDir: tempDir(),
      kdf: TEST_KDF,
      allowKdfBelowFloor: true,
      files: access.files,
      exportWorker: null,
    })
    await call(host, 'vault:create', ADMIN)
    const made: CaseDetail[] = []
    for (const i of [0, 1, 2, 3, 4, 5]) made.push(await createCase(host, on(`2024-03-0${i + 1}`, woman(i))))
    const exporting = call<ExportResult>(host, 'export:run', {
      format: 'deidentified-csv',
      protection: PLAINTEXT,
      scope: YEAR_2024,
    })
    await started
    await tick()
    await call(host, 'cases:update', {
      ...woman(1),
      intakeDate: made[1]!.intakeDate,
      victim: { ...woman(1).victim, vic_AgeWhenTrafficked: 17 },
      id: made[1]!.id,
      version: made[1]!.version,
    })
    await tick()
    release()
    const result = await exporting
    // The file holds the case as it was before the edit: all six are adults.
    const rows = csvRecords(readFileSync(result.file!))
    expect(rows.filter((row) => row.minor_when_trafficked === 'Minor')).toEqual([])
    const changed = await call<YearChangedSinceExport[]>(host, 'export:changedYears', YEAR_2024)
    host.dispose()
    expect(changed).toMatchObject([{ year: 2024, changedCases: 1 }])
  })
})

describe('de-identified exports count survivors: the survivor key (SURVIVOR_KEYS_SQL)', () => {
  type StaffedHost = Awaited<ReturnType<typeof staffedHost>>['host']
  async function releasedRows(host: StaffedHost, format: string) {
    const result = await call<ExportResult>(host, 'export:run', { format, protection: PLAINTEXT, scope: {} })
    return csvRecords(readFileSync(result.file!))
  }
  const named = (first: string, second: string, day?: string): CreateCaseInput => {
    const one = woman(3)
    return {
      ...one,
      ...(day ? { intakeDate: day } : {}),
      survivor: { ...one.survivor, prs_FirstName: first, prs_SecondName: second },
    }
  }

  // What a user does: a Ukrainian survivor is registered twice in 2026: once by a caseworker who
  // copied her name from her passport (ОЛЕНА КОВАЛЕНКО, capitals), once by another who typed it as
  // she said it (Олена Коваленко). Three other women look like her in every quasi-identifier.
  // What happens: the survivor key is lower(trim(display_name)), and SQLite's lower() folds ASCII
  // letters only: the two spellings get two numbers, the class counts 5 people where there are 4,
  // and both the CaseVault and the CTDC files release the 5 rows at k = 5. The same holds for
  // "MARÍA JOSÉ" / "María José" and any name with a letter outside A-Z.
  // What should happen: the same name in other capitals is the same person (as the key means
  // it to be for "OLENA" / "Olena"): a class of 4 people is not released at k = 5.
  // Cause: main/core/export/deidentified-source.ts:115 (lower() without ICU is ASCII-only).
  // Fix: fold case (and Unicode normalisation, below) with a full Unicode folding: e.g. a name key
  // stored with each person at write time (NFKD, marks removed, toLocaleLowerCase, spaces
  // collapsed), ranked inside SQLite.
  it('a name written in capitals in Cyrillic is the same survivor as in lower case', async () => {
    const { host } = await staffedHost('dana')
    await createCase(host, named('ОЛЕНА', 'КОВАЛЕНКО'))
    await createCase(host, named('Олена', 'Коваленко', '2026-09-02'))
    for (const i of [0, 1, 2]) await createCase(host, woman(i))
    await signInAs(host, 'eli')
    for (const format of ['deidentified-csv', 'ctdc-csv'])
      expect(await releasedRows(host, format), format).toEqual([])
  })

  // What a user does: the same survivor, María José, is entered once by hand (the keyboard writes
  // "é" as one character, NFC) and once from a partner's CSV import written on a Mac (the same
  // letters in decomposed form, NFD: "e" + a combining accent). Both read as "María José" on
  // every screen.
  // What happens: the byte strings differ, so the key ranks them as two people, and a class of 4
  // survivors is released as 5 rows at k = 5.
  // What should happen: one person; the class is withheld.
  // Cause: main/core/export/deidentified-source.ts:115 (no Unicode normalisation of the name).
  it('a name in decomposed Unicode (NFD) is the same survivor as in composed form (NFC)', async () => {
    const { host } = await staffedHost('dana')
    await createCase(host, named('María José'.normalize('NFC'), 'García'.normalize('NFC')))
    await createCase(host, named('María José'.normalize('NFD'), 'García'.normalize('NFD'), '2026-09-02'))
    for (const i of [0, 1, 2]) await createCase(host, woman(i))
    await signInAs(host, 'eli')
    for (const format of ['deidentified-csv', 'ctdc-csv'])
      expect(await releasedRows(host, format), format).toEqual([])
  })
})
