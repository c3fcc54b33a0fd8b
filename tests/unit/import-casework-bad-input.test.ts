// Importing referrals and support plans: a bad one rejects its case (with a reason code per
// problem, never the file's text), the dry run writes nothing, an older file without them still
// imports, and a case number already in the vault brings none of its referrals twice.
import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { call } from './support/temp-vault'
import { staffedHost } from './support/case-fixtures'
import { untar } from './support/export-files'
import { fileWith, json } from './support/import-fixtures'
import { caseIdOf, exportPlain, importInto, vaultWithCasework } from './support/casework-fixtures'
import { tarBundle } from '../../main/core/export/tar-bundle'
import type { CasePage, ImportReport, ReferralDetail, ReferralPage } from '../../main/api/contract'
import type { FullCase } from '../../main/core/export/full-records'

/** The JSON export's document, as the export writes it. */
type ExportDocument = { cases: FullCase[] }

async function exportedDocument() {
  const source = await vaultWithCasework()
  const exported = await exportPlain(source.host, 'htcds-json')
  const document = JSON.parse(readFileSync(exported.file!, 'utf8')) as ExportDocument
  const story = document.cases.find((one) => one.caseNumber === source.story.caseNumber)!
  const [incoming, outgoing] = story.referrals
  return { source, document, story, incoming: incoming!, outgoing: outgoing! }
}

async function exportedArchive() {
  const source = await vaultWithCasework()
  const exported = await exportPlain(source.host, 'htcds-csv')
  return { source, files: await untar(readFileSync(exported.file!)) }
}

async function archiveFile(files: Map<string, Buffer>) {
  const entries = [...files].map(([name, content]) => ({ name, content }))
  return fileWith(Buffer.concat(await tarBundle(entries, new Date())), 'changed.tar')
}

async function counts(host: Awaited<ReturnType<typeof staffedHost>>['host']) {
  return {
    cases: (await call<CasePage>(host, 'cases:list', {})).total,
    referrals: (await call<ReferralPage>(host, 'referrals:list', {})).total,
  }
}

const problems = (report: ImportReport | null) =>
  report!.errors.map((error) => [error.row, error.field, error.code, error.params ?? {}])

describe('importing referrals and support plans', () => {
  it('JSON: rejects a case whose referrals or plans break the rules, row by row; the dry run writes nothing', async () => {
    const { document, incoming, outgoing, story } = await exportedDocument()
    outgoing.status = 'lost'
    outgoing.consents[1]!.categories = ['identity', 'bankDetails']
    outgoing.consents[0]!.withdrawnOn = null
    incoming.status = 'sent'
    story.supportPlans[0]!.htcds.spl_ActualEndDate = null
    story.supportPlans[1]!.referral = 'R9'
    const target = await staffedHost('dana')
    const file = fileWith(json(document), 'changed.json')

    const { preview } = await importInto(target, file, 'htcds-json', true)
    expect(preview.report).toMatchObject({ read: 2, valid: 1, rejected: 1 })
    const statuses = 'draft, sent, received, accepted, declined, in_progress, completed, closed_unsuccessful'
    expect(problems(preview.report)).toEqual([
      [1, 'referrals.0.status', 'statusNotForDirection', { direction: 'incoming', status: 'sent' }],
      [1, 'referrals.1.status', 'notOneOf', { values: statuses }],
      [1, 'referrals.1.consents.1.categories.1', 'notOneOf', { values: expect.stringContaining('identity') }],
      [1, 'supportPlans.0.htcds.spl_ActualEndDate', 'planEndDate', {}],
      [1, 'supportPlans.1.referral', 'unknownReferralKey', {}],
    ])
    expect(JSON.stringify(preview.report)).not.toMatch(/lost|bankDetails|Kovalenko|Harbour/)
    expect(await counts(target.host)).toEqual({ cases: 0, referrals: 0 })

    // The good case is imported; the rejected one brings none of its referrals.
    const report = await call<ImportReport>(target.host, 'import:run', { token: preview.token })
    expect(report).toMatchObject({ imported: 1, rejected: 1 })
    expect(await counts(target.host)).toEqual({ cases: 1, referrals: 0 })
  })

  it('JSON: two consents in force on one referral, or one key for two referrals, is a problem of the case', async () => {
    const { document, incoming, outgoing } = await exportedDocument()
    outgoing.consents[0]!.withdrawnOn = null
    incoming.key = 'R2'
    const target = await staffedHost('dana')
    const { preview } = await importInto(target, fileWith(json(document), 'two.json'), 'htcds-json', true)
    expect(problems(preview.report)).toEqual([
      [1, 'referrals.1.key', 'referralKeyTwice', {}],
      [1, 'referrals.1.consents', 'consentTwiceInForce', {}],
    ])
  })

  it('keeps a status history as recorded, even a step the workflow would not take today', async () => {
    const { document, outgoing, source } = await exportedDocument()
    outgoing.history.push({
      from: 'draft',
      to: 'completed',
      changedOn: '2026-03-30',
      changedBy: 'nobody',
      note: null,
    })
    const target = await staffedHost('dana')
    const { report } = await importInto(target, fileWith(json(document), 'history.json'), 'htcds-json')
    expect(report).toMatchObject({ imported: 2, rejected: 0 })
    const caseId = await caseIdOf(target.host, source.story.caseNumber)
    const { items } = await call<ReferralPage>(target.host, 'referrals:list', {
      caseId,
      direction: 'outgoing',
    })
    const detail = await call<ReferralDetail>(target.host, 'referrals:get', { id: items[0]!.id })
    expect(detail.status).toBe('in_progress')
    expect(detail.history.at(-1)).toMatchObject({
      fromStatus: 'draft',
      toStatus: 'completed',
      changedByName: null,
    })
  })

  it('an export from before referrals were exported still imports (JSON and CSV)', async () => {
    const { document } = await exportedDocument()
    for (const one of document.cases as Partial<FullCase>[]) {
      delete one.referrals
      delete one.supportPlans
    }
    const target = await staffedHost('dana')
    const { report } = await importInto(target, fileWith(json(document), 'old.json'), 'htcds-json')
    expect(report).toMatchObject({ read: 2, imported: 2, rejected: 0, errorCount: 0 })
    expect(await counts(target.host)).toEqual({ cases: 2, referrals: 0 })

    const { files } = await exportedArchive()
    for (const name of ['referrals', 'referral-consents', 'referral-status-history', 'support-plans'])
      files.delete(`${name}.csv`)
    const other = await staffedHost('dana')
    const csv = await importInto(other, await archiveFile(files), 'htcds-csv')
    expect(csv.report).toMatchObject({ read: 2, imported: 2, rejected: 0, errorCount: 0 })
  })

  it('CSV: bad cells and a status change of an unknown referral reject the case; the dry run writes nothing', async () => {
    const { files } = await exportedArchive()
    const edit = (name: string, from: string, to: string) => {
      const text = files.get(name)!.toString('utf8')
      expect(text).toContain(from)
      files.set(name, Buffer.from(text.replace(from, to)))
    }
    edit('referrals.csv', ',in_progress,', ',lost,')
    edit('referral-consents.csv', 'identity;referralNotes;caseSummary', 'identity;bankDetails')
    const history = files.get('referral-status-history.csv')!.toString('utf8')
    const [, firstRow] = history.split('\r\n')
    files.set(
      'referral-status-history.csv',
      Buffer.from(`${history}${firstRow!.replace(',R1,', ',R7,')}\r\n`),
    )
    const target = await staffedHost('dana')
    const { preview } = await importInto(target, await archiveFile(files), 'htcds-csv', true)
    expect(preview.report).toMatchObject({ read: 2, valid: 1, rejected: 1 })
    expect(problems(preview.report)).toEqual([
      [2, 'referral-status-history.csv row 8, referral_key', 'unknownReferralKey', {}],
      [2, 'referrals.csv row 3, status', 'notOneOf', { values: expect.stringContaining('in_progress') }],
      [
        2,
        'referral-consents.csv row 3, categories',
        'notOneOf',
        { values: expect.stringContaining('identity') },
      ],
    ])
    expect(await counts(target.host)).toEqual({ cases: 0, referrals: 0 })
  })

  it('a case number already in the vault brings its referrals and plans only once', async () => {
    const { source } = await exportedDocument()
    const exported = await exportPlain(source.host, 'htcds-csv')
    const target = await staffedHost('dana')
    await importInto(target, exported.file!, 'htcds-csv')
    const again = await importInto(target, exported.file!, 'htcds-csv')
    expect(again.report).toMatchObject({ imported: 0, duplicates: 2 })
    expect(await counts(target.host)).toEqual({ cases: 2, referrals: 2 })
    const caseId = await caseIdOf(target.host, source.story.caseNumber)
    expect(await call<unknown[]>(target.host, 'referrals:supportPlans', { caseId })).toHaveLength(2)
  })
})
