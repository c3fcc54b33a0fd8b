import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { createImportService, type ImportOptions } from '../../../main/core/import/import-service'
import type { VaultSession } from '../../../main/core/vault/vault-session'
import tar from 'tar-stream'
import { createdVault, tempDir } from './temp-vault'

/** A CSV file's bytes from rows of cells, quoted the way spreadsheets quote. */
export function csv(rows: readonly (readonly string[])[], delimiter = ','): Uint8Array {
  const quote = (cell: string) => (/["\n\r,;\t]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell)
  return new TextEncoder().encode(rows.map((row) => row.map(quote).join(delimiter)).join('\r\n') + '\r\n')
}

export function json(value: unknown): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(value))
}

/** Writes bytes to a temp file (for the API's "chosen file" and the CLI). */
export function fileWith(bytes: Uint8Array, name: string): string {
  const path = join(tempDir(), name)
  writeFileSync(path, bytes)
  return path
}

export const FLAT_HEADER = [
  'caseNumber',
  'status',
  'intakeDate',
  'assignedTo',
  'prs_FirstName',
  'prs_SecondName',
  'prs_Birthdate',
  'prs_Gender',
  'prs_Citizenship',
  'vic_TraffickingStatus',
  'vic_TypeOfExploitation',
  'vic_MethodsOfControl',
]

export function flatRow(n: number, overrides: Partial<Record<string, string>> = {}): string[] {
  const values: Record<string, string> = {
    caseNumber: `IMP-2025-${String(n).padStart(5, '0')}`,
    status: 'Active',
    intakeDate: '2025-06-01',
    assignedTo: '',
    prs_FirstName: `Survivor${n}`,
    prs_SecondName: 'Example',
    prs_Birthdate: '1999-02-03',
    prs_Gender: 'Feminine',
    prs_Citizenship: 'UA;MD',
    vic_TraffickingStatus: 'PossibleVictimOfTrafficking',
    vic_TypeOfExploitation: 'ForcedLabour;SexualExploitation',
    vic_MethodsOfControl: 'DebtBondage',
    ...overrides,
  }
  return FLAT_HEADER.map((column) => values[column] ?? '')
}

/** The toolkit sheet's layout: field names in row 1, English labels in row 2, data from row 3. */
export async function toolkitSheet(rows: readonly (readonly (string | number | Date | null)[])[]) {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('Case Sheet')
  const names = [
    null,
    'cas_CaseOwner',
    'prs_FirstName',
    'prs_SecondName',
    'con_Consent',
    'prs_Birthdate',
    'prs_Gender',
    'prs_Citizenship',
    'vic_TraffickingStatus',
    'vic_TraffickinStatusDecisionMakingOrg',
    'vic_MethodsOfControl',
    'vic_TypeOfExploitation',
    'vic_ForcedLabourIndustry',
    'cas_Status',
    'cas_ReasonForCaseClosure',
  ]
  const labels = [
    null,
    'Case Owner',
    'First Name',
    'Second Name',
    'Consent',
    'Birthdate',
    'Gender',
    'Citizenship',
    'Trafficking Status',
    'Trafficking Status Decision Making Organization',
    'Methods of Control',
    'Type of Exploitation',
    'Forced Labour Industry',
    'Status',
    'Reason for Case Closure',
  ]
  sheet.addRow(names)
  sheet.addRow(labels)
  for (const row of rows) sheet.addRow([...row])
  return new Uint8Array(await workbook.xlsx.writeBuffer())
}

export function importer(session: VaultSession) {
  const service = createImportService(session)
  return (bytes: Uint8Array, options: ImportOptions) => service.importFile(bytes, options)
}

export function count(session: VaultSession, table: string): number {
  return (session.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n
}

export async function adminSession(): Promise<VaultSession> {
  const { vault } = await createdVault()
  return vault.session()!
}

/** A case with its survivor, by case number, as stored. */
export function caseRow(session: VaultSession, caseNumber: string) {
  return session.db
    .prepare(
      `SELECT c.*, p.display_name, p.birthdate, p.gender, p.citizenship, p.record AS survivor, p.aliases
       FROM cases c JOIN persons p ON p.id = c.survivor_id WHERE c.case_number = ?`,
    )
    .get(caseNumber) as Record<string, unknown> & {
    survivor: string
    victim: string
    source_record: string | null
  }
}

/** Everything an import could touch: if these are equal, nothing was written. */
export function footprint(session: VaultSession) {
  return {
    cases: count(session, 'cases'),
    persons: count(session, 'persons'),
    events: count(session, 'trafficking_events'),
    search: count(session, 'case_search'),
    audit: count(session, 'audit_log'),
    settings: count(session, 'settings'),
  }
}

export const encode = (text: string) => new TextEncoder().encode(text)

/** A tar archive of these files, as CaseVault's HTCDS CSV export packs its tables (or a person by hand). */
export async function tarArchive(files: Record<string, string>): Promise<Uint8Array> {
  const pack = tar.pack()
  for (const [name, content] of Object.entries(files)) pack.entry({ name }, content)
  pack.finalize()
  const chunks: Buffer[] = []
  for await (const chunk of pack as AsyncIterable<Buffer>) chunks.push(chunk)
  return new Uint8Array(Buffer.concat(chunks))
}
