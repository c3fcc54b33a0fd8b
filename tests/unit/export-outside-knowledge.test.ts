// De-identified exports against someone who knows more than the file: a holder of CTDC's public
// dataset, and the person who trafficked a survivor. Each test failed on the code before its fix.
import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { createdVault, tempDir } from './support/temp-vault'
import { csv, importer } from './support/import-fixtures'
import { csvRecords } from './support/export-files'
import { createCaseService } from '../../main/core/cases/case-service'
import { runExport } from '../../main/core/export/export-service'
import { createCaseInput, type ExportFormat } from '../../main/api/contract'
import type { VaultSession } from '../../main/core/vault/vault-session'

const PLAINTEXT = { plaintext: true, confirmed: true } as const

async function newSession(): Promise<VaultSession> {
  const { vault } = await createdVault()
  return vault.session()!
}

async function exportOf(session: VaultSession, format: ExportFormat) {
  const file = join(tempDir(), `export.${format}`)
  const outcome = await runExport(session, { format, protection: PLAINTEXT, scope: {} }, file)
  return { outcome, file }
}

/**
 * Four rows of CTDC's public data and one real survivor who looks like them: before, they formed a
 * class of 5, and anyone with CTDC's file could take the four away and be left with her.
 */
async function publicRowsAndOneSurvivor(session: VaultSession): Promise<void> {
  const header = ['yearOfRegistration', 'gender', 'citizenship', 'isSexualExploit', 'CountryOfExploitation']
  const publicRows = [0, 1, 2, 3].map(() => ['2024', 'Female', 'UA', '1', 'PL'])
  const { report } = await importer(session)(csv([header, ...publicRows]), {
    format: 'ctdc-csv',
    dryRun: false,
  })
  expect(report).toMatchObject({ imported: 4 })
  createCaseService(session).create(
    createCaseInput.parse({
      intakeDate: '2024-05-01',
      survivor: { prs_FirstName: 'Real', prs_Gender: 'Feminine', prs_Citizenship: ['UA'] },
      survivorAliases: [],
      victim: { vic_TypeOfExploitation: ['SexualExploitation'], vic_RelationshipToTrafficker: 'Familial' },
      events: [{ record: { hte_Type: 'Exploitation', hte_Country: 'PL' } }],
    }),
  )
}

describe('records imported from CTDC’s public dataset', () => {
  it('are never exported again, so they cannot pad a class of the organisation’s own survivors', async () => {
    const session = await newSession()
    await publicRowsAndOneSurvivor(session)
    for (const format of ['ctdc-csv', 'deidentified-csv', 'aggregates-csv'] as const) {
      const { outcome, file } = await exportOf(session, format)
      // The tables count only the cases the de-identified rows show: none here.
      const read = format === 'aggregates-csv' ? { inputRows: 0, suppressedRows: 1 } : { inputRows: 1 }
      expect(outcome.report, format).toMatchObject({ ...read, publicRecordsLeftOut: 4 })
      // Alone, the survivor is too few for a class of 5: nothing is released.
      if (format === 'ctdc-csv') expect(csvRecords(readFileSync(file))).toEqual([])
    }
  })

  it.each(['htcds-json', 'htcds-csv'] as const)(
    'keep their mark across a move to a new vault (%s export, then import)',
    async (format) => {
      const first = await newSession()
      await publicRowsAndOneSurvivor(first)
      const moved = await exportOf(first, format)
      const second = await newSession()
      const { report } = await importer(second)(new Uint8Array(readFileSync(moved.file)), {
        format,
        dryRun: false,
      })
      expect(report).toMatchObject({ imported: 5, rejected: 0 })
      const { outcome } = await exportOf(second, 'deidentified-csv')
      expect(outcome.report).toMatchObject({ inputRows: 1, publicRecordsLeftOut: 4 })
    },
  )
})

describe('what the person who trafficked someone knows', () => {
  it('does not leave the one man from a fishing boat alone in his class (industry and relationship are matched on)', async () => {
    const session = await newSession()
    const cases = createCaseService(session)
    const man = (victim: Record<string, unknown>, n: number) =>
      cases.create(
        createCaseInput.parse({
          intakeDate: '2026-03-01',
          survivor: {
            prs_FirstName: `Man${n}`,
            prs_Birthdate: '1990-01-01',
            prs_Gender: 'Masculine',
            prs_Citizenship: ['KH'],
          },
          survivorAliases: [],
          victim: { vic_TypeOfExploitation: ['ForcedLabour'], ...victim },
          events: [{ record: { hte_Type: 'Exploitation', hte_Country: 'TH' } }],
        }),
      )
    const farm = 'A_CropAndAnimalProductionHuntingAndRelatedServiceActivities'
    for (const n of [0, 1, 2, 3]) man({ vic_ForcedLabourIndustry: farm }, n)
    // The one from the fishing boat in the news, trafficked by a relative.
    man({ vic_ForcedLabourIndustry: 'A_FishingAndAquaculture', vic_RelationshipToTrafficker: 'Familial' }, 4)

    for (const format of ['deidentified-csv', 'ctdc-csv'] as const) {
      const rows = csvRecords(readFileSync((await exportOf(session, format)).file))
      expect(rows, format).toHaveLength(5)
      const columns =
        format === 'ctdc-csv'
          ? Object.keys(rows[0]!).filter((name) => /^(typeOfLabour|recruiterRelation)/.test(name))
          : ['forced_labour_industry', 'relationship_to_trafficker']
      const kinds = new Set(rows.map((row) => JSON.stringify(columns.map((column) => row[column]))))
      expect(kinds.size, `${format}: ${[...kinds].join(' / ')}`).toBe(1)
    }
  })
})
