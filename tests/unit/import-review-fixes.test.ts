// A reviewing helper's second look at this session's later fixes, the import side; each test
// failed before its fix: casework dates out of order (a consent withdrawn before it was given, a
// step before the referral, a plan ending before it starts) imported as they were, a training
// vault's CTDC rows were stored as real cases, an import made another vault's template version
// this vault's latest where the two lines of versions had parted, and a template version of
// 2^53 - 1 left no room for the next edit.
import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { runExport } from '../../main/core/export/export-service'
import { fillWithSyntheticCases } from '../../main/core/training/fill-vault'
import { adminSession, count, importer, json } from './support/import-fixtures'
import { call, createdVault, tempDir } from './support/temp-vault'
import { createCase, staffedHost, survivorCase } from './support/case-fixtures'
import { caseIdOf, exportPlain, importInto } from './support/casework-fixtures'
import {
  caseScreenings,
  caseWithTwoScreenings,
  editedJson,
  templatesOf,
} from './support/screening-export-fixtures'
import { currentTemplateId } from './support/screening-fixtures'
import type { ImportReport, TemplateVersion } from '../../main/api/contract'

/** One case of the HTCDS JSON import with one referral (its consent and history) and one plan. */
function caseWithCasework(edit: {
  withdrawnOn?: string
  history?: { from: string | null; to: string; changedOn: string }[]
  plannedEnd?: string
  plan?: { status: string; startDate: string; actualEnd: string | null }
}) {
  return json({
    standard: 'HTCDS',
    cases: [
      {
        caseNumber: 'J-1',
        intakeDate: '2025-06-01',
        survivor: { prs_FirstName: 'Awa' },
        referrals: [
          {
            key: 'R1',
            direction: 'outgoing',
            status: 'sent',
            urgency: 'routine',
            referralDate: '2025-06-03',
            organisation: 'Legal Aid Centre',
            sharedCategories: ['identity'],
            consents: [
              {
                givenBy: 'survivor',
                givenOn: '2025-06-03',
                purpose: 'Legal advice',
                categories: ['identity'],
                ...(edit.withdrawnOn ? { withdrawnOn: edit.withdrawnOn } : {}),
              },
            ],
            history: edit.history ?? [
              { from: null, to: 'draft', changedOn: '2025-06-03' },
              { from: 'draft', to: 'sent', changedOn: '2025-06-04' },
            ],
          },
        ],
        supportPlans: [
          {
            referral: 'R1',
            status: edit.plan?.status ?? 'completed',
            startDate: edit.plan?.startDate ?? '2025-06-05',
            htcds: {
              spl_Type: 'Legal',
              spl_Objectives: 'Residence permit',
              spl_PlannedEndDate: edit.plannedEnd ?? null,
              spl_ActualEndDate: edit.plan ? edit.plan.actualEnd : '2025-09-01',
            },
          },
        ],
      },
    ],
  })
}

describe('casework dates on import: the order rules main keeps (46a4d20 checks the range only)', () => {
  // WHAT: a shelter imports a full-record file (another CaseVault's, or one fixed by hand in an
  // editor) whose referral has a typo in one of its dates, so that two dates are out of order: a
  // consent withdrawn the day before it was given, a step ("sent") dated before the referral
  // itself, a support plan planned to end (or completed) before it started. HAPPENS: the import
  // stores the case as it is, though main refuses each of these in the forms
  // (referral-service.ts:279 "before the consent was given", :208 "before the referral date";
  // contract/referrals.ts:149/170/176 "an end date before the start date"). The imported plan then
  // cannot be saved again from its form until someone finds and fixes the date, and the referral's
  // timeline reads backwards. 46a4d20's own words: "what one vault refuses, its import refuses
  // too". SHOULD: the case is rejected with a reason on the field, as a referral dated in 2099 now
  // is. CAUSE: main/core/import/casework-check.ts:124-129 (inRange) used at :151-156 and :188
  // checks each date's range, never one date against another (nor casework-schemas.ts:89-101).
  it.each([
    ['a consent withdrawn before it was given', { withdrawnOn: '2025-06-02' }],
    [
      'a step dated before the referral date',
      {
        history: [
          { from: null, to: 'draft', changedOn: '2025-06-03' },
          { from: 'draft', to: 'sent', changedOn: '2025-05-20' },
        ],
      },
    ],
    ['a plan planned to end before it starts', { plannedEnd: '2025-06-01' }],
    [
      'a completed plan that ended before it started',
      { plan: { status: 'completed', startDate: '2025-06-05', actualEnd: '2025-06-01' } },
    ],
  ])('%s is refused, with its case', async (_, edit) => {
    const session = await adminSession()
    const { report } = await importer(session)(caseWithCasework(edit), {
      format: 'htcds-json',
      dryRun: false,
    })
    expect(report).toMatchObject({ imported: 0, rejected: 1 })
    expect(count(session, 'cases')).toBe(0)
  })
})

describe('a training vault’s CTDC file imported into a real vault (6c4e4c8)', () => {
  // WHAT: a trainer exports CTDC CSV from the training vault (6c4e4c8 now adds a training_data
  // column, "synthetic training data: not real cases", to every row, and its note says "never ...
  // import them into a real vault"); someone later imports that file into the organisation's real
  // vault with Import → CTDC CSV (a supported import format). HAPPENS: the training_data column is
  // listed as an ignored column and every synthetic row is imported as a real (de-identified) case:
  // training cases now count among the organisation's survivors on the dashboard and in every
  // aggregate. The full-record formats refuse exactly this (case-candidate.ts:145 'trainingCase');
  // the mark 6c4e4c8 added is written but never read. SHOULD: a real vault refuses the rows of a
  // file marked as training data (reason trainingCase), as for the full-record formats. CAUSE:
  // main/core/import/ctdc-rows.ts:77 (ctdcRowDraft never sets trainingCase; the CTDC mapping knows
  // no training_data column) and main/core/export/training-mark.ts:5 (TRAINING_COLUMN is never read
  // back by any import).
  it('refuses the synthetic rows instead of storing them as real cases', async () => {
    const { vault } = await createdVault()
    const training = vault.session()!
    fillWithSyntheticCases(training, 120, { seed: 4, today: new Date('2026-05-01T12:00:00Z') })
    const file = join(tempDir(), 'ctdc.csv')
    await runExport(
      training,
      { format: 'ctdc-csv', protection: { plaintext: true, confirmed: true }, scope: {} },
      file,
    )
    expect(readFileSync(file, 'utf8')).toMatch(/training_data/)

    const real = await adminSession()
    expect(real.settings.isTrainingVault()).toBe(false)
    const { report } = await importer(real)(new Uint8Array(readFileSync(file)), {
      format: 'ctdc-csv',
      dryRun: false,
    })
    expect(report.read).toBeGreaterThan(0)
    expect({ imported: report.imported, cases: count(real, 'cases') }).toEqual({ imported: 0, cases: 0 })
  })
})

type Target = Awaited<ReturnType<typeof staffedHost>>

/** A supervisor's edit of the latest version of the shipped template: one more question. */
async function saveNextShipped(host: Target['host'], questionKey: string): Promise<TemplateVersion> {
  const latest = await call<TemplateVersion>(host, 'screening:template', {
    id: await currentTemplateId(host),
  })
  const definition = structuredClone(latest.definition)
  definition.sections[1]!.questions.push({
    key: questionKey,
    text: `Local question ${questionKey}?`,
    help: '',
    type: 'yesNo',
    yesMeans: 'risk',
    weight: 1,
    critical: false,
    source: 'custom',
  })
  return call<TemplateVersion>(host, 'screening:saveTemplate', { definition, basedOnTemplateId: latest.id })
}

describe('screening template versions brought by an import (bb9f41e)', () => {
  // WHAT: two shelters each edited the shipped screening template once (each has its own version 2
  // of 'htcds-domv', with different questions); shelter A edited it once more (version 3), screened
  // one case with its v2 and another with its v3. Shelter B's supervisor imports A's full-record
  // file. HAPPENS: the case screened with A's v2 is refused ('screeningTemplateDiffers': the import
  // sees that the two lines of versions diverged), but the other case's screening makes the import
  // create A's v3 under B's key. v3 is now B's latest: B's screening form (ScreeningNewView.vue:63-65
  // offers the versions with isLatest) asks A's questions from now on, the successor of a v2 that B
  // never had, and B's supervisor's own v2 is silently no longer the template new screenings use.
  // SHOULD: an import never makes a version from another line the vault's current template: A's v3
  // is refused as its v2 is (or kept without becoming the latest); B's v2 stays the version new
  // screenings use. CAUSE: main/core/import/screening-templates-import.ts:99-112 (importTemplates
  // matches each version on its own, never against the versions below it that the file also
  // lists) and :147 (createTemplateIds inserts above the vault's latest without looking at it).
  it('does not make another vault’s version the latest when the lines of versions diverged', async () => {
    const source = await staffedHost('dana')
    const sourceV2 = await saveNextShipped(source.host, 'sourceQuestionTwo')
    const sourceV3 = await saveNextShipped(source.host, 'sourceQuestionThree')
    // One case screened with v2, another (later) with v3.
    for (const template of [sourceV2, sourceV3])
      await call(source.host, 'screening:createAssessment', {
        templateId: template.id,
        caseId: (await createCase(source.host, survivorCase())).id,
        assessedOn: '2026-03-15',
        channel: 'caseReview',
        answers: { householdDebt: 'risk' },
        nextStep: 'openCase',
      })
    const file = (await exportPlain(source.host, 'htcds-json')).file!

    const target = await staffedHost('dana')
    const localV2 = await saveNextShipped(target.host, 'localQuestion')
    const { report } = await importInto(target, file, 'htcds-json')
    // The v2 case is refused (its version differs here): the import saw the lines diverge.
    expect(report!.errors.map((error) => error.code)).toContain('screeningTemplateDiffers')
    const latest = (await templatesOf(target.host)).find((t) => t.key === 'htcds-domv' && t.isLatest)
    expect(latest?.id).toBe(localV2.id)
  })

  // WHAT: a full-record JSON file (hand-made or altered) lists a template version 9007199254740991
  // (2^53 - 1) of a key, and its screenings use it. HAPPENS: the import creates that version (the
  // JSON number passes z.number().int(); in the CSV archive the same cell is limited to 9 digits,
  // screenings-check.ts:55-57, so the same file as CSV is refused). A supervisor's next edit saves
  // version 2^53, which JavaScript cannot tell from 2^53 + 1: the edit after that one fails with
  // INTERNAL (the table's UNIQUE (template_key, version)), and the key can never be edited again.
  // SHOULD: the JSON import bounds a version as the CSV one does (at most 9 digits), so every
  // template stays editable. CAUSE: main/core/import/screenings-check.ts:51-59 (no maximum for a
  // JSON number) and screening-templates-import.ts:75 (Number.isSafeInteger only).
  it('a template version no later edit can follow is refused (the JSON and CSV files agree)', async () => {
    const source = await staffedHost('dana')
    const screened = await caseWithTwoScreenings(source.host)
    const file = (await exportPlain(source.host, 'htcds-json')).file!
    const huge = Number.MAX_SAFE_INTEGER
    const edited = editedJson(file, (document) => {
      const entry = document.screeningTemplates.find(
        (template: { key: string }) => template.key === 'shelter-intake',
      )
      entry.version = huge
      for (const screening of document.cases[0].screenings)
        if (screening.templateKey === 'shelter-intake') screening.templateVersion = huge
    })
    const target = await staffedHost('dana')
    const { report } = await importInto(target, edited, 'htcds-json')
    if (report!.imported === 1) {
      // Imported: then the template must stay editable by its supervisor, version after version.
      const id = await caseIdOf(target.host, screened.made.caseNumber)
      expect((await caseScreenings(target.host, id)).length).toBe(2)
      let base = (await templatesOf(target.host)).find((t) => t.key === 'shelter-intake')!.id
      for (const question of ['firstEdit', 'secondEdit']) {
        const current = await call<TemplateVersion>(target.host, 'screening:template', { id: base })
        const definition = structuredClone(current.definition)
        definition.sections[0]!.questions.push({
          key: question,
          text: `${question}?`,
          help: '',
          type: 'text',
          weight: 1,
          critical: false,
          source: 'custom',
        })
        const saved = await target.host.dispatch('screening:saveTemplate', {
          definition,
          basedOnTemplateId: base,
        })
        expect(saved.ok, `${question}: ${saved.ok ? '' : saved.error.code}`).toBe(true)
        base = (saved as { ok: true; value: TemplateVersion }).value.id
      }
    } else {
      expect(report as ImportReport).toMatchObject({ imported: 0, rejected: 1 })
    }
  })
})
