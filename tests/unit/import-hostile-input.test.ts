// Hostile input: each must give a clear error (or a row error), not a crash, hang or half-write.
// A column named after an Object.prototype member made the whole file unimportable (fixed); deep
// JSON and __proto__ keys held up. (Written by a reviewing helper.)
import { describe, expect, it } from 'vitest'
import { adminSession, count, csv, encode, footprint, importer } from './support/import-fixtures'

describe('CSV headers that are names of Object.prototype members', () => {
  it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty'])(
    'a column headed "%s" is reported as unknown, the other columns import',
    async (header) => {
      const session = await adminSession()
      const file = csv([
        ['caseNumber', 'intakeDate', 'prs_FirstName', header],
        ['H-1', '2025-01-02', 'Awa', 'x'],
      ])
      const { report } = await importer(session)(file, { format: 'htcds-csv', dryRun: false })
      expect(report.imported).toBe(1)
      expect(report.ignoredColumns.map((c) => c.column)).toContain(header)
    },
  )
})

describe('JSON', () => {
  it('a deeply nested value is a clear error or a row error, never a crash', async () => {
    const session = await adminSession()
    const before = footprint(session)
    const deep = '['.repeat(200_000) + ']'.repeat(200_000)
    const text = `{"standard":"HTCDS","cases":[{"caseNumber":"D-1","intakeDate":"2025-01-01","survivor":{"prs_FirstName":${deep}}}]}`
    const outcome = await importer(session)(encode(text), { format: 'htcds-json', dryRun: false }).then(
      (r) => ({ ok: true as const, report: r.report }),
      (error: unknown) => ({ ok: false as const, error: error as { code?: string; message: string } }),
    )
    if (outcome.ok) expect(outcome.report.imported).toBe(0)
    else expect(outcome.error.code, outcome.error.message).toBe('VALIDATION')
    expect(footprint(session).cases).toBe(before.cases)
  })

  it('deep nesting inside a referral is a row error, never a crash', async () => {
    const session = await adminSession()
    const N = 5000
    const deep = '{"a":'.repeat(N) + '"x"' + '}'.repeat(N)
    const text = `{"standard":"HTCDS","cases":[{"caseNumber":"D-2","intakeDate":"2025-01-01","survivor":{"prs_FirstName":"A"},"referrals":[${deep}],"supportPlans":[${deep}]}]}`
    const outcome = await importer(session)(encode(text), { format: 'htcds-json', dryRun: false }).then(
      (r) => ({ ok: true as const, report: r.report }),
      (error: unknown) => ({ ok: false as const, error: error as { code?: string; message: string } }),
    )
    expect(outcome.ok ? outcome.report.rejected : outcome.error.code).toBe(outcome.ok ? 1 : 'VALIDATION')
    expect(count(session, 'cases')).toBe(0)
  })

  it('__proto__ keys never change what other cases read', async () => {
    const session = await adminSession()
    const text = `{"standard":"HTCDS","cases":[
      {"caseNumber":"X-1","intakeDate":"2025-01-01","__proto__":{"status":"Closed","assignedTo":"nobody"},
       "survivor":{"__proto__":{"prs_FirstName":"Injected"},"prs_SecondName":"Real"},
       "referrals":[{"__proto__":{"direction":"outgoing"}}]},
      {"caseNumber":"X-2","intakeDate":"2025-01-01","survivor":{"prs_FirstName":"B"}}]}`
    const { report } = await importer(session)(encode(text), { format: 'htcds-json', dryRun: false })
    expect(report.read).toBe(2)
    expect(({} as Record<string, unknown>).prs_FirstName).toBeUndefined()
    expect(report.errors.every((e) => e.row === 1)).toBe(true)
  })
})
