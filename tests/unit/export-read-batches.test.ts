// The full-record exports as the app runs them: read on a second connection, a batch at a time,
// with main free in between. The file must be what the one-go read writes, one consistent moment
// even while others keep writing, with progress by cases read, and a Cancel that stops the read.
import { describe, expect, it } from 'vitest'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { openVaultReader } from '../../main/core/vault/open-reader'
import { runExport } from '../../main/core/export/export-service'
import { createCaseService } from '../../main/core/cases/case-service'
import { tempDir } from './support/temp-vault'
import { survivorCase } from './support/case-fixtures'
import { createCaseInput } from '../../main/api/contract'
import {
  EXPORT_CASES as CASES,
  PLAINTEXT as plaintext,
  exportedPlaintext as exported,
  vaultWithCases,
} from './support/export-fixtures'

describe('full-record exports read in batches on a second connection', () => {
  it('write the same bytes as the one-go read, for JSON and for the CSV archive', async () => {
    const setup = await vaultWithCases()
    try {
      for (const format of ['htcds-json', 'htcds-csv'] as const) {
        const inOneGo = await exported(setup, format)
        const inBatches = await exported(setup, format, {
          openReader: () => openVaultReader(setup.vault),
          readBatchSize: 2,
        })
        expect(inBatches.outcome.rows).toBe(CASES)
        expect(inBatches.bytes.equals(inOneGo.bytes)).toBe(true)
      }
    } finally {
      setup.vault.lock('user')
    }
  })

  it('see one moment: a case saved while the export reads is not in it; progress counts cases', async () => {
    const setup = await vaultWithCases()
    try {
      const fractions: (number | null)[] = []
      const { outcome, bytes } = await exported(setup, 'htcds-json', {
        openReader: () => openVaultReader(setup.vault),
        readBatchSize: 2,
        onProgress: (stage, fraction) => {
          if (stage !== 'read' || fraction === null) return
          // Someone saves a case between two batches (on the vault's own connection).
          if (fractions.length === 0)
            createCaseService(setup.session).create(createCaseInput.parse(survivorCase()))
          fractions.push(fraction)
        },
      })
      expect(fractions).toEqual([2 / CASES, 4 / CASES])
      expect(outcome.rows).toBe(CASES)
      expect((JSON.parse(bytes.toString('utf8')) as { cases: unknown[] }).cases).toHaveLength(CASES)
      // …and the next export has it.
      expect((await exported(setup, 'htcds-json')).outcome.rows).toBe(CASES + 1)
    } finally {
      setup.vault.lock('user')
    }
  })

  it('stops between batches on Cancel, writing no file', async () => {
    const setup = await vaultWithCases()
    try {
      const controller = new AbortController()
      const file = join(tempDir(), 'cancelled.json')
      const running = runExport(
        setup.session,
        { format: 'htcds-json', protection: plaintext, scope: {} },
        file,
        {
          openReader: () => openVaultReader(setup.vault),
          readBatchSize: 2,
          signal: controller.signal,
          onProgress: (stage) => {
            if (stage === 'read') controller.abort()
          },
        },
      )
      await expect(running).rejects.toThrow()
      expect(existsSync(file)).toBe(false)
    } finally {
      setup.vault.lock('user')
    }
  })
})
