import { describe, expect, it } from 'vitest'
import { call, createdVault, errorCode } from './support/temp-vault'
import { signInAs, staffedHost } from './support/case-fixtures'
import { currentTemplateId, walkInScreening } from './support/screening-fixtures'
import type {
  AssessmentDetail,
  AuditEntry,
  TemplateVersion,
  TemplateVersionSummary,
} from '../../main/api/contract'
import { createTemplateService } from '../../main/core/screening/template-service'

async function editedDefault(host: Awaited<ReturnType<typeof staffedHost>>['host']) {
  const current = await call<TemplateVersion>(host, 'screening:template', {
    id: await currentTemplateId(host),
  })
  const definition = structuredClone(current.definition)
  // A supervisor drops the sexual-orientation question and adds a local one.
  definition.sections[0]!.questions = definition.sections[0]!.questions.filter(
    (q) => q.key !== 'sexualOrientation',
  )
  definition.sections[2]!.questions.push({
    key: 'recruiterActivity',
    text: 'Are recruiters known to be active in the community?',
    help: 'Local question added by the shelter.',
    type: 'yesNo',
    yesMeans: 'risk',
    weight: 2,
    critical: false,
    source: 'custom',
  })
  return { current, definition }
}

describe('screening template versions', () => {
  it('seeds the shipped template as version 1 on first use, once', async () => {
    const { host } = await staffedHost('bilal')
    const first = await call<TemplateVersionSummary[]>(host, 'screening:templates')
    const again = await call<TemplateVersionSummary[]>(host, 'screening:templates')
    expect(first).toEqual(again)
    expect(first).toEqual([
      expect.objectContaining({ key: 'htcds-domv', version: 1, isLatest: true, createdByName: null }),
    ])
    expect(first[0]!.questionCount).toBeGreaterThanOrEqual(25)
  })

  it('saves an edit as a new version; an old screening still shows the questions it used', async () => {
    const { host } = await staffedHost('dana')
    const before = await walkInScreening(host, { answers: { sexualOrientation: 'risk' } })
    const { current, definition } = await editedDefault(host)
    const saved = await call<TemplateVersion>(host, 'screening:saveTemplate', {
      definition,
      basedOnTemplateId: current.id,
    })
    expect(saved).toMatchObject({
      key: 'htcds-domv',
      version: 2,
      isLatest: true,
      createdByName: 'Dana Petrova',
    })
    const versions = await call<TemplateVersionSummary[]>(host, 'screening:templates')
    expect(versions.map((v) => [v.version, v.isLatest])).toEqual([
      [2, true],
      [1, false],
    ])

    const old = await call<AssessmentDetail>(host, 'screening:getAssessment', { id: before.id })
    expect(old.template).toMatchObject({ id: current.id, version: 1, isLatest: false })
    expect(old.template.definition.sections[0]!.questions.map((q) => q.key)).toContain('sexualOrientation')
    expect(old.answers).toEqual({ sexualOrientation: 'risk' })

    // The new version refuses answers to the removed question and accepts the new one.
    expect(
      await errorCode(host, 'screening:createAssessment', {
        templateId: saved.id,
        assessedOn: '2026-03-11',
        channel: 'walkIn',
        subject: { alias: 'B' },
        answers: { sexualOrientation: 'risk' },
        nextStep: 'monitor',
      }),
    ).toBe('VALIDATION')
    const after = await walkInScreening(host, { templateId: saved.id, answers: { recruiterActivity: 'yes' } })
    expect(after.levels.community.risk).toBe(2)
  })

  it('refuses an edit based on a version that is no longer the latest (CONFLICT)', async () => {
    const { host } = await staffedHost('dana')
    const { current, definition } = await editedDefault(host)
    await call(host, 'screening:saveTemplate', { definition, basedOnTemplateId: current.id })
    expect(
      await errorCode(host, 'screening:saveTemplate', { definition, basedOnTemplateId: current.id }),
    ).toBe('CONFLICT')
    expect(
      await errorCode(host, 'screening:saveTemplate', {
        definition: { ...definition, key: 'other' },
        basedOnTemplateId: current.id + 1,
      }),
    ).toBe('VALIDATION')
    expect(await errorCode(host, 'screening:saveTemplate', { definition, basedOnTemplateId: null })).toBe(
      'CONFLICT',
    )
    const fresh = await call<TemplateVersion>(host, 'screening:saveTemplate', {
      definition: { ...definition, key: 'hotline-short', name: 'Hotline short form' },
      basedOnTemplateId: null,
    })
    expect(fresh).toMatchObject({ key: 'hotline-short', version: 1 })
  })

  it('refuses an invalid template with VALIDATION and saves nothing', async () => {
    const { host } = await staffedHost('amara')
    const { current, definition } = await editedDefault(host)
    definition.sections[1]!.questions.push({ ...definition.sections[1]!.questions[0]! })
    expect(
      await errorCode(host, 'screening:saveTemplate', { definition, basedOnTemplateId: current.id }),
    ).toBe('VALIDATION')
    expect(await call<TemplateVersionSummary[]>(host, 'screening:templates')).toHaveLength(1)
  })

  it('lets admins and supervisors save templates, not caseworkers or analysts', async () => {
    const { host } = await staffedHost('amara')
    const { current, definition } = await editedDefault(host)
    for (const [user, expected] of [
      ['bilal', 'FORBIDDEN'],
      ['eli', 'FORBIDDEN'],
      ['dana', 'OK'],
    ] as const) {
      await signInAs(host, user)
      expect(
        await errorCode(host, 'screening:saveTemplate', { definition, basedOnTemplateId: current.id }),
        user,
      ).toBe(expected)
    }
    await signInAs(host, 'amara')
    const audit = await call<AuditEntry[]>(host, 'audit:list', { limit: 100 })
    // Newest first: dana's version 2, then the shipped version 1 seeded when amara first opened screening.
    expect(
      audit.filter((row) => row.action === 'screening.template_saved').map((row) => [row.actor, row.details]),
    ).toEqual([
      ['dana', { templateId: current.id + 1, version: 2, previousTemplateId: current.id }],
      ['amara', { templateId: current.id, version: 1, shipped: true }],
    ])
  })

  it('keeps template versions immutable in the database itself', async () => {
    const { vault } = await createdVault()
    const session = vault.session()!
    createTemplateService(session).list()
    expect(() => session.db.exec("UPDATE assessment_templates SET name = 'changed'")).toThrow(/immutable/)
    expect(() => session.db.exec('DELETE FROM assessment_templates')).toThrow(/kept/)
  })
})
