// Reviewing helper (case forms hunt): a defect behind the case edit form, on a real encrypted vault.
// The test failed on the code before its fix (session 21); the comment says what goes wrong for a user.
import { describe, expect, it } from 'vitest'
import { call } from './support/temp-vault'
import { staffedHost } from './support/case-fixtures'
import { fileWith, json } from './support/import-fixtures'
import type { CaseDetail, ImportPreview, ImportReport } from '../../main/api/contract'

describe('a case the import took in can be saved again', () => {
  // An NGO imports its case history (HTCDS JSON). One survivor was known by many names in the old
  // system: 25 aliases (or one alias longer than 200 characters, a note pasted into the field).
  // The import takes the case in whole, without a note. Later a caseworker corrects her phone
  // number in the edit form, which sends the aliases back as loaded.
  // Happens: main refuses the save (VALIDATION: at most 20 aliases of at most 200 characters,
  // contract/cases.ts:19), and so does the form; the only way to keep the case current is to
  // delete names the survivor is known by, which search and identification rely on.
  // Cause: the import reads aliases with no bound (main/core/import/json-cases.ts:49-58, also
  // htcds-rows.ts:101-105 and csv-bundle.ts:146), while every save applies contract/cases.ts:19.
  // Fix: apply the same bounds at import (refuse or report the row), or let an update keep the
  // aliases as stored, as kept-deprecated.ts does for deprecated fields.
  it('saves a new phone number on an imported case with more aliases than a form may send', async () => {
    const { host, files } = await staffedHost()
    const aliases = [...Array.from({ length: 24 }, (_, i) => `Name ${i + 1}`), 'y'.repeat(250)]
    files.pickImportFile(
      fileWith(
        json({
          standard: 'HTCDS',
          version: '2.0',
          cases: [
            {
              caseNumber: 'OLD-1',
              intakeDate: '2023-04-05',
              survivor: { prs_FirstName: 'Ana' },
              survivorAliases: aliases,
            },
          ],
        }),
        'history.json',
      ),
    )
    const preview = await call<ImportPreview>(host, 'import:preview', { format: 'htcds-json' })
    const report = await call<ImportReport>(host, 'import:run', { token: preview.token, allOrNothing: true })
    // Either the import says it cannot take these aliases, or the case it took in stays editable.
    if (report.imported === 0) return
    const id = (await call<{ rows: { id: number }[] }>(host, 'cases:list', {})).rows[0]!.id
    const loaded = await call<CaseDetail>(host, 'cases:get', { id })
    expect(loaded.survivor.aliases).toHaveLength(25)
    // Exactly what the edit form sends (composables/case-edit-form.ts), one field changed.
    const saved = await host.dispatch('cases:update', {
      id,
      version: loaded.version,
      intakeDate: loaded.intakeDate,
      survivor: { ...loaded.survivor.record, prs_MobilePhone: '+37369123456' },
      survivorAliases: loaded.survivor.aliases,
      victim: loaded.victim,
      details: loaded.details,
      events: loaded.events,
    })
    expect(saved.ok ? 'saved' : saved.error).toBe('saved')
    const after = await call<CaseDetail>(host, 'cases:get', { id })
    expect(after.survivor.aliases).toEqual(loaded.survivor.aliases)
  })
})
