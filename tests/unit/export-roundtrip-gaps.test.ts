// Round trips (export → import into a new vault) that lost data before: found by trying the
// exports as a shelter moving to a new computer would.
import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { createdVault, tempDir } from './support/temp-vault'
import { survivorCase } from './support/case-fixtures'
import { importer, json } from './support/import-fixtures'
import { caseServicesFor } from '../../main/api/case-services'
import { addCommentInput, createCaseInput } from '../../main/api/contract'
import { runExport } from '../../main/core/export/export-service'
import { readFullCases } from '../../main/core/export/full-records'
import type { VaultSession } from '../../main/core/vault/vault-session'

const PLAINTEXT = { plaintext: true, confirmed: true } as const

async function exportTo(source: VaultSession, format: 'htcds-json' | 'htcds-csv') {
  const file = join(tempDir(), `export.${format}`)
  await runExport(source, { format, protection: PLAINTEXT, scope: {} }, file)
  return new Uint8Array(readFileSync(file))
}

async function newSession() {
  const { vault } = await createdVault()
  return vault.session()!
}

describe('HTCDS CSV round trip', () => {
  it('a NUL pasted into one comment no longer makes the whole archive unimportable', async () => {
    const source = await newSession()
    const { cases, comments } = caseServicesFor(source)
    const one = cases.create(createCaseInput.parse(survivorCase()))
    cases.create(createCaseInput.parse(survivorCase()))
    // The app's own contract accepts it (pasted text can carry a NUL).
    const input = addCommentInput.parse({ caseId: one.id, body: 'pasted\u0000text' })
    comments.add(input.caseId, input.body)

    const target = await newSession()
    const { report } = await importer(target)(await exportTo(source, 'htcds-csv'), {
      format: 'htcds-csv',
      dryRun: false,
    })
    expect(report).toMatchObject({ read: 2, imported: 2, rejected: 0 })
    const bodies = readFullCases(target.db, {}).flatMap((one) => one.comments.map((comment) => comment.body))
    expect(bodies).toContain('pasted\uFFFDtext')
  })

  it('keeps the deprecated victim fields a vault holds from an old file (the JSON export always did)', async () => {
    const first = await newSession()
    const { report: seeded } = await importer(first)(
      json({
        standard: 'HTCDS',
        cases: [
          {
            intakeDate: '2025-05-01',
            survivor: { prs_FirstName: 'Ana', prs_Gender: 'Feminine' },
            victim: {
              vic_TraffickingStatus: 'PossibleVictimOfTrafficking',
              vic_Vulnerabilities: ['Addiction'],
              vic_DetailsOfVulnerabilities: 'Debt to the recruiter',
            },
          },
        ],
      }),
      { format: 'htcds-json', dryRun: false },
    )
    expect(seeded).toMatchObject({ imported: 1 })
    const [stored] = readFullCases(first.db, {})
    expect(stored!.victim).toMatchObject({ vic_Vulnerabilities: ['Addiction'] })

    const second = await newSession()
    const { report } = await importer(second)(await exportTo(first, 'htcds-csv'), {
      format: 'htcds-csv',
      dryRun: false,
    })
    expect(report).toMatchObject({ imported: 1, rejected: 0 })
    const [copy] = readFullCases(second.db, {})
    expect(copy!.victim).toEqual(stored!.victim)
  })
})

describe('training cases', () => {
  it.each(['htcds-json', 'htcds-csv'] as const)(
    '%s: are refused by a real vault (they would count as survivors) and taken by a training vault',
    async (format) => {
      const training = await newSession()
      training.settings.markAsTrainingVault()
      caseServicesFor(training).cases.create(createCaseInput.parse(survivorCase()))
      const file = await exportTo(training, format)

      const real = await newSession()
      const { report } = await importer(real)(file, { format, dryRun: false })
      expect(report).toMatchObject({ read: 1, imported: 0, rejected: 1 })
      expect(report.errors).toEqual([
        expect.objectContaining({ row: format === 'htcds-csv' ? 2 : 1, code: 'trainingCase' }),
      ])
      expect(readFullCases(real.db, {})).toEqual([])

      const practice = await newSession()
      practice.settings.markAsTrainingVault()
      const { report: taken } = await importer(practice)(file, { format, dryRun: false })
      expect(taken).toMatchObject({ imported: 1 })
      expect(readFullCases(practice.db, {})[0]!.isTraining).toBe(true)
    },
  )
})
