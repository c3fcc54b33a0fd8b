import { describe, expect, it } from 'vitest'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { runCli } from '../../main/cli/commands'
import { ADMIN, call, tempDir } from './support/temp-vault'
import { ANALYST, CASEWORKER, createCase, staffedHost, survivorCase } from './support/case-fixtures'
import { csvRecords, decryptFile } from './support/export-files'

const EXPORT_PASSPHRASE = 'granite heron counts twelve slow tides'

function run(argv: string[], stdin = '') {
  const out: string[] = []
  const err: string[] = []
  return runCli(argv, {
    stdinLines: async () => stdin.split('\n'),
    out: (line) => out.push(line),
    err: (line) => err.push(line),
  }).then((exit) => ({ exit, out, err }))
}

/** `export --data … --user … --format … --out …`, then any further options. */
function exportArgs(dataDir: string, user: string, format: string, out: string, ...extra: string[]) {
  return ['export', '--data', dataDir, '--user', user, '--format', format, '--out', out, ...extra]
}

/** A vault made through the API (cheap KDF), then closed so the command line can open it. */
async function closedVault(cases: number) {
  const { host, dataDir } = await staffedHost('amara')
  for (let index = 0; index < cases; index += 1) {
    await createCase(host, {
      ...survivorCase(),
      survivor: { ...survivorCase().survivor, prs_FirstName: `Olena${index}` },
    })
  }
  await call(host, 'vault:lock')
  host.dispose()
  return { dataDir, out: tempDir() }
}

describe('export on the command line', () => {
  it('exports HTCDS JSON encrypted with the export passphrase from standard input', async () => {
    const { dataDir, out } = await closedVault(2)
    const file = join(out, 'cases.json.age')
    const result = await run(
      exportArgs(dataDir, ADMIN.username, 'htcds-json', file),
      `${ADMIN.passphrase}\n${EXPORT_PASSPHRASE}\n`,
    )
    expect(result.err).toEqual([])
    expect(result.exit).toBe(0)
    expect(result.out).toContain('rows: 2')
    const document = JSON.parse((await decryptFile(file, EXPORT_PASSPHRASE)).toString('utf8'))
    expect(document.cases).toHaveLength(2)
  })

  it('lets an analyst write the de-identified formats, with a suppression summary', async () => {
    const { dataDir, out } = await closedVault(6)
    const file = join(out, 'ctdc.csv')
    const result = await run(
      exportArgs(dataDir, ANALYST.username, 'ctdc-csv', file, '--plaintext'),
      `${ANALYST.passphrase}\n`,
    )
    expect(result.err).toEqual([])
    expect(result.out).toEqual([
      'rows: 6',
      'k: 5',
      'generalised: nothing',
      'suppressed rows: 0',
      'suppressed cells: 0 (in 0 rows)',
      `note: includes ${new Date().getFullYear()}, a year not over; two exports of it made months apart can be compared to single out the cases added in between`,
      `written: ${file} (PLAINTEXT: anyone with the file can read it)`,
    ])
    expect(csvRecords(readFileSync(file))).toHaveLength(6)
    expect(readFileSync(file, 'utf8')).not.toContain('Olena')
  })

  it('refuses full records to an analyst and every export to a caseworker, with one line and exit 1', async () => {
    const { dataDir, out } = await closedVault(1)
    const analyst = await run(
      exportArgs(dataDir, ANALYST.username, 'htcds-json', join(out, 'a.json')),
      `${ANALYST.passphrase}\n${EXPORT_PASSPHRASE}\n`,
    )
    expect(analyst).toMatchObject({ exit: 1, err: [expect.stringMatching(/^error: FORBIDDEN: /)] })
    const caseworker = await run(
      exportArgs(dataDir, CASEWORKER.username, 'deidentified-csv', join(out, 'b.csv'), '--plaintext'),
      `${CASEWORKER.passphrase}\n`,
    )
    expect(caseworker).toMatchObject({ exit: 1, err: [expect.stringMatching(/^error: FORBIDDEN: /)] })
    const unknown = await run(
      exportArgs(dataDir, ADMIN.username, 'xlsx', join(out, 'c')),
      `${ADMIN.passphrase}\n`,
    )
    expect(unknown).toMatchObject({
      exit: 1,
      err: [expect.stringMatching(/^error: --format must be one of/)],
    })
    const weak = await run(
      exportArgs(dataDir, ADMIN.username, 'htcds-csv', join(out, 'd.tar')),
      `${ADMIN.passphrase}\npassword1234\n`,
    )
    expect(weak).toMatchObject({
      exit: 1,
      err: ['error: WEAK_PASSPHRASE: The export passphrase is too easy to guess.'],
    })
    for (const name of ['a.json', 'b.csv', 'c', 'd.tar']) expect(existsSync(join(out, name))).toBe(false)
  })

  it('names what is wrong with --out and --k, writing nothing', async () => {
    const { dataDir, out } = await closedVault(6)
    const exportTo = (file: string, ...extra: string[]) =>
      run(
        exportArgs(dataDir, ADMIN.username, 'deidentified-csv', file, '--plaintext', ...extra),
        `${ADMIN.passphrase}\n`,
      )
    const missingFolder = join(out, 'no-such-folder')
    expect(await exportTo(join(missingFolder, 'x.csv'))).toMatchObject({
      exit: 1,
      err: [`error: the folder for --out does not exist: ${missingFolder}`],
    })
    expect(await exportTo(out)).toMatchObject({
      exit: 1,
      err: [`error: --out is a folder: give the name of a file in it (${out})`],
    })
    const file = join(out, 'x.csv')
    expect(await exportTo(file, '--k', '3')).toMatchObject({
      exit: 1,
      err: ["error: VALIDATION: k must be at least 5 (the organisation's setting)."],
    })
    // Before, k = 1000 suppressed every case and wrote an empty file, logged as an export.
    expect(await exportTo(file, '--k', '1000')).toMatchObject({
      exit: 1,
      err: ['error: VALIDATION: k must be at most 100.'],
    })
    // (Failed before its fix; noted by a reviewing helper.) Number() read "0x10" as k = 16.
    // A large whole number is out of range, not "not a whole number" (as 1000 above).
    expect(await exportTo(file, '--k', '1000000')).toMatchObject({
      exit: 1,
      err: ['error: VALIDATION: k must be at most 100.'],
    })
    for (const odd of ['0x10', '1e1', ' '])
      expect(await exportTo(file, '--k', odd)).toMatchObject({
        exit: 1,
        err: ['error: --k must be a whole number'],
      })
    expect(existsSync(file)).toBe(false)
  })
})
