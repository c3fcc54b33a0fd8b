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

export const questionKeySchema = z
  .string()
  .regex(/^[a-z][A-Za-z0-9]{0,59}$/, 'a short camelCase key: letters and digits, starting lower-case')

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
          })
        seen.add(question.key)
      }),
    )
    if (seen.size === 0) context.addIssue({ code: 'custom', path: ['sections'], message: 'no questions' })
  })
export type TemplateDefinition = z.output<typeof templateDefinitionSchema>
export type TemplateDefinitionInput = z.input<typeof templateDefinitionSchema>

/** Answers by question key. Checked against the exact template version in main. */
export const answersSchema = z
  .record(questionKeySchema, z.string().max(MAX_TEXT_ANSWER))
  .refine((answers) => Object.keys(answers).length <= 300, 'too many answers')
export type Answers = z.output<typeof answersSchema>
