// A training vault's de-identified exports say the data is synthetic (a reviewing helper found them
// unmarked; each case failed before): a CTDC file made in a training session could not be told
// from real data, and could be submitted to CTDC or imported into a real vault.
import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { runCommand } from './support/cli-run'
import { ADMIN, createdVault, tempDir } from './support/temp-vault'
import { fillWithSyntheticCases } from '../../main/core/training/fill-vault'

describe('a training vault’s de-identified exports', () => {
  // README: training vaults hold "synthetic, realistic cases marked TRAINING DATA everywhere".
  // Exported as htcds-json/htcds-csv they carry isTraining/is_training; but deidentified-csv,
  // ctdc-csv and aggregates-csv carry no mark at all (no column, no note, no Datasource value),
  // so a CTDC file made in a training session is indistinguishable from real data: it can be
  // submitted to CTDC or imported into a real vault (ctdc-csv import). Each should say it is
  // training data (a column, the CTDC Datasource, a note row), or the export be refused.
  // Cause: main/core/export/deidentified-build.ts, ctdc-csv.ts and aggregates.ts never read
  // is_training / settings.isTrainingVault() (only htcds-csv.ts:51 and htcds-json.ts:25 do).
  it.each([['deidentified-csv'], ['ctdc-csv'], ['aggregates-csv']])(
    '%s says the data is synthetic training data',
    async (format) => {
      const { vault } = await createdVault()
      fillWithSyntheticCases(vault.session()!, 120, { seed: 4, today: new Date('2026-05-01T12:00:00Z') })
      vault.lock('user')
      const file = join(tempDir(), `${format}.out`)
      const result = await runCommand(
        [
          'export',
          '--data',
          vault.dataDir,
          '--user',
          ADMIN.username,
          '--format',
          format,
          '--out',
          file,
          '--plaintext',
        ],
        `${ADMIN.passphrase}\n`,
      )
      expect(result.exit).toBe(0)
      expect(readFileSync(file).toString('utf8')).toMatch(/training|synthetic/i)
    },
  )
})

describe('a real vault’s de-identified exports', () => {
  it('carry no training column', async () => {
    const { vault } = await createdVault()
    vault.lock('user')
    const file = join(tempDir(), 'rows.csv')
    const result = await runCommand(
      [
        'export',
        '--data',
        vault.dataDir,
        '--user',
        ADMIN.username,
        '--format',
        'deidentified-csv',
        '--out',
        file,
        '--plaintext',
      ],
      `${ADMIN.passphrase}\n`,
    )
    expect(result.exit).toBe(0)
    expect(readFileSync(file).toString('utf8')).not.toMatch(/training_data/)
  })
})
