import { call } from './temp-vault'
import type { testHost } from './temp-vault'
import type {
  AssessmentDetail,
  CreateAssessmentInput,
  TemplateVersionSummary,
} from '../../../main/api/contract'

type Host = ReturnType<typeof testHost>['host']

/** The latest version of the shipped template (seeded on first use). */
export async function currentTemplateId(host: Host): Promise<number> {
  const templates = await call<TemplateVersionSummary[]>(host, 'screening:templates')
  return templates.find((template) => template.key === 'htcds-domv' && template.isLatest)!.id
}

/** A walk-in screened at the drop-in centre: high risk from a history of abuse and debt. */
export async function walkInScreening(
  host: Host,
  overrides: Partial<CreateAssessmentInput> = {},
): Promise<AssessmentDetail> {
  return call<AssessmentDetail>(host, 'screening:createAssessment', {
    templateId: await currentTemplateId(host),
    assessedOn: '2026-03-10',
    channel: 'walkIn',
    subject: { firstName: 'Maryna', lastName: 'Hlib', gender: 'Feminine', ageYears: 24, citizenship: 'UA' },
    answers: { historyOfAbuse: 'risk', householdDebt: 'risk', legalStatus: 'risk', age: 'protective' },
    nextStep: 'openCase',
    ...overrides,
  })
}
