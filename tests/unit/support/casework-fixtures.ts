// A vault whose cases carry referrals, consents, status history and support plans, and helpers to
// export it and import the file into a second vault through the API (as the Reports screen does).
import { call, type testHost } from './temp-vault'
import { createCase, signInAs, staffedHost, survivorCase } from './case-fixtures'
import { outgoingReferral, step, survivorConsent } from './referral-fixtures'
import { walkInScreening } from './screening-fixtures'
import type {
  DirectoryOrganisation,
  DirectoryService,
  ExportResult,
  ImportPreview,
  ImportReport,
  ReferralDetail,
  ReferralSummary,
  SupportPlan,
} from '../../../main/api/contract'

type Host = ReturnType<typeof testHost>['host']

/**
 * bilal's case with: an outgoing referral to an organisation typed in by name (sent → accepted →
 * in progress; a withdrawn consent, then the one it was sent under; a follow-up and outcome), an
 * incoming referral from a directory organisation's service (accepted), and two support plans, one
 * from the outgoing referral, the other finished. A second case has no casework, and a screening
 * has a referral of its own (not a case's: never exported). Signed in as dana at the end.
 */
export async function vaultWithCasework() {
  const staffed = await staffedHost('amara')
  const { host } = staffed
  const clinic = await call<DirectoryOrganisation>(host, 'directory:saveOrganisation', {
    name: 'Riverside Health Centre',
  })
  const counselling = await call<DirectoryService>(host, 'directory:saveService', {
    organisationId: clinic.id,
    name: 'Trauma counselling',
    serviceTypes: ['Health'],
  })
  await signInAs(host, 'bilal')
  const story = await createCase(host)
  const plain = await createCase(host, survivorCase({ intakeDate: '2025-05-06' }))

  let outgoing = await call<ReferralDetail>(
    host,
    'referrals:create',
    outgoingReferral(story.id, { followUpDate: '2026-04-01', servicesRequested: ['Legal', 'SocialCare'] }),
  )
  const first = await call<ReferralDetail>(host, 'referrals:recordConsent', survivorConsent(outgoing.id))
  await call(host, 'referrals:withdrawConsent', {
    referralId: outgoing.id,
    consentId: first.consentInForce!.id,
    withdrawnOn: '2026-03-19',
  })
  outgoing = await call<ReferralDetail>(
    host,
    'referrals:recordConsent',
    survivorConsent(outgoing.id, {
      givenBy: 'guardian',
      givenByName: 'Iryna Kovalenko',
      givenOn: '2026-03-20',
      categories: ['identity', 'referralNotes', 'caseSummary'],
    }),
  )
  outgoing = await step(host, outgoing, 'sent', { sharedCategories: ['identity', 'referralNotes'] })
  outgoing = await step(host, outgoing, 'accepted', { on: '2026-03-23', note: 'Hearing booked, "urgent"' })
  outgoing = await step(host, outgoing, 'in_progress', { on: '2026-03-25' })
  outgoing = await call<ReferralDetail>(host, 'referrals:setFollowUp', {
    id: outgoing.id,
    version: outgoing.version,
    followUpDate: '2026-04-15',
    outcome: '=First meeting held; next one in April',
  })

  let incoming = await call<ReferralDetail>(host, 'referrals:create', {
    direction: 'incoming',
    caseId: story.id,
    serviceId: counselling.id,
    counterpartCaseworker: 'Dr. Sana Malik',
    reason: 'MigrationOrChangeOfLocation',
    details: 'Moved to our area; continuing counselling.',
    servicesRequested: ['Health'],
    urgency: 'routine',
    referralDate: '2026-03-15',
  })
  incoming = await step(host, incoming, 'accepted', { on: '2026-03-16' })

  await call<SupportPlan>(host, 'referrals:createSupportPlan', {
    caseId: story.id,
    referralId: outgoing.id,
    type: 'Legal',
    objectives: 'Represent the survivor at the labour court',
    actionPlan: 'Lawyer from Harbour Legal Aid; interpreter booked',
    startDate: '2026-03-26',
    plannedEndDate: '2026-09-30',
    followUpDate: '2026-05-01',
  })
  const shelter = await call<SupportPlan>(host, 'referrals:createSupportPlan', {
    caseId: story.id,
    type: 'SocialCare',
    objectives: 'Safe accommodation',
    startDate: '2026-03-14',
  })
  await call(host, 'referrals:updateSupportPlan', {
    id: shelter.id,
    version: shelter.version,
    type: 'SocialCare',
    objectives: 'Safe accommodation',
    startDate: '2026-03-14',
    status: 'completed',
    actualEndDate: '2026-03-30',
    outcome: 'Moved to a long-term flat',
  })

  const screening = await walkInScreening(host)
  await call(host, 'referrals:create', { ...outgoingReferral(0), caseId: null, assessmentId: screening.id })

  await signInAs(host, 'dana')
  return {
    ...staffed,
    story: { id: story.id, caseNumber: story.caseNumber },
    plain: { id: plain.id, caseNumber: plain.caseNumber },
    outgoingId: outgoing.id,
    incomingId: incoming.id,
  }
}

export async function exportPlain(
  host: Host,
  format: 'htcds-json' | 'htcds-csv',
  scope: Record<string, string> = {},
) {
  return call<ExportResult>(host, 'export:run', {
    format,
    scope,
    protection: { plaintext: true, confirmed: true },
  })
}

/** Dry run, then (unless `dryRunOnly`) the import of that file, as dana in a new staffed vault. */
export async function importInto(
  target: Awaited<ReturnType<typeof staffedHost>>,
  path: string,
  format: 'htcds-json' | 'htcds-csv',
  dryRunOnly = false,
) {
  target.files.pickImportFile(path)
  const preview = await call<ImportPreview>(target.host, 'import:preview', { format })
  if (dryRunOnly) return { preview, report: null }
  const report = await call<ImportReport>(target.host, 'import:run', { token: preview.token })
  return { preview, report }
}

/**
 * A case's referrals and plans as the referral screens read them, without what a vault gives
 * itself (ids, versions, timestamps) and with plans pointing at their referral by position.
 */
export async function caseworkAsRead(host: Host, caseId: number) {
  const summaries = await call<ReferralSummary[]>(host, 'referrals:forCase', { caseId })
  const details = await Promise.all(
    summaries.map((summary) => call<ReferralDetail>(host, 'referrals:get', { id: summary.id })),
  )
  const plans = await call<SupportPlan[]>(host, 'referrals:supportPlans', { caseId })
  const position = new Map(details.map((detail, index) => [detail.id, index]))
  return {
    referrals: details.map((detail) => {
      const {
        id,
        version,
        caseId: _case,
        organisationId,
        serviceId,
        createdAt,
        updatedAt,
        consentInForce,
        consents,
        history,
        ...rest
      } = detail
      void [id, version, _case, organisationId, serviceId, createdAt, updatedAt]
      const consent = ({ id: _id, recordedAt, ...kept }: (typeof consents)[number]) => (
        void [_id, recordedAt],
        kept
      )
      return {
        ...rest,
        consentInForce: consentInForce && consent(consentInForce),
        consents: consents.map(consent),
        history: history.map(({ id: _id, ...kept }) => (void _id, kept)),
      }
    }),
    supportPlans: plans.map(({ id, caseId: _case, referralId, version, createdAt, updatedAt, ...rest }) => {
      void [id, _case, version, createdAt, updatedAt]
      return { ...rest, referral: referralId === null ? null : position.get(referralId) }
    }),
  }
}

/** A case's id by its number, as dana sees the case list. */
export async function caseIdOf(host: Host, caseNumber: string): Promise<number> {
  const page = await call<{ rows: { id: number; caseNumber: string }[] }>(host, 'cases:list', {
    pageSize: 200,
  })
  return page.rows.find((item) => item.caseNumber === caseNumber)!.id
}
