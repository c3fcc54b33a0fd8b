// Import throughput (issue 5: ≥ 20k rows/s for htcds-csv into an encrypted vault): a synthetic
// HTCDS CSV of `rows` cases, checked and imported in one transaction by the real import service.
import { createImportService } from '../../main/core/import/import-service'
import type { VaultSession } from '../../main/core/vault/vault-session'

const HEADER = [
  'caseNumber',
  'status',
  'intakeDate',
  'prs_FirstName',
  'prs_SecondName',
  'prs_Birthdate',
  'prs_Gender',
  'prs_Citizenship',
  'vic_TraffickingStatus',
  'vic_TypeOfExploitation',
  'vic_MethodsOfControl',
  'hte_Type',
  'hte_Country',
  'hte_Date',
]
const GENDERS = ['Feminine', 'Masculine', 'NonConforming']
const COUNTRIES = ['UA', 'MD', 'NG', 'VN', 'PH', 'RO', 'TH', 'KE']
const TYPES = ['ForcedLabour', 'SexualExploitation', 'ForcedLabour;ForcedBegging', 'Servitude']

export function syntheticHtcdsCsv(rows: number): Uint8Array {
  const lines = [HEADER.join(',')]
  for (let i = 0; i < rows; i += 1) {
    const year = 2015 + (i % 10)
    lines.push(
      [
        `BENCH-${year}-${String(i).padStart(6, '0')}`,
        i % 7 === 0 ? 'FollowUp' : 'Active',
        `${year}-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
        `Name${i}`,
        `Family${i % 997}`,
        `${1970 + (i % 35)}-0${(i % 9) + 1}-1${i % 9}`,
        GENDERS[i % GENDERS.length],
        `${COUNTRIES[i % 8]};${COUNTRIES[(i + 3) % 8]}`,
        'PossibleVictimOfTrafficking',
        TYPES[i % TYPES.length],
        'DebtBondage;WithholdsDocuments',
        'Recruitment',
        COUNTRIES[(i + 1) % 8],
        `${year - 1}-06-01`,
      ].join(','),
    )
  }
  return new TextEncoder().encode(`${lines.join('\r\n')}\r\n`)
}

/** Dry run and real run of `rows` synthetic cases; returns rows per second of each. */
export async function measureImport(session: VaultSession, rows: number) {
  const file = syntheticHtcdsCsv(rows)
  const service = createImportService(session)
  let started = performance.now()
  const dry = await service.importFile(file, { format: 'htcds-csv', dryRun: true })
  const dryMs = performance.now() - started
  started = performance.now()
  const real = await service.importFile(file, { format: 'htcds-csv', dryRun: false })
  const runMs = performance.now() - started
  if (real.report.imported !== rows || dry.report.valid !== rows) {
    throw new Error(`bench import: expected ${rows} rows, imported ${real.report.imported}`)
  }
  return {
    rows,
    dryRunMs: dryMs,
    importMs: runMs,
    dryRunRowsPerSecond: Math.round((rows / dryMs) * 1000),
    importRowsPerSecond: Math.round((rows / runMs) * 1000),
  }
}
