// Importing the screenings of a full-record export: written with their case in the one import
// transaction, their template versions reused when the vault has the same one, created when it
// lacks it, and the screening refused (row, field, reason) when the vault has another template
// under that key and version. Answers are checked as main checks a new screening; a bad one
// rejects its case and says why without echoing it. A file from before screenings were exported
// imports as it always did.
import { describe, expect, it } from 'vitest'
import { call } from './support/temp-vault'
import { staffedHost } from './support/case-fixtures'
import { caseIdOf, exportPlain, importInto } from './support/casework-fixtures'
import {
  caseScreenings,
  caseWithTwoScreenings,
  comparable,
  editedArchive,
  editedJson,
  shelterTemplate,
  templatesOf,
} from './support/screening-export-fixtures'
import type { AuditEntry, CasePage, ImportRowError } from '../../main/api/contract'

const FORMATS = ['htcds-json', 'htcds-csv'] as const
type Target = Awaited<ReturnType<typeof staffedHost>>

async function exported(format: (typeof FORMATS)[number]) {
  const source = await staffedHost('dana')
  const screened = await caseWithTwoScreenings(source.host)
  const file = (await exportPlain(source.host, format)).file!
  return { source, ...screened, file }
}

const caseCount = async (target: Target) =>
  (await call<CasePage>(target.host, 'cases:list', { pageSize: 10 })).total
const audit = (target: Target) => call<AuditEntry[]>(target.host, 'audit:list', { limit: 20 })
const problems = (errors: ImportRowError[]) => errors.map(({ row, field, code }) => [row, field, code])

describe('a case’s screenings on import', () => {
  it.each(FORMATS)('%s: a custom template travels to a vault that lacks it', async (format) => {
    const { source, made, file } = await exported(format)
    const before = (await caseScreenings(source.host, made.id)).map(comparable)
    const target = await staffedHost('dana')
    const { preview, report } = await importInto(target, file, format)
    expect(preview.report).toMatchObject({ read: 1, valid: 1, rejected: 0, errorCount: 0 })
    expect(report).toMatchObject({ imported: 1, rejected: 0 })

    const after = await caseScreenings(target.host, await caseIdOf(target.host, made.caseNumber))
    // Answers, judgement, next step, screener, the moment of linking, the outcome (computed again).
    expect(after.map(comparable)).toEqual(before)
    expect(after.map((one) => one.summaryRiskLevel)).toEqual(['high', before[1]!.summaryRiskLevel])
    const templates = await templatesOf(target.host)
    expect(templates.map((t) => [t.key, t.version, t.isLatest, t.createdByName])).toEqual([
      ['htcds-domv', 1, true, null],
      ['shelter-intake', 1, true, 'Dana Petrova'],
    ])
    // Counts in the import's row, the new version audited as a template save is; no answers.
    const entries = await audit(target)
    expect(entries.find((entry) => entry.action === 'import.completed')?.details).toMatchObject({
      imported: 1,
      screenings: 2,
      screeningTemplatesCreated: 1,
    })
    const created = templates.find((t) => t.key === 'shelter-intake')!
    expect(entries.filter((entry) => entry.action === 'screening.template_saved')).toContainEqual(
      expect.objectContaining({ details: { templateId: created.id, version: 1, imported: true } }),
    )
    expect(JSON.stringify(entries)).not.toMatch(/Debt bondage|recruiterActivity|householdDebt/)
  })

  it.each(FORMATS)('%s: a template the vault has already is used, not saved again', async (format) => {
    const { made, file } = await exported(format)
    const target = await staffedHost('dana')
    const own = await shelterTemplate(target.host)
    const templates = await templatesOf(target.host)
    const { report } = await importInto(target, file, format)
    expect(report).toMatchObject({ imported: 1, rejected: 0 })
    expect(await templatesOf(target.host)).toEqual(templates)
    const after = await caseScreenings(target.host, await caseIdOf(target.host, made.caseNumber))
    expect(after.map((one) => one.templateId)).toEqual([templates[0]!.id, own.id])
    const entries = await audit(target)
    expect(entries.find((entry) => entry.action === 'import.completed')?.details).toMatchObject({
      screenings: 2,
      screeningTemplatesCreated: 0,
    })
  })

  it.each(FORMATS)(
    '%s: another template under the same key and version is refused, nothing written',
    async (format) => {
      const { file } = await exported(format)
      const target = await staffedHost('dana')
      await shelterTemplate(target.host, 'ownLocalQuestion')
      const templates = await templatesOf(target.host)
      const { preview } = await importInto(target, file, format, true)
      expect(preview.report).toMatchObject({ dryRun: true, read: 1, valid: 0, rejected: 1, errorCount: 1 })
      const [error] = preview.report!.errors
      expect(error).toMatchObject({
        // The case's row: its position in the JSON file, its line in cases.csv.
        row: format === 'htcds-json' ? 1 : 2,
        code: 'screeningTemplateDiffers',
        params: { key: 'shelter-intake', version: 1 },
        reason: expect.stringContaining('shelter-intake version 1'),
      })
      expect(error!.field).toMatch(
        format === 'htcds-json'
          ? /^screenings\.1\.templateVersion$/
          : /^screenings\.csv row \d+, template_version$/,
      )
      expect(await caseCount(target)).toBe(0)
      expect(await templatesOf(target.host)).toEqual(templates)
      const report = await call<{ imported: number }>(target.host, 'import:run', { token: preview.token })
      expect(report.imported).toBe(0)
      expect(await caseCount(target)).toBe(0)
      expect(await templatesOf(target.host)).toEqual(templates)
    },
  )
})

describe('the shipped template of another build', () => {
  it('is a new vault’s version 1; a vault that has its own version 1 refuses it', async () => {
    const { file, made } = await exported('htcds-json')
    const older = editedJson(file, (document) => {
      document.screeningTemplates[0].definition.description = 'As shipped by an older CaseVault'
    })
    const fresh = await staffedHost('dana')
    expect((await importInto(fresh, older, 'htcds-json')).report).toMatchObject({ imported: 1 })
    const [first] = await caseScreenings(fresh.host, await caseIdOf(fresh.host, made.caseNumber))
    expect(first!.template).toMatchObject({ key: 'htcds-domv', version: 1, isLatest: true })
    expect(first!.template.definition.description).toBe('As shipped by an older CaseVault')
    expect((await templatesOf(fresh.host)).map((t) => [t.key, t.version])).toEqual([
      ['htcds-domv', 1],
      ['shelter-intake', 1],
    ])

    const used = await staffedHost('dana')
    await templatesOf(used.host) // screening used once: the shipped template is its version 1
    const { preview } = await importInto(used, older, 'htcds-json', true)
    expect(problems(preview.report!.errors)).toEqual([
      [1, 'screenings.0.templateVersion', 'screeningTemplateDiffers'],
    ])
  })
})

describe('what a screening must be to be imported', () => {
  const hostile: [string, unknown, [string, string][]][] = [
    [
      'an unknown question',
      { notAQuestion: 'risk' },
      [['screenings.0.answers.notAQuestion', 'unknownQuestion']],
    ],
    [
      'keys every object has',
      JSON.parse('{"__proto__": {"polluted": "yes"}, "legalStatus": "risk"}'),
      [['screenings.0.answers', 'unknownQuestion']],
    ],
    [
      'only a prototype key JavaScript knows',
      { constructor: 'risk' },
      [['screenings.0.answers.constructor', 'unknownQuestion']],
    ],
    [
      'a 100 000-character answer',
      { historyOfAbuse: 'x'.repeat(100_000) },
      [['screenings.0.answers.historyOfAbuse', 'textTooLong']],
    ],
    [
      'an answer a factor question does not have',
      { historyOfAbuse: 'maybe' },
      [['screenings.0.answers.historyOfAbuse', 'notOneOf']],
    ],
    ['answers that are not an object', 'risk, risk', [['screenings.0.answers', 'notAFieldObject']]],
  ]
  it.each(hostile)('rejects %s cleanly, without echoing it', async (_, answers, expected) => {
    const { file } = await exported('htcds-json')
    const edited = editedJson(file, (document) => (document.cases[0].screenings[0].answers = answers))
    const target = await staffedHost('dana')
    const { preview, report } = await importInto(target, edited, 'htcds-json')
    expect(problems(preview.report!.errors)).toEqual(expected.map(([field, code]) => [1, field, code]))
    expect(report).toMatchObject({ imported: 0, rejected: 1 })
    expect(await caseCount(target)).toBe(0)
    expect(JSON.stringify(preview.report)).not.toMatch(/xxxxxxxx|maybe|polluted|risk, risk/)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('CSV: an answers cell that is not JSON rejects its case', async () => {
    const { file } = await exported('htcds-csv')
    const edited = await editedArchive(file, (files) => {
      const text = files.get('screenings.csv')!.toString('utf8')
      files.set(
        'screenings.csv',
        Buffer.from(text.replace('{""householdDebt"":""risk""}', 'householdDebt=risk')),
      )
    })
    const target = await staffedHost('dana')
    const { preview } = await importInto(target, edited, 'htcds-csv', true)
    expect(problems(preview.report!.errors)).toEqual([
      [2, expect.stringMatching(/^screenings\.csv row \d+, answers$/), 'notAFieldObject'],
    ])
  })

  it('dates, judgements and templates as main checks them; the outcome is computed, an unknown screener left empty', async () => {
    const { file, made } = await exported('htcds-json')
    const edited = editedJson(file, (document) => {
      const [first, second] = document.cases[0].screenings
      Object.assign(first, { assessedOn: '2999-01-01', judgementReason: null, templateVersion: 7 })
      Object.assign(second, { screener: 'ghost', outcome: { computedLevel: 'low' }, summaryRiskLevel: 'low' })
    })
    const target = await staffedHost('dana')
    const { preview } = await importInto(target, edited, 'htcds-json', true)
    expect(problems(preview.report!.errors)).toEqual([
      [1, 'screenings.0.assessedOn', 'dateInFuture'],
      [1, 'screenings.0.templateKey', 'screeningTemplateUnknown'],
    ])
    const fixed = editedJson(edited, (document) => {
      Object.assign(document.cases[0].screenings[0], { assessedOn: '2026-03-14', templateVersion: 1 })
    })
    const checked = await importInto(target, fixed, 'htcds-json', true)
    expect(problems(checked.preview.report!.errors)).toEqual([
      [1, 'screenings.0.judgementReason', 'judgementReasonRequired'],
    ])
    const again = editedJson(file, (document) =>
      Object.assign(document.cases[0].screenings[1], { screener: 'ghost', summaryRiskLevel: 'low' }),
    )
    expect((await importInto(target, again, 'htcds-json')).report).toMatchObject({ imported: 1 })
    const [, second] = await caseScreenings(target.host, await caseIdOf(target.host, made.caseNumber))
    expect(second).toMatchObject({ screenerUserId: null, screenerName: null })
    expect(second!.summaryRiskLevel).toBe(second!.outcome.computedLevel)
  })
})

describe('a file from before screenings were exported', () => {
  it.each(FORMATS)('%s: imports exactly as before: the case, no screening, no template', async (format) => {
    const { file, made } = await exported(format)
    const old =
      format === 'htcds-json'
        ? editedJson(file, (document) => {
            delete document.screeningTemplates
            delete document.walkInScreenings
            for (const one of document.cases) delete one.screenings
          })
        : await editedArchive(file, (files) => {
            files.delete('screenings.csv')
            files.delete('screening-templates.csv')
          })
    const target = await staffedHost('dana')
    const { report } = await importInto(target, old, format)
    expect(report).toMatchObject({
      read: 1,
      imported: 1,
      rejected: 0,
      errorCount: 0,
      notes: [],
    })
    // Nothing the JSON import leaves out (a CSV's columns left out by the mapping are as ever).
    if (format === 'htcds-json') expect(report!.ignoredColumns).toEqual([])
    const entries = await audit(target)
    expect(entries.find((entry) => entry.action === 'import.completed')?.details).toEqual({
      format,
      read: 1,
      imported: 1,
      rejected: 0,
      allOrNothing: false,
      complete: true,
    })
    expect(entries.some((entry) => entry.action === 'screening.template_saved')).toBe(false)
    expect(await caseScreenings(target.host, await caseIdOf(target.host, made.caseNumber))).toEqual([])
  })
})
