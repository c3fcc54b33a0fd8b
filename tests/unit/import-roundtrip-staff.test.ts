// Moving a vault by export and import, field by field: a case assigned to a caseworker deactivated
// since was refused (notAnAssignee) and left behind (fixed); shared perpetrators, comments by
// deactivated authors and unusual Unicode held up. (Written by a reviewing helper.)
import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { createdVault, tempDir } from './support/temp-vault'
import { survivorCase } from './support/case-fixtures'
import { importer } from './support/import-fixtures'
import { caseServicesFor } from '../../main/api/case-services'
import { createCaseInput } from '../../main/api/contract'
import { runExport } from '../../main/core/export/export-service'
import { readFullCases, type FullCase } from '../../main/core/export/full-records'
import type { VaultSession } from '../../main/core/vault/vault-session'

const FORMATS = ['htcds-json', 'htcds-csv'] as const

async function exportTo(source: VaultSession, format: (typeof FORMATS)[number]) {
  const file = join(tempDir(), `export.${format}`)
  await runExport(source, { format, protection: { plaintext: true, confirmed: true }, scope: {} }, file)
  return new Uint8Array(readFileSync(file))
}

async function newSession() {
  const { vault } = await createdVault()
  return vault.session()!
}

function addUser(session: VaultSession, username: string, active: boolean) {
  const user = session.users.insert(
    { username, displayName: `${username} name`, role: 'caseworker' },
    '2025-01-01T00:00:00.000Z',
  )
  if (!active) session.users.setActive(user.id, false, '2025-01-01T00:00:00.000Z')
  return user
}

function comparable(cases: FullCase[]) {
  return cases
    .map(({ createdAt, updatedAt, perpetrators, ...rest }) => {
      void createdAt
      void updatedAt
      return { ...rest, perpetrators: perpetrators.map(({ personId, ...p }) => (void personId, p)) }
    })
    .sort((a, b) => a.caseNumber.localeCompare(b.caseNumber))
}

describe('round trip: a case assigned to a since-deactivated caseworker', () => {
  it.each(FORMATS)(
    '%s: the case is imported (the same user exists, deactivated, in the target)',
    async (format) => {
      const source = await newSession()
      const bilal = addUser(source, 'bilal', true)
      caseServicesFor(source).cases.create(createCaseInput.parse(survivorCase({ assignedUserId: bilal.id })))
      source.users.setActive(bilal.id, false, '2025-02-01T00:00:00.000Z')

      const target = await newSession()
      addUser(target, 'bilal', false)
      const bytes = await exportTo(source, format)
      const { report } = await importer(target)(bytes, { format, dryRun: false })
      expect(report.errors.map((e) => [e.field, e.code])).toEqual([])
      expect(report.imported).toBe(1)
    },
  )
})

describe('round trip: shared perpetrators, comments by deactivated authors, unusual Unicode', () => {
  it.each(FORMATS)('%s', async (format) => {
    const source = await newSession()
    const { cases, perpetrators, comments } = caseServicesFor(source)
    const weird = 'Zoë \u202Eمرحبا\u202C 👩🏽‍⚕️ Ǆ e\u0301 \u00A0x'
    const one = cases.create(
      createCaseInput.parse(
        survivorCase({
          survivor: { prs_FirstName: weird, prs_SecondName: 'ß\uD83D\uDE00', prs_Gender: 'Feminine' },
          survivorAliases: ['Lena', '  spaced  alias '],
        }),
      ),
    )
    const two = cases.create(createCaseInput.parse(survivorCase()))
    const shared = perpetrators.add(one.id, {
      person: { prs_FirstName: 'Viktor', prs_SecondName: 'P' },
      aliases: ['Vik'],
      context: {},
    })
    perpetrators.add(two.id, {
      person: { prs_FirstName: 'Viktor', prs_SecondName: 'P' },
      aliases: ['Vik'],
      context: {},
      existingPersonId: shared.personId,
    })
    comments.add(one.id, `long ${'ü'.repeat(19_000)}`)
    comments.add(one.id, 'first line\r\nsecond line, "quoted"; \t tab')
    // A comment written by a caseworker who has since left (deactivated).
    const gone = addUser(source, 'gone', true)
    source.db
      .prepare('INSERT INTO case_comments (case_id, author_user_id, body, created_at) VALUES (?, ?, ?, ?)')
      .run(two.id, gone.id, 'written by a caseworker who left', '2025-03-01T10:00:00.000Z')
    source.users.setActive(gone.id, false, '2025-04-01T00:00:00.000Z')

    const target = await newSession()
    addUser(target, 'gone', false)
    const { report } = await importer(target)(await exportTo(source, format), { format, dryRun: false })
    expect(report.errors).toEqual([])
    expect(report.imported).toBe(2)
    expect(comparable(readFullCases(target.db, {}))).toEqual(comparable(readFullCases(source.db, {})))
    // The perpetrator linked to two cases is still ONE person.
    const links = target.db.prepare('SELECT count(DISTINCT person_id) AS n FROM case_perpetrators').get() as {
      n: number
    }
    expect(links.n).toBe(1)
  })
})
