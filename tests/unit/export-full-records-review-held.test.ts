// Checks from the full-record export hunt that held (regression tests).
import { describe, expect, it } from 'vitest'
import { readFileSync, readdirSync } from 'node:fs'
import { call } from './support/temp-vault'
import { createCase, staffedHost, survivorCase } from './support/case-fixtures'
import { csvRecords, decryptFile, untar } from './support/export-files'
import type { AuditEntry, ExportResult } from '../../main/api/contract'

const PLAINTEXT = { plaintext: true, confirmed: true } as const
const TRICKY = 'Line one, with "quotes"\r\nline two\n=cmd|\'/C calc\'!A0 — مريم 👩🏽‍⚕️ Nguyễn'

describe('full-record exports (held)', () => {
  it('writes tricky free text (line breaks, quotes, commas, formula start, RTL, emoji) faithfully in JSON and CSV', async () => {
    const { host } = await staffedHost('dana')
    const made = await createCase(host, survivorCase({ survivorAliases: ['=1+1', 'Lena', 'مريم'] }))
    await call(host, 'comments:add', { caseId: made.id, body: TRICKY })
    const json = await call<ExportResult>(host, 'export:run', { format: 'htcds-json', protection: PLAINTEXT })
    const document = JSON.parse(readFileSync(json.file!, 'utf8')) as {
      cases: { comments: { body: string }[]; survivorAliases: string[] }[]
    }
    expect(document.cases[0]!.comments[0]!.body).toBe(TRICKY)
    expect(document.cases[0]!.survivorAliases).toEqual(['=1+1', 'Lena', 'مريم'])

    const csv = await call<ExportResult>(host, 'export:run', { format: 'htcds-csv', protection: PLAINTEXT })
    const files = await untar(readFileSync(csv.file!))
    expect(csvRecords(files.get('comments.csv')!)[0]!.body).toBe(TRICKY)
    expect(csvRecords(files.get('aliases.csv')!).map((row) => row.alias)).toEqual(["'=1+1", 'Lena', 'مريم'])
  })

  it('opens an encrypted full-record export with exactly the passphrase given, and logs scope and case count only', async () => {
    const { host } = await staffedHost('dana')
    await createCase(host)
    await createCase(host, survivorCase({ intakeDate: '2025-01-05' }))
    const passphrase = 'harbour lantern velvet orbit 4417 quietly'
    const result = await call<ExportResult>(host, 'export:run', {
      format: 'htcds-csv',
      protection: { passphrase },
      scope: { intakeFrom: '2026-01-01', intakeTo: '2026-12-31' },
    })
    expect(result).toMatchObject({ rows: 1, encrypted: true })
    const files = await untar(await decryptFile(result.file!, passphrase))
    expect(csvRecords(files.get('cases.csv')!)).toHaveLength(1)
    const audit = (await call<AuditEntry[]>(host, 'audit:list', {})).filter(
      (entry) => entry.action === 'export.created',
    )
    expect(audit).toHaveLength(1)
    expect(audit[0]!.details).toMatchObject({
      format: 'htcds-csv',
      scope: { intakeFrom: '2026-01-01', intakeTo: '2026-12-31' },
      rows: 1,
      protection: 'passphrase',
    })
    expect(JSON.stringify(audit)).not.toMatch(/Olena|Kovalenko|harbour lantern/)
    expect(readdirSync(result.file!.replace(/\/[^/]+$/, '')).filter((name) => name.endsWith('.partial'))).toEqual([])
  })
})
