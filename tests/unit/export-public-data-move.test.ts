// Rows imported from CTDC's public dataset are never exported de-identified again (they would pad
// a survivor's class: four public rows and her make a class of 5, and anyone with CTDC's file
// removes the four). That mark was lost when a vault moved by export and import; now it travels.
import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { createdVault, tempDir } from './support/temp-vault'
import { csv, importer } from './support/import-fixtures'
import { createCaseService } from '../../main/core/cases/case-service'
import { runExport } from '../../main/core/export/export-service'
import { createCaseInput } from '../../main/api/contract'

const PLAINTEXT = { plaintext: true, confirmed: true } as const

async function newSession() {
  const { vault } = await createdVault()
  return vault.session()!
}

describe('records from CTDC’s public data, after a move to a new vault', () => {
  it.each(['htcds-json', 'htcds-csv'] as const)(
    '%s: are still left out of de-identified exports',
    async (format) => {
      const first = await newSession()
      const header = [
        'yearOfRegistration',
        'gender',
        'citizenship',
        'isSexualExploit',
        'CountryOfExploitation',
      ]
      const publicRows = [0, 1, 2, 3].map(() => ['2024', 'Female', 'UA', '1', 'PL'])
      await importer(first)(csv([header, ...publicRows]), { format: 'ctdc-csv', dryRun: false })
      createCaseService(first).create(
        createCaseInput.parse({
          intakeDate: '2024-05-01',
          survivor: { prs_FirstName: 'Real', prs_Gender: 'Feminine', prs_Citizenship: ['UA'] },
          survivorAliases: [],
          victim: {
            vic_TypeOfExploitation: ['SexualExploitation'],
            vic_RelationshipToTrafficker: 'Familial',
          },
          events: [{ record: { hte_Type: 'Exploitation', hte_Country: 'PL' } }],
        }),
      )
      const moved = join(tempDir(), `move.${format}`)
      await runExport(first, { format, protection: PLAINTEXT, scope: {} }, moved)

      const second = await newSession()
      const { report } = await importer(second)(new Uint8Array(readFileSync(moved)), {
        format,
        dryRun: false,
      })
      expect(report).toMatchObject({ imported: 5, rejected: 0 })
      const out = join(tempDir(), 'deidentified.csv')
      const outcome = await runExport(
        second,
        { format: 'deidentified-csv', protection: PLAINTEXT, scope: {} },
        out,
      )
      expect(outcome.report).toMatchObject({ inputRows: 1, publicRecordsLeftOut: 4 })
    },
  )
})
