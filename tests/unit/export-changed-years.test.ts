// A year exported de-identified, then changed (a case entered late into it, edited or deleted),
// then exported again: the two files differ by those cases, and comparing them singled them out
// (a reviewing helper's attack, session 19). The export screen and the command line now say so
// before the second export: export:changedYears reads, from the audit log, when each year was last
// exported, and counts the cases of that year entered, changed or deleted since.
import { describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { ADMIN, call, folderFileAccess, tempDir, TEST_KDF } from './support/temp-vault'
import { createApiHost } from '../../main/api/host'
import { runCli } from '../../main/cli/commands'
import { ANALYST, createCase, signInAs, staffedHost } from './support/case-fixtures'
import { PLAINTEXT, woman } from './support/deidentified-fixtures'
import type { CaseDetail, CreateCaseInput, YearChangedSinceExport } from '../../main/api/contract'

const YEAR_2024 = { intakeFrom: '2024-01-01', intakeTo: '2024-12-31' }
const on = (day: string, one: CreateCaseInput): CreateCaseInput => ({ ...one, intakeDate: day })
// Timestamps are to the millisecond: each step after the one before.
const tick = () => new Promise((resolve) => setTimeout(resolve, 5))

describe('years changed since their last de-identified export', () => {
  it('names a finished year that got a late case, an edit or a deletion after it was exported', async () => {
    const { host } = await staffedHost('dana')
    const made: CaseDetail[] = []
    for (const i of [0, 1, 2, 3, 4, 5]) made.push(await createCase(host, on('2024-03-0' + (i + 1), woman(i))))
    await createCase(host, on('2025-02-01', woman(6)))
    await signInAs(host, 'eli')
    const changed = () => call<YearChangedSinceExport[]>(host, 'export:changedYears', {})
    // Nothing exported yet: nothing to compare with.
    expect(await changed()).toEqual([])
    // Full records are no de-identified release: they count for nothing here.
    await signInAs(host, 'amara')
    await call(host, 'export:run', { format: 'htcds-json', protection: PLAINTEXT, scope: YEAR_2024 })
    expect(await changed()).toEqual([])
    await signInAs(host, 'eli')
    await call(host, 'export:run', { format: 'deidentified-csv', protection: PLAINTEXT, scope: YEAR_2024 })
    expect(await changed()).toEqual([])

    await tick()
    await signInAs(host, 'dana')
    await createCase(host, on('2024-11-20', woman(7))) // a paper backlog, entered late
    await createCase(host, on('2025-06-01', woman(8))) // 2025 was never exported: no warning
    await signInAs(host, 'eli')
    const late = await changed()
    expect(late).toEqual([{ year: 2024, exportedAt: expect.any(String), changedCases: 1, deletedCases: 0 }])
    expect(await call(host, 'export:changedYears', { intakeFrom: '2025-01-01' })).toEqual([])

    await signInAs(host, 'amara')
    await call(host, 'cases:delete', { id: made[0]!.id, reason: 'duplicate' })
    await signInAs(host, 'eli')
    expect(await changed()).toMatchObject([{ year: 2024, changedCases: 1, deletedCases: 1 }])

    // Exported again: that release is the one the next is compared with.
    await call(host, 'export:run', { format: 'ctdc-csv', protection: PLAINTEXT, scope: YEAR_2024 })
    expect(await changed()).toEqual([])

    // An edit of a 2024 case (her age when trafficked, say) changes her row too.
    await tick()
    await signInAs(host, 'dana')
    const one = made[1]!
    await call(host, 'cases:update', {
      ...woman(1),
      intakeDate: one.intakeDate,
      id: one.id,
      version: one.version,
    })
    await signInAs(host, 'eli')
    expect(await changed()).toMatchObject([{ year: 2024, changedCases: 1, deletedCases: 0 }])
  })

  it('is asked only by roles that may export de-identified data', async () => {
    const { host } = await staffedHost('bilal')
    const answer = await host.dispatch('export:changedYears', {})
    expect(answer.ok ? 'OK' : answer.error.code).toBe('FORBIDDEN')
  })
})

describe('the command line', () => {
  it('says which years changed since their last de-identified export, before this one is logged', async () => {
    const { host, dataDir } = await staffedHost('dana')
    for (const i of [0, 1, 2, 3, 4, 5]) await createCase(host, on('2024-03-0' + (i + 1), woman(i)))
    await signInAs(host, 'eli')
    await call(host, 'export:run', { format: 'deidentified-csv', protection: PLAINTEXT, scope: YEAR_2024 })
    await tick()
    await signInAs(host, 'dana')
    await createCase(host, on('2024-11-20', woman(7)))
    await call(host, 'vault:lock')
    host.dispose()
    const out: string[] = []
    const argv = ['export', '--data', dataDir, '--user', ANALYST.username, '--format', 'ctdc-csv']
    const exit = await runCli([...argv, '--out', join(tempDir(), 'ctdc.csv'), '--plaintext'], {
      stdinLines: async () => [ANALYST.passphrase],
      out: (line) => out.push(line),
      err: (line) => out.push(line),
    })
    expect(exit).toBe(0)
    expect(out.filter((line) => line.startsWith('note: 2024 changed'))).toEqual([
      expect.stringMatching(
        /^note: 2024 changed after its export of \d{4}-\d{2}-\d{2} \(added or changed: 1, deleted: 0\)/,
      ),
    ])
  })
})

describe('an edit after the clock was set back', () => {
  // A reviewing helper's test (session 19), failed before: the administrator exports 2024 with the
  // computer's clock an hour fast; a time sync sets it right; a caseworker then edits a 2024 case.
  // Its updated_at is earlier than the export's time, and it was not counted. The audit log's
  // order counts it (migration 0014's indexes).
  it('counts the edit: it came after the export in the audit log', async () => {
    let now = new Date('2026-06-01T12:00:00.000Z')
    const host = createApiHost({
      dataDir: tempDir(),
      kdf: TEST_KDF,
      allowKdfBelowFloor: true,
      files: folderFileAccess(tempDir()).files,
      exportWorker: null,
      clock: () => now,
    })
    await call(host, 'vault:create', ADMIN)
    const made: CaseDetail[] = []
    for (const i of [0, 1, 2, 3, 4, 5]) made.push(await createCase(host, on(`2024-03-0${i + 1}`, woman(i))))
    now = new Date('2026-06-01T12:10:00.000Z')
    await call(host, 'export:run', { format: 'deidentified-csv', protection: PLAINTEXT, scope: YEAR_2024 })
    now = new Date('2026-06-01T11:20:00.000Z') // the clock set right: an hour back
    await call(host, 'cases:update', {
      ...woman(1),
      intakeDate: made[1]!.intakeDate,
      victim: { ...woman(1).victim, vic_AgeWhenTrafficked: 17 },
      id: made[1]!.id,
      version: made[1]!.version,
    })
    const changed = await call<YearChangedSinceExport[]>(host, 'export:changedYears', YEAR_2024)
    host.dispose()
    expect(changed).toMatchObject([{ year: 2024, changedCases: 1, deletedCases: 0 }])
  })
})
