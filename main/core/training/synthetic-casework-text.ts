// Generic wording for synthetic referrals and support plans. Like synthetic-text.ts: the kind of
// note a trainee will meet, with nothing in it that could point at a real person or place.
import type { ReferralStatus, SupportPlanType } from '../../api/contract/referral-types'

export const REFERRAL_STEP_NOTES: Partial<Record<ReferralStatus, string[]>> = {
  sent: ['Sent by secure email; receipt confirmed by phone.', 'Form handed over at the case conference.'],
  accepted: ['Appointment offered for next week.', 'Accepted; their caseworker will call the survivor.'],
  declined: ['No capacity this month.', 'Outside their eligibility criteria.'],
  in_progress: ['First session held.', 'Survivor started the programme.'],
  completed: ['Final report received from the partner.', 'Service finished as planned.'],
  closed_unsuccessful: ['No answer after three reminders.', 'Survivor decided not to continue.'],
}

export const REFERRAL_OUTCOMES: Partial<Record<ReferralStatus, string[]>> = {
  completed: [
    'Service completed; survivor says it helped and would go back if needed.',
    'All sessions attended; partner’s closing summary filed on paper.',
    'Completed. Survivor now in contact with the partner directly.',
  ],
  declined: [
    'Declined for lack of places; referred elsewhere.',
    'Declined: the service does not take people without a residence permit.',
  ],
  closed_unsuccessful: [
    'Closed: the partner never answered despite reminders.',
    'Closed: survivor moved to another city before the service began.',
    'Closed: survivor stopped attending after two sessions.',
  ],
}

export const REFERRAL_DETAILS: Record<SupportPlanType, string[]> = {
  Education: ['Wants to finish secondary school; needs a place in a language course first.'],
  Financial: ['No income since leaving the employer; needs help with rent and transport.'],
  Health: ['Needs a general medical check-up and follow-up for a work injury.'],
  LabourExploitationRehabilitation: ['Worked 14-hour days without pay; wants to recover wages.'],
  Legal: ['Needs advice on a residence permit and on giving evidence.'],
  Livelihood: ['Has catering experience; looking for safe, paid work.'],
  RightsBasedTraining: ['Would like to learn about workers’ rights before taking a new job.'],
  SexualExploitationRehabilitation: ['Asks for specialised counselling with a female counsellor.'],
  SocialCare: ['Needs safe accommodation after leaving the shelter.'],
}

export const CONSENT_PURPOSES: Record<SupportPlanType, string> = {
  Education: 'Enrolment in education',
  Financial: 'Financial assistance',
  Health: 'Medical care',
  LabourExploitationRehabilitation: 'Support after labour exploitation',
  Legal: 'Legal advice and representation',
  Livelihood: 'Job placement',
  RightsBasedTraining: 'Rights-based training',
  SexualExploitationRehabilitation: 'Specialised counselling',
  SocialCare: 'Accommodation and social care',
}

/** Partners typed in by name because they are not (yet) in the directory. */
export const UNLISTED_PARTNERS = [
  'St. Anne’s Parish Outreach',
  'Riverside Community Kitchen',
  'Consulate — Citizens’ Services',
  'Helping Hands Volunteers',
]

export const PLAN_OBJECTIVES: Record<SupportPlanType, string[]> = {
  Education: ['Enrol in a language course and attend at least 80% of classes.'],
  Financial: ['Open a bank account and keep a simple monthly budget.'],
  Health: ['Complete the medical check-up and any follow-up treatment.'],
  LabourExploitationRehabilitation: ['Recover unpaid wages and regain confidence to work.'],
  Legal: ['Obtain a residence permit and understand the court process.'],
  Livelihood: ['Find stable, fairly paid work within six months.'],
  RightsBasedTraining: ['Complete the know-your-rights course.'],
  SexualExploitationRehabilitation: ['Attend specialised counselling; reduce nightmares and anxiety.'],
  SocialCare: ['Move into safe, stable accommodation.'],
}

export const PLAN_ACTIONS = [
  'Caseworker books appointments and accompanies the first visit; monthly review.',
  'Weekly check-in by phone; review with the supervisor after three months.',
  'Partner leads; we follow up every two weeks and cover transport costs.',
]

export const PLAN_OUTCOMES = {
  completed: ['Objectives met.', 'Mostly met; survivor continues on their own.'],
  discontinued: ['Survivor chose to stop.', 'Stopped: survivor moved away.', 'Stopped when the case closed.'],
}
