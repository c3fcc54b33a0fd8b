import { describe, expect, it } from 'vitest'
import { runCli } from '../../main/cli/commands'
import { createdVault, tempDir } from './support/temp-vault'

function memoryIo(stdin: string) {
  const out: string[] = []
  const err: string[] = []
  return {
    out,
    err,
    io: {
      stdinLines: async () => stdin.split('\n'),
      out: (line: string) => out.push(line),
      err: (line: string) => err.push(line),
    },
  }
}

const PASSPHRASE = 'trainer passphrase 2026'

describe('`training` command (real Argon2)', () => {
  it('creates a new vault of synthetic cases that every staff account opens and verify accepts', async () => {
    const dataDir = tempDir()
    const run = memoryIo(`${PASSPHRASE}\n`)
    const argv = ['training', '--data', dataDir, '--user', 'trainer', '--cases', '20', '--seed', '7']
    expect(await runCli(argv, run.io)).toBe(0)
    expect(run.err).toEqual([])
    const recovery = run.out.findIndex((line) => /^Recovery key: ([0-9a-f]{4}-){16}[0-9a-f]{4}$/.test(line))
    expect(recovery).toBeGreaterThan(0)
    const counts = run.out.findIndex((line) => line === 'cases: 20')
    expect(run.out.at(-1)).toBe('TRAINING VAULT — all data is synthetic')
    expect(run.out.slice(counts + 1, -1)).toEqual([
      expect.stringMatching(/^directory: \d+ organisations \(\d+ inactive\), \d+ services \(\d+ inactive\)$/),
      expect.stringMatching(
        /^screenings: \d+ linked to cases \(\d+ cases screened repeatedly\), [1-9]\d* walk-ins/,
      ),
      expect.stringMatching(
        /^referrals: \d+ \(draft \d+, sent \d+, received \d+, .*closed_unsuccessful \d+; \d+ from screenings\)$/,
      ),
      expect.stringMatching(/^support plans: \d+ \(\d+ from referrals\)$/),
    ])
    expect(run.out.join('\n')).toMatch(/caseworker1, caseworker2, caseworker3 \(caseworker\), supervisor1/)
    expect(run.out.join('\n')).not.toContain(PASSPHRASE)

    const status = memoryIo('')
    expect(await runCli(['status', '--data', dataDir], status.io)).toBe(0)
    expect(status.out).toContain('organisation: Training vault — synthetic data')
    expect(status.out).toContain('users: 5 active, 0 deactivated')

    const verify = memoryIo(`${PASSPHRASE}\n`)
    expect(await runCli(['verify', '--data', dataDir, '--user', 'caseworker2'], verify.io)).toBe(0)
    expect(verify.out.at(-1)).toBe('ok')
  })

  it('refuses bad input with one line and a non-zero code, before any Argon2 work', async () => {
    const { vault } = await createdVault()
    const existing = vault.dataDir
    vault.lock('user')
    const base = (dataDir: string) => ['training', '--data', dataDir, '--user', 'trainer']
    const cases: [string[], RegExp][] = [
      [[...base(tempDir()), '--cases', '0'], /--cases must be a whole number from 1 to 200000/],
      [[...base(tempDir()), '--cases', 'abc'], /--cases must be a whole number/],
      [[...base(tempDir()), '--cases', '200001'], /--cases must be a whole number/],
      [[...base(tempDir()), '--cases=-5'], /--cases must be a whole number/],
      [[...base(tempDir())], /missing --cases/],
      [[...base(tempDir()), '--cases', '10', '--seed', 'x'], /--seed must be a whole number/],
      [[...base(existing), '--cases', '10'], /^error: VAULT_EXISTS: /],
    ]
    for (const [argv, message] of cases) {
      const run = memoryIo(`${PASSPHRASE}\n`)
      expect(await runCli(argv, run.io), argv.join(' ')).toBe(1)
      expect(run.err).toHaveLength(1)
      expect(run.err[0]).toMatch(message)
      expect(run.out).toEqual([])
    }
  })
})
