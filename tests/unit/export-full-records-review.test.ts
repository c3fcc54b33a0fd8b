// Hunt: the full-record exports (htcds-json, htcds-csv). Each test states what should hold and
// failed on the code before its fix (session 21); the comment says what went wrong.
import { describe, expect, it } from 'vitest'
import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { ADMIN, call, folderFileAccess, tempDir, testHost } from './support/temp-vault'
import { createCase, staffedHost } from './support/case-fixtures'
import { walkInScreening } from './support/screening-fixtures'
import { csvRecords, untar } from './support/export-files'
import type { ExportResult } from '../../main/api/contract'

const PLAINTEXT = { plaintext: true, confirmed: true } as const

describe('full-record exports: what a case holds reaches the file', () => {
  // A walk-in screened at the drop-in centre gives an age, a birth year and how to reach them; the
  // case opened from the screening keeps them on the screening only ("Age and birth year stay on
  // the screening: HTCDS has only a full birthdate", subject.ts), and the screening screen shows
  // them. The full exports leave the screening's subject out (full-records-screenings.ts reads no
  // subject column), so the only record of the survivor's age and of the contact note is lost in
  // a "full record" file, and in a vault moved by export and import.
  it('JSON: a screening opened as a case keeps the age, birth year and contact note the walk-in gave', async () => {
    const { host } = await staffedHost('amara')
    const walkIn = await walkInScreening(host, {
      subject: {
        firstName: 'Maryna',
        ageYears: 16,
        birthYear: 2009,
        contactNote: 'Reach through her aunt at the bakery, never by phone',
      },
    })
    await call(host, 'screening:convertToCase', { id: walkIn.id })
    const result = await call<ExportResult>(host, 'export:run', { format: 'htcds-json', protection: PLAINTEXT })
    const document = JSON.parse(readFileSync(result.file!, 'utf8')) as {
      cases: { screenings: unknown[] }[]
    }
    const exported = JSON.stringify(document.cases[0]!.screenings)
    expect(exported).toContain('Reach through her aunt at the bakery')
    expect(exported).toContain('2009')
    expect(exported).toMatch(/"ageYears":16/)
  })

  it('CSV: a screening opened as a case keeps the age, birth year and contact note the walk-in gave', async () => {
    const { host } = await staffedHost('amara')
    const walkIn = await walkInScreening(host, {
      subject: { firstName: 'Maryna', ageYears: 16, birthYear: 2009, contactNote: 'Via her aunt at the bakery' },
    })
    await call(host, 'screening:convertToCase', { id: walkIn.id })
    const result = await call<ExportResult>(host, 'export:run', { format: 'htcds-csv', protection: PLAINTEXT })
    const files = await untar(readFileSync(result.file!))
    const screenings = csvRecords(files.get('screenings.csv')!)
    expect(screenings).toHaveLength(1)
    expect(JSON.stringify(screenings[0])).toContain('Via her aunt at the bakery')
    expect(JSON.stringify(screenings[0])).toContain('2009')
  })
})

describe('full-record exports: errors said clearly', () => {
  // The save dialog accepts any name the file system takes (up to 255 bytes here). The export is
  // written first under `<name>.<12 hex>.partial` (write-private-file.ts newFileBeside), 21 bytes
  // longer: a legal name of 235–255 bytes fails with ENAMETOOLONG, which classifyFileError
  // (file-errors.ts) does not know, so the supervisor reads "Something went wrong. Nothing was
  // saved." with no hint that the name is the problem.
  it('says the chosen file name is too long instead of "Something went wrong", for a name the disk accepts', async () => {
    const folder = tempDir()
    const longName = `${'Quarterly-partner-transfer-'.repeat(9)}.json.age`.slice(-240)
    const files = folderFileAccess(folder)
    files.files.chooseSaveLocation = async () => join(folder, longName)
    // The name itself is one the file system accepts.
    writeFileSync(join(folder, longName), 'x')
    rmSync(join(folder, longName))
    const { host } = testHost(tempDir(), files)
    await call(host, 'vault:create', ADMIN)
    await createCase(host)
    const result = await host.dispatch('export:run', {
      format: 'htcds-json',
      protection: { recipients: ['age1z5vgv3q0ss2u3g90534hgv8geqkfp452775zeeqp775r4szh9u0qzmadhq'] },
    })
    expect(Buffer.byteLength(longName)).toBe(240)
    // Written, or refused with a code the screen can put in words (not INTERNAL).
    expect(result.ok ? 'OK' : result.error.code).not.toBe('INTERNAL')
  })
})
