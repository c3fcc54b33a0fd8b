import type { z } from 'zod'
import { CaseVaultError, invalidField as invalid } from '../errors'
import { latestIntakeDate } from '../../api/contract/dates'
import { assertDayInRange, assertFollowUpDate, lastStepDate } from './referral-date-rules'
import type { VaultSession } from '../vault/vault-session'
import type {
  createReferralInput,
  listReferralsInput,
  recordConsentInput,
  referralFollowUpInput,
  transitionReferralInput,
  updateReferralInput,
  withdrawConsentInput,
} from '../../api/contract/referrals'
import type {
  ConsentCategory,
  ReferralDetail,
  ReferralPage,
  ReferralSummary,
} from '../../api/contract/referral-types'
import { createReferralRepository, type ReferralContentRow, type ReferralRow } from './referral-repository'
import { createReferralAccess } from './referral-access'
import { assertTransition, initialStatus, isEditable, isFinal, nextStatuses } from './referral-workflow'
import { rowToConsent, rowToHistory, rowToSummary } from './referral-mappers'
import { sharedOnSending } from './consent-to-send'
import { referralToHtcds } from './referral-htcds'
import { listReferralRows } from './referral-list-query'
import { caseVisibilityFilter } from '../cases/case-access'
import { localIsoDate } from './local-date'
import { referralAuditTarget } from './referral-audit-target'

type Content = Omit<z.output<typeof updateReferralInput>, 'id' | 'version'>

const stale = () =>
  new CaseVaultError(
    'CONFLICT',
    'Someone else changed this referral after you opened it. Reload it and try again.',
    { stale: true },
  )

/** Referral rules: visibility, directory links, the workflow, consent gating, history and audit. */
export function createReferralService(session: VaultSession, assertCaseVisible: (caseId: number) => void) {
  const repository = createReferralRepository(session.db)
  const access = createReferralAccess(session, assertCaseVisible)
  const now = () => session.clock().toISOString()
  /** Today here, or in UTC if later (as for intake dates): steps and consents are never later. */
  const latestDay = () => latestIntakeDate(session.clock())
  const today = () => localIsoDate(session.clock())

  function audit(action: string, referralId: number, details: Record<string, unknown>): void {
    session.audit.append({
      actor: session.user.username,
      action,
      ...referralAuditTarget(referralId, repository.get(referralId)?.case_id ?? null),
      details: { ...details, referralId },
    })
  }

  function loadVisible(id: number): ReferralRow {
    const row = repository.get(id)
    if (!row) throw new CaseVaultError('NOT_FOUND', 'This referral does not exist.')
    access.assertCanSee(row)
    return row
  }

  function loadForChange(id: number, version: number): ReferralRow {
    const row = loadVisible(id)
    if (row.version !== version) throw stale()
    return row
  }

  /**
   * Directory ids must exist; a service implies its organisation, and must belong to the one chosen.
   * One closed since may be named: the form offers active ones, but a referral made last year to a
   * service closed since is still recorded as it was (the training data does so too).
   */
  function contentRow(
    content: Content,
    stored?: { referral_date: string; follow_up_date: string | null },
  ): ReferralContentRow {
    // An unchanged date is not judged again: an imported draft dated "today" where its file was
    // written, east of here, could otherwise not be edited until that day came here (nor one
    // whose follow-up an older version let through as 1026).
    if (content.referralDate !== stored?.referral_date)
      assertDayInRange('referralDate', content.referralDate, latestDay())
    assertFollowUpDate(content.followUpDate, content.referralDate, stored?.follow_up_date)
    let organisationId = content.organisationId
    if (content.serviceId !== null) {
      const owner = repository.serviceOrganisation(content.serviceId)
      if (owner === undefined) throw invalid('serviceId', 'not a service in the directory')
      if (organisationId !== null && organisationId !== owner)
        throw invalid('serviceId', 'this service belongs to another organisation')
      organisationId = owner
    }
    if (organisationId !== null && !repository.organisationExists(organisationId))
      throw invalid('organisationId', 'not an organisation in the directory')
    return {
      organisationId,
      organisationName: organisationId === null ? content.organisationName : null,
      serviceId: content.serviceId,
      counterpartCaseworker: content.counterpartCaseworker,
      reason: content.reason,
      details: content.details,
      servicesRequested: JSON.stringify(content.servicesRequested),
      urgency: content.urgency,
      referralDate: content.referralDate,
      followUpDate: content.followUpDate,
    }
  }

  function detail(id: number): ReferralDetail {
    const row = repository.get(id)!
    const history = repository.history(id).map(rowToHistory)
    const consents = repository.consents(id).map(rowToConsent)
    return {
      ...rowToSummary(row, today()),
      version: row.version,
      organisationId: row.organisation_id,
      serviceId: row.service_id,
      counterpartCaseworker: row.counterpart_caseworker,
      primaryUserName: row.primary_user_name,
      reason: row.reason,
      details: row.details,
      outcome: row.outcome,
      sharedCategories:
        row.shared_categories === null ? null : (JSON.parse(row.shared_categories) as ConsentCategory[]),
      consentInForce: consents.find((consent) => consent.withdrawnOn === null) ?? null,
      consents,
      history,
      nextStatuses: [...nextStatuses(row.status)],
      htcds: referralToHtcds(row, session.settings.organisation() ?? 'CaseVault', history),
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    }
  }

  return {
    loadVisible,
    detail,

    get(id: number): ReferralDetail {
      loadVisible(id)
      // As a case or a screening: a referral holds the survivor's situation in its reason and details.
      audit('referral.read', id, {})
      return detail(id)
    },

    list(input: z.output<typeof listReferralsInput>): ReferralPage {
      if (input.caseId !== undefined) assertCaseVisible(input.caseId)
      const { total, rows } = listReferralRows(session.db, input, caseVisibilityFilter(session), today())
      return { total, items: rows.map((row) => rowToSummary(row, today())) }
    },

    forCase(caseId: number): ReferralSummary[] {
      assertCaseVisible(caseId)
      return repository.forCase(caseId).map((row) => rowToSummary(row, today()))
    },

    create(input: z.output<typeof createReferralInput>): ReferralDetail {
      const caseId = access.assertCanReferFrom(input.caseId, input.assessmentId)
      const content = contentRow(input)
      const status = initialStatus(input.direction)
      const id = session.db.transaction(() => {
        const timestamp = now()
        const referralId = repository.insert({
          ...content,
          direction: input.direction,
          caseId,
          assessmentId: input.assessmentId,
          status,
          userId: session.user.id,
          now: timestamp,
        })
        repository.addHistory(referralId, null, status, today(), session.user.id, null, timestamp)
        audit('referral.created', referralId, {
          direction: input.direction,
          caseId,
          assessmentId: input.assessmentId,
          status,
        })
        return referralId
      })()
      return detail(id)
    },

    update(input: z.output<typeof updateReferralInput>): ReferralDetail {
      const existing = loadForChange(input.id, input.version)
      if (!isEditable(existing.status)) {
        throw new CaseVaultError(
          'CONFLICT',
          'A referral that has been sent or answered can no longer be changed.',
          {
            status: existing.status,
          },
        )
      }
      const content = contentRow(input, existing)
      session.db.transaction(() => {
        if (!repository.updateContent({ ...content, id: input.id, version: input.version, now: now() }))
          throw stale()
        audit('referral.updated', input.id, {})
      })()
      return detail(input.id)
    },

    setFollowUp(input: z.output<typeof referralFollowUpInput>): ReferralDetail {
      const existing = loadForChange(input.id, input.version)
      assertFollowUpDate(input.followUpDate, existing.referral_date, existing.follow_up_date)
      session.db.transaction(() => {
        if (!repository.updateFollowUp({ ...input, now: now() })) throw stale()
        audit('referral.follow_up_set', input.id, {
          followUpDate: input.followUpDate,
          outcome: input.outcome !== null,
        })
      })()
      return detail(input.id)
    },

    transition(input: z.output<typeof transitionReferralInput>): ReferralDetail {
      const existing = loadForChange(input.id, input.version)
      assertTransition(existing.status, input.to)
      // A step happens between the referral's date and today (1990, or next year, was taken).
      if (input.on < existing.referral_date)
        throw invalid('on', 'before the referral date', 'before_referral_date')
      if (input.on > latestDay()) throw invalid('on', 'in the future', 'date_in_future')
      // Nor before the step it follows ("accepted" four days before "sent").
      const previous = lastStepDate(repository.history(input.id))
      if (previous !== null && input.on < previous)
        throw invalid('on', 'before the previous step', 'before_previous_step')
      let shared: ConsentCategory[] | null = null
      if (input.to === 'sent') {
        shared = sharedOnSending(
          repository.consents(input.id).map(rowToConsent),
          input.on,
          input.sharedCategories,
        )
      } else if (input.sharedCategories) {
        throw invalid('sharedCategories', 'only when sending')
      }
      session.db.transaction(() => {
        const timestamp = now()
        const changed = repository.updateStatus({
          id: input.id,
          version: input.version,
          from: existing.status,
          to: input.to,
          sharedCategories: shared === null ? null : JSON.stringify(shared),
          now: timestamp,
        })
        if (!changed) throw stale()
        repository.addHistory(
          input.id,
          existing.status,
          input.to,
          input.on,
          session.user.id,
          input.note,
          timestamp,
        )
        audit('referral.status_changed', input.id, {
          from: existing.status,
          to: input.to,
          ...(shared ? { sharedCategories: shared } : {}),
        })
      })()
      return detail(input.id)
    },

    recordConsent(input: z.output<typeof recordConsentInput>): ReferralDetail {
      const existing = loadVisible(input.referralId)
      assertDayInRange('givenOn', input.givenOn, latestDay())
      if (isFinal(existing.status)) throw new CaseVaultError('CONFLICT', 'This referral is finished.')
      if (repository.consents(input.referralId).some((consent) => consent.withdrawn_on === null)) {
        // Recorded meanwhile by someone else (the screen showed none): stale, so the screen reads
        // the referral again and shows the consent now in force, with its Withdraw button.
        throw new CaseVaultError(
          'CONFLICT',
          'A consent is already in force. Withdraw it before recording a new one.',
          { stale: true },
        )
      }
      session.db.transaction(() => {
        const timestamp = now()
        const consentId = repository.addConsent({ ...input, userId: session.user.id, now: timestamp })
        repository.touch(input.referralId, timestamp)
        audit('referral.consent_recorded', input.referralId, {
          consentId,
          givenBy: input.givenBy,
          categories: input.categories,
        })
      })()
      return detail(input.referralId)
    },

    withdrawConsent(input: z.output<typeof withdrawConsentInput>): ReferralDetail {
      loadVisible(input.referralId)
      if (input.withdrawnOn > latestDay()) throw invalid('withdrawnOn', 'in the future', 'date_in_future')
      session.db.transaction(() => {
        // Read inside the transaction: the consent the screen showed must still be the one in
        // force. Another program may have withdrawn it and recorded a new one the person never saw.
        const inForce = repository.consents(input.referralId).find((consent) => consent.withdrawn_on === null)
        if (inForce?.id !== input.consentId) throw stale()
        if (input.withdrawnOn < inForce.given_on)
          throw invalid('withdrawnOn', 'before the consent was given', 'before_consent_given')
        repository.withdrawConsent(input.referralId, input.consentId, input.withdrawnOn, session.user.id)
        repository.touch(input.referralId, now())
        audit('referral.consent_withdrawn', input.referralId, { consentId: input.consentId })
      })()
      return detail(input.referralId)
    },
  }
}

export type ReferralService = ReturnType<typeof createReferralService>
