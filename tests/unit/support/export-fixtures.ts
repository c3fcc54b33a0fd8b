// A small vault for the export-reading tests (export-workers, worker-key-handover): five cases
// by a caseworker, then opened by the admin on a fixed clock, so that two ways of reading the same
// cases must write the same bytes.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Vault } from '../../../main/core/vault/vault'
import { runExport, type ExportOptions } from '../../../main/core/export/export-service'
import type { ExportFormat } from '../../../main/api/contract'
import { ADMIN, TEST_KDF, tempDir } from './temp-vault'
import { createCase, staffedHost } from './case-fixtures'

export const EXPORT_CASES = 5
export const PLAINTEXT = { plaintext: true, confirmed: true } as const
const NOW = new Date('2026-11-28T09:00:00.000Z')

export async function vaultWithCases() {
  const { host, dataDir } = await staffedHost('amara')
  for (let i = 0; i < EXPORT_CASES; i += 1) await createCase(host)
  host.dispose()
  const vault = new Vault({ dataDir, kdf: TEST_KDF, allowKdfBelowFloor: true, clock: () => NOW })
  const session = await vault.unlock(ADMIN.username, ADMIN.passphrase)
  return { vault, session }
}
export type ExportSetup = Awaited<ReturnType<typeof vaultWithCases>>

/** A plaintext export of every case to a new file: what it reported and the bytes it wrote. */
export async function exportedPlaintext(
  setup: ExportSetup,
  format: ExportFormat,
  options: ExportOptions = {},
) {
  const file = join(tempDir(), `export-${format}`)
  const outcome = await runExport(setup.session, { format, protection: PLAINTEXT, scope: {} }, file, options)
  return { outcome, bytes: readFileSync(file) }
}
