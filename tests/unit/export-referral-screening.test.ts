// A referral made from one of its case's screenings names that screening in both full-record
// formats (`screening: "S2"`), and an import links it again. Before, the link was dropped in a
// move: the referral's printed form then showed no risk level, and nothing said why.
import { describe, expect, it } from 'vitest'
import { readFileSync, writeFileSync } from 'node:fs'
import { call } from './support/temp-vault'
import { staffedHost } from './support/case-fixtures'
import { caseIdOf, exportPlain, importInto } from './support/casework-fixtures'
import { outgoingReferral } from './support/referral-fixtures'
import { caseScreenings, caseWithTwoScreenings } from './support/screening-export-fixtures'
import { csvRecords, untar } from './support/export-files'
import type { ReferralDetail, ReferralSummary } from '../../main/api/contract'

/** A case screened twice, referred from its second screening, and referred once without one. */
async function referredFromScreening() {
  const source = await staffedHost('dana')
  const { made, second } = await caseWithTwoScreenings(source.host)
  await call(source.host, 'referrals:create', { ...outgoingReferral(made.id), assessmentId: second.id })
  await call(source.host, 'referrals:create', outgoingReferral(made.id, { organisationName: 'City Clinic' }))
  return { source, made, second }
}

async function referralsOf(host: Awaited<ReturnType<typeof staffedHost>>['host'], caseId: number) {
  const list = await call<ReferralSummary[]>(host, 'referrals:forCase', { caseId })
  return Promise.all(list.map((one) => call<ReferralDetail>(host, 'referrals:get', { id: one.id })))
}

describe('a referral keeps the screening it was made from', () => {
  for (const format of ['htcds-json', 'htcds-csv'] as const) {
    it(`across an export and import (${format})`, async () => {
      const { source, made, second } = await referredFromScreening()
      const exported = await exportPlain(source.host, format)
      const target = await staffedHost('dana')
      const { report } = await importInto(target, exported.file!, format)
      expect(report).toMatchObject({ imported: 1, rejected: 0 })

      const caseId = await caseIdOf(target.host, made.caseNumber)
      const screenings = await caseScreenings(target.host, caseId)
      const byOrganisation = new Map(
        (await referralsOf(target.host, caseId)).map((one) => [one.organisationName, one]),
      )
      const fromSecond = screenings.find((one) => one.assessedOn === second.assessedOn)!
      expect(byOrganisation.get('Harbour Legal Aid')!.assessmentId).toBe(fromSecond.id)
      expect(byOrganisation.get('City Clinic')!.assessmentId).toBeNull()
    })
  }

  it('the files name the screening by its key within the case', async () => {
    const { source } = await referredFromScreening()
    const json = JSON.parse(readFileSync((await exportPlain(source.host, 'htcds-json')).file!, 'utf8'))
    const [one] = json.cases
    expect(one.screenings.map((screening: { key: string }) => screening.key)).toEqual(['S1', 'S2'])
    expect(one.referrals.map((referral: { screening: string | null }) => referral.screening).sort()).toEqual([
      'S2',
      null,
    ])
    const files = await untar(readFileSync((await exportPlain(source.host, 'htcds-csv')).file!))
    const referrals = csvRecords(files.get('referrals.csv')!)
    expect(referrals.map((row) => row.screening_key).sort()).toEqual(['', 'S2'])
    expect(csvRecords(files.get('screenings.csv')!).map((row) => row.screening_key)).toEqual(['S1', 'S2'])
  })
})

describe('an import checks the keys', () => {
  type JsonCase = { referrals: Record<string, unknown>[]; screenings: Record<string, unknown>[] }
  async function editedJson(edit: (one: JsonCase) => void) {
    const { source } = await referredFromScreening()
    const exported = await exportPlain(source.host, 'htcds-json')
    const json = JSON.parse(readFileSync(exported.file!, 'utf8'))
    edit(json.cases[0])
    writeFileSync(exported.file!, JSON.stringify(json))
    const { preview } = await importInto(await staffedHost('dana'), exported.file!, 'htcds-json', true)
    return preview.report!.errors.map((error) => `${error.field}: ${error.reason}`)
  }

  it('refuses a referral naming no screening of its case, and a key given twice', async () => {
    expect(await editedJson((one) => (one.referrals[0]!.screening = 'S9'))).toEqual([
      expect.stringMatching(/^referrals\.0\.screening: names no screening of this case/),
    ])
    expect(await editedJson((one) => (one.screenings[1]!.key = 'S1'))).toEqual(
      expect.arrayContaining([expect.stringMatching(/^screenings\.1\.key: two screenings of this case/)]),
    )
  })

  it('imports a file from before the link travelled (no keys), without the link', async () => {
    const errors = await editedJson((one) => {
      for (const screening of one.screenings) delete screening.key
      for (const referral of one.referrals) delete referral.screening
    })
    expect(errors).toEqual([])
  })
})
