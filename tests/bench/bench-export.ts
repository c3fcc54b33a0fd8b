// The export workload (issue 5: export ≥ 50k rows/s), for `npm run bench` to call on a vault it
// has filled. Each format is written twice into a temp folder: plaintext, and age-encrypted to an
// X25519 recipient (a passphrase would add scrypt's fixed ~1 s, which is not export speed).
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { generateX25519Identity, identityToRecipient } from 'age-encryption'
import type { VaultSession } from '../../main/core/vault/vault-session'
import { runExport } from '../../main/core/export/export-service'
import { exportFormats, type ExportProtection } from '../../main/api/contract/export'
import { timeAsync } from './bench-stats'

export interface ExportTiming {
  format: string
  protection: 'plaintext' | 'age'
  ms: number
  /** Cases per second (a case is one row of cases.csv / the CTDC sheet). */
  casesPerSecond: number
  outputRows: number
}

export async function measureExports(session: VaultSession, cases: number): Promise<ExportTiming[]> {
  const dir = mkdtempSync(join(tmpdir(), 'casevault-bench-export-'))
  const recipient = await identityToRecipient(await generateX25519Identity())
  const protections: [ExportTiming['protection'], ExportProtection][] = [
    ['plaintext', { plaintext: true, confirmed: true }],
    ['age', { recipients: [recipient] }],
  ]
  const timings: ExportTiming[] = []
  try {
    // BENCH_FORMATS=htcds-json,htcds-csv narrows the run (for profiling one format).
    const only = process.env.BENCH_FORMATS?.split(',')
    for (const format of exportFormats.filter((name) => !only || only.includes(name))) {
      for (const [label, protection] of protections) {
        const file = join(dir, `${format}-${label}`)
        const { ms, value } = await timeAsync(() =>
          runExport(session, { format, protection, scope: {} }, file),
        )
        timings.push({
          format,
          protection: label,
          ms,
          casesPerSecond: (cases / ms) * 1000,
          outputRows: value.rows,
        })
        rmSync(file, { force: true })
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
  return timings
}
