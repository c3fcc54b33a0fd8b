// Turns IOM's HTCDS v2.0 (the field sheet as CSV + "Field Definitions.md") into htcds-2.0.json.
//   npm run htcds:generate [-- <sourceDir>]      (default: ../shared/htcds, relative to the repo)
// One file on purpose: Node runs it with type stripping, which needs `.ts` import specifiers, and the
// repo's tsconfig does not allow those for value imports (type-only imports are fine).
import { readFileSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'csv-parse/sync'
import countries from 'i18n-iso-countries'
import languages from '@cospired/i18n-iso-languages'
import countriesEn from 'i18n-iso-countries/langs/en.json' with { type: 'json' }
import languagesEn from '@cospired/i18n-iso-languages/langs/en.json' with { type: 'json' }
import { iso6392 } from 'iso-639-2'
import type {
  HtcdsAssessmentExample,
  HtcdsCode,
  HtcdsDefinitions,
  HtcdsField,
  HtcdsFieldType,
  HtcdsLookupTarget,
  HtcdsRange,
  HtcdsSection,
  HtcdsSectionId,
} from '../../main/api/contract/htcds-types.ts'

const SHEET = 'HTCDS Field Standards 2.0.csv'
const DEFINITIONS = 'Field Definitions.md'

// CC BY 4.0 asks for attribution, a link to the licence and an indication of changes.
const ATTRIBUTION =
  'Human Trafficking Case Data Standard (HTCDS) v2.0 by the International Organization for Migration (IOM), ' +
  'https://github.com/UNMigration/HTCDS, licensed under CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/). ' +
  'Changed by CaseVault: converted to JSON; ISO 3166 and ISO 639 code lists and codes for ISIC industry tiers 2-3 ' +
  'added; country and language fields made picklists. No endorsement by IOM is implied.'

// Sheet section names → stable ids. An unknown section stops the generator: a new version of the
// standard needs a decision here, not a silently invented id.
const SECTION_IDS: Record<string, HtcdsSectionId> = {
  Organization: 'organisation',
  Person: 'person',
  'Person - Victim Context': 'victim',
  'Person - Perpetrator Context': 'perpetrator',
  Case: 'case',
  'Referral Details': 'referral',
  'Case Comment': 'caseComment',
  'Historic Trafficking Events': 'historicEvent',
  'Support Plan': 'supportPlan',
  Consent: 'consent',
}
const ASSESSMENT_SECTION = /^Assessment and Planning - (.+)$/

const SHEET_TYPES: Record<string, HtcdsFieldType> = {
  Text: 'text',
  'Long Text': 'longText',
  Date: 'date',
  Number: 'number',
  Checkbox: 'checkbox',
  Picklist: 'picklist',
  'Multiselect Picklist': 'multiPicklist',
  Geolocation: 'geolocation',
  // Only org_ShippingState is left with this type after the overrides: free text (no list of states).
  'Picklist or Text': 'text',
}
const LOOKUP_TYPE = /^Lookup \[to (organisation|user|person)\]$/

// Where CaseVault departs from the sheet's type, and why.
const OVERRIDES: Record<string, Pick<HtcdsField, 'type'> & Partial<Pick<HtcdsField, 'codeList'>>> = {
  // The sheet says "use ISO 3166 / ISO 639" but types some of these as Text: a closed list keeps
  // counts by country and language comparable across cases and organisations.
  org_ShippingCountry: { type: 'picklist', codeList: 'iso3166' },
  prs_Citizenship: { type: 'multiPicklist', codeList: 'iso3166' },
  prs_MailingCountry: { type: 'picklist', codeList: 'iso3166' },
  hte_Country: { type: 'picklist', codeList: 'iso3166' },
  prs_PrimaryLanguage: { type: 'picklist', codeList: 'iso639' },
  prs_SecondaryLanguage: { type: 'picklist', codeList: 'iso639' },
  // Typed Number in the sheet, but they are the parts of Salesforce's geolocation compound field.
  prs_MailingLongitude: { type: 'geolocation' },
  prs_MailingLatitude: { type: 'geolocation' },
  // The sheet's row stops after the field name (no label, no type): free text is the safe reading.
  per_Organisation: { type: 'text' },
}

// The standard gives no bounds; these reject typing slips without excluding real cases.
const NUMBER_RANGES: Record<string, HtcdsRange> = {
  prs_NumberOfChildren: { min: 0, max: 40, integer: true },
  vic_AgeWhenTrafficked: { min: 0, max: 120, integer: true },
}
const LATITUDE: HtcdsRange = { min: -90, max: 90, integer: false }
const LONGITUDE: HtcdsRange = { min: -180, max: 180, integer: false }

// PII = data that identifies a natural person directly. These fields are dropped by de-identified
// export and redacted in the audit log. Country-level and coded fields are quasi-identifiers, handled
// by k-anonymity at export time, not here. Organisation fields are not flagged: they describe
// institutions (NGOs, police, services) and their public contact details, not survivors.
const PII_FIELDS = new Set(
  [
    // Names and the person's own contact details.
    'prs_Salutation prs_FirstName prs_MiddleName prs_SecondName prs_Title prs_Birthdate prs_IdentityNumber',
    'prs_Email prs_HomePhone prs_MobilePhone',
    // Home address below country level: small enough areas single a person out.
    'prs_MailingStreet prs_MailingCity prs_MailingPostalCode prs_MailingState prs_MailingLongitude prs_MailingLatitude',
    // Exact places of recruitment, transit or exploitation (often a home or a workplace).
    'hte_Street hte_PostalCode hte_Longitude hte_Latitude',
    // Free text routinely carries names, places and story details, and cannot be de-identified by rule.
    'vic_DetailsOfVulnerabilities per_RoleDetails per_Organisation cas_ReasonForCaseClosure cco_CaseComment',
    'cas_IncomingReferralDetails cas_OutgoingReferralDetails hte_Description spl_Objectives spl_ActionPlan',
  ].flatMap((names) => names.split(' ')),
)

// "Field Definitions.md" names methods of control differently from the sheet's value names.
const CONTROL_ALIASES: Record<string, string> = {
  Threats: 'PhysicalThreats',
  ThreatOfLawEnforcement: 'ThreatsLawEnforcement',
  UsesChildren: 'ThreatensChildrenFamily',
  PsychoactiveSubstances: 'PsychoactiveSubstance',
}
// Defined, but not a value of the sheet's picklist: the sheet decides which codes exist.
const CONTROL_NOT_IN_SHEET = new Set(['RestrictsMovement'])

type Row = string[]
interface DefinitionTable {
  headings: string[]
  rows: [name: string, text: string][]
}

const oneLine = (text: string): string => text.replace(/\s+/g, ' ').trim()
const lines = (text: string): string[] =>
  text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
const pascal = (text: string): string =>
  (text.match(/[A-Za-z0-9]+/g) ?? []).map((word) => word[0]?.toUpperCase() + word.slice(1)).join('')
const camel = (text: string): string => pascal(text).replace(/^./, (first) => first.toLowerCase())
const words = (name: string): string => name.replace(/([a-z])([A-Z])/g, '$1 $2')

function fail(message: string): never {
  throw new Error(`HTCDS generator: ${message}`)
}

function buildField(row: Row, codeLists: Record<string, HtcdsCode[]>): HtcdsField {
  const cell = (index: number): string => (row[index] ?? '').trim()
  const [status, core, prefix, shortName, label, fullName, sheetType] = [1, 2, 3, 4, 5, 6, 7].map(cell)
  const name = fullName || `${prefix}${shortName}`
  if (name !== `${prefix}${shortName}`) fail(`${name} does not match prefix ${prefix} + ${shortName}`)
  const override = OVERRIDES[name]
  const lookup = LOOKUP_TYPE.exec(sheetType ?? '')?.[1] as HtcdsLookupTarget | undefined
  const type = override?.type ?? (lookup ? 'lookup' : SHEET_TYPES[sheetType ?? ''])
  if (!type) fail(`${name} has an unknown field type "${sheetType}"`)
  if (!override && /ISO \d/.test(cell(9) + cell(10))) fail(`${name} refers to an ISO list: add an override`)

  let codeList: string | undefined
  if (type === 'picklist' || type === 'multiPicklist') {
    codeList = override?.codeList ?? name
    if (codeList === name) {
      const [codes, labels] = [lines(cell(9)), lines(cell(10))]
      if (codes.length === 0 || codes.length !== labels.length) fail(`${name}: value names and labels differ`)
      codeLists[name] = codes.map((code, index) => ({ code, label: labels[index] ?? code }))
    }
  }
  const range =
    type === 'geolocation'
      ? name.endsWith('Latitude')
        ? LATITUDE
        : LONGITUDE
      : type === 'number'
        ? NUMBER_RANGES[name]
        : undefined
  const notes = cell(12)
  return {
    name,
    // The sheet writes a few labels as identifiers ("PostalCode"): show them as words.
    label: oneLine(words(label || (shortName ?? name))),
    type,
    ...(codeList ? { codeList } : {}),
    ...(lookup ? { lookup } : {}),
    core: core === 'Core',
    status: status === 'DEPRECATED' ? 'deprecated' : status === 'DRAFT' ? 'draft' : fail(`${name}: status`),
    pii: PII_FIELDS.has(name),
    description: cell(11),
    ...(notes ? { notes } : {}),
    ...(range ? { range } : {}),
  }
}

function readSheet(csv: string): Pick<HtcdsDefinitions, 'sections' | 'codeLists' | 'assessmentExamples'> {
  // Rows are irregular (section rows have one cell, some field rows stop early): relax the count.
  const rows: Row[] = parse(csv, { relax_column_count: true, bom: true })
  const sections: HtcdsSection[] = []
  const assessmentExamples: HtcdsAssessmentExample[] = []
  const codeLists: Record<string, HtcdsCode[]> = {}
  let section: HtcdsSection | undefined
  let assessment: HtcdsAssessmentExample | undefined
  for (const row of rows.slice(1)) {
    const cell = (index: number): string => (row[index] ?? '').trim()
    const title = oneLine(cell(0))
    if (title) {
      const assessmentTitle = ASSESSMENT_SECTION.exec(title)?.[1]
      section = undefined
      assessment = undefined
      if (assessmentTitle) {
        const [description, notes] = [cell(11), cell(12)]
        const id = camel(assessmentTitle)
        assessment = { id, label: title, description, ...(notes ? { notes } : {}), questions: [] }
        assessmentExamples.push(assessment)
      } else {
        const id = SECTION_IDS[title] ?? fail(`unknown section "${title}"`)
        section = { id, prefix: '', label: title, fields: [] }
        sections.push(section)
      }
    } else if (cell(1) === 'N/A') {
      // Example questions, not fields (the standard leaves the assessment fields to each organisation).
      assessment?.questions.push(cell(5).replace(/^EXAMPLE QUESTION\s*/, ''))
    } else if (cell(4)) {
      if (!section) fail(`field ${cell(4)} outside a section`)
      section.prefix ||= cell(3)
      if (cell(3) !== section.prefix) fail(`${cell(4)}: prefix ${cell(3)} in section ${section.label}`)
      section.fields.push(buildField(row, codeLists))
    }
  }
  return { sections, codeLists, assessmentExamples }
}

function readDefinitionTables(markdown: string): DefinitionTable[] {
  const tables: DefinitionTable[] = []
  let headings: string[] = []
  let table: DefinitionTable | undefined
  for (const line of markdown.split(/\r?\n/).map((text) => text.trim())) {
    const heading = /^(#{2,4})\s*(.+)$/.exec(line)
    if (heading?.[1] && heading[2]) {
      headings = [...headings.slice(0, heading[1].length - 2), heading[2].trim()]
      table = undefined
    } else if (line.startsWith('|')) {
      const cells = line
        .replace(/^\||\|$/g, '')
        .split('|')
        .map(oneLine)
      const [name, text] = [cells[0] ?? '', cells[1] ?? '']
      if (/^(Field Name|Field Label)$/.test(name) || /^-+$/.test(name)) continue
      if (!table) tables.push((table = { headings, rows: [] }))
      table.rows.push([name, text])
    }
  }
  return tables
}

function addDefinitions(markdown: string, codeLists: Record<string, HtcdsCode[]>): void {
  const tables = readDefinitionTables(markdown)
  const rowsUnder = (heading: string): DefinitionTable[] => tables.filter((t) => t.headings[0] === heading)
  const listOf = (name: string): HtcdsCode[] => codeLists[name] ?? fail(`no code list ${name}`)
  const find = (list: string, match: (entry: HtcdsCode) => boolean, what: string): HtcdsCode =>
    listOf(list).find(match) ?? fail(`${list} has no value for definition "${what}"`)

  for (const [name, text] of rowsUnder('Methods Of Control').flatMap((t) => t.rows)) {
    const defined = name.replace(/^MethodsOfControl/, '')
    if (CONTROL_NOT_IN_SHEET.has(defined)) continue
    const code = CONTROL_ALIASES[defined] ?? defined
    find('vic_MethodsOfControl', (entry) => entry.code === code, name).description = text
  }
  for (const [label, text] of rowsUnder('Trafficking Status').flatMap((t) => t.rows)) {
    const same = (entry: HtcdsCode): boolean => entry.label.toLowerCase() === label.toLowerCase()
    find('vic_TraffickingStatus', same, label).description = text
  }

  // ISIC: the sheet lists tier 1 only; tiers 2 and 3 exist in the definitions as labels. Their codes
  // follow the sheet's tier-1 style: section letter + "_" + the label in PascalCase.
  const industries = listOf('vic_ForcedLabourIndustry')
  for (const [code, text] of rowsUnder('Labour Industry (TIER 1)').flatMap((t) => t.rows)) {
    find('vic_ForcedLabourIndustry', (entry) => entry.code === code, code).description = text
  }
  const tier1 = (heading: string | undefined): HtcdsCode =>
    industries.find((entry) => !entry.parent && heading?.startsWith(entry.label)) ??
    fail(`no tier-1 industry for heading "${heading}"`)
  const addChild = (parent: HtcdsCode, label: string, text: string): void => {
    const code = `${parent.code.split('_')[0]}_${pascal(label)}`
    if (industries.some((entry) => entry.code === code)) fail(`duplicate industry code ${code}`)
    industries.push({ code, label, description: text, parent: parent.code })
  }
  for (const table of rowsUnder('Labour Subdivisions (TIER 2)')) {
    const parent = tier1(table.headings[1])
    for (const [label, text] of table.rows) addChild(parent, label, text)
  }
  for (const table of rowsUnder('Labour Subdivisions (TIER 3)')) {
    const top = tier1(table.headings[1])
    const parent = find(
      'vic_ForcedLabourIndustry',
      (entry) => entry.parent === top.code && entry.label === table.headings[2],
      table.headings[2] ?? '',
    )
    for (const [label, text] of table.rows) addChild(parent, label, text)
  }
}

/**
 * ISO 639-2 languages without a 639-1 code, by their terminology code (else bibliographic). Left
 * out: the range reserved for local use (qaa-qtz) and "no linguistic content" (zxx).
 */
function threeLetterOnly(): Record<string, string> {
  return Object.fromEntries(
    iso6392
      .filter(
        (language) =>
          !language.iso6391 && /^[a-z]{3}$/.test(language.iso6392B) && language.iso6392B !== 'zxx',
      )
      .map((language) => [language.iso6392T ?? language.iso6392B, language.name]),
  )
}

function isoCodeLists(): Record<'iso3166' | 'iso639', HtcdsCode[]> {
  countries.registerLocale(countriesEn)
  languages.registerLocale(languagesEn)
  const byCode = (names: Record<string, string>): HtcdsCode[] =>
    Object.entries(names)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([code, label]) => ({ code, label }))
  return {
    // Alpha-2 codes as the standard asks (the library also carries XK, Kosovo, a user-assigned code).
    iso3166: byCode(countries.getNames('en', { select: 'official' })),
    // As the standard says: ISO 639-2, two-letter codes optional. The two-letter (639-1) code where
    // a language has one, as before; the three-letter code for every language that has none:
    // Hmong, Filipino, Dinka, Karen could not be recorded at all (a reviewing helper). Languages
    // with an ISO 639-3 code only (Nuer, Rohingya, Dari) are not in ISO 639-2: not offered.
    iso639: byCode({ ...languages.getNames('en'), ...threeLetterOnly() }),
  }
}

/** Reads the standard from `sourceDir` and returns CaseVault's definitions (no file is written). */
export function generate(sourceDir: string): HtcdsDefinitions {
  const sheet = readSheet(readFileSync(resolve(sourceDir, SHEET), 'utf8'))
  addDefinitions(readFileSync(resolve(sourceDir, DEFINITIONS), 'utf8'), sheet.codeLists)
  const codeLists = { ...sheet.codeLists, ...isoCodeLists() }
  const fieldNames = new Set(sheet.sections.flatMap((s) => s.fields.map((field) => field.name)))
  for (const name of [...PII_FIELDS, ...Object.keys(OVERRIDES), ...Object.keys(NUMBER_RANGES)]) {
    if (!fieldNames.has(name)) fail(`${name} is configured here but not in the sheet`)
  }
  return {
    standard: 'HTCDS',
    version: '2.0',
    attribution: ATTRIBUTION,
    sections: sheet.sections,
    codeLists,
    assessmentExamples: sheet.assessmentExamples,
  }
}

/** The committed file's exact text: pretty-printed, stable key order, trailing newline. */
export function serialize(definitions: HtcdsDefinitions): string {
  return `${JSON.stringify(definitions, null, 2)}\n`
}

export const outputFile = resolve(import.meta.dirname, 'htcds-2.0.json')
export const defaultSourceDir = resolve(import.meta.dirname, '../../../shared/htcds')

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const sourceDir = process.argv[2] ? resolve(process.argv[2]) : defaultSourceDir
  const definitions = generate(sourceDir)
  writeFileSync(outputFile, serialize(definitions))
  const fields = definitions.sections.reduce((sum, section) => sum + section.fields.length, 0)
  console.log(`Wrote ${outputFile}: ${definitions.sections.length} sections, ${fields} fields.`)
}
