// A synthetic service directory for training vaults: the partner organisations a counter-trafficking
// NGO refers survivors to, in one home country plus a few partners abroad. Every HTCDS org_Type and
// spl_Type appears; some entries are inactive, as in a directory kept for years. Names, phones and
// web addresses are invented (example.org is reserved for examples and never reaches anyone).
import type { SaveOrganisationInput, SaveServiceInput } from '../../api/contract/directory'
import { supportPlanTypes, type SupportPlanType } from '../../api/contract/referral-types'
import type { NameLocale, NameSource } from './synthetic-names'
import { ORIGIN_WEIGHTS } from './synthetic-places'
import type { SeededRandom, Weighted } from './synthetic-random'

type OrgType =
  | 'NGO'
  | 'LawEnforcement'
  | 'HealthServiceOrganisation'
  | 'CentralGovernmentOrganisation'
  | 'LocalGovernmentOrganisation'
  | 'ImmigrationService'
  | 'LegalService'
  | 'CorporateBusiness'
  | 'SchoolOrCollege'

interface ServiceIdea {
  name: string
  types: SupportPlanType[]
  eligibility: string
}

/** What each kind of organisation is called ({city} is filled in) and the services it may offer. */
const KINDS: Record<OrgType, { names: string[]; services: ServiceIdea[]; weight: number }> = {
  NGO: {
    weight: 10,
    names: [
      '{city} Women’s Shelter',
      'Safe Passage Foundation',
      'New Horizons Reintegration',
      'Migrant Workers’ Support Centre {city}',
      '{city} Youth Drop-in',
      'Open Doors Anti-Trafficking Network',
      'Second Chance Livelihoods',
      'Bridges Family Tracing',
    ],
    services: [
      {
        name: 'Emergency shelter',
        types: ['SocialCare'],
        eligibility: 'Adults identified as possible victims',
      },
      {
        name: 'Trauma counselling',
        types: ['Health', 'SexualExploitationRehabilitation'],
        eligibility: 'Women and girls',
      },
      {
        name: 'Labour rights casework',
        types: ['LabourExploitationRehabilitation', 'RightsBasedTraining'],
        eligibility: 'Workers of any nationality',
      },
      { name: 'Small cash grants', types: ['Financial'], eligibility: 'Survivors with an open case' },
      { name: 'Job coaching', types: ['Livelihood'], eligibility: 'Adults with the right to work' },
      { name: 'Peer support group', types: ['SexualExploitationRehabilitation'], eligibility: 'Adults 18+' },
    ],
  },
  LawEnforcement: {
    weight: 1,
    names: ['{city} Police — Anti-Trafficking Unit', 'Regional Labour Inspectorate'],
    services: [
      { name: 'Victim liaison officer', types: ['Legal'], eligibility: 'Victims and witnesses' },
      {
        name: 'Workplace inspections on referral',
        types: ['LabourExploitationRehabilitation'],
        eligibility: 'Any worker',
      },
    ],
  },
  HealthServiceOrganisation: {
    weight: 2,
    names: ['{city} General Hospital', '{city} Community Health Centre', 'Harbour Street Clinic'],
    services: [
      {
        name: 'Sexual assault referral clinic',
        types: ['Health', 'SexualExploitationRehabilitation'],
        eligibility: 'Anyone, no documents needed',
      },
      { name: 'Community mental health team', types: ['Health'], eligibility: 'Adults 18+' },
      { name: 'Free medical check-ups', types: ['Health'], eligibility: 'Uninsured migrants' },
    ],
  },
  CentralGovernmentOrganisation: {
    weight: 1,
    names: ['National Referral Mechanism Office', 'Ministry of Labour — Victim Compensation Fund'],
    services: [
      { name: 'Victim status identification', types: ['Legal'], eligibility: 'Referred possible victims' },
      { name: 'Subsistence allowance', types: ['Financial'], eligibility: 'Recognised victims' },
    ],
  },
  LocalGovernmentOrganisation: {
    weight: 2,
    names: ['{city} Municipal Social Services', '{city} Child Protection Office'],
    services: [
      { name: 'Social assistance', types: ['SocialCare', 'Financial'], eligibility: 'Residents of the city' },
      { name: 'Child protection casework', types: ['SocialCare', 'Education'], eligibility: 'Under 18' },
    ],
  },
  ImmigrationService: {
    weight: 1,
    names: ['Immigration and Residence Office', '{city} Immigration Advice Desk'],
    services: [
      { name: 'Residence permit for victims', types: ['Legal'], eligibility: 'Foreign nationals' },
      { name: 'Assisted voluntary return', types: ['SocialCare', 'Livelihood'], eligibility: 'Adults' },
    ],
  },
  LegalService: {
    weight: 2,
    names: ['{city} Legal Aid Clinic', 'Labour Rights Law Centre', 'Justice for Migrants Chambers'],
    services: [
      { name: 'Free legal advice', types: ['Legal'], eligibility: 'Low income, any status' },
      {
        name: 'Wage claims and compensation',
        types: ['Legal', 'LabourExploitationRehabilitation'],
        eligibility: 'Workers owed wages',
      },
      { name: 'Know-your-rights sessions', types: ['RightsBasedTraining'], eligibility: 'Open to all' },
    ],
  },
  CorporateBusiness: {
    weight: 1,
    names: ['Fair Work Hospitality Group', '{city} Savings Bank', 'GreenLeaf Logistics'],
    services: [
      { name: 'Paid traineeships', types: ['Livelihood'], eligibility: 'Adults with the right to work' },
      { name: 'Basic bank account and budgeting', types: ['Financial'], eligibility: 'Adults' },
    ],
  },
  SchoolOrCollege: {
    weight: 1,
    names: ['{city} Adult Education College', 'Technical and Vocational Institute'],
    services: [
      { name: 'Language courses', types: ['Education'], eligibility: 'Adults and young people 16+' },
      { name: 'Vocational certificates', types: ['Education', 'Livelihood'], eligibility: 'Adults' },
      { name: 'Rights and safety workshops', types: ['RightsBasedTraining'], eligibility: 'Students' },
    ],
  },
}

const ORG_TYPES = Object.keys(KINDS) as OrgType[]

/** The country the training organisation works in: its city names, language and phone style. */
const HOMES: Weighted<{ country: string; locale: NameLocale; language: string }> = [
  [{ country: 'DE', locale: 'de', language: 'de' }, 2],
  [{ country: 'PL', locale: 'pl', language: 'pl' }, 2],
  [{ country: 'IT', locale: 'it', language: 'it' }, 1],
  [{ country: 'GB', locale: 'en_GB', language: 'en' }, 2],
  [{ country: 'TH', locale: 'th', language: 'th' }, 1],
]

const HOURS = [
  'Mon–Fri 09:00–17:00',
  'Mon–Thu 10:00–16:00, Fri 10:00–13:00',
  '24/7 hotline; office Mon–Fri 08:00–18:00',
  'By appointment',
]

export interface SyntheticOrganisation {
  organisation: SaveOrganisationInput
  services: Omit<SaveServiceInput, 'organisationId'>[]
}

function slug(name: string, index: number): string {
  const base = name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
  return `${base || 'partner'}-${index}`
}

export interface SyntheticDirectory {
  /** Where the training organisation works: counterpart caseworkers get names from this locale. */
  homeLocale: NameLocale
  organisations: SyntheticOrganisation[]
}

/** 24 to 36 organisations: one of every org_Type first, then mostly NGOs; a few abroad. */
export function syntheticDirectory(random: SeededRandom, names: NameSource): SyntheticDirectory {
  const home = random.weighted(HOMES)
  const count = random.int(24, 36)
  const usedNames = new Set<string>()
  const organisations: SyntheticOrganisation[] = []
  const kindWeights = ORG_TYPES.map((type) => [type, KINDS[type].weight] as const)

  for (let index = 0; index < count; index += 1) {
    const type = index < ORG_TYPES.length ? ORG_TYPES[index]! : random.weighted(kindWeights)
    const kind = KINDS[type]
    // A few NGO partners sit in survivors' countries of origin (for returns and family tracing).
    const abroad = type === 'NGO' && index >= ORG_TYPES.length && random.chance(0.2)
    const origin = abroad ? random.weighted(ORIGIN_WEIGHTS) : null
    const locale = origin?.names ?? home.locale
    const city = names.city(locale)
    let name = random.pick(kind.names).replace('{city}', city)
    if (usedNames.has(name)) name = `${name} (${city})`
    if (usedNames.has(name)) continue
    usedNames.add(name)
    const site = slug(name, index + 1)
    const languages = [
      ...new Set([home.language, 'en', ...(origin ? [random.weighted(origin.languages)] : [])]),
    ]
    const offered = random.weightedDistinct(
      kind.services.map((service) => [service, 1] as const),
      random.int(1, Math.min(3, kind.services.length)),
    )
    organisations.push({
      organisation: {
        name,
        orgType: type,
        description: `Training directory entry: ${kind.services.map((s) => s.name.toLowerCase()).join(', ')}.`,
        // Ofcom's range for drama (020 7946 0000–0999): reserved, it rings nobody. A national
        // 0NN NNN NNNN had the shape of real Berlin or Frankfurt landlines.
        phone: `020 7946 0${random.int(100, 999)}`,
        email: `contact@${site}.example.org`,
        website: `https://${site}.example.org`,
        address: `${random.int(1, 180)} ${names.street(locale)}`,
        city,
        country: origin?.code ?? home.country,
        active: index < ORG_TYPES.length || !random.chance(0.1),
      },
      services: offered.map((service) => ({
        name: service.name,
        description: `${service.name} for survivors referred by partners.`,
        serviceTypes: service.types,
        languages: random.chance(0.7) ? languages : [home.language],
        eligibilityNotes: service.eligibility,
        openingHours: random.pick(HOURS),
        active: !random.chance(0.08),
      })),
    })
  }
  coverEveryServiceType(organisations)
  return { homeLocale: home.locale, organisations }
}

/** Referrals need every spl_Type somewhere active: add what is missing to the first active NGO. */
function coverEveryServiceType(organisations: SyntheticOrganisation[]): void {
  const offered = new Set(
    organisations
      .filter((entry) => entry.organisation.active !== false)
      .flatMap((entry) =>
        entry.services.filter((s) => s.active !== false).flatMap((s) => s.serviceTypes ?? []),
      ),
  )
  const ngo = organisations.find((entry) => entry.organisation.orgType === 'NGO')!
  for (const type of supportPlanTypes) {
    if (offered.has(type)) continue
    const idea = Object.values(KINDS)
      .flatMap((kind) => kind.services)
      .find((service) => service.types.includes(type))!
    ngo.services.push({
      name: idea.name,
      serviceTypes: [type],
      eligibilityNotes: idea.eligibility,
      openingHours: HOURS[0],
      active: true,
    })
  }
}
