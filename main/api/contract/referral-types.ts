// Referral and support-plan vocabularies and result shapes, shared by main and the renderer.

export const referralDirections = ['outgoing', 'incoming'] as const
export type ReferralDirection = (typeof referralDirections)[number]

/**
 * Outgoing: draft → sent → accepted | declined. Incoming ones arrive as 'received' → accepted |
 * declined. Then accepted → in_progress → completed | closed_unsuccessful. The transition table
 * lives in main/core/referrals/referral-workflow.ts; `nextStatuses` on a detail says what is legal.
 */
export const referralStatuses = [
  'draft',
  'sent',
  'received',
  'accepted',
  'declined',
  'in_progress',
  'completed',
  'closed_unsuccessful',
] as const
export type ReferralStatus = (typeof referralStatuses)[number]

export const referralUrgencies = ['routine', 'priority', 'emergency'] as const
export type ReferralUrgency = (typeof referralUrgencies)[number]

/** HTCDS cas_ReasonForOutgoingReferral = cas_ReasonForIncomingReferral (a unit test compares). */
export const referralReasons = ['AdditionalServicesRequired', 'MigrationOrChangeOfLocation', 'Other'] as const
export type ReferralReason = (typeof referralReasons)[number]

/** HTCDS spl_Type: the support-plan types, also the "services requested" of a referral. */
export const supportPlanTypes = [
  'Education',
  'Financial',
  'Health',
  'LabourExploitationRehabilitation',
  'Legal',
  'Livelihood',
  'RightsBasedTraining',
  'SexualExploitationRehabilitation',
  'SocialCare',
] as const
export type SupportPlanType = (typeof supportPlanTypes)[number]

export const supportPlanStatuses = ['active', 'completed', 'discontinued'] as const
export type SupportPlanStatus = (typeof supportPlanStatuses)[number]

/**
 * What a survivor can agree to share, one category at a time. The printable form maps each
 * category to the HTCDS fields it releases; anything not covered is left out of the output.
 */
export const consentCategories = [
  'identity',
  'contactDetails',
  'dateOfBirth',
  'gender',
  'nationality',
  'languages',
  'caseSummary',
  'vulnerabilities',
  'screeningResults',
  'healthInformation',
  'referralNotes',
] as const
export type ConsentCategory = (typeof consentCategories)[number]

export const consentGivers = ['survivor', 'guardian', 'other'] as const
export type ConsentGiver = (typeof consentGivers)[number]

export type FollowUpState = 'overdue' | 'dueThisWeek' | null

export interface ReferralSummary {
  id: number
  direction: ReferralDirection
  status: ReferralStatus
  caseId: number | null
  caseNumber: string | null
  assessmentId: number | null
  organisationName: string
  serviceName: string | null
  urgency: ReferralUrgency
  referralDate: string
  followUpDate: string | null
  followUpState: FollowUpState
  servicesRequested: SupportPlanType[]
}

export interface ReferralPage {
  total: number
  items: ReferralSummary[]
}

export interface ReferralConsent {
  id: number
  givenBy: ConsentGiver
  givenByName: string | null
  givenOn: string
  purpose: string
  categories: ConsentCategory[]
  recordedByName: string | null
  recordedAt: string
  withdrawnOn: string | null
}

export interface ReferralHistoryEntry {
  id: number
  fromStatus: ReferralStatus | null
  toStatus: ReferralStatus
  changedOn: string
  changedByName: string | null
  note: string | null
}

export interface ReferralDetail extends ReferralSummary {
  version: number
  organisationId: number | null
  serviceId: number | null
  counterpartCaseworker: string | null
  primaryUserName: string | null
  reason: ReferralReason | null
  details: string | null
  outcome: string | null
  sharedCategories: ConsentCategory[] | null
  consentInForce: ReferralConsent | null
  consents: ReferralConsent[]
  history: ReferralHistoryEntry[]
  /** The statuses this referral may move to now (empty when it is finished). */
  nextStatuses: ReferralStatus[]
  /** The referral in HTCDS cas_ terms (referral details section), for exports. */
  htcds: Record<string, string | null>
  createdAt: string
  updatedAt: string
}

/** One labelled value on the printable form; `field` is the HTCDS field name when there is one. */
export interface ReferralFormField {
  field: string
  value: string | string[] | number
}

/**
 * Why a released category has no section on the form. 'noCase': the referral is linked to no case,
 * and a walk-in's details on her screening are deliberately not printed; 'notRecorded': CaseVault
 * holds nothing for it.
 */
export type ReferralFormGap = 'noCase' | 'notRecorded'

export interface ReferralForm {
  referralId: number
  direction: ReferralDirection
  referralDate: string
  ourOrganisation: string
  counterpartOrganisation: string
  serviceName: string | null
  servicesRequested: SupportPlanType[]
  urgency: ReferralUrgency
  consent: { givenBy: ConsentGiver; givenOn: string; purpose: string } | null
  /** The categories released on this form (consent ∩ what was shared). */
  categories: ConsentCategory[]
  /** Only categories in `categories` appear here; nothing else is read into the form. */
  sections: { category: ConsentCategory; fields: ReferralFormField[] }[]
  /** For each released category without a section, why it is empty (absent: 'notRecorded'). */
  emptyReasons?: Partial<Record<ConsentCategory, ReferralFormGap>>
  generatedOn: string
}

export interface FollowUpItem {
  kind: 'referral' | 'supportPlan'
  id: number
  caseId: number | null
  caseNumber: string | null
  followUpDate: string
  status: string
  label: string
  overdue: boolean
}

export interface SupportPlan {
  id: number
  caseId: number
  referralId: number | null
  type: SupportPlanType
  objectives: string
  actionPlan: string | null
  startDate: string
  plannedEndDate: string | null
  actualEndDate: string | null
  followUpDate: string | null
  status: SupportPlanStatus
  outcome: string | null
  version: number
  createdByName: string | null
  createdAt: string
  updatedAt: string
}
