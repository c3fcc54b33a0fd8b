import { describe, expect, it } from 'vitest'
import {
  computeOutcome,
  judgementNeedsReason,
  templateDefinitionSchema,
  type TemplateDefinition,
  type TemplateDefinitionInput,
} from '../../main/api/contract/screening'
import { DEFAULT_TEMPLATE } from '../../main/core/screening/template-service'
import { checkAnswers } from '../../main/core/screening/answer-check'
import definitions from '../../resources/htcds/htcds-2.0.json'

/** A small template: two factors and a critical yes/no in individual, one factor elsewhere. */
export function smallTemplate(overrides: Partial<TemplateDefinitionInput> = {}): TemplateDefinitionInput {
  return {
    key: 'small',
    name: 'Small test template',
    thresholds: { mediumAt: 3, highAt: 6 },
    sections: [
      {
        level: 'individual',
        title: 'Individual',
        questions: [
          { key: 'age', text: 'Age a risk?', type: 'factor', weight: 2 },
          { key: 'legalStatus', text: 'Legal status a risk?', type: 'factor', weight: 3 },
          {
            key: 'danger',
            text: 'In danger now?',
            type: 'yesNo',
            yesMeans: 'risk',
            weight: 1,
            critical: true,
          },
          { key: 'notes', text: 'Notes', type: 'text', weight: 0 },
        ],
      },
      {
        level: 'household',
        title: 'Household',
        questions: [{ key: 'debt', text: 'Debt a risk?', type: 'factor', weight: 2 }],
      },
      {
        level: 'community',
        title: 'Community',
        questions: [{ key: 'services', text: 'Services?', type: 'yesNo', yesMeans: 'protective', weight: 2 }],
      },
    ],
    ...overrides,
  }
}

const small: TemplateDefinition = templateDefinitionSchema.parse(smallTemplate())

describe('screening outcome rules', () => {
  it('counts risk and protective factors and their weights per level', () => {
    const outcome = computeOutcome(small, {
      age: 'risk',
      legalStatus: 'protective',
      danger: 'no',
      debt: 'risk',
      services: 'yes',
      notes: 'lives with an aunt',
    })
    expect(outcome.levels).toEqual([
      expect.objectContaining({
        level: 'individual',
        riskCount: 1,
        riskWeight: 2,
        protectiveCount: 1,
        protectiveWeight: 3,
        answeredCount: 4,
        questionCount: 4,
      }),
      expect.objectContaining({ level: 'household', riskCount: 1, riskWeight: 2, protectiveWeight: 0 }),
      expect.objectContaining({ level: 'community', riskCount: 0, protectiveCount: 1, protectiveWeight: 2 }),
    ])
    expect(outcome).toMatchObject({ riskWeight: 4, protectiveWeight: 5, score: 0, computedLevel: 'low' })
  })

  it.each([
    [{}, 'low', 'noFurtherAction'],
    [{ age: 'risk' }, 'low', 'monitor'],
    [{ legalStatus: 'risk' }, 'medium', 'referToServices'],
    [{ legalStatus: 'risk', age: 'risk', debt: 'risk' }, 'high', 'openCase'],
    [{ legalStatus: 'risk', age: 'risk', debt: 'risk', services: 'yes' }, 'medium', 'referToServices'],
    [{ danger: 'yes' }, 'high', 'urgentProtection'],
    [{ danger: 'yes', services: 'yes', legalStatus: 'protective' }, 'high', 'urgentProtection'],
  ] as const)('answers %j give %s and suggest %s', (answers, level, nextStep) => {
    const outcome = computeOutcome(small, answers)
    expect(outcome.computedLevel).toBe(level)
    expect(outcome.suggestedNextStep).toBe(nextStep)
  })

  it('never lets protective factors push the score below zero', () => {
    expect(computeOutcome(small, { legalStatus: 'protective', services: 'yes' }).score).toBe(0)
  })

  it('counts unknown answers separately and scores neither, no and unknown as nothing', () => {
    const outcome = computeOutcome(small, {
      age: 'unknown',
      legalStatus: 'neither',
      danger: 'unknown',
      debt: 'unknown',
    })
    expect(outcome.riskWeight + outcome.protectiveWeight).toBe(0)
    expect(outcome.levels.map((level) => level.unknownCount)).toEqual([2, 1, 0])
  })

  it('needs a reason only when the screener judges a different level', () => {
    expect(judgementNeedsReason('medium', 'medium')).toBe(false)
    expect(judgementNeedsReason('medium', null)).toBe(false)
    expect(judgementNeedsReason('medium', undefined)).toBe(false)
    expect(judgementNeedsReason('medium', 'high')).toBe(true)
  })
})

describe('screening templates are validated data', () => {
  it('ships a default template with the HTCDS example questions in its three sections', () => {
    const examples = definitions.assessmentExamples
    expect(DEFAULT_TEMPLATE.sections.map((section) => section.level)).toEqual([
      'individual',
      'household',
      'community',
    ])
    DEFAULT_TEMPLATE.sections.forEach((section, index) => {
      const fromStandard = section.questions.filter((question) => question.source === 'htcds')
      expect(fromStandard.map((question) => question.text)).toEqual(examples[index]!.questions)
      // …and DoMV factor groups beyond the standard's three examples.
      expect(
        section.questions.filter((question) => question.source === 'domv').length,
      ).toBeGreaterThanOrEqual(4)
    })
  })

  it.each([
    [
      'duplicate keys',
      {
        sections: smallTemplate().sections.map((s) => ({
          ...s,
          questions: [{ key: 'same', text: 'Q', type: 'factor' as const }],
        })),
      },
    ],
    ['a missing level', { sections: smallTemplate().sections.slice(0, 2) }],
    ['levels out of order', { sections: [...smallTemplate().sections].reverse() }],
    ['mediumAt not below highAt', { thresholds: { mediumAt: 5, highAt: 5 } }],
    ['a bad key', { key: 'Not A Key' }],
  ])('refuses %s', (_what, overrides) => {
    expect(templateDefinitionSchema.safeParse(smallTemplate(overrides)).success).toBe(false)
  })

  it('refuses a yes/no question that does not say what yes means', () => {
    const sections = smallTemplate().sections
    sections[0]!.questions = [{ key: 'q', text: 'Q?', type: 'yesNo' }]
    expect(templateDefinitionSchema.safeParse(smallTemplate({ sections })).success).toBe(false)
  })

  it('checks answers against the template version: unknown keys and values outside the scale', () => {
    expect(checkAnswers(small, { age: 'risk', notes: '  trimmed  ', debt: '' })).toEqual({
      age: 'risk',
      notes: 'trimmed',
    })
    expect(() => checkAnswers(small, { age: 'maybe', removedQuestion: 'risk', danger: 'risk' })).toThrow(
      expect.objectContaining({
        code: 'VALIDATION',
        details: {
          issues: [
            expect.objectContaining({ path: 'answers.age', code: 'invalid_answer' }),
            expect.objectContaining({ path: 'answers.removedQuestion', code: 'unknown_question' }),
            expect.objectContaining({ path: 'answers.danger', code: 'invalid_answer' }),
          ],
        },
      }),
    )
  })
})
