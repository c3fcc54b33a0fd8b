import { describe, expect, it } from 'vitest'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { call, errorCode, createdVault, tempDir } from './support/temp-vault'
import { ANALYST, CASEWORKER, SUPERVISOR, signInAs, staffedHost } from './support/case-fixtures'
import { csv, FLAT_HEADER, fileWith, flatRow } from './support/import-fixtures'
import { runCli } from '../../main/cli/commands'
import type { ImportPreview, ImportReport } from '../../main/api/contract'

describe('import:preview and import:run', () => {
  it('previews the file the user picked (nothing written), then imports that same file by token', async () => {
    const { host, files } = await staffedHost(SUPERVISOR.username)
    files.pickImportFile(
      fileWith(csv([FLAT_HEADER, flatRow(1), flatRow(2, { prs_Gender: 'X' })]), 'intake.csv'),
    )
    const preview = await call<ImportPreview>(host, 'import:preview', { format: 'htcds-csv' })
    expect(preview).toMatchObject({
      fileName: 'intake.csv',
      headers: FLAT_HEADER,
      report: { dryRun: true, read: 2, valid: 1, rejected: 1, imported: 0 },
    })
    expect(preview.token).toMatch(/^[0-9a-f-]{36}$/)
    expect(preview.suggestedMapping.prs_Gender).toBe('prs_Gender')
    expect(preview.targets).toContain('intakeDate')
    expect((await call<{ total: number }>(host, 'cases:list', {})).total).toBe(0)

    const report = await call<ImportReport>(host, 'import:run', { token: preview.token, allOrNothing: false })
    expect(report).toMatchObject({ dryRun: false, imported: 1, rejected: 1 })
    expect((await call<{ total: number }>(host, 'cases:list', {})).total).toBe(1)
    // The token is spent once cases went in.
    expect(await errorCode(host, 'import:run', { token: preview.token })).toBe('NOT_FOUND')
  })

  it('refuses to run a file that changed since its dry run (CONFLICT, nothing written) until it is checked again', async () => {
    const { host, files } = await staffedHost(SUPERVISOR.username)
    const path = fileWith(csv([FLAT_HEADER, flatRow(1)]), 'intake.csv')
    files.pickImportFile(path)
    const preview = await call<ImportPreview>(host, 'import:preview', { format: 'htcds-csv' })
    expect(preview.report).toMatchObject({ valid: 1 })
    writeFileSync(path, csv([FLAT_HEADER, flatRow(1), flatRow(2), flatRow(3)]))
    const refused = await host.dispatch('import:run', { token: preview.token, allOrNothing: false })
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT', details: { file: 'changed' } } })
    expect((await call<{ total: number }>(host, 'cases:list', {})).total).toBe(0)
    // Checked again, the file as it is now is what a run imports.
    const again = await call<ImportPreview>(host, 'import:preview', {
      format: 'htcds-csv',
      token: preview.token,
    })
    expect(again.report).toMatchObject({ valid: 3 })
    const report = await call<ImportReport>(host, 'import:run', { token: preview.token, allOrNothing: false })
    expect(report).toMatchObject({ imported: 3 })
  })

  it('re-checks the chosen file with a new mapping without another dialog, and saves the mapping on run', async () => {
    const { host, files } = await staffedHost()
    files.pickImportFile(
      fileWith(
        csv([
          ['Nom', 'Arrivée'],
          ['Awa', '2025-01-02'],
        ]),
        'custom.csv',
      ),
    )
    const first = await call<ImportPreview>(host, 'import:preview', { format: 'htcds-csv' })
    expect(first.report?.rejected).toBe(1)
    files.pickImportFile(null)
    const mapping = { Nom: 'prs_FirstName', Arrivée: 'intakeDate' }
    const second = await call<ImportPreview>(host, 'import:preview', {
      format: 'htcds-csv',
      token: first.token,
      mapping,
    })
    expect(second).toMatchObject({ token: first.token, report: { valid: 1, rejected: 0 } })
    await call(host, 'import:run', { token: first.token, mapping })
    files.pickImportFile(
      fileWith(
        csv([
          ['Nom', 'Arrivée'],
          ['Ben', '2025-01-03'],
        ]),
        'next.csv',
      ),
    )
    const next = await call<ImportPreview>(host, 'import:preview', { format: 'htcds-csv' })
    expect(next.suggestedMapping).toEqual(mapping)
  })

  it('returns no token when the dialog is cancelled', async () => {
    const { host, files } = await staffedHost()
    files.pickImportFile(null)
    expect(await call<ImportPreview>(host, 'import:preview', { format: 'ctdc-csv' })).toEqual({
      token: null,
      fileName: null,
      headers: [],
      suggestedMapping: {},
      targets: [],
      report: null,
    })
  })

  it('never takes a path from the renderer: only a token of this session works', async () => {
    const { host, files } = await staffedHost()
    const path = fileWith(csv([FLAT_HEADER, flatRow(1)]), 'a.csv')
    expect(await errorCode(host, 'import:run', { path })).toBe('VALIDATION')
    expect(await errorCode(host, 'import:run', { token: '00000000-0000-4000-8000-000000000000', path })).toBe(
      'NOT_FOUND',
    )
    files.pickImportFile(path)
    const { token } = await call<ImportPreview>(host, 'import:preview', { format: 'htcds-csv' })
    await signInAs(host, SUPERVISOR.username)
    // A new session (even of the same vault) does not know the old session's file.
    expect(await errorCode(host, 'import:run', { token })).toBe('NOT_FOUND')
  })

  it.each([
    [CASEWORKER.username, 'FORBIDDEN'],
    [ANALYST.username, 'FORBIDDEN'],
    [SUPERVISOR.username, 'OK'],
    ['amara', 'OK'],
  ])('%s calling import:preview gets %s', async (username, expected) => {
    const { host, files } = await staffedHost(username)
    files.pickImportFile(fileWith(csv([FLAT_HEADER, flatRow(1)]), 'a.csv'))
    expect(await errorCode(host, 'import:preview', { format: 'htcds-csv' })).toBe(expected)
    if (expected === 'FORBIDDEN') {
      expect(await errorCode(host, 'import:run', { token: '00000000-0000-4000-8000-000000000000' })).toBe(
        'FORBIDDEN',
      )
    }
  })

  it('caps the errors it sends to 1000 but counts them all', async () => {
    const { host, files } = await staffedHost()
    const rows = Array.from({ length: 1200 }, (_, i) => flatRow(i + 1, { prs_Gender: 'X' }))
    files.pickImportFile(fileWith(csv([FLAT_HEADER, ...rows]), 'big.csv'))
    const { report } = await call<ImportPreview>(host, 'import:preview', { format: 'htcds-csv' })
    expect(report).toMatchObject({ errorCount: 1200, rejected: 1200 })
    expect(report!.errors).toHaveLength(1000)
  })
})

describe('npm run cli -- import', () => {
  function run(argv: string[], stdin: string) {
    const out: string[] = []
    const err: string[] = []
    return runCli(argv, {
      stdinLines: async () => stdin.split('\n'),
      out: (line) => out.push(line),
      err: (line) => err.push(line),
    }).then((exit) => ({ exit, out, err }))
  }

  async function lockedVault() {
    const { vault } = await createdVault()
    vault.lock('user')
    return vault.dataDir
  }

  it('prints read/imported/rejected/duplicates, then one line per row error; exit 0 with rejected rows', async () => {
    const data = await lockedVault()
    const file = fileWith(
      csv([FLAT_HEADER, flatRow(1), flatRow(2, { prs_Gender: 'X', intakeDate: 'soon' })]),
      'in.csv',
    )
    const args = ['import', '--data', data, '--user', 'amara', '--file', file, '--format', 'htcds-csv']
    const dry = await run([...args, '--dry-run'], 'correct horse battery staple\n')
    expect(dry).toMatchObject({ exit: 0 })
    expect(dry.out).toEqual([
      'read: 2',
      'imported: 0',
      'rejected: 1',
      'duplicates: 0',
      'would be imported: 1',
      'row 3: intakeDate: not a real date (yyyy-mm-dd)',
      'row 3: prs_Gender: not one of this field’s values: Feminine, Masculine, Transgender Feminine, Transgender Masculine, Non-Conforming, Not Specified/Unknown',
    ])
    expect(dry.err).toContain('dry run: nothing was written')
    const real = await run(args, 'correct horse battery staple\n')
    expect(real.exit).toBe(0)
    expect(real.out.slice(0, 4)).toEqual(['read: 2', 'imported: 1', 'rejected: 1', 'duplicates: 0'])
    // The same file again: its good row's case number is in the vault now.
    const again = await run(args, 'correct horse battery staple\n')
    expect(again.out.slice(0, 5)).toEqual([
      'read: 2',
      'imported: 0',
      'rejected: 2',
      'duplicates: 1',
      'row 2: caseNumber: this case number is already in the vault',
    ])
  })

  it('fails with one line and a non-zero exit on a fatal error', async () => {
    const data = await lockedVault()
    const missing = await run(
      [
        'import',
        '--data',
        data,
        '--user',
        'amara',
        '--file',
        join(tempDir(), 'none.csv'),
        '--format',
        'htcds-csv',
      ],
      'correct horse battery staple\n',
    )
    expect(missing).toMatchObject({
      exit: 1,
      out: [],
      err: ['error: NOT_FOUND: The import file cannot be found or opened.'],
    })
    const format = await run(
      ['import', '--data', data, '--user', 'amara', '--file', 'x', '--format', 'pdf'],
      '',
    )
    expect(format.exit).toBe(1)
    expect(format.err).toEqual([
      expect.stringMatching(/^error: --format must be one of htcds-csv, htcds-json/),
    ])
    const empty = fileWith(new Uint8Array(0), 'empty.csv')
    const emptyRun = await run(
      ['import', '--data', data, '--user', 'amara', '--file', empty, '--format', 'htcds-csv'],
      'x\n',
    )
    expect(emptyRun).toMatchObject({ exit: 1, err: ['error: VALIDATION: The file is empty.'] })
    const wrong = await run(
      [
        'import',
        '--data',
        data,
        '--user',
        'amara',
        '--file',
        fileWith(csv([FLAT_HEADER]), 'h.csv'),
        '--format',
        'htcds-csv',
      ],
      'not the passphrase\n',
    )
    expect(wrong.exit).toBe(1)
    expect(wrong.err).toHaveLength(1)
  })
})
