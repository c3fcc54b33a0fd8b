// One set of date rules for the case forms, main and the import: before, a case saved with an
// intake date in the future, before 1950 or before the survivor's birth could not be imported
// from its own export, and a move to a new vault left it behind with its notes and referrals.
import { afterEach, describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { createdVault, tempDir } from './support/temp-vault'
import { staffedHost, survivorCase } from './support/case-fixtures'
import { importer } from './support/import-fixtures'
import { caseServicesFor } from '../../main/api/case-services'
import {
  createCaseInput,
  intakeDateProblem,
  latestImportedIntakeDate,
  latestIntakeDate,
  type CreateCaseInput,
} from '../../main/api/contract'
import { runExport } from '../../main/core/export/export-service'

/** The fixture survivor was born in 2001: for an intake in 1950, one whose birthdate is unknown. */
function intakeOn(intakeDate: string): CreateCaseInput {
  const input = survivorCase({ intakeDate })
  const survivor = { ...input.survivor }
  delete survivor.prs_Birthdate
  return { ...input, survivor }
}

const refusal = async (input: CreateCaseInput) => {
  const { host } = await staffedHost()
  const result = await host.dispatch('cases:create', input)
  if (result.ok) return 'saved'
  return (result.error.details?.issues as { path: string; code: string }[]).map(
    (issue) => `${issue.path}: ${issue.code}`,
  )
}

describe('the dates of a case', () => {
  const timeZone = process.env.TZ
  afterEach(() => {
    if (timeZone === undefined) delete process.env.TZ
    else process.env.TZ = timeZone
  })

  it('refuses an intake date in the future or before 1950, and a birthdate after the intake date', async () => {
    expect(await refusal(survivorCase({ intakeDate: '2099-01-01' }))).toEqual(['intakeDate: date_in_future'])
    expect(await refusal(intakeOn('1949-12-31'))).toEqual(['intakeDate: date_too_early'])
    const bornLater = survivorCase({ intakeDate: '2020-01-01' })
    bornLater.survivor = { ...bornLater.survivor, prs_Birthdate: '2020-01-02' }
    expect(await refusal(bornLater)).toEqual(['survivor.prs_Birthdate: birth_after_intake'])
    expect(await refusal(intakeOn('1950-01-01'))).toBe('saved')
  })

  it('takes today as it is where the computer is, or in UTC if that is later', () => {
    const lateEvening = new Date('2026-11-28T23:30:00Z')
    process.env.TZ = 'Pacific/Kiritimati' // UTC+14: already 29 November there
    expect(latestIntakeDate(lateEvening)).toBe('2026-11-29')
    process.env.TZ = 'America/Los_Angeles' // 15:30 on the 28th there; in UTC still the 28th
    expect(latestIntakeDate(new Date('2026-11-29T02:00:00Z'))).toBe('2026-11-29')
  })

  it('an import takes a date that is already today somewhere east (a file written in Sydney, read in Guatemala)', () => {
    const moment = new Date('2026-03-01T20:00:00Z') // 07:00 on 2 March in Sydney, 14:00 on 1 March in Guatemala
    process.env.TZ = 'America/Guatemala'
    expect(latestIntakeDate(moment)).toBe('2026-03-01')
    expect(intakeDateProblem('2026-03-02', latestImportedIntakeDate(moment))).toBeNull()
    expect(intakeDateProblem('2026-03-03', latestImportedIntakeDate(moment))).toBe('date_in_future')
  })

  it('what a vault accepts today, its own export imports into a new vault (JSON and CSV)', async () => {
    const { vault } = await createdVault()
    const session = vault.session()!
    const today = latestIntakeDate(session.clock())
    caseServicesFor(session).cases.create(createCaseInput.parse(survivorCase({ intakeDate: today })))
    caseServicesFor(session).cases.create(createCaseInput.parse(intakeOn('1950-01-01')))
    for (const format of ['htcds-json', 'htcds-csv'] as const) {
      const file = join(tempDir(), `export.${format}`)
      await runExport(session, { format, protection: { plaintext: true, confirmed: true }, scope: {} }, file)
      const target = (await createdVault()).vault.session()!
      const { report } = await importer(target)(new Uint8Array(readFileSync(file)), { format, dryRun: false })
      expect(report, format).toMatchObject({ read: 2, imported: 2, rejected: 0 })
    }
  })
})
