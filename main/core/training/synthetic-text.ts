// Short, generic caseworker wording for synthetic cases. No real person, place or event: these are
// the kinds of notes trainees will see, written so nothing in them can identify anyone.

export const FIRST_NOTES = [
  'Initial interview held with an interpreter present. Survivor agreed to shelter placement.',
  'First meeting at the shelter. Immediate needs assessed: food, clothing and a safe place to sleep.',
  'Referred by the hotline. Intake interview completed; survivor asked for time before giving details.',
  'Identified during a labour inspection and referred to us. Consent for support recorded.',
  'Walked in with a friend. Intake completed; survivor prefers to be contacted by phone only.',
  'Referred by the police after a raid. Survivor was tired; short interview, follow-up planned.',
]

export const FOLLOW_UP_NOTES = [
  'Medical check-up arranged at the partner clinic.',
  'Follow-up call: survivor reports feeling safe and sleeping better.',
  'Legal counselling session held; options for a residence permit explained.',
  'Psychosocial support session held. Next session booked in two weeks.',
  'Request to replace identity documents sent to the consulate.',
  'Family tracing request sent to the partner organisation.',
  'Survivor attended the vocational training orientation.',
  'Return assistance discussed; survivor wishes to stay for now.',
  'Accompanied survivor to give a statement; interpreter present throughout.',
  'Small cash grant paid for transport and phone credit.',
  'Survivor moved from the shelter to supported accommodation.',
  'Missed appointment; reached by phone and rebooked.',
  'Risk assessment reviewed with the supervisor; no change to the safety plan.',
  'Survivor started a language course at the community centre.',
  'Wage claim prepared with the labour rights partner.',
]

export const CLOSURE_REASONS = [
  'Support plan completed; survivor is living independently.',
  'Survivor returned home; reintegration support arranged with the partner in the country of origin.',
  'Survivor chose to end support. Told they can come back at any time.',
  'No contact for three months despite repeated attempts.',
  'Assessment found no indicators of trafficking; referred to general migrant services.',
  'Survivor found stable work and housing; case closed by agreement.',
]

export const REFERRAL_CLOSURE_REASONS = [
  'Referred to a specialised child protection service for long-term care.',
  'Referred to the partner organisation in the city where the survivor moved.',
  'Referred to the national referral mechanism; their caseworker now leads.',
  'Referred to a specialised mental health service.',
]

export const EVENT_DESCRIPTIONS = {
  Recruitment: [
    'Offered a job abroad with good pay and free travel.',
    'Approached with a promise of work in a restaurant.',
    'A relative arranged the trip and said the debt would be easy to repay.',
    'Answered an online advert for seasonal farm work.',
    'Promised a place at a school and a part-time job.',
  ],
  Transit: [
    'Travelled by bus with a group; documents were held by the driver.',
    'Stayed several weeks in a flat near the border before moving on.',
    'Crossed the border on foot at night with a guide.',
    'Flew with a tourist visa; met at the airport by an unknown man.',
  ],
  Exploitation: [
    'Worked long hours without pay; wages kept to repay a travel debt.',
    'Not allowed to leave the house; passport taken on arrival.',
    'Forced to work every day; threatened when asking to leave.',
    'Made to pay for food and housing from very low wages.',
    'Watched at all times and moved between addresses.',
  ],
} as const

export const PERPETRATOR_ORGANISATIONS = [
  'Unlicensed recruitment agency',
  'Construction subcontractor',
  'Private household',
  'Travel agency',
  'Fishing vessel operator',
  'Massage business',
  'Garment workshop',
  'Farm labour contractor',
]

export const PERPETRATOR_ROLE_DETAILS = [
  'Arranged the job offer and the travel.',
  'Collected the wages and kept the documents.',
  'Drove the group across the border.',
  'Ran the place of work and set the hours.',
  'Kept watch over the workers at the house.',
  'Introduced the survivor to the recruiter.',
]
