// The full-record exports as the app runs them: read on a second connection, a batch at a time,
// with main free in between. The file must be what the one-go read writes, one consistent moment
// even while others keep writing, with progress by cases read, and a Cancel that stops the read.
import { describe, expect, it } from 'vitest'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Vault } from '../../main/core/vault/vault'
import { openVaultReader } from '../../main/core/vault/open-reader'
import { runExport, type ExportOptions } from '../../main/core/export/export-service'
import { createCaseService } from '../../main/core/cases/case-service'
import { ADMIN, TEST_KDF, tempDir } from './support/temp-vault'
import { createCase, staffedHost, survivorCase } from './support/case-fixtures'
import { createCaseInput, type ExportFormat } from '../../main/api/contract'

const CASES = 5
const plaintext = { plaintext: true, confirmed: true } as const
// One fixed moment: the two ways of reading must then write the same bytes.
const NOW = new Date('2026-11-28T09:00:00.000Z')

async function vaultWithCases() {
  const { host, dataDir } = await staffedHost('amara')
  for (let i = 0; i < CASES; i += 1) await createCase(host)
  host.dispose()
  const vault = new Vault({ dataDir, kdf: TEST_KDF, allowKdfBelowFloor: true, clock: () => NOW })
  const session = await vault.unlock(ADMIN.username, ADMIN.passphrase)
  return { vault, session }
}

async function exported(
  setup: Awaited<ReturnType<typeof vaultWithCases>>,
  format: ExportFormat,
  options: ExportOptions = {},
) {
  const file = join(tempDir(), `export-${format}`)
  const outcome = await runExport(setup.session, { format, protection: plaintext, scope: {} }, file, options)
  return { outcome, bytes: readFileSync(file) }
}

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
