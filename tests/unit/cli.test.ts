import { describe, expect, it } from 'vitest'
import { execFileSync, spawnSync } from 'node:child_process'
import { readFileSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { runCli } from '../../main/cli/commands'
import { tempDir } from './support/temp-vault'
import { flipByte } from './support/flip-byte'
import { KDF_FLOOR } from '../../main/core/vault/kdf'

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

const PASSPHRASE = 'volunteer passphrase 42'

describe('admin command line (real Argon2 parameters, never below the floor)', () => {
  it('init → status → verify, with passphrases only on standard input', async () => {
    const dataDir = tempDir()
    const init = memoryIo(`${PASSPHRASE}\n`)
    expect(await runCli(['init', '--data', dataDir, '--user', 'admin', '--org', 'Shelter'], init.io)).toBe(0)
    const recoveryLine = init.out.find((line) => line.startsWith('Recovery key: '))
    expect(recoveryLine).toMatch(/^Recovery key: ([0-9a-f]{4}-){16}[0-9a-f]{4}$/)
    const header = JSON.parse(readFileSync(join(dataDir, 'vault.json'), 'utf8'))
    expect(header.kdf.memoryKiB).toBeGreaterThanOrEqual(KDF_FLOOR.memoryKiB)
    expect(header.kdf.iterations).toBeGreaterThanOrEqual(KDF_FLOOR.iterations)

    const status = memoryIo('')
    expect(await runCli(['status', '--data', dataDir], status.io)).toBe(0)
    expect(status.out.join('\n')).toMatch(
      /format: casevault-vault v1[\s\S]*kdf: argon2id m=\d+ KiB t=\d+ p=1[\s\S]*users: 1 active/,
    )

    const verify = memoryIo(`${PASSPHRASE}\n`)
    expect(await runCli(['verify', '--data', dataDir, '--user', 'admin'], verify.io)).toBe(0)
    expect(verify.out.at(-1)).toBe('ok')

    const wrong = memoryIo('not it\n')
    expect(await runCli(['verify', '--data', dataDir, '--user', 'admin'], wrong.io)).toBe(1)
    expect(wrong.err).toEqual(['error: WRONG_PASSPHRASE: The passphrase is not correct.'])

    // One altered byte in the last page: the unlock's full check finds it, and verify says where.
    const dbFile = join(dataDir, 'casevault.db')
    flipByte(dbFile, statSync(dbFile).size - 4096 + 100)
    const damaged = memoryIo(`${PASSPHRASE}\n`)
    expect(await runCli(['verify', '--data', dataDir, '--user', 'admin'], damaged.io)).toBe(1)
    expect(damaged.err.length).toBeGreaterThan(0)
    for (const line of damaged.err) expect(line).toMatch(/^integrity: /)
  })

  it('fails with one line and a non-zero code on bad usage', async () => {
    const cases: [string[], string, RegExp][] = [
      [['init', '--user', 'admin'], `${PASSPHRASE}\n`, /missing --data/],
      [['init', '--data', tempDir(), '--user', 'admin'], '', /standard input/],
      [['init', '--data', tempDir(), '--user', 'admin'], 'short\n', /WEAK_PASSPHRASE/],
      [['status', '--data', tempDir()], '', /NO_VAULT/],
      [['init', '--data', tempDir(), '--user', 'admin', '--passphrase', 'x'], '', /Unknown option/],
    ]
    for (const [argv, stdin, message] of cases) {
      const run = memoryIo(stdin)
      expect(await runCli(argv, run.io)).toBe(1)
      expect(run.err).toHaveLength(1)
      expect(run.err[0]).toMatch(message)
    }
  })

  it('runs as `npm run cli` under plain Node with the passphrase piped in', () => {
    const root = resolve(import.meta.dirname, '../..')
    const dataDir = tempDir()
    const output = execFileSync(
      'npm',
      ['run', '--silent', 'cli', '--', 'init', '--data', dataDir, '--user', 'admin'],
      {
        cwd: root,
        input: `${PASSPHRASE}\n`,
        encoding: 'utf8',
      },
    )
    expect(output).toMatch(/^Recovery key: ([0-9a-f]{4}-){16}[0-9a-f]{4}$/m)
    const failed = spawnSync(
      'npm',
      ['run', '--silent', 'cli', '--', 'verify', '--data', dataDir, '--user', 'admin'],
      {
        cwd: root,
        input: 'wrong passphrase\n',
        encoding: 'utf8',
      },
    )
    expect(failed.status).not.toBe(0)
    expect(failed.stderr.trim().split('\n')).toEqual([
      'error: WRONG_PASSPHRASE: The passphrase is not correct.',
    ])
  })
})
