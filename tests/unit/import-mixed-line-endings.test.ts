// csv-parse took the record delimiter from the first line break it met, so a file pasted together
// from two editors (CRLF, then LF or a lone CR) had rows merged. (Written by a reviewing helper.)
import { describe, expect, it } from 'vitest'
import { adminSession, encode, importer } from './support/import-fixtures'

describe('a CSV with mixed line endings (a file pasted together from two editors)', () => {
  it.each([
    ['CRLF first, then LF', ['\r\n', '\r\n', '\n', '\r\n']],
    ['LF first, then CRLF', ['\n', '\n', '\r\n', '\n']],
    ['a lone CR (old Mac) among LF', ['\n', '\n', '\r', '\n']],
  ])('%s: every row is read as its own row', async (_, breaks) => {
    const session = await adminSession()
    const lines = [
      'caseNumber,intakeDate,prs_FirstName',
      'M-1,2025-01-01,Ana',
      'M-2,2025-01-02,Bea',
      'M-3,2025-01-03,Cleo',
    ]
    const text = lines.map((line, index) => line + breaks[index]).join('')
    const { report } = await importer(session)(encode(text), { format: 'htcds-csv', dryRun: true })
    expect({
      read: report.read,
      valid: report.valid,
      errors: report.errors.map((e) => [e.row, e.code]),
    }).toEqual({
      read: 3,
      valid: 3,
      errors: [],
    })
  })
})
