import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { createdVault, tempDir } from './support/temp-vault'
import { survivorCase } from './support/case-fixtures'
import { importer } from './support/import-fixtures'
import { caseServicesFor } from '../../main/api/case-services'
import { referralServicesFor } from '../../main/api/referrals'
import {
  createCaseInput,
  closeCaseInput,
  createReferralInput,
  createSupportPlanInput,
  recordConsentInput,
  transitionReferralInput,
} from '../../main/api/contract'
import { runExport } from '../../main/core/export/export-service'
import { readFullCases, type FullCase } from '../../main/core/export/full-records'
import type { VaultSession } from '../../main/core/vault/vault-session'

/** A vault with cases that use every part the formats carry, and text that tempts a spreadsheet. */
async function sourceVault(): Promise<VaultSession> {
  const { vault } = await createdVault()
  const session = vault.session()!
  const { cases, comments, perpetrators } = caseServicesFor(session)
  const first = cases.create(createCaseInput.parse(survivorCase()))
  const second = cases.create(
    createCaseInput.parse(
      survivorCase({
        intakeDate: '2025-09-30',
        survivor: {
          prs_FirstName: '=HYPERLINK("x")',
          prs_SecondName: 'Nguyễn, "Mai"',
          prs_Gender: 'NonConforming',
        },
        survivorAliases: ['-Mai', 'M; N'],
        victim: {
          vic_MethodsOfControl: ['DebtBondage', 'WithholdsDocuments'],
          vic_TypeOfExploitation: ['SexualExploitation'],
          vic_TypeOfSexExploitation: ['Prostitution'],
          vic_AgeWhenTrafficked: 16,
        },
        events: [
          { record: { hte_Type: 'Recruitment', hte_Country: 'VN', hte_Date: '2024-01-02' } },
          { record: { hte_Type: 'Exploitation', hte_Country: 'TH', hte_City: 'Bangkok' } },
        ],
      }),
    ),
  )
  comments.add(first.id, 'Met at the shelter.\nSecond line, with a comma.')
  comments.add(second.id, '+ called back')
  const boss = perpetrators.add(first.id, {
    person: { prs_FirstName: 'Viktor' },
    aliases: ['The Boss'],
    context: { per_RoleInProcess: ['RecruiterOrIntermediary', 'Exploiter'] },
  })
  perpetrators.add(second.id, { existingPersonId: boss.personId, person: {}, aliases: [], context: {} })
  cases.close(closeCaseInput.parse({ id: second.id, version: 1, status: 'Closed', reason: 'Moved abroad' }))
  // A referral sent under consent, and a support plan that came out of it.
  const { referrals, supportPlans } = referralServicesFor(session)
  const referral = referrals.create(
    createReferralInput.parse({
      direction: 'outgoing',
      caseId: first.id,
      organisationName: 'Harbour Legal Aid',
      reason: 'AdditionalServicesRequired',
      details: '-needs a lawyer, "soon"',
      servicesRequested: ['Legal'],
      urgency: 'priority',
      referralDate: '2026-03-20',
    }),
  )
  referrals.recordConsent(
    recordConsentInput.parse({
      referralId: referral.id,
      givenBy: 'survivor',
      givenOn: '2026-03-19',
      purpose: 'Legal help',
      categories: ['identity', 'referralNotes'],
    }),
  )
  referrals.transition(
    transitionReferralInput.parse({ id: referral.id, version: 2, to: 'sent', on: '2026-03-21' }),
  )
  supportPlans.create(
    createSupportPlanInput.parse({
      caseId: first.id,
      referralId: referral.id,
      type: 'Legal',
      objectives: 'Court case',
      startDate: '2026-03-22',
    }),
  )
  return session
}

/** What must survive the trip: everything but ids and the import's own timestamps. */
function comparable(cases: FullCase[]) {
  return cases.map(({ createdAt, updatedAt, perpetrators, ...rest }) => {
    void createdAt
    void updatedAt
    return {
      ...rest,
      perpetrators: perpetrators.map(({ personId, ...perpetrator }) => (void personId, perpetrator)),
    }
  })
}

describe('round trip: export → import into a new vault → equal records', () => {
  it.each(['htcds-json', 'htcds-csv'] as const)('%s', async (format) => {
    const source = await sourceVault()
    const file = join(tempDir(), `export.${format}`)
    await runExport(source, { format, protection: { plaintext: true, confirmed: true }, scope: {} }, file)

    const { vault } = await createdVault()
    const target = vault.session()!
    const { report } = await importer(target)(new Uint8Array(readFileSync(file)), { format, dryRun: false })
    expect(report).toMatchObject({ read: 2, imported: 2, rejected: 0, errorCount: 0 })
    const exported = comparable(readFullCases(source.db, {}))
    expect(comparable(readFullCases(target.db, {}))).toEqual(exported)
    // One person for the perpetrator both cases share, as in the source vault.
    const perpetrators = target.db
      .prepare("SELECT count(*) AS n FROM persons WHERE kind = 'perpetrator'")
      .get()
    expect(perpetrators).toEqual({ n: 1 })
    // The referral, its consent and history, and the plan made the trip too (compared above).
    expect(exported.flatMap((one) => one.referrals)).toMatchObject([
      { key: 'R1', status: 'sent', consents: [{ givenOn: '2026-03-19' }], history: [{}, { to: 'sent' }] },
    ])
    expect(exported.flatMap((one) => one.supportPlans)).toMatchObject([{ referral: 'R1' }])
    expect(exported.find((one) => one.status === 'Closed')).toMatchObject({
      status: 'Closed',
      closureReason: 'Moved abroad',
    })
  })
})
