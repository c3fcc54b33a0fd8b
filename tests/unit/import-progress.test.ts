import { describe, expect, it } from 'vitest'
import { call, errorCode } from './support/temp-vault'
import { ANALYST, CASEWORKER, SUPERVISOR, staffedHost } from './support/case-fixtures'
import { adminSession, count, csv, FLAT_HEADER, fileWith, flatRow } from './support/import-fixtures'
import { createImportService, type ImportStage } from '../../main/core/import/import-service'
import { CHECK_BATCH } from '../../main/core/import/check-rows'
import type { AuditEntry, ImportPreview, ImportReport, OperationProgress } from '../../main/api/contract'

// More rows than one batch of checks: the import pauses between batches, which is where a Cancel
// from the window and progress messages get through.
const ROWS = CHECK_BATCH * 3 + 500
const bigFile = () => csv([FLAT_HEADER, ...Array.from({ length: ROWS }, (_, index) => flatRow(index + 1))])

async function importHost() {
  const staffed = await staffedHost(SUPERVISOR.username)
  const seen: OperationProgress[] = []
  staffed.host.onProgress((progress) => seen.push(progress))
  staffed.files.pickImportFile(fileWith(bigFile(), 'big.csv'))
  return { ...staffed, seen }
}

async function importAudit(host: Awaited<ReturnType<typeof importHost>>['host']) {
  const entries = await call<AuditEntry[]>(host, 'audit:list', { limit: 500 })
  return entries.filter((entry) => entry.action.startsWith('import'))
}

/**
 * Presses Cancel when the import first reports `stage`. The press arrives on a later turn of the
 * event loop, as a message from the window does: only an import that pauses can hear it.
 */
function cancelAt(host: Awaited<ReturnType<typeof importHost>>['host'], stage: string) {
  let pressed = false
  const answers: Promise<unknown>[] = []
  host.onProgress((progress) => {
    if (pressed || progress.operation !== 'import' || progress.stage !== stage) return
    pressed = true
    answers.push(
      new Promise((resolve) => setImmediate(() => resolve(host.dispatch('import:cancel', undefined)))),
    )
  })
  return answers
}

describe('import progress', () => {
  it('reports reading, then checked rows and written rows as rising shares that end at 1', async () => {
    const session = await adminSession()
    const heard: [ImportStage, number | null][] = []
    const { report } = await createImportService(session).importFile(
      bigFile(),
      { format: 'htcds-csv', dryRun: false },
      { onProgress: (stage, fraction) => heard.push([stage, fraction]) },
    )
    expect(report.imported).toBe(ROWS)
    expect(heard[0]).toEqual(['read', null])
    for (const stage of ['check', 'write'] as const) {
      const shares = heard.filter(([at]) => at === stage).map(([, fraction]) => fraction!)
      expect(shares.length).toBeGreaterThan(2)
      expect(shares[0]).toBe(0)
      expect(shares.at(-1)).toBe(1)
      expect([...shares].sort((a, b) => a - b)).toEqual(shares)
    }
    // Reading, all the checks, then all the writing: the stages never interleave.
    const order = heard.map(([stage]) => stage).filter((stage, i, all) => stage !== all[i - 1])
    expect(order).toEqual(['read', 'check', 'write'])
  })

  it('reaches the window as operation "import", ending with done at 1; a dry run never writes', async () => {
    const { host, seen } = await importHost()
    const preview = await call<ImportPreview>(host, 'import:preview', { format: 'htcds-csv' })
    expect(preview.report).toMatchObject({ valid: ROWS, imported: 0 })
    expect(seen.map((progress) => progress.stage)).not.toContain('write')
    expect(seen.at(-1)).toEqual({ operation: 'import', stage: 'done', fraction: 1 })
    seen.length = 0
    await call<ImportReport>(host, 'import:run', { token: preview.token })
    expect(seen.every((progress) => progress.operation === 'import')).toBe(true)
    expect(seen[0]).toEqual({ operation: 'import', stage: 'read', fraction: null })
    expect(seen.map((progress) => progress.stage)).toEqual(expect.arrayContaining(['check', 'write']))
    expect(seen.at(-1)).toEqual({ operation: 'import', stage: 'done', fraction: 1 })
  })
})

describe('import:cancel', () => {
  it('stops an import while its rows are checked: CANCELLED, no case, no audit row of an import', async () => {
    const { host } = await importHost()
    const preview = await call<ImportPreview>(host, 'import:preview', { format: 'htcds-csv' })
    cancelAt(host, 'check')
    expect(await errorCode(host, 'import:run', { token: preview.token })).toBe('CANCELLED')
    expect((await call<{ total: number }>(host, 'cases:list', {})).total).toBe(0)
    expect(await importAudit(host)).toEqual([])
    // The file is not spent: the same token imports it in full afterwards.
    const report = await call<ImportReport>(host, 'import:run', { token: preview.token })
    expect(report.imported).toBe(ROWS)
    expect((await call<{ total: number }>(host, 'cases:list', {})).total).toBe(ROWS)
    expect((await importAudit(host)).map((entry) => entry.action)).toEqual(['import.completed'])
  })

  it('cannot stop the write once it has begun: that one transaction commits whole', async () => {
    const { host } = await importHost()
    const preview = await call<ImportPreview>(host, 'import:preview', { format: 'htcds-csv' })
    const answers = cancelAt(host, 'write')
    expect((await call<ImportReport>(host, 'import:run', { token: preview.token })).imported).toBe(ROWS)
    expect(answers).toHaveLength(1)
    expect(await Promise.all(answers)).toEqual([{ ok: true, value: false }])
    expect((await call<{ total: number }>(host, 'cases:list', {})).total).toBe(ROWS)
  })

  it('stops a dry run too, and answers false when nothing runs', async () => {
    const { host } = await importHost()
    expect(await call(host, 'import:cancel')).toBe(false)
    cancelAt(host, 'check')
    expect(await errorCode(host, 'import:preview', { format: 'htcds-csv' })).toBe('CANCELLED')
    expect(await importAudit(host)).toEqual([])
  })

  it('a Cancel pressed once checking is over (just before writing) still writes nothing', async () => {
    const session = await adminSession()
    const controller = new AbortController()
    const before = count(session, 'audit_log')
    await expect(
      createImportService(session).importFile(
        bigFile(),
        { format: 'htcds-csv', dryRun: false },
        {
          signal: controller.signal,
          onProgress: (stage, fraction) => {
            if (stage === 'check' && fraction === 1) controller.abort()
          },
        },
      ),
    ).rejects.toThrow()
    expect(count(session, 'cases')).toBe(0)
    expect(count(session, 'persons')).toBe(0)
    expect(count(session, 'case_search')).toBe(0)
    expect(count(session, 'audit_log')).toBe(before)
  })

  it.each([
    [CASEWORKER.username, 'FORBIDDEN'],
    [ANALYST.username, 'FORBIDDEN'],
    [SUPERVISOR.username, 'OK'],
    ['amara', 'OK'],
  ])('%s calling import:cancel gets %s', async (username, expected) => {
    const { host } = await staffedHost(username)
    expect(await errorCode(host, 'import:cancel')).toBe(expected)
  })
})
