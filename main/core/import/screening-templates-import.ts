// The screening template versions a file brings (once per file: the JSON header's
// screeningTemplates, the CSV archive's screening-templates.csv), matched against the vault's.
// A template version is immutable (migration 0005: no UPDATE, no DELETE) and named by its key and
// version, so an import never changes one and never renumbers one:
// - the vault has that key and version with the same definition: the screenings use it;
// - the vault lacks that version (or the key): it is created under the same key and version, as
//   the version the screenings were made with (it may then be the key's latest, or not);
// - the vault has that key and version with another definition: the screenings made with the
//   file's are rejected (row, field, reason), since they would show questions nobody asked.
// A vault that never used screening has no template yet; the shipped one becomes its version 1 the
// first time it is used (template-service.ts). The write seeds it first, as use would, unless the
// file's own version 1 of the shipped key is another (an older build's shipped template): that one
// is then the vault's version 1, as it was the source's.
import { CaseVaultError } from '../errors'
import type { VaultDatabase } from '../db/connection'
import type { VaultSession } from '../vault/vault-session'
import {
  saveTemplateInput,
  templateDefinitionSchema,
  type TemplateDefinition,
} from '../../api/contract/screening'
import { createTemplateRepository } from '../screening/template-repository'
import { MAX_TEMPLATE_VERSION } from './screenings-check'
import { createTemplateService, DEFAULT_TEMPLATE } from '../screening/template-service'

/** One entry of the file's template list, as read (checked here). */
export interface FileTemplate {
  key: unknown
  version: unknown
  definition: unknown
}

/** What a screening naming this key and version gets. */
export type TemplateMatch =
  | { kind: 'usable'; key: string; version: number; definition: TemplateDefinition }
  /** The vault has this key and version with another definition. */
  | { kind: 'differs'; key: string; version: number }
  /** The file's definition is not one this vault could save (or two entries disagree). */
  | { kind: 'notValid' }

export interface ImportTemplates {
  /** undefined: the file does not list this key and version. */
  match(key: string, version: number): TemplateMatch | undefined
}

const idOf = (key: string, version: number) => `${key}\n${version}`

/** The same JSON for the same definition, whatever the order of its keys. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([name, item]) => `${JSON.stringify(name)}:${canonical(item)}`).join(',')}}`
  }
  return JSON.stringify(value)
}

/** Two definitions are the same template when they are equal once read (defaults filled in). */
export const sameDefinition = (a: TemplateDefinition, b: TemplateDefinition) => canonical(a) === canonical(b)

const STORED = `SELECT id, definition FROM assessment_templates WHERE template_key = ? AND version = ?`

function storedVersion(db: VaultDatabase, key: string, version: number) {
  const row = db.prepare<[string, number], { id: number; definition: string }>(STORED).get(key, version)
  return row && { id: row.id, definition: templateDefinitionSchema.parse(JSON.parse(row.definition)) }
}

/** The file's entries, read as a stored template is; each notes whether this vault could save it. */
function fileVersions(templates: readonly FileTemplate[]) {
  const versions = new Map<string, { match: TemplateMatch; creatable: boolean }>()
  // A version created here is checked as a template saved here (keys JavaScript uses refused).
  const strict = saveTemplateInput.shape.definition
  for (const entry of templates) {
    // A number or its digits only: Number() of an object such as {"toString": 1} threw a TypeError.
    const version =
      typeof entry.version === 'number' || typeof entry.version === 'string' ? Number(entry.version) : NaN
    if (typeof entry.key !== 'string' || !Number.isInteger(version) || version > MAX_TEMPLATE_VERSION)
      continue
    const id = idOf(entry.key, version)
    const parsed = templateDefinitionSchema.safeParse(entry.definition)
    const usable = parsed.success && parsed.data.key === entry.key && version >= 1
    const match: TemplateMatch = usable
      ? { kind: 'usable', key: entry.key, version, definition: parsed.data }
      : { kind: 'notValid' }
    const before = versions.get(id)?.match
    // The same version listed twice must be the same template.
    const agrees =
      !before ||
      (before.kind === 'usable' &&
        match.kind === 'usable' &&
        sameDefinition(before.definition, match.definition))
    versions.set(id, {
      match: agrees ? match : { kind: 'notValid' },
      creatable: usable && strict.safeParse(entry.definition).success,
    })
  }
  return versions
}

/** Matches the file's templates against the vault's as it is now (dry run and real run alike). */
export function importTemplates(db: VaultDatabase, templates: readonly FileTemplate[]): ImportTemplates {
  const matches = new Map<string, TemplateMatch>()
  for (const [id, { match, creatable }] of fileVersions(templates)) {
    if (match.kind !== 'usable') {
      matches.set(id, match)
      continue
    }
    const stored = storedVersion(db, match.key, match.version)
    if (stored && !sameDefinition(stored.definition, match.definition))
      matches.set(id, { kind: 'differs', key: match.key, version: match.version })
    else matches.set(id, stored || creatable ? match : { kind: 'notValid' })
  }
  // A version this vault lacks, above one of the same key that differs here: the two vaults' lines
  // of versions parted. Created, it became this vault's latest, and its screening form asked the
  // other organisation's questions instead of its own supervisor's.
  for (const [id, match] of matches) {
    if (match.kind !== 'usable' || storedVersion(db, match.key, match.version)) continue
    const parted = [...matches.values()].some(
      (other) => other.kind === 'differs' && other.key === match.key && other.version < match.version,
    )
    if (parted) matches.set(id, { kind: 'differs', key: match.key, version: match.version })
  }
  return { match: (key, version) => matches.get(idOf(key, version)) }
}

/**
 * At write time, inside the import's transaction: the id of each template version the screenings
 * use, created when the vault lacks it (counted, and audited as a template save is). Checked again
 * here: a version saved between the dry run's check and this write must not be overwritten.
 */
export function createTemplateIds(
  session: VaultSession,
  now: string,
  /** The definition of the shipped key's version 1 the screenings use, if any. */
  fileFirstShipped: TemplateDefinition | undefined,
) {
  const repository = createTemplateRepository(session.db)
  const ids = new Map<string, number>()
  let seeded = false
  let created = 0
  return {
    idFor(template: Extract<TemplateMatch, { kind: 'usable' }>): number {
      const id = idOf(template.key, template.version)
      const known = ids.get(id)
      if (known !== undefined) return known
      if (!seeded && (!fileFirstShipped || sameDefinition(fileFirstShipped, DEFAULT_TEMPLATE)))
        createTemplateService(session).list() // the shipped version 1, as first use would
      seeded = true
      const stored = storedVersion(session.db, template.key, template.version)
      if (stored && !sameDefinition(stored.definition, template.definition))
        throw new CaseVaultError(
          'CONFLICT',
          'A screening template was saved meanwhile: nothing was imported.',
          {
            templateVersion: template.version,
          },
        )
      const templateId =
        stored?.id ?? repository.insert(template.definition, template.version, session.user.id, now)
      if (!stored) {
        created += 1
        session.audit.append({
          actor: session.user.username,
          action: 'screening.template_saved',
          target: `assessment_template:${templateId}`,
          details: { templateId, version: template.version, imported: true },
        })
      }
      ids.set(id, templateId)
      return templateId
    },
    get created(): number {
      return created
    },
  }
}
