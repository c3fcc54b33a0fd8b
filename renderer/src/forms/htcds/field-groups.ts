// Which HTCDS fields each part of the case screens shows, in reading order. The standard's order
// follows Salesforce's layout; these follow an intake interview. Lookup fields are left out until
// organisation and person pickers exist.

export const survivorNameFields = [
  'prs_FirstName',
  'prs_MiddleName',
  'prs_SecondName',
  'prs_Salutation',
] as const

export const survivorAboutFields = [
  'prs_Birthdate',
  'prs_Gender',
  'prs_Citizenship',
  'prs_PrimaryLanguage',
  'prs_SecondaryLanguage',
  'prs_MaritalStatus',
  'prs_NumberOfChildren',
  'prs_HighestLevelOfEducation',
  'prs_IdentityNumber',
  'prs_Deceased',
] as const

export const survivorContactFields = [
  'prs_Title',
  'prs_MobilePhone',
  'prs_HomePhone',
  'prs_Email',
  'prs_MailingStreet',
  'prs_MailingCity',
  'prs_MailingState',
  'prs_MailingPostalCode',
  'prs_MailingCountry',
] as const

/** A perpetrator is often known only by a name or two: the dialog asks for little. */
export const perpetratorPersonFields = [
  'prs_FirstName',
  'prs_SecondName',
  'prs_Gender',
  'prs_Citizenship',
  'prs_Birthdate',
] as const

export const eventFields = [
  'hte_Type',
  'hte_Date',
  'hte_Country',
  'hte_City',
  'hte_State',
  'hte_Street',
  'hte_PostalCode',
  'hte_Description',
] as const
