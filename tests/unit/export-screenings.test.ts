// The full-record exports carry each case's screenings (and, once per file, the template versions
// they were made with); an import writes them with the case, linked to it. This file: the round
// trip in both formats, what the files hold, and what they leave out (walk-ins).
import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { ADMIN, call, createdVault, TEST_KDF } from './support/temp-vault'
import { createCase, staffedHost } from './support/case-fixtures'
import { caseIdOf, exportPlain, importInto } from './support/casework-fixtures'
import { currentTemplateId, walkInScreening } from './support/screening-fixtures'
import { caseWithTwoScreenings, screen, shelterTemplate } from './support/screening-export-fixtures'
import { exportedPlaintext, type ExportSetup } from './support/export-fixtures'
import { EXPORT_WORKER_FOR_TESTS } from './support/export-worker'
import { csvRecords, untar } from './support/export-files'
import { Vault } from '../../main/core/vault/vault'
import { databasePath } from '../../main/core/vault/vault-header'
import type { WorkerReading } from '../../main/core/export/export-workers'
import { SCREENINGS_SQL } from '../../main/core/export/full-records-screenings'
import { DEFAULT_TEMPLATE } from '../../main/core/screening/template-service'
import type { AssessmentSummary, AuditEntry } from '../../main/api/contract'

const FORMATS = ['htcds-json', 'htcds-csv'] as const

/** Five cases, the first screened with the shipped template, the last with the shelter's own. */
async function vaultWithScreenedCases(): Promise<ExportSetup> {
  const { host, dataDir } = await staffedHost('dana')
  const cases = []
  for (let i = 0; i < 5; i += 1) cases.push(await createCase(host))
  await screen(host, cases[0]!.id, await currentTemplateId(host))
  await screen(host, cases[4]!.id, (await shelterTemplate(host)).id, {
    answers: { recruiterActivity: 'yes' },
  })
  host.dispose()
  const clock = () => new Date('2026-11-28T09:00:00.000Z')
  const vault = new Vault({ dataDir, kdf: TEST_KDF, allowKdfBelowFloor: true, clock })
  return { vault, session: await vault.unlock(ADMIN.username, ADMIN.passphrase) }
}

function inWorkers(setup: ExportSetup, shares: number): WorkerReading {
  return {
    script: EXPORT_WORKER_FOR_TESTS,
    databasePath: databasePath(setup.vault.dataDir),
    keyCopy: () => setup.vault.databaseKeyCopy(),
    live: setup.session.db,
    batchSize: 2,
    shares,
  }
}

describe('round trip: a case’s screenings', () => {
  // What a user does: a caseworker screens a survivor during their case (risk assessment, linked
  // to the case: high risk, next step "urgent protection"). The supervisor moves the vault to a
  // new computer by a full HTCDS export (JSON or CSV) and import. What happens: the case arrives
  // without any screening: the Screening tab of the case is empty, the risk history is gone, and
  // neither the file nor the import report says that screenings were left behind (the JSON file
  // says so for attachments only). What should happen: the case's screenings travel with it
  // (template by key and version, date, channel, answers, judgement, next step), or at the very
  // least the export says they are not included.
  // Cause: full-records.ts:82 (FullCase) and full-records-stream.ts (SQL) have no screenings;
  // htcds-json.ts:68 only declares attachments as not included.
  // Fix: add the case's assessments to the full records (JSON: `screenings`; CSV: a
  // screenings.csv keyed by case number) and import them with the case.
  it.each(FORMATS)('%s: the screening of a case comes back with it', async (format) => {
    const source = await staffedHost('amara')
    const made = await createCase(source.host)
    await call(source.host, 'screening:createAssessment', {
      templateId: await currentTemplateId(source.host),
      caseId: made.id,
      assessedOn: '2026-03-15',
      channel: 'caseReview',
      answers: { historyOfAbuse: 'risk', householdDebt: 'risk', legalStatus: 'risk' },
      nextStep: 'urgentProtection',
      nextStepNote: 'Moved to the safe house tonight',
    })
    const summary = (list: AssessmentSummary[]) =>
      list.map((one) => [one.assessedOn, one.channel, one.summaryRiskLevel, one.nextStep])
    const before = await call<AssessmentSummary[]>(source.host, 'screening:caseAssessments', {
      caseId: made.id,
    })
    expect(before).toHaveLength(1)

    const exported = await exportPlain(source.host, format)
    const target = await staffedHost('amara')
    const { report } = await importInto(target, exported.file!, format)
    expect(report).toMatchObject({ imported: 1, rejected: 0 })
    const caseId = await caseIdOf(target.host, made.caseNumber)
    const after = await call<AssessmentSummary[]>(target.host, 'screening:caseAssessments', { caseId })
    expect(summary(after)).toEqual(summary(before))
  })
})

describe('what the files hold', () => {
  it('JSON: each case’s screenings, the templates once in the header, no outcome, no walk-ins', async () => {
    const source = await staffedHost('dana')
    const { made, custom } = await caseWithTwoScreenings(source.host)
    await screen(source.host, made.id, custom.id, { assessedOn: '2026-03-16' })
    await walkInScreening(source.host, { nextStepNote: 'Walk-in only, never exported' })
    const exported = await exportPlain(source.host, 'htcds-json')
    const text = readFileSync(exported.file!, 'utf8')
    const document = JSON.parse(text)
    expect(document.walkInScreenings).toMatch(/^not included: /)
    expect(
      document.screeningTemplates.map((t: { key: string; version: number }) => [t.key, t.version]),
    ).toEqual([
      ['htcds-domv', 1],
      ['shelter-intake', 1],
    ])
    expect(document.screeningTemplates[1]).toMatchObject({
      name: 'Shelter intake screening',
      definition: { key: 'shelter-intake', sections: expect.any(Array) },
    })
    const [one] = document.cases
    expect(one.screenings).toHaveLength(3)
    expect(one.screenings[0]).toEqual({
      key: 'S1',
      templateKey: 'htcds-domv',
      templateVersion: 1,
      assessedOn: '2026-03-14',
      channel: 'caseReview',
      screener: 'dana',
      answers: { householdDebt: 'risk' },
      judgementLevel: 'high',
      judgementReason: 'Debt bondage suspected',
      nextStep: 'openCase',
      nextStepNote: 'Moved to the safe house tonight',
      linkedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
    })
    expect(text).not.toContain('Walk-in only')
    expect(text).not.toContain('Maryna')
  })

  it('CSV: screenings.csv keyed by case number, screening-templates.csv with each version once', async () => {
    const source = await staffedHost('dana')
    const { made } = await caseWithTwoScreenings(source.host)
    await walkInScreening(source.host, { nextStepNote: 'Walk-in only, never exported' })
    const exported = await exportPlain(source.host, 'htcds-csv')
    const files = await untar(readFileSync(exported.file!))
    const rows = csvRecords(files.get('screenings.csv')!)
    expect(
      rows.map((row) => [row.case_number, row.template_key, row.template_version, row.screener]),
    ).toEqual([
      [made.caseNumber, 'htcds-domv', '1', 'dana'],
      [made.caseNumber, 'shelter-intake', '1', 'dana'],
    ])
    expect(JSON.parse(rows[1]!.answers!)).toEqual({ recruiterActivity: 'yes', historyOfAbuse: 'protective' })
    expect(rows[0]).toMatchObject({ judgement_level: 'high', judgement_reason: 'Debt bondage suspected' })
    const templates = csvRecords(files.get('screening-templates.csv')!)
    expect(templates.map((row) => [row.template_key, row.version, row.name])).toEqual([
      ['htcds-domv', '1', DEFAULT_TEMPLATE.name],
      ['shelter-intake', '1', 'Shelter intake screening'],
    ])
    expect(JSON.parse(templates[1]!.definition!)).toMatchObject({ key: 'shelter-intake' })
    expect([...files.values()].some((file) => file.includes('Walk-in only'))).toBe(false)
  })

  it('the export’s audit row holds counts, never answers', async () => {
    const source = await staffedHost('dana')
    await caseWithTwoScreenings(source.host)
    await exportPlain(source.host, 'htcds-json')
    const audit = await call<AuditEntry[]>(source.host, 'audit:list', { limit: 3 })
    expect(JSON.stringify(audit)).not.toMatch(/Debt bondage|recruiterActivity/)
  })
})

describe('how screenings are read', () => {
  it('in shares on worker threads: the same bytes as in one go, each template once', async () => {
    const setup = await vaultWithScreenedCases()
    try {
      for (const format of ['htcds-json', 'htcds-csv'] as const) {
        const inOneGo = await exportedPlaintext(setup, format)
        for (const shares of [2, 3]) {
          const split = await exportedPlaintext(setup, format, { workers: inWorkers(setup, shares) })
          expect(split.bytes.equals(inOneGo.bytes), `${format} in ${shares} shares`).toBe(true)
        }
      }
      const json = JSON.parse((await exportedPlaintext(setup, 'htcds-json')).bytes.toString('utf8'))
      expect(json.screeningTemplates).toHaveLength(2)
      expect(json.cases.map((one: { screenings: unknown[] }) => one.screenings.length)).toEqual([
        1, 0, 0, 0, 1,
      ])
    } finally {
      setup.vault.lock('user')
    }
  })

  it('reads a batch of cases’ screenings through assessments_by_case, without a sort or a scan', async () => {
    const { vault } = await createdVault()
    const plan = vault
      .session()!
      .db.prepare<[{ after: number; last: number }], { detail: string }>(
        `EXPLAIN QUERY PLAN ${SCREENINGS_SQL}`,
      )
      .all({ after: 0, last: 1000 })
      .map((step) => step.detail)
    expect(plan.join('\n')).not.toMatch(/TEMP B-TREE|\bSCAN\b/)
    expect(plan[0]).toMatch(/USING (COVERING )?INDEX assessments_by_case/)
  })
})
