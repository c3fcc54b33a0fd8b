import {
  consentCategories,
  type ConsentCategory,
  type ReferralForm,
  type ReferralFormField,
} from '../../api/contract/referral-types'

/** Where each consent category's values come from; read only when that category is released. */
export interface ReferralFormSources {
  survivor(): { record: Record<string, unknown>; aliases: string[]; ageAtIntake: number | null } | null
  victim(): Record<string, unknown> | null
  caseNumber(): string | null
  screening(): { assessedOn: string; summaryRiskLevel: string | null } | null
  notes(): { reason: string | null; details: string | null; direction: 'outgoing' | 'incoming' }
}

const PERSON_FIELDS: Partial<Record<ConsentCategory, readonly string[]>> = {
  identity: ['prs_Salutation', 'prs_FirstName', 'prs_MiddleName', 'prs_SecondName', 'prs_IdentityNumber'],
  contactDetails: [
    'prs_Email',
    'prs_HomePhone',
    'prs_MobilePhone',
    'prs_MailingStreet',
    'prs_MailingCity',
    'prs_MailingState',
    'prs_MailingPostalCode',
    'prs_MailingCountry',
  ],
  dateOfBirth: ['prs_Birthdate'],
  gender: ['prs_Gender'],
  nationality: ['prs_Citizenship'],
  languages: ['prs_PrimaryLanguage', 'prs_SecondaryLanguage'],
}

const VICTIM_FIELDS: Partial<Record<ConsentCategory, readonly string[]>> = {
  caseSummary: [
    'vic_TraffickingStatus',
    'vic_TypeOfExploitation',
    'vic_ForcedLabourIndustry',
    'vic_TypeOfSexExploitation',
  ],
  vulnerabilities: ['vic_Vulnerabilities', 'vic_DetailsOfVulnerabilities'],
}

function isPrintable(value: unknown): value is string | number | string[] {
  if (typeof value === 'string') return value.trim() !== ''
  if (typeof value === 'number') return Number.isFinite(value)
  return Array.isArray(value) && value.length > 0 && value.every((item) => typeof item === 'string')
}

function pick(
  record: Record<string, unknown> | null | undefined,
  names: readonly string[],
): ReferralFormField[] {
  if (!record) return []
  return names.flatMap((field) => {
    const value = record[field]
    return isPrintable(value) ? [{ field, value }] : []
  })
}

function fieldsFor(category: ConsentCategory, sources: ReferralFormSources): ReferralFormField[] {
  const person = PERSON_FIELDS[category]
  const victim = VICTIM_FIELDS[category]
  const fields: ReferralFormField[] = []
  if (person) {
    const survivor = sources.survivor()
    fields.push(...pick(survivor?.record, person))
    if (category === 'identity' && survivor?.aliases.length)
      fields.push({ field: 'aliases', value: survivor.aliases })
    if (category === 'dateOfBirth' && survivor?.ageAtIntake != null)
      fields.push({ field: 'ageAtIntake', value: survivor.ageAtIntake })
  }
  if (victim) {
    if (category === 'caseSummary') {
      const caseNumber = sources.caseNumber()
      if (caseNumber) fields.push({ field: 'caseNumber', value: caseNumber })
    }
    fields.push(...pick(sources.victim(), victim))
  }
  if (category === 'screeningResults') {
    const screening = sources.screening()
    if (screening)
      fields.push(
        ...pick({ assessedOn: screening.assessedOn, summaryRiskLevel: screening.summaryRiskLevel }, [
          'assessedOn',
          'summaryRiskLevel',
        ]),
      )
  }
  if (category === 'referralNotes') {
    const notes = sources.notes()
    const prefix = notes.direction === 'outgoing' ? 'Outgoing' : 'Incoming'
    fields.push(
      ...pick(
        { [`cas_ReasonFor${prefix}Referral`]: notes.reason, [`cas_${prefix}ReferralDetails`]: notes.details },
        [`cas_ReasonFor${prefix}Referral`, `cas_${prefix}ReferralDetails`],
      ),
    )
  }
  // healthInformation has no field in CaseVault's records: consent to it is shown, nothing is read.
  return fields
}

/**
 * The categories a form may release: the consent in force, narrowed to what was actually shared
 * when the referral was sent. No consent → nothing but the always-safe header.
 */
export function releasedCategories(
  consented: readonly ConsentCategory[] | null,
  shared: readonly ConsentCategory[] | null,
): ConsentCategory[] {
  if (!consented) return []
  return consentCategories.filter(
    (category) => consented.includes(category) && (!shared || shared.includes(category)),
  )
}

/**
 * Builds the printable referral form. Survivor data is read category by category, only for the
 * released ones, so a field outside the consent is absent from the result — not merely hidden.
 */
export function buildReferralForm(
  header: Omit<ReferralForm, 'categories' | 'sections'>,
  released: readonly ConsentCategory[],
  sources: ReferralFormSources,
): ReferralForm {
  const sections = released
    .map((category) => ({ category, fields: fieldsFor(category, sources) }))
    .filter((section) => section.fields.length > 0)
  return { ...header, categories: [...released], sections }
}
