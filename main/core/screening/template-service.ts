import type { z } from 'zod'
import { CaseVaultError } from '../errors'
import type { VaultSession } from '../vault/vault-session'
import {
  templateDefinitionSchema,
  type saveTemplateInput,
  type TemplateVersion,
  type TemplateVersionSummary,
} from '../../api/contract/screening'
import shippedTemplate from '../../../resources/screening/default-template.json'
import { createTemplateRepository, toSummary } from './template-repository'

/** The template CaseVault ships, validated like any edit (a broken resource fails loudly in tests). */
export const DEFAULT_TEMPLATE = templateDefinitionSchema.parse(shippedTemplate)

/**
 * Template versions: read by everyone who screens; new versions by supervisors and admins (checked
 * at the API). Rows are immutable (a trigger refuses UPDATE and DELETE).
 */
export function createTemplateService(session: VaultSession) {
  const repository = createTemplateRepository(session.db)

  function audit(templateId: number, details: Record<string, unknown>): void {
    session.audit.append({
      actor: session.user.username,
      action: 'screening.template_saved',
      target: `assessment_template:${templateId}`,
      details: { templateId, ...details },
    })
  }

  /**
   * A new vault has no template yet: the shipped one becomes version 1 the first time screening is
   * used. Done lazily (not in the migration) so the template stays data under resources/.
   */
  function ensureDefault(): void {
    if (!repository.isEmpty()) return
    session.db.transaction(() => {
      if (!repository.isEmpty()) return
      const id = repository.insert(DEFAULT_TEMPLATE, 1, null, session.clock().toISOString())
      audit(id, { version: 1, shipped: true })
    })()
  }

  function load(id: number): TemplateVersion {
    ensureDefault()
    const template = repository.get(id)
    if (!template) throw new CaseVaultError('NOT_FOUND', 'This screening template does not exist.')
    return template
  }

  return {
    load,

    list(): TemplateVersionSummary[] {
      ensureDefault()
      return repository.all().map(toSummary)
    },

    /** Saves an edit as the next version of its key (or version 1 of a new key). */
    save(input: z.output<typeof saveTemplateInput>): TemplateVersion {
      ensureDefault()
      const { definition, basedOnTemplateId } = input
      const id = session.db.transaction(() => {
        const latest = repository.latest(definition.key)
        if (basedOnTemplateId === null) {
          if (latest)
            throw new CaseVaultError('CONFLICT', 'A template with this key already exists.', {
              key: definition.key,
            })
          const created = repository.insert(definition, 1, session.user.id, session.clock().toISOString())
          audit(created, { version: 1 })
          return created
        }
        const base = repository.get(basedOnTemplateId)
        if (!base) throw new CaseVaultError('NOT_FOUND', 'This screening template does not exist.')
        if (base.key !== definition.key)
          throw new CaseVaultError('VALIDATION', 'Some fields are not valid.', {
            issues: [{ path: 'definition.key', code: 'key_changed', message: 'a new version keeps its key' }],
          })
        if (!latest || latest.id !== base.id)
          throw new CaseVaultError('CONFLICT', 'Someone saved a newer version of this template meanwhile.', {
            stale: true,
            basedOnVersion: base.version,
            latestVersion: latest?.version ?? null,
          })
        const version = base.version + 1
        const created = repository.insert(definition, version, session.user.id, session.clock().toISOString())
        audit(created, { version, previousTemplateId: base.id })
        return created
      })()
      return repository.get(id)!
    },
  }
}

export type TemplateService = ReturnType<typeof createTemplateService>
