// Screenings for the export and import tests: a custom template a supervisor made, a case screened
// with it and with the shipped template, and ways to change an exported file the way a hand-edited
// or hostile one would be (JSON rewritten, CSV archive repacked).
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import tar from 'tar-stream'
import { call, tempDir, type testHost } from './temp-vault'
import { createCase, survivorCase } from './case-fixtures'
import { currentTemplateId } from './screening-fixtures'
import { untar } from './export-files'
import type {
  AssessmentDetail,
  CreateAssessmentInput,
  TemplateDefinition,
  TemplateVersion,
  TemplateVersionSummary,
} from '../../../main/api/contract'

type Host = ReturnType<typeof testHost>['host']

/** The shelter's own template: the shipped one's questions and one of its own, under a new key. */
export async function shelterTemplate(
  host: Host,
  extraQuestion = 'recruiterActivity',
): Promise<TemplateVersion> {
  const shipped = await call<TemplateVersion>(host, 'screening:template', {
    id: await currentTemplateId(host),
  })
  const definition: TemplateDefinition = structuredClone(shipped.definition)
  definition.key = 'shelter-intake'
  definition.name = 'Shelter intake screening'
  definition.sections[2]!.questions.push({
    key: extraQuestion,
    text: 'Are recruiters known to be active in the community?',
    help: '',
    type: 'yesNo',
    yesMeans: 'risk',
    weight: 2,
    critical: false,
    source: 'custom',
  })
  return call<TemplateVersion>(host, 'screening:saveTemplate', { definition, basedOnTemplateId: null })
}

export function screen(
  host: Host,
  caseId: number,
  templateId: number,
  more: Partial<CreateAssessmentInput> = {},
) {
  return call<AssessmentDetail>(host, 'screening:createAssessment', {
    templateId,
    caseId,
    assessedOn: '2026-03-15',
    channel: 'caseReview',
    answers: { historyOfAbuse: 'risk', householdDebt: 'risk', legalStatus: 'risk' },
    nextStep: 'urgentProtection',
    nextStepNote: 'Moved to the safe house tonight',
    ...more,
  })
}

/**
 * A case screened twice: with the shipped template (judged higher than computed, with a reason),
 * then with the shelter's own template. Signed in as the host's user (a supervisor or admin).
 */
export async function caseWithTwoScreenings(host: Host) {
  const made = await createCase(host, survivorCase())
  const custom = await shelterTemplate(host)
  const first = await screen(host, made.id, await currentTemplateId(host), {
    assessedOn: '2026-03-14',
    answers: { householdDebt: 'risk' },
    judgementLevel: 'high',
    judgementReason: 'Debt bondage suspected',
    nextStep: 'openCase',
  })
  const second = await screen(host, made.id, custom.id, {
    answers: { recruiterActivity: 'yes', historyOfAbuse: 'protective' },
    nextStep: 'referToServices',
  })
  return { made, custom, first, second }
}

export const templatesOf = (host: Host) => call<TemplateVersionSummary[]>(host, 'screening:templates')

/** A screening as it reads in any vault: without ids, the moment of saving and the template's id. */
export function comparable(detail: AssessmentDetail) {
  const { id, caseId, templateId, createdAt, template, screenerUserId, ...rest } = detail
  void [id, caseId, templateId, createdAt, screenerUserId]
  return {
    ...rest,
    template: { key: template.key, version: template.version, definition: template.definition },
  }
}

export async function caseScreenings(host: Host, caseId: number) {
  const list = await call<{ id: number }[]>(host, 'screening:caseAssessments', { caseId })
  return Promise.all(
    list.map((one) => call<AssessmentDetail>(host, 'screening:getAssessment', { id: one.id })),
  )
}

/** Any JSON value, reachable by any path: a test edits the file where it likes. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a test reaches into arbitrary JSON
type EditableJson = Record<string, any>

/** A copy of an exported JSON file, changed by `edit`. */
export function editedJson(path: string, edit: (document: EditableJson) => void): string {
  const document = JSON.parse(readFileSync(path, 'utf8')) as EditableJson
  edit(document)
  const copy = join(tempDir(), 'edited.json')
  writeFileSync(copy, JSON.stringify(document))
  return copy
}

/** A copy of an exported CSV archive, its files changed by `edit` (delete one to leave it out). */
export async function editedArchive(
  path: string,
  edit: (files: Map<string, Buffer>) => void,
): Promise<string> {
  const files = await untar(readFileSync(path))
  edit(files)
  const pack = tar.pack()
  for (const [name, content] of files) pack.entry({ name }, content)
  pack.finalize()
  const chunks: Buffer[] = []
  for await (const chunk of pack as AsyncIterable<Buffer>) chunks.push(chunk)
  const copy = join(tempDir(), 'edited.tar')
  writeFileSync(copy, Buffer.concat(chunks))
  return copy
}
