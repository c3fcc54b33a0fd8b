// The export workload (issue 5: export ≥ 50k rows/s), for `npm run bench` to call on a vault it
// has filled. Each format is written twice into a temp folder: plaintext, and age-encrypted to an
// X25519 recipient (a passphrase would add scrypt's fixed ~1 s, which is not export speed).
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { generateX25519Identity, identityToRecipient } from 'age-encryption'
import type { VaultSession } from '../../main/core/vault/vault-session'
import type { Vault } from '../../main/core/vault/vault'
import { exportWorkersFor } from '../../main/core/export/export-worker-script'
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
  /**
   * Records per second for the full-record formats: every case, event, perpetrator link, comment,
   * referral, status change, consent and support plan written (the "rows"); null for the
   * one-row-per-case formats, where it equals cases/s.
   */
  recordsPerSecond: number | null
}

// What one full record holds besides its case row (the survivor's aliases ride in the case row).
const FULL_RECORD_PARTS = [
  'trafficking_events',
  'case_perpetrators',
  'case_comments',
  'referrals WHERE case_id IS NOT NULL',
  'referral_status_history WHERE referral_id IN (SELECT id FROM referrals WHERE case_id IS NOT NULL)',
  'referral_consents WHERE referral_id IN (SELECT id FROM referrals WHERE case_id IS NOT NULL)',
  'support_plans',
]

function fullRecords(session: VaultSession, cases: number): number {
  const count = (part: string) =>
    (session.db.prepare(`SELECT count(*) FROM ${part}`).pluck().get() as number) ?? 0
  return FULL_RECORD_PARTS.reduce((sum, part) => sum + count(part), cases)
}

export async function measureExports(
  vault: Vault,
  session: VaultSession,
  cases: number,
): Promise<ExportTiming[]> {
  const dir = mkdtempSync(join(tmpdir(), 'casevault-bench-export-'))
  const recipient = await identityToRecipient(await generateX25519Identity())
  const protections: [ExportTiming['protection'], ExportProtection][] = [
    ['plaintext', { plaintext: true, confirmed: true }],
    ['age', { recipients: [recipient] }],
  ]
  const timings: ExportTiming[] = []
  const records = fullRecords(session, cases)
  const workers = exportWorkersFor(vault, session.db)
  if (!workers) throw new Error('export-worker.js is missing beside the bench: build with the CLI config')
  try {
    // BENCH_FORMATS=htcds-json,htcds-csv narrows the run (for profiling one format).
    const only = process.env.BENCH_FORMATS?.split(',')
    for (const format of exportFormats.filter((name) => !only || only.includes(name))) {
      for (const [label, protection] of protections) {
        const file = join(dir, `${format}-${label}`)
        const { ms, value } = await timeAsync(() =>
          // As the app runs it: full records read and written on worker threads (api/export.ts).
          runExport(session, { format, protection, scope: {} }, file, {
            workers,
          }),
        )
        timings.push({
          format,
          protection: label,
          ms,
          casesPerSecond: (cases / ms) * 1000,
          outputRows: value.rows,
          recordsPerSecond: format.startsWith('htcds-') ? (records / ms) * 1000 : null,
        })
        rmSync(file, { force: true })
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
  return timings
}
