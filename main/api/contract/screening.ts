import { z } from 'zod'
import { method, type AreaSpec } from './method'
import { isoDateSchema } from './dates'
import { codeLabel } from './htcds'
import {
  answersSchema,
  riskLevelSchema,
  savableTemplateSchema,
  type Answers,
  type AssessmentLevel,
  type RiskLevel,
  type TemplateDefinition,
} from './screening-template'
import { nextSteps, type AssessmentOutcome, type NextStep } from './screening-outcome'

export * from './screening-template'
export * from './screening-outcome'

const idSchema = z.number().int().positive()
const screeningRoles = ['admin', 'supervisor', 'caseworker'] as const
const templateEditors = ['admin', 'supervisor'] as const

/** An empty form field arrives as ''; it means "not given", not "given as empty". */
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((value) => (value ? value : undefined))

/** How the person reached the screener. */
export const screeningChannels = ['walkIn', 'hotline', 'outreach', 'referral', 'caseReview'] as const
export type ScreeningChannel = (typeof screeningChannels)[number]

/**
 * A person screened before any case exists (walk-in, hotline): the minimum needed to find them
 * again and to open a case. PII: lives only in the encrypted vault, never in audit rows.
 */
export const screeningSubjectSchema = z
  .object({
    firstName: optionalText(200),
    lastName: optionalText(200),
    alias: optionalText(200),
    gender: z
      .string()
      .refine((code) => codeLabel('prs_Gender', code) !== undefined, 'not a prs_Gender code')
      .optional(),
    ageYears: z.number().int().min(0).max(120).optional(),
    birthYear: z.number().int().min(1900).max(2100).optional(),
    citizenship: z
      .string()
      .refine((code) => codeLabel('iso3166', code) !== undefined, 'not an ISO 3166 country code')
      .optional(),
    contactNote: optionalText(2000),
  })
  .refine((subject) => subject.firstName || subject.alias, {
    message: 'a name or an alias is required',
    path: ['firstName'],
  })
export type ScreeningSubject = z.output<typeof screeningSubjectSchema>
export type ScreeningSubjectInput = z.input<typeof screeningSubjectSchema>

export const BIRTH_AFTER_SCREENING = 'birth_after_screening'

/** A year of birth later than the screening's year (yyyy-mm-dd: the year is its first four digits). */
export const bornAfterScreening = (birthYear: number | undefined, assessedOn: string): boolean =>
  birthYear !== undefined && birthYear > Number(assessedOn.slice(0, 4))

export const createAssessmentInput = z
  .object({
    /** The exact template version the form showed; it stays with the assessment for good. */
    templateId: idSchema,
    caseId: idSchema.optional(),
    subject: screeningSubjectSchema.optional(),
    assessedOn: isoDateSchema,
    channel: z.enum(screeningChannels),
    answers: answersSchema,
    /** null or absent: the screener agrees with the computed level. */
    judgementLevel: riskLevelSchema.nullable().optional(),
    judgementReason: optionalText(5000),
    nextStep: z.enum(nextSteps),
    nextStepNote: optionalText(5000),
  })
  .refine((input) => (input.caseId === undefined) !== (input.subject === undefined), {
    message: 'either a case or a person screened without a case',
    path: ['subject'],
  })
  // As a case's birthdate after its intake (case-prepare.ts): a slip in one of the two, which went
  // on to be printed, exported and copied into the case made from the screening.
  .refine((input) => !bornAfterScreening(input.subject?.birthYear, input.assessedOn), {
    message: 'after the screening date',
    path: ['subject', 'birthYear'],
    params: { code: BIRTH_AFTER_SCREENING },
  })
export type CreateAssessmentInput = z.input<typeof createAssessmentInput>

export const linkFilters = ['all', 'linked', 'unlinked'] as const

export const listAssessmentsInput = z.object({
  page: z.number().int().min(0).max(100_000).default(0),
  pageSize: z.number().int().min(1).max(200).default(25),
  riskLevel: z.array(riskLevelSchema).max(3).optional(),
  linked: z.enum(linkFilters).default('all'),
  from: isoDateSchema.optional(),
  to: isoDateSchema.optional(),
  screenerUserId: idSchema.optional(),
  sortDirection: z.enum(['asc', 'desc']).default('desc'),
})
export type ListAssessmentsInput = z.input<typeof listAssessmentsInput>

export const assessmentIdInput = z.object({ id: idSchema })
export const caseAssessmentsInput = z.object({ caseId: idSchema })
export const linkToCaseInput = z.object({ id: idSchema, caseId: idSchema })
export const convertToCaseInput = z.object({
  id: idSchema,
  /** Defaults to the screening date. */
  intakeDate: isoDateSchema.optional(),
  assignedUserId: idSchema.nullable().optional(),
})
export const templateIdInput = z.object({ id: idSchema })
export const saveTemplateInput = z.object({
  definition: savableTemplateSchema,
  /** The version this edit started from (must still be the latest), or null for a new template. */
  basedOnTemplateId: idSchema.nullable(),
})
export type SaveTemplateInput = z.input<typeof saveTemplateInput>

export interface LevelWeights {
  risk: number
  protective: number
}

export interface AssessmentSummary {
  id: number
  assessedOn: string
  channel: ScreeningChannel
  caseId: number | null
  caseNumber: string | null
  /** The walk-in's name or alias, or the linked case's survivor. */
  personName: string | null
  screenerUserId: number | null
  screenerName: string | null
  computedRiskLevel: RiskLevel
  /** The screener's judgement when given, else the computed level. */
  summaryRiskLevel: RiskLevel
  judgementDiffers: boolean
  nextStep: NextStep
  riskWeight: number
  protectiveWeight: number
  levels: Record<AssessmentLevel, LevelWeights>
  templateId: number
  templateName: string
  templateVersion: number
}

export interface AssessmentPage {
  rows: AssessmentSummary[]
  total: number
  page: number
  pageSize: number
}

export interface TemplateVersionSummary {
  id: number
  key: string
  version: number
  name: string
  questionCount: number
  isLatest: boolean
  createdAt: string
  createdByName: string | null
}

export interface TemplateVersion extends TemplateVersionSummary {
  definition: TemplateDefinition
}

export interface AssessmentDetail extends AssessmentSummary {
  subject: ScreeningSubject | null
  answers: Answers
  outcome: AssessmentOutcome
  judgementLevel: RiskLevel | null
  judgementReason: string | null
  nextStepNote: string | null
  /** The version the screener used, even if the template has changed since. */
  template: TemplateVersion
  linkedAt: string | null
  createdAt: string
}

export interface ConvertedScreening {
  assessmentId: number
  caseId: number
  caseNumber: string
}

export const screeningContract = {
  templates: method(z.undefined(), screeningRoles).returns<TemplateVersionSummary[]>(),
  template: method(templateIdInput, screeningRoles).returns<TemplateVersion>(),
  saveTemplate: method(saveTemplateInput, templateEditors).returns<TemplateVersion>(),
  createAssessment: method(createAssessmentInput, screeningRoles).returns<AssessmentDetail>(),
  getAssessment: method(assessmentIdInput, screeningRoles).returns<AssessmentDetail>(),
  /** Records that the print view printed this screening (audited as screening.printed). */
  printed: method(assessmentIdInput, screeningRoles).returns<void>(),
  listAssessments: method(listAssessmentsInput, screeningRoles).returns<AssessmentPage>(),
  caseAssessments: method(caseAssessmentsInput, screeningRoles).returns<AssessmentSummary[]>(),
  linkToCase: method(linkToCaseInput, screeningRoles).returns<AssessmentDetail>(),
  convertToCase: method(convertToCaseInput, screeningRoles).returns<ConvertedScreening>(),
} satisfies AreaSpec
