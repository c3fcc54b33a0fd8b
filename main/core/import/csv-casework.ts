// The referral and support-plan tables of CaseVault's HTCDS CSV archive (export/casework-csv.ts) →
// per case, drafts in the JSON export's shape, so that one set of checks (casework-check.ts) reads
// both formats. Consents and status changes join their referral by case number + referral key; one
// whose referral is not in referrals.csv is a problem of its case. Empty cells are absent values,
// and `;`-joined cells are lists of codes.
import type { ImportNote } from '../../api/contract/import'
import { caseNumberKey } from '../cases/case-number-key'
import {
  CASEWORK_CSV_COLUMNS,
  REFERRAL_HTCDS_FIELDS,
  SUPPORT_PLAN_HTCDS_FIELDS,
} from '../export/casework-csv'
import type { CaseworkDraft, CaseworkItem, ReferralDraft } from './casework-check'
import { unguard } from './htcds-values'
import { importNote, reason, type ImportReason } from './import-reasons'
import { sideRowProblems } from './side-row-problems'
import { readCsv } from './read-csv'

export const CASEWORK_FILES = Object.keys(CASEWORK_CSV_COLUMNS).map((table) => `${table}.csv`)

// By caseNumberKey, as case numbers are compared everywhere: a consent keyed shs-1 is one of the
// referral keyed SHS-1 (csv-bundle.ts joins the side tables to cases.csv the same way).
const referralJoin = (caseNumber: string, referralKey: unknown) =>
  `${caseNumberKey(caseNumber.trim())}\n${String(referralKey)}`

/** What the draft of each case gets: its casework, and problems to tie to its row. */
export interface CaseworkParts {
  casework: CaseworkDraft
  problems: { field: string; cause: ImportReason }[]
}

type Value = Record<string, unknown>

/** Each JSON key of the shape → its column (htcds.cas_X → cas_X). */
const COLUMNS: Record<string, string> = {
  key: 'referral_key',
  referral: 'referral_key',
  referralDate: 'referral_date',
  followUpDate: 'follow_up_date',
  counterpartCaseworker: 'counterpart_caseworker',
  primaryCaseworker: 'primary_caseworker',
  screening: 'screening_key',
  servicesRequested: 'services_requested',
  sharedCategories: 'shared_categories',
  givenBy: 'given_by',
  givenByName: 'given_by_name',
  givenOn: 'given_on',
  recordedBy: 'recorded_by',
  withdrawnOn: 'withdrawn_on',
  from: 'from_status',
  to: 'to_status',
  changedOn: 'changed_on',
  changedBy: 'changed_by',
  startDate: 'start_date',
}

/** `referrals.csv row 4, referral_date`: the file, the row and the column, as a reader finds them. */
const placeOf =
  (file: string, row: number) =>
  (path: string): string => {
    const [first = '', ...rest] = path.split('.')
    const column = first === 'htcds' ? (rest[0] ?? '') : (COLUMNS[first] ?? first)
    return column ? `${file} row ${row}, ${column}` : `${file} row ${row}`
  }

/** The cells of one row by header; an empty cell (after the formula guard is undone) is null. */
function rowReader(headers: readonly string[], cells: readonly string[]) {
  const cell = (header: string): string | null => {
    const index = headers.indexOf(header)
    const value = index < 0 ? '' : unguard(cells[index] ?? '').trim()
    return value === '' ? null : value
  }
  const list = (header: string) =>
    cell(header)
      ?.split(';')
      .map((code) => code.trim()) ?? null
  const fields = (names: readonly string[]) => Object.fromEntries(names.map((name) => [name, cell(name)]))
  return { cell, list, fields }
}

/**
 * Reads the four tables (those present) and hands each case's parts to `partsOf(caseNumber)`.
 * `files`: the archive's files by name.
 */
export function readCaseworkTables(
  files: ReadonlyMap<string, Uint8Array>,
  partsOf: (caseNumber: string) => CaseworkParts,
  notes: ImportNote[],
): void {
  const referrals = new Map<string, ReferralDraft>()
  const table = (
    name: string,
    visit: (caseNumber: string, at: (path: string) => string, row: ReturnType<typeof rowReader>) => void,
  ) => {
    const content = files.get(name)
    if (!content) return
    const part = readCsv(content)
    if (!part.complete) notes.push(importNote('sideTableIncomplete', { file: name }))
    for (const { row, cells, problems } of part.rows) {
      const read = rowReader(part.headers, cells)
      const caseNumber = read.cell('case_number')
      if (!caseNumber) continue
      partsOf(caseNumber).problems.push(...sideRowProblems(name, row, problems))
      visit(caseNumber, placeOf(name, row), read)
    }
  }

  table('referrals.csv', (caseNumber, at, read) => {
    const value: Value = {
      key: read.cell('referral_key'),
      screening: read.cell('screening_key'),
      direction: read.cell('direction'),
      status: read.cell('status'),
      urgency: read.cell('urgency'),
      referralDate: read.cell('referral_date'),
      followUpDate: read.cell('follow_up_date'),
      organisation: read.cell('organisation'),
      service: read.cell('service'),
      counterpartCaseworker: read.cell('counterpart_caseworker'),
      primaryCaseworker: read.cell('primary_caseworker'),
      servicesRequested: read.list('services_requested'),
      sharedCategories: read.list('shared_categories'),
      outcome: read.cell('outcome'),
      htcds: read.fields(REFERRAL_HTCDS_FIELDS),
    }
    const draft: ReferralDraft = { value, at, consents: [], history: [] }
    partsOf(caseNumber).casework.referrals.push(draft)
    // A key given twice is reported by the checks; its consents go to the first one.
    const joined = referralJoin(caseNumber, value.key)
    if (value.key !== null && !referrals.has(joined)) referrals.set(joined, draft)
  })

  const attach =
    (list: 'consents' | 'history') => (caseNumber: string, at: (path: string) => string, value: Value) => {
      const referral = referrals.get(referralJoin(caseNumber, value.referral))
      const item: CaseworkItem = { value, at }
      if (referral) referral[list].push(item)
      else partsOf(caseNumber).problems.push({ field: at('referral'), cause: reason('unknownReferralKey') })
    }
  const consent = attach('consents')
  table('referral-consents.csv', (caseNumber, at, read) =>
    consent(caseNumber, at, {
      referral: read.cell('referral_key'),
      givenBy: read.cell('given_by'),
      givenByName: read.cell('given_by_name'),
      givenOn: read.cell('given_on'),
      purpose: read.cell('purpose'),
      categories: read.list('categories'),
      recordedBy: read.cell('recorded_by'),
      withdrawnOn: read.cell('withdrawn_on'),
    }),
  )
  const statusChange = attach('history')
  table('referral-status-history.csv', (caseNumber, at, read) =>
    statusChange(caseNumber, at, {
      referral: read.cell('referral_key'),
      from: read.cell('from_status'),
      to: read.cell('to_status'),
      changedOn: read.cell('changed_on'),
      changedBy: read.cell('changed_by'),
      note: read.cell('note'),
    }),
  )
  table('support-plans.csv', (caseNumber, at, read) => {
    partsOf(caseNumber).casework.supportPlans.push({
      at,
      value: {
        referral: read.cell('referral_key'),
        status: read.cell('status'),
        startDate: read.cell('start_date'),
        followUpDate: read.cell('follow_up_date'),
        outcome: read.cell('outcome'),
        htcds: read.fields(SUPPORT_PLAN_HTCDS_FIELDS),
      },
    })
  })
}
