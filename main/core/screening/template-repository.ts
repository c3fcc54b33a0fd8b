import type { VaultDatabase } from '../db/connection'
import {
  templateDefinitionSchema,
  type TemplateDefinition,
  type TemplateVersion,
  type TemplateVersionSummary,
} from '../../api/contract/screening'

interface TemplateRow {
  id: number
  template_key: string
  version: number
  name: string
  definition: string
  created_at: string
  created_by_name: string | null
  latest_version: number
}

const SELECT = `SELECT t.id, t.template_key, t.version, t.name, t.definition, t.created_at,
    u.display_name AS created_by_name,
    (SELECT max(version) FROM assessment_templates l WHERE l.template_key = t.template_key) AS latest_version
  FROM assessment_templates t LEFT JOIN users u ON u.id = t.created_by`

/** Parsed again on read: a definition written by an older build still gets its defaults. */
function parseDefinition(json: string): TemplateDefinition {
  return templateDefinitionSchema.parse(JSON.parse(json))
}

function questionCount(definition: TemplateDefinition): number {
  return definition.sections.reduce((sum, section) => sum + section.questions.length, 0)
}

function rowToVersion(row: TemplateRow): TemplateVersion {
  const definition = parseDefinition(row.definition)
  return {
    id: row.id,
    key: row.template_key,
    version: row.version,
    name: row.name,
    questionCount: questionCount(definition),
    isLatest: row.version === row.latest_version,
    createdAt: row.created_at,
    createdByName: row.created_by_name,
    definition,
  }
}

export function toSummary(version: TemplateVersion): TemplateVersionSummary {
  return {
    id: version.id,
    key: version.key,
    version: version.version,
    name: version.name,
    questionCount: version.questionCount,
    isLatest: version.isLatest,
    createdAt: version.createdAt,
    createdByName: version.createdByName,
  }
}

export function createTemplateRepository(db: VaultDatabase) {
  const statements = {
    all: db.prepare<[], TemplateRow>(`${SELECT} ORDER BY t.template_key, t.version DESC`),
    byId: db.prepare<[number], TemplateRow>(`${SELECT} WHERE t.id = ?`),
    latest: db.prepare<[string], { id: number; version: number }>(
      'SELECT id, version FROM assessment_templates WHERE template_key = ? ORDER BY version DESC LIMIT 1',
    ),
    count: db.prepare<[], { n: number }>('SELECT count(*) AS n FROM assessment_templates'),
    insert: db.prepare(
      `INSERT INTO assessment_templates (template_key, version, name, definition, created_by, created_at)
       VALUES (@key, @version, @name, @definition, @createdBy, @createdAt)`,
    ),
  }
  return {
    all(): TemplateVersion[] {
      return statements.all.all().map(rowToVersion)
    },
    get(id: number): TemplateVersion | undefined {
      const row = statements.byId.get(id)
      return row ? rowToVersion(row) : undefined
    },
    latest(key: string): { id: number; version: number } | undefined {
      return statements.latest.get(key)
    },
    isEmpty(): boolean {
      return statements.count.get()!.n === 0
    },
    insert(
      definition: TemplateDefinition,
      version: number,
      createdBy: number | null,
      createdAt: string,
    ): number {
      return Number(
        statements.insert.run({
          key: definition.key,
          version,
          name: definition.name,
          definition: JSON.stringify(definition),
          createdBy,
          createdAt,
        }).lastInsertRowid,
      )
    },
  }
}

export type TemplateRepository = ReturnType<typeof createTemplateRepository>
