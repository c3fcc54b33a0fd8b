import { codesOf } from '../../api/contract/htcds'
import type { Weighted } from './synthetic-random'

/**
 * Weighted HTCDS codes. Each table names its code list and is checked against it when this module
 * loads: a code the standard does not have stops the generator before it reaches a vault.
 */
function codeWeights(list: string, weights: Record<string, number>): Weighted<string> {
  const known = new Set(codesOf(list).map((entry) => entry.code))
  for (const code of Object.keys(weights)) {
    if (!known.has(code)) throw new Error(`synthetic data: ${code} is not a code of ${list}`)
  }
  return Object.entries(weights)
}

export const GENDER = codeWeights('prs_Gender', {
  Feminine: 60,
  Masculine: 36,
  TransgenderFeminine: 1.5,
  TransgenderMasculine: 0.5,
  NonConforming: 0.5,
  NonSpecifiedUnknown: 1.5,
})

export const TRAFFICKING_STATUS = codeWeights('vic_TraffickingStatus', {
  ActualVictimOfTrafficking: 50,
  PossibleVictimOfTrafficking: 45,
  NotAVictimOfTrafficking: 5,
})

export const STATUS_DECIDED_BY = codeWeights('vic_TraffickingStatusDecisionMakingOrg', {
  Police: 35,
  NGO: 30,
  CourtOrProsecution: 15,
  NonPoliceGovernmentalOrganization: 15,
  Other: 5,
})

export const RELATIONSHIP = codeWeights('vic_RelationshipToTrafficker', {
  Acquainted: 45,
  Unaquainted: 35,
  Familial: 20,
})

export const EXPLOITATION_ADULT = codeWeights('vic_TypeOfExploitation', {
  ForcedLabour: 44,
  SexualExploitation: 38,
  Servitude: 8,
  ForcedMarriage: 3,
  ForcedBegging: 2,
  Other: 2,
  ForcedMilitaryByNonStateActors: 0.5,
  OrganRemoval: 0.3,
  Surrogacy: 0.3,
})

export const EXPLOITATION_MINOR = codeWeights('vic_TypeOfExploitation', {
  SexualExploitation: 35,
  ChildLabour: 20,
  ForcedLabour: 12,
  ForcedBegging: 10,
  ForcedMarriage: 8,
  Servitude: 8,
  ForcedMilitaryByNonStateActors: 2,
  ForcedAdoption: 1,
  Other: 2,
})

/** ISIC sections and divisions most often seen in forced labour cases; households = domestic work. */
export const LABOUR_INDUSTRY = codeWeights('vic_ForcedLabourIndustry', {
  A_CropAndAnimalProductionHuntingAndRelatedServiceActivities: 12,
  A_GrowingOfNonPerennialCrops: 4,
  A_MarineFishingOrAcquaculture: 7,
  F_Construction: 15,
  T_ActivitiesOfHouseholdsAsEmployers: 12,
  I_PrimarilyFood: 7,
  I_PrimarilyAccommodation: 4,
  C_ManufactureOfWearingApparel: 6,
  C_ManufactureOfFoodProducts: 4,
  C_Manufacturing: 3,
  N_ServicesToBuildingsAndGardeningLandscapeActivitiesIncludingCleaning: 6,
  B_MiningAndQuarrying: 4,
  H_LandTransportAndTransportViaPipelines: 3,
  G_WholesaleAndRetailTradeRepairOfMotorVehicles: 3,
  S_OtherServiceActivities: 3,
})

export const DOMESTIC_WORK = 'T_ActivitiesOfHouseholdsAsEmployers'

export const SEX_EXPLOITATION = codeWeights('vic_TypeOfSexExploitation', {
  Prostitution: 70,
  PrivateSexualServices: 15,
  RemoteInteractiveServices: 10,
  Pornography: 8,
})

export const CONTROL = codeWeights('vic_MethodsOfControl', {
  WithholdsDocuments: 12,
  DebtBondage: 12,
  FalsePromises: 12,
  PhysicalThreats: 10,
  PsychologicalAbuse: 10,
  TakesEarnings: 9,
  ExcessiveWorkingHours: 8,
  RestrictsFinancialAccess: 6,
  PhysicalAbuse: 6,
  ThreatensChildrenFamily: 5,
  ThreatsLawEnforcement: 5,
  SexualAbuse: 4,
  WithholdsNecessities: 4,
  PsychoactiveSubstance: 3,
  RestrictsMedicalCare: 2,
  Other: 1,
})

export const RECRUITMENT = codeWeights('vic_MethodOfRecruitment', {
  ThroughFriendsOrSocialEvents: 22,
  ThroughOnlineSocialNetworks: 18,
  ThroughFamilyOrFamilyEvents: 14,
  ThroughAnOnlineAdvertisement: 12,
  AtWork: 8,
  AtAPlaceOfBusiness: 6,
  ThroughANewspaperAdvert: 3,
  AtAnEducationalInstitution: 3,
  ThroughATelevisionAdvert: 1,
  Other: 5,
})

export const ONLINE_RECRUITMENT = new Set(['ThroughOnlineSocialNetworks', 'ThroughAnOnlineAdvertisement'])

export const RECRUITMENT_APPS = codeWeights('vic_RecruitmentWebsitesAndApps', {
  Facebook: 30,
  WhatsApp: 20,
  Telegram: 12,
  Instagram: 10,
  TikTok: 8,
  Viber: 6,
  FacebookMessenger: 6,
  WeChat: 3,
  Line: 2,
  Other: 3,
})

export const EXPLOITATION_APPS = codeWeights('vic_ExploitationWebsitesAndApps', {
  Telegram: 25,
  WhatsApp: 20,
  Instagram: 15,
  Twitter: 10,
  SnapChat: 10,
  Other: 20,
})

export const MARITAL_STATUS = codeWeights('prs_MaritalStatus', {
  Single: 50,
  Married: 25,
  Divorced: 10,
  Separated: 8,
  Widowed: 5,
  RegisteredPartnership: 2,
})

export const EDUCATION_ADULT = codeWeights('prs_HighestLevelOfEducation', {
  PrimaryEducation: 25,
  LowerSecondaryEducation: 30,
  UpperSecondaryEducation: 25,
  PostSecondaryNonTertiaryEducation: 8,
  ShortCycleTertiaryEducation: 5,
  BachelorsOrEquivalentLevel: 6,
  MastersOrEquivalentLevel: 1,
})

export const EDUCATION_MINOR = codeWeights('prs_HighestLevelOfEducation', {
  EarlyChildhoodEducation: 5,
  PrimaryEducation: 55,
  LowerSecondaryEducation: 40,
})

export const PERPETRATOR_ROLE = codeWeights('per_RoleInProcess', {
  RecruiterOrIntermediary: 28,
  Exploiter: 26,
  Transporter: 10,
  ControlledIndividual: 8,
  BrokerTravelAgent: 6,
  HarbouredIndividual: 5,
  Abuser: 4,
  Smuggler: 3,
  SoldIndividual: 2,
  BoughtIndividual: 2,
  ReceivedIndividual: 2,
  TravellingPartner: 1,
  Kidnapper: 1,
  Other: 2,
})

export const EVENT_TYPE = {
  recruitment: 'Recruitment',
  transit: 'Transit',
  exploitation: 'Exploitation',
} as const
codeWeights('hte_Type', Object.fromEntries(Object.values(EVENT_TYPE).map((code) => [code, 1])))
