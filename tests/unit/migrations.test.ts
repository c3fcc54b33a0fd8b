import { describe, expect, it } from 'vitest'
import {
  loadMigrations,
  migrate,
  MIGRATIONS,
  SCHEMA_VERSION,
  schemaVersion,
} from '../../main/core/db/migrate'
import { createdVault } from './support/temp-vault'

describe('migrations', () => {
  it('are numbered without gaps and all applied at create', async () => {
    expect(MIGRATIONS.map((migration) => migration.version)).toEqual(
      Array.from({ length: SCHEMA_VERSION }, (_, index) => index + 1),
    )
    const { vault } = await createdVault()
    expect(schemaVersion(vault.session()!.db)).toBe(SCHEMA_VERSION)
  })

  it('refuses a gap in the numbering', () => {
    expect(() =>
      loadMigrations({ './migrations/0001_a.sql': 'SELECT 1', './migrations/0003_c.sql': 'SELECT 1' }),
    ).toThrow(/without gaps/)
  })

  it('refuses a database newer than the app with SCHEMA_TOO_NEW', async () => {
    const { vault } = await createdVault()
    const { db } = vault.session()!
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`)
    expect(() => migrate(db)).toThrow(expect.objectContaining({ code: 'SCHEMA_TOO_NEW' }))
  })

  it('rolls back every pending migration when one fails, user_version included', async () => {
    const { vault } = await createdVault()
    const { db } = vault.session()!
    const pending = [
      ...MIGRATIONS,
      {
        version: SCHEMA_VERSION + 1,
        name: 'good',
        sql: 'CREATE TABLE extra (id INTEGER PRIMARY KEY) STRICT;',
      },
      { version: SCHEMA_VERSION + 2, name: 'bad', sql: 'CREATE TABLE broken (;' },
    ]
    expect(() => migrate(db, pending)).toThrow()
    expect(schemaVersion(db)).toBe(SCHEMA_VERSION)
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'extra'").get()).toBeUndefined()
  })

  it("rolls back a migration whose JavaScript step fails, the step's own writes included", async () => {
    const { vault } = await createdVault()
    const { db } = vault.session()!
    const pending = [
      ...MIGRATIONS,
      {
        version: SCHEMA_VERSION + 1,
        name: 'with_step',
        sql: 'CREATE TABLE extra (id INTEGER PRIMARY KEY) STRICT;',
        step: (stepDb: typeof db) => {
          stepDb.exec('INSERT INTO extra (id) VALUES (1)')
          throw new Error('the step failed')
        },
      },
    ]
    expect(() => migrate(db, pending)).toThrow(expect.objectContaining({ code: 'UPGRADE_FAILED' }))
    expect(schemaVersion(db)).toBe(SCHEMA_VERSION)
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'extra'").get()).toBeUndefined()
  })

  it('creates STRICT tables', async () => {
    const { vault } = await createdVault()
    const { db } = vault.session()!
    const tables = db
      .prepare(
        "SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%'",
      )
      .all() as {
      name: string
      strict: number
    }[]
    expect(tables.length).toBeGreaterThan(0)
    for (const table of tables) expect(table, table.name).toMatchObject({ strict: 1 })
  })
})
