// Checks of this session's later fixes that held (a reviewing helper's second look), the import
// and export side: imported screening templates and later saves, who may import and see
// screenings, casework dates that must still import, the training mark's layout. Kept as
// regression tests; the rest are in session-later-fixes-shell-held.test.ts.
import { describe, expect, it, vi } from 'vitest'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { runExport } from '../../main/core/export/export-service'
import { DEIDENTIFIED_COLUMNS } from '../../main/core/export/deidentified-csv'
import { CTDC_COLUMNS } from '../../main/core/export/ctdc-mapping'
import { TRAINING_COLUMN, TRAINING_VALUE } from '../../main/core/export/training-mark'
import { readCsv } from '../../main/core/import/read-csv'
import { fillWithSyntheticCases } from '../../main/core/training/fill-vault'
import { call, createdVault, errorCode, tempDir } from './support/temp-vault'
import { adminSession, importer, json } from './support/import-fixtures'
import { createCase, signInAs, staffedHost, survivorCase } from './support/case-fixtures'
import { caseIdOf, exportPlain, importInto } from './support/casework-fixtures'
import {
  caseScreenings,
  caseWithTwoScreenings,
  editedJson,
  screen,
  templatesOf,
} from './support/screening-export-fixtures'
import { currentTemplateId } from './support/screening-fixtures'
import { runCommand } from './support/cli-run'
import { saveTemplateInput, templateDefinitionSchema } from '../../main/api/contract/screening'
import type { AssessmentPage, TemplateVersion } from '../../main/api/contract'

vi.mock('electron', async () => (await import('./support/fake-electron')).fakeElectronModule)

type Host = Awaited<ReturnType<typeof staffedHost>>['host']

/** A supervisor's next version of the latest shipped template: one more question. */
async function nextShipped(host: Host, questionKey: string): Promise<TemplateVersion> {
  const latest = await call<TemplateVersion>(host, 'screening:template', {
    id: await currentTemplateId(host),
  })
  const definition = structuredClone(latest.definition)
  definition.sections[1]!.questions.push({
    key: questionKey,
    text: `Question ${questionKey}?`,
    help: '',
    type: 'yesNo',
    yesMeans: 'risk',
    weight: 1,
    critical: false,
    source: 'custom',
  })
  return call<TemplateVersion>(host, 'screening:saveTemplate', { definition, basedOnTemplateId: latest.id })
}

describe('imported screening templates and later supervisor saves', () => {
  it('a version imported out of order (v3 over a new vault’s v1) is the latest; saves follow it, a stale one is refused', async () => {
    const source = await staffedHost('dana')
    const made = await createCase(source.host, survivorCase())
    await nextShipped(source.host, 'questionTwo')
    const v3 = await nextShipped(source.host, 'questionThree')
    await screen(source.host, made.id, v3.id, { answers: { householdDebt: 'risk', questionThree: 'yes' } })
    const file = (await exportPlain(source.host, 'htcds-json')).file!

    const target = await staffedHost('dana')
    const shippedHere = await currentTemplateId(target.host)
    const { report } = await importInto(target, file, 'htcds-json')
    expect(report).toMatchObject({ imported: 1, rejected: 0 })
    const listed = (await templatesOf(target.host)).map((t) => [t.key, t.version, t.isLatest])
    expect(listed).toEqual([
      ['htcds-domv', 3, true],
      ['htcds-domv', 1, false],
    ])
    // A supervisor's editor opened on v1 before the import: its save is refused as stale.
    const stale = await call<TemplateVersion>(target.host, 'screening:template', { id: shippedHere })
    expect(
      await errorCode(target.host, 'screening:saveTemplate', {
        definition: stale.definition,
        basedOnTemplateId: shippedHere,
      }),
    ).toBe('CONFLICT')
    // From the latest, the next version is 4: no version number is taken twice.
    const v4 = await nextShipped(target.host, 'localQuestion')
    expect(v4).toMatchObject({ key: 'htcds-domv', version: 4, isLatest: true })
    const [screening] = await caseScreenings(target.host, await caseIdOf(target.host, made.caseNumber))
    expect(screening!.template).toMatchObject({ version: 3, isLatest: false })
    expect(screening!.answers).toMatchObject({ questionThree: 'yes' })
  })

  it('a template created by an import is one the form can render and a supervisor could save', async () => {
    const source = await staffedHost('dana')
    const { made } = await caseWithTwoScreenings(source.host)
    const file = (await exportPlain(source.host, 'htcds-csv')).file!
    const target = await staffedHost('dana')
    await importInto(target, file, 'htcds-csv')
    const screenings = await caseScreenings(target.host, await caseIdOf(target.host, made.caseNumber))
    for (const { template } of screenings) {
      expect(templateDefinitionSchema.safeParse(template.definition).success).toBe(true)
      expect(
        saveTemplateInput.safeParse({ definition: template.definition, basedOnTemplateId: 1 }).success,
      ).toBe(true)
    }
  })

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a test reaches into arbitrary JSON
  const crafted: [string, (document: Record<string, any>) => void][] = [
    [
      'a question key JavaScript uses itself (constructor)',
      (document) => {
        const entry = document.screeningTemplates.find((t: { key: string }) => t.key === 'shelter-intake')
        entry.definition.sections[2].questions.at(-1).key = 'constructor'
      },
    ],
    [
      'a definition under another key than its entry',
      (document) => {
        const entry = document.screeningTemplates.find((t: { key: string }) => t.key === 'shelter-intake')
        entry.definition.key = 'htcds-domv'
      },
    ],
    [
      'the same version listed twice with different questions',
      (document) => {
        const entry = document.screeningTemplates.find((t: { key: string }) => t.key === 'shelter-intake')
        const twin = structuredClone(entry)
        twin.definition.sections[0].questions.pop()
        document.screeningTemplates.push(twin)
      },
    ],
  ]
  it.each(crafted)('%s: the screening is refused, no template is created', async (_, edit) => {
    const source = await staffedHost('dana')
    await caseWithTwoScreenings(source.host)
    const file = (await exportPlain(source.host, 'htcds-json')).file!
    const target = await staffedHost('dana')
    const before = await templatesOf(target.host)
    const { report, preview } = await importInto(target, editedJson(file, edit), 'htcds-json')
    expect(preview.report!.errors.map((error) => error.code)).toEqual(['screeningTemplateNotValid'])
    expect(report).toMatchObject({ imported: 0, rejected: 1 })
    expect(await templatesOf(target.host)).toEqual(before)
  })
})

describe('who may import screenings, and who sees them', () => {
  it.each([['bilal'], ['eli']])('%s (caseworker, analyst) cannot import through the app', async (who) => {
    const source = await staffedHost('dana')
    await caseWithTwoScreenings(source.host)
    const file = (await exportPlain(source.host, 'htcds-json')).file!
    const target = await staffedHost(who)
    target.files.pickImportFile(file)
    expect(await errorCode(target.host, 'import:preview', { format: 'htcds-json' })).toBe('FORBIDDEN')
  })

  it('a caseworker cannot import through the command line either', async () => {
    const source = await staffedHost('dana')
    await caseWithTwoScreenings(source.host)
    const file = (await exportPlain(source.host, 'htcds-json')).file!
    const target = await staffedHost('bilal')
    await call(target.host, 'vault:lock')
    target.host.dispose()
    const result = await runCommand(
      ['import', '--data', target.dataDir, '--user', 'bilal', '--file', file, '--format', 'htcds-json'],
      'bilal passphrase 1\n',
    )
    expect(result.exit).toBe(1)
    expect(result.err.join('\n')).toMatch(/FORBIDDEN/)
  })

  it('imported screenings follow their case: its caseworker sees them, another caseworker does not', async () => {
    const source = await staffedHost('bilal')
    const made = await createCase(source.host, survivorCase())
    await signInAs(source.host, 'dana')
    await screen(source.host, made.id, await currentTemplateId(source.host))
    const file = (await exportPlain(source.host, 'htcds-json')).file!

    const target = await staffedHost('dana')
    expect((await importInto(target, file, 'htcds-json')).report).toMatchObject({ imported: 1 })
    const caseId = await caseIdOf(target.host, made.caseNumber)
    const [imported] = await caseScreenings(target.host, caseId)

    await signInAs(target.host, 'bilal')
    expect((await call<AssessmentPage>(target.host, 'screening:listAssessments', {})).total).toBe(1)
    expect(await errorCode(target.host, 'screening:getAssessment', { id: imported!.id })).toBe('OK')
    await signInAs(target.host, 'chen')
    expect((await call<AssessmentPage>(target.host, 'screening:listAssessments', {})).total).toBe(0)
    expect(await errorCode(target.host, 'screening:getAssessment', { id: imported!.id })).toBe('FORBIDDEN')
    expect(await errorCode(target.host, 'screening:caseAssessments', { caseId })).toBe('FORBIDDEN')
    await signInAs(target.host, 'eli')
    expect(await errorCode(target.host, 'screening:listAssessments', {})).toBe('FORBIDDEN')
  })
})

describe('casework dates on import: what 46a4d20 must not refuse', () => {
  it('follow-ups and planned ends in the future still import', async () => {
    const session = await adminSession()
    const { report } = await importer(session)(
      json({
        standard: 'HTCDS',
        cases: [
          {
            caseNumber: 'J-2',
            intakeDate: '2025-06-01',
            survivor: { prs_FirstName: 'Awa' },
            referrals: [
              {
                key: 'R1',
                direction: 'outgoing',
                status: 'draft',
                urgency: 'routine',
                referralDate: '2025-06-03',
                followUpDate: '2099-01-01',
                organisation: 'Legal Aid Centre',
                history: [{ from: null, to: 'draft', changedOn: '2025-06-03' }],
              },
            ],
            supportPlans: [
              {
                referral: 'R1',
                status: 'active',
                startDate: '2025-06-05',
                followUpDate: '2099-02-01',
                htcds: {
                  spl_Type: 'Legal',
                  spl_Objectives: 'Residence permit',
                  spl_PlannedEndDate: '2099-03-01',
                },
              },
            ],
          },
        ],
      }),
      { format: 'htcds-json', dryRun: false },
    )
    expect(report).toMatchObject({ imported: 1, rejected: 0 })
  })
})

describe('the training mark (6c4e4c8): layout and rows', () => {
  async function exported(format: 'deidentified-csv' | 'ctdc-csv', training: boolean) {
    const { vault } = await createdVault()
    const session = vault.session()!
    if (training) fillWithSyntheticCases(session, 120, { seed: 7, today: new Date('2026-05-01T12:00:00Z') })
    const file = join(tempDir(), `${format}.csv`)
    const outcome = await runExport(
      session,
      { format, protection: { plaintext: true, confirmed: true }, scope: {} },
      file,
    )
    return { bytes: readFileSync(file), outcome }
  }

  it('a training de-identified file: its own columns, then training_data, on every row', async () => {
    const { bytes, outcome } = await exported('deidentified-csv', true)
    const table = readCsv(bytes)
    expect(table.headers).toEqual([...DEIDENTIFIED_COLUMNS, TRAINING_COLUMN])
    expect(table.rows.length).toBeGreaterThan(0)
    expect(table.rows.length).toBe(outcome.rows)
    for (const row of table.rows) {
      expect(row.cells).toHaveLength(DEIDENTIFIED_COLUMNS.length + 1)
      expect(row.cells.at(-1)).toBe(TRAINING_VALUE)
    }
  })

  it('a training CTDC file: the 63 CTDC columns in place, training_data after them, no byte-order mark', async () => {
    const { bytes } = await exported('ctdc-csv', true)
    expect(bytes[0]).not.toBe(0xef)
    const table = readCsv(bytes)
    expect(table.headers).toEqual([...CTDC_COLUMNS, TRAINING_COLUMN])
    for (const row of table.rows) expect(row.cells.at(-1)).toBe(TRAINING_VALUE)
  })

  it('a real vault’s files keep exactly their layout', async () => {
    expect(readCsv((await exported('deidentified-csv', false)).bytes).headers).toEqual([
      ...DEIDENTIFIED_COLUMNS,
    ])
    expect(readCsv((await exported('ctdc-csv', false)).bytes).headers).toEqual([...CTDC_COLUMNS])
  })
})
