import { z } from 'zod'

/**
 * Screening templates are data, not code (DESIGN.md §7): HTCDS 2.0's three Assessment and Planning
 * sections, each a list of questions. Shared by main (validation, scoring) and the renderer (form
 * and template editor), so it imports only zod.
 */

/** The three HTCDS 2.0 sections, in the order the standard lists them. */
export const assessmentLevels = ['individual', 'household', 'community'] as const
export type AssessmentLevel = (typeof assessmentLevels)[number]

export const riskLevels = ['low', 'medium', 'high'] as const
export const riskLevelSchema = z.enum(riskLevels)
export type RiskLevel = z.infer<typeof riskLevelSchema>

/**
 * factor: a Determinants of Migrant Vulnerability factor, which in a given context can be a risk,
 * a protective factor, neither, or not known. yesNo: a direct question whose "yes" counts as a
 * risk or as a protective factor. text: a note, never scored.
 */
export const questionTypes = ['factor', 'yesNo', 'text'] as const
export type QuestionType = (typeof questionTypes)[number]

export const factorAnswers = ['risk', 'protective', 'neither', 'unknown'] as const
export const yesNoAnswers = ['yes', 'no', 'unknown'] as const
export const questionSources = ['htcds', 'domv', 'custom'] as const

export const MAX_TEXT_ANSWER = 4000

// params.code marks each check on a question key, so the template editor names the rule broken:
// every regex issue had been worded as the username's ("dot, dash and underscore" allowed).
export const QUESTION_KEY_FORMAT = 'question_key_format'
export const QUESTION_KEY_TAKEN = 'question_key_taken'
export const QUESTION_KEY_RESERVED = 'question_key_reserved'
export const CRITICAL_NEVER_RISK = 'critical_never_risk'
export const NO_QUESTIONS = 'no_questions'

export const questionKeySchema = z.string().refine((key) => /^[a-z][A-Za-z0-9]{0,59}$/.test(key), {
  message: 'a short camelCase key: letters and digits, starting lower-case',
  params: { code: QUESTION_KEY_FORMAT },
})

/**
 * Answers are looked up by key, in main and in the form: "constructor" or "toString" found the
 * built-in function every object has, and every screening leaving the question open crashed. Checked
 * when a template is saved, not when one is read: a stored template with such a key (saved before
 * this check) must still load, or every template left the Screening screen.
 */
export const isUsableQuestionKey = (key: string): boolean => !(key in Object.prototype)

export const templateQuestionSchema = z
  .object({
    key: questionKeySchema,
    text: z.string().trim().min(1).max(500),
    help: z.string().trim().max(2000).default(''),
    type: z.enum(questionTypes),
    weight: z.number().int().min(0).max(10).default(1),
    /** yesNo only: what a "yes" is evidence of. */
    yesMeans: z.enum(['risk', 'protective']).optional(),
    /** A risk answer to a critical question makes the computed level high on its own. */
    critical: z.boolean().default(false),
    /** Where the question comes from: an HTCDS example, an IOM DoMV factor, or the organisation. */
    source: z.enum(questionSources).default('custom'),
  })
  .superRefine((question, context) => {
    if (question.type === 'yesNo' && !question.yesMeans)
      context.addIssue({
        code: 'custom',
        path: ['yesMeans'],
        message: 'say whether "yes" is a risk or protective',
      })
    if (question.type === 'text' && question.critical)
      context.addIssue({ code: 'custom', path: ['critical'], message: 'a text question is never scored' })
  })
export type TemplateQuestion = z.output<typeof templateQuestionSchema>

export const templateSectionSchema = z.object({
  level: z.enum(assessmentLevels),
  title: z.string().trim().min(1).max(200),
  description: z.string().trim().max(2000).default(''),
  questions: z.array(templateQuestionSchema).max(60),
})
export type TemplateSection = z.output<typeof templateSectionSchema>

export const templateDefinitionSchema = z
  .object({
    /** Stable across versions: a new version of a template keeps its key. */
    key: z.string().regex(/^[a-z][a-z0-9-]{1,59}$/, 'lower-case letters, digits and dashes'),
    name: z.string().trim().min(1).max(200),
    description: z.string().trim().max(2000).default(''),
    /** Net score (risk weight minus protective weight) at which the computed level rises. */
    thresholds: z
      .object({ mediumAt: z.number().int().min(1).max(500), highAt: z.number().int().min(1).max(500) })
      .refine((t) => t.mediumAt < t.highAt, { message: 'mediumAt must be below highAt', path: ['highAt'] }),
    sections: z.array(templateSectionSchema).length(assessmentLevels.length),
  })
  .superRefine((template, context) => {
    // One section per HTCDS level, in the standard's order: results are stored per level.
    template.sections.forEach((section, index) => {
      if (section.level !== assessmentLevels[index])
        context.addIssue({
          code: 'custom',
          path: ['sections', index, 'level'],
          message: `expected ${assessmentLevels[index]}`,
        })
    })
    const seen = new Set<string>()
    template.sections.forEach((section, sectionIndex) =>
      section.questions.forEach((question, questionIndex) => {
        if (seen.has(question.key))
          context.addIssue({
            code: 'custom',
            path: ['sections', sectionIndex, 'questions', questionIndex, 'key'],
            message: 'each question needs its own key',
            params: { code: QUESTION_KEY_TAKEN },
          })
        seen.add(question.key)
      }),
    )
    if (seen.size === 0)
      context.addIssue({
        code: 'custom',
        path: ['sections'],
        message: 'no questions',
        params: { code: NO_QUESTIONS },
      })
  })
export type TemplateDefinition = z.output<typeof templateDefinitionSchema>
export type TemplateDefinitionInput = z.input<typeof templateDefinitionSchema>

/**
 * A template as it may be saved now: the stored-template rules plus the ones added since. These
 * are checked when a template is saved (main, and the editor before it), not when one is read: a
 * version stored before a rule existed must still load, or every template left the Screening screen.
 */
export const savableTemplateSchema = templateDefinitionSchema.superRefine((definition, context) => {
  definition.sections.forEach((section, s) =>
    section.questions.forEach((question, q) => {
      const at = ['sections', s, 'questions', q]
      if (!isUsableQuestionKey(question.key))
        context.addIssue({
          code: 'custom',
          path: [...at, 'key'],
          message: 'a name JavaScript uses itself: choose another key',
          params: { code: QUESTION_KEY_RESERVED },
        })
      // Only a risk answer makes a critical question fire (screening-outcome.ts): on a yes/no
      // question whose yes is protective none ever does, and screeners would trust a dead rule.
      if (question.type === 'yesNo' && question.yesMeans === 'protective' && question.critical)
        context.addIssue({
          code: 'custom',
          path: [...at, 'critical'],
          message: 'no answer to this question is a risk, so it can never be critical',
          params: { code: CRITICAL_NEVER_RISK },
        })
    }),
  )
})

/** Answers by question key. Checked against the exact template version in main. */
export const answersSchema = z
  .record(questionKeySchema, z.string().max(MAX_TEXT_ANSWER))
  .refine((answers) => Object.keys(answers).length <= 300, 'too many answers')
export type Answers = z.output<typeof answersSchema>
