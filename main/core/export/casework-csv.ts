// The referrals, their consents and status history, and the support plans of the HTCDS CSV archive:
// four tables beside cases.csv, joined to it by case number and to each other by the referral's key
// within its case (R1, R2…). Cells are encoded as in the other tables (csv-writer.ts): lists of codes
// `;`-joined, free text guarded against spreadsheet formulas.
import { sectionById } from '../htcds'
import { CsvBuilder, csvCell, joinCodes } from './csv-writer'
import type { RawCase } from './full-records'

const fieldNames = (section: 'referral' | 'supportPlan') =>
  (sectionById(section)?.fields ?? []).map((field) => field.name)

export const REFERRAL_HTCDS_FIELDS = fieldNames('referral')
export const SUPPORT_PLAN_HTCDS_FIELDS = fieldNames('supportPlan')

export const CASEWORK_CSV_COLUMNS = {
  referrals: [
    'case_number',
    'referral_key',
    'direction',
    'status',
    'urgency',
    'referral_date',
    'follow_up_date',
    'organisation',
    'service',
    'counterpart_caseworker',
    'primary_caseworker',
    'screening_key',
    'services_requested',
    'shared_categories',
    'outcome',
    ...REFERRAL_HTCDS_FIELDS,
  ],
  'referral-consents': [
    'case_number',
    'referral_key',
    'given_by',
    'given_by_name',
    'given_on',
    'purpose',
    'categories',
    'recorded_by',
    'withdrawn_on',
  ],
  'referral-status-history': [
    'case_number',
    'referral_key',
    'from_status',
    'to_status',
    'changed_on',
    'changed_by',
    'note',
  ],
  'support-plans': [
    'case_number',
    'referral_key',
    'status',
    'start_date',
    'follow_up_date',
    'outcome',
    ...SUPPORT_PLAN_HTCDS_FIELDS,
  ],
} as const

export type CaseworkTable = keyof typeof CASEWORK_CSV_COLUMNS

/** The four tables, filled one case at a time (most cases add nothing). */
export class CaseworkCsvTables {
  readonly tables: Record<CaseworkTable, CsvBuilder>

  /** `headerLines: false` for a share of the tables that another share starts (export-worker.ts). */
  constructor({ headerLines = true }: { headerLines?: boolean } = {}) {
    const table = (name: CaseworkTable) =>
      new CsvBuilder(CASEWORK_CSV_COLUMNS[name], { headerLine: headerLines })
    this.tables = {
      referrals: table('referrals'),
      'referral-consents': table('referral-consents'),
      'referral-status-history': table('referral-status-history'),
      'support-plans': table('support-plans'),
    }
  }

  /** `caseNumber`: the case's number, escaped already (by csvCell). */
  add(caseNumber: string, one: Pick<RawCase, 'referrals' | 'supportPlans'>): void {
    const { tables } = this
    for (const referral of one.referrals) {
      const key = csvCell(referral.key)
      tables.referrals.addEscaped([
        caseNumber,
        key,
        ...[
          referral.direction,
          referral.status,
          referral.urgency,
          referral.referralDate,
          referral.followUpDate,
          referral.organisation,
          referral.service,
          referral.counterpartCaseworker,
          referral.primaryCaseworker,
          referral.screening,
          joinCodes(referral.servicesRequested),
          joinCodes(referral.sharedCategories),
          referral.outcome,
          ...REFERRAL_HTCDS_FIELDS.map((name) => referral.htcds[name]),
        ].map(csvCell),
      ])
      for (const consent of referral.consents) {
        tables['referral-consents'].addEscaped([
          caseNumber,
          key,
          ...[
            consent.givenBy,
            consent.givenByName,
            consent.givenOn,
            consent.purpose,
            joinCodes(consent.categories),
            consent.recordedBy,
            consent.withdrawnOn,
          ].map(csvCell),
        ])
      }
      for (const change of referral.history) {
        tables['referral-status-history'].addEscaped([
          caseNumber,
          key,
          ...[change.from, change.to, change.changedOn, change.changedBy, change.note].map(csvCell),
        ])
      }
    }
    for (const plan of one.supportPlans) {
      tables['support-plans'].addEscaped([
        caseNumber,
        ...[
          plan.referral,
          plan.status,
          plan.startDate,
          plan.followUpDate,
          plan.outcome,
          ...SUPPORT_PLAN_HTCDS_FIELDS.map((name) => plan.htcds[name]),
        ].map(csvCell),
      ])
    }
  }
}
