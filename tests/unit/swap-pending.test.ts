// What else can happen to a data folder while a swap note is still pending (swap-journal.ts): the
// staged vault keeps its place until the swap is finished, whoever comes next (a new vault on the
// first-run screen, the command line), and a damaged or hostile note moves nothing. (Written by a
// reviewing helper; each of the first two failed before assertNoSwapPending.)
import type * as Fs from 'node:fs'
import { cpSync, existsSync, mkdirSync, renameSync, utimesSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { rollbackFolderFor } from '../../main/core/backup/rollback-copies'
import { restoreStagingFolder, sweepAbandonedScratch } from '../../main/core/backup/scratch-folder'
import { finishInterruptedSwap, swapJournalPath, writeSwapJournal } from '../../main/core/backup/swap-journal'
import { runCli } from '../../main/cli/commands'
import { ADMIN, call, errorCode, folderFileAccess, tempDir, testHost } from './support/temp-vault'
import { createCase } from './support/case-fixtures'
import { casesInVaultFolder, restoreCutBetweenRenames, vaultFolderWithCases } from './support/vault-folders'
import type { VaultStatus } from '../../main/api/contract'

/** Renames into `target` fail `times` times, as while a virus scanner holds the file. */
const failRenameInto = vi.hoisted(() => ({ target: null as string | null, times: 0 }))
vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof Fs>()
  const renameSync = (from: Fs.PathLike, to: Fs.PathLike) => {
    if (failRenameInto.times > 0 && String(to) === failRenameInto.target) {
      failRenameInto.times -= 1
      throw Object.assign(new Error('EBUSY: resource busy or locked (antivirus scanning the file)'), {
        code: 'EBUSY',
      })
    }
    return real.renameSync(from, to)
  }
  return { ...real, default: { ...real, renameSync }, renameSync }
})
afterEach(() => {
  failRenameInto.times = 0
})

const BACKUP_PASSPHRASE = 'velvet compass hums over eleven salt marshes'
const later = () => new Date(Date.now() + 3 * 60 * 60 * 1000)

/** A vault with `cases` cases in `dir`, and a backup of it; returns the backup file. */
async function vaultAndBackup(dir: string, cases: number, organisation = ADMIN.organisation) {
  const files = folderFileAccess()
  const { host } = testHost(dir, files)
  await call(host, 'vault:create', { ...ADMIN, organisation })
  for (let i = 0; i < cases; i++) await createCase(host)
  await call(host, 'backup:create', { passphrase: BACKUP_PASSPHRASE })
  host.dispose()
  return (await files.files.chooseBackupFile())!
}

describe('a pending swap note', () => {
  it('a new vault cannot be created over a data folder whose restored vault is still staged', async () => {
    // Staged: a restored vault with 2 cases; the empty data folder already moved aside.
    const origin = join(tempDir(), 'origin')
    await vaultAndBackup(origin, 2)
    const dataDir = join(tempDir(), 'data')
    const now = new Date('2026-11-28T12:00:00Z')
    const incoming = join(restoreStagingFolder(dataDir, now), 'vault')
    cpSync(origin, incoming, { recursive: true })
    mkdirSync(dataDir)
    const movedAside = rollbackFolderFor(dataDir, now)
    writeSwapJournal(dataDir, incoming, movedAside)
    renameSync(dataDir, movedAside)
    mkdirSync(dataDir) // the app, at the next start

    // Moving the staged vault in fails at the start and again when a vault is to be created (a
    // virus scanner holding the new database).
    Object.assign(failRenameInto, { target: dataDir, times: 2 })
    const { host } = testHost(dataDir)
    expect(existsSync(swapJournalPath(dataDir))).toBe(true)
    // The first-run screen: a volunteer creates a fresh vault.
    const created = await errorCode(host, 'vault:create', ADMIN)
    host.dispose()
    // Next start, and the sweep an hour later.
    testHost(dataDir).host.dispose()
    const staging = dirname(incoming)
    utimesSync(staging, new Date(0), new Date(0))
    await sweepAbandonedScratch(dataDir, later())

    expect(created).toBe('RESTORE_UNFINISHED')
    // The start after that finishes the swap: the restored vault (2 cases) is live.
    expect(await casesInVaultFolder(dataDir)).toBe(2)
    expect(existsSync(swapJournalPath(dataDir))).toBe(false)
  })

  it('the first-run status says a restore is unfinished while it cannot be finished, and locked once it is', async () => {
    const dataDir = join(tempDir(), 'data')
    await vaultFolderWithCases(dataDir, 2)
    await restoreCutBetweenRenames(dataDir, 1)
    mkdirSync(dataDir) // the app, at the next start
    // At the start and at the screen's first look, a virus scanner holds the restored database.
    Object.assign(failRenameInto, { target: dataDir, times: 2 })
    const { host } = testHost(dataDir)

    expect(await call<VaultStatus>(host, 'vault:status')).toMatchObject({
      state: 'absent',
      restoreUnfinished: true,
    })
    // "Try again", once the scanner has let go.
    const retried = await call<VaultStatus>(host, 'vault:status')
    expect(retried.state).toBe('locked')
    expect(retried.restoreUnfinished).toBeUndefined()
    host.dispose()
    expect(await casesInVaultFolder(dataDir)).toBe(1)
  })

  it('the command-line restore first finishes a cut-short swap (it opens no Vault)', async () => {
    // Live vault: 3 cases, of "Safe Harbour". A restore of its backup (1 case) was cut short
    // after the live vault was moved aside.
    const dataDir = join(tempDir(), 'data')
    await vaultAndBackup(dataDir, 3)
    const ownBackup = join(tempDir(), 'own')
    await vaultAndBackup(ownBackup, 1)
    const now = new Date('2026-11-28T12:00:00Z')
    const incoming = join(restoreStagingFolder(dataDir, now), 'vault')
    cpSync(ownBackup, incoming, { recursive: true })
    const movedAside = rollbackFolderFor(dataDir, now)
    writeSwapJournal(dataDir, incoming, movedAside)
    renameSync(dataDir, movedAside)

    // Now, from the command line, a backup of ANOTHER organisation's vault is restored without
    // --another-vault: it must be refused (OTHER_VAULT), as it is for an intact data folder.
    const otherBackup = await vaultAndBackup(join(tempDir(), 'other'), 5, 'Another Organisation')
    const out: string[] = []
    const err: string[] = []
    const exit = await runCli(['restore', '--data', dataDir, '--file', otherBackup], {
      stdinLines: async () => [BACKUP_PASSPHRASE],
      out: (line) => out.push(line),
      err: (line) => err.push(line),
    })
    expect(exit).not.toBe(0)
    expect(err.join('\n')).toMatch(/another vault/i)
    // The swap was finished first: the restored vault (1 case) is live, untouched by the refusal.
    expect(await casesInVaultFolder(dataDir)).toBe(1)
  })

  it('a damaged or hostile note never moves or deletes anything', async () => {
    const dataDir = join(tempDir(), 'data')
    const parent = dirname(dataDir)
    const victim = join(parent, 'victim')
    await vaultAndBackup(victim, 1)
    for (const journal of [
      '{',
      '[]',
      JSON.stringify({ incoming: 'victim/../victim', movedAside: null }),
      JSON.stringify({ incoming: '..\\victim', movedAside: null }),
      JSON.stringify({ incoming: '/etc', movedAside: null }),
      JSON.stringify({ incoming: 'x', movedAside: null, extra: 1 }),
      'x'.repeat(20 * 1024 * 1024),
    ]) {
      writeFileSync(swapJournalPath(dataDir), journal)
      expect(finishInterruptedSwap(dataDir)).toBe('left-alone')
      expect(existsSync(join(victim, 'casevault.db'))).toBe(true)
    }
  })

  it('a well-formed note naming a folder that is not this data folder’s own moves nothing', async () => {
    const dataDir = join(tempDir(), 'data')
    const parent = dirname(dataDir)
    const victim = join(parent, 'victim')
    await vaultAndBackup(victim, 1)
    writeFileSync(swapJournalPath(dataDir), JSON.stringify({ incoming: 'victim', movedAside: null }))
    expect(finishInterruptedSwap(dataDir)).toBe('left-alone')
    writeFileSync(swapJournalPath(dataDir), JSON.stringify({ incoming: 'victim/vault', movedAside: null }))
    expect(finishInterruptedSwap(dataDir)).toBe('left-alone')
    expect(existsSync(join(victim, 'casevault.db'))).toBe(true)
  })
})
