// The power goes at each rename of a real restore, bring-back and first-run restore: the rename
// never settles, so no catch or finally runs and the disk is left as a crash leaves it. The next
// start (a new host over the same folder, swap-journal.ts) and the sweep an hour later must leave
// one whole vault in the data folder and lose neither vault. (Written by a reviewing helper.)
import { existsSync, mkdirSync, readdirSync } from 'node:fs'
import type * as FsPromises from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { sweepAbandonedScratch } from '../../main/core/backup/scratch-folder'
import { swapJournalPath } from '../../main/core/backup/swap-journal'
import { listRollbackCopies } from '../../main/core/backup/rollback-copies'
import type { FileAccess } from '../../main/api/file-access'
import { ADMIN, call, errorCode, folderFileAccess, tempDir, testHost } from './support/temp-vault'
import { createCase } from './support/case-fixtures'
import { casesInVaultFolder } from './support/vault-folders'

type Point = { before?: (from: string, to: string) => boolean; after?: (from: string, to: string) => boolean }
const crash = vi.hoisted(() => ({ point: null as Point | null, hit: false }))

vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof FsPromises>()
  const rename = async (from: string, to: string) => {
    const point = crash.point
    if (point?.before?.(String(from), String(to))) {
      crash.hit = true
      crash.point = null
      return new Promise<void>(() => undefined)
    }
    await real.rename(from, to)
    if (point?.after?.(String(from), String(to))) {
      crash.hit = true
      crash.point = null
      return new Promise<void>(() => undefined)
    }
  }
  return { ...real, default: { ...real, rename }, rename }
})

afterEach(() => {
  crash.point = null
  crash.hit = false
})

const BACKUP_PASSPHRASE = 'velvet compass hums over eleven salt marshes'
const unlock = { username: ADMIN.username, passphrase: ADMIN.passphrase }

async function waitForCrash() {
  for (let i = 0; i < 600 && !crash.hit; i++) await new Promise((r) => setTimeout(r, 10))
  expect(crash.hit).toBe(true)
}

/** After the "next start": counts of every vault beside (and in) the data folder. */
async function survey(dataDir: string) {
  const parent = dirname(dataDir)
  const copies = listRollbackCopies(dataDir)
  const copyCounts: (number | null)[] = []
  for (const copy of copies) copyCounts.push(await casesInVaultFolder(join(parent, copy.name)))
  return { live: await casesInVaultFolder(dataDir), copies: copyCounts }
}

/** The next start of the app: it creates the data folder, then the host. */
async function nextStart(dataDir: string) {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 })
  const { host } = testHost(dataDir)
  host.dispose()
  // The sweep, an hour and more later.
  await sweepAbandonedScratch(dataDir, new Date(Date.now() + 3 * 60 * 60 * 1000))
}

/** A vault with two cases and a backup of it with one; its restore has been refused once (NEWER_WORK). */
async function vaultWithOlderBackup() {
  const files = folderFileAccess()
  const dataDir = join(tempDir(), 'data')
  const { host } = testHost(dataDir, files)
  await call(host, 'vault:create', ADMIN)
  await createCase(host)
  await call(host, 'backup:create', { passphrase: BACKUP_PASSPHRASE })
  await createCase(host)
  expect(await errorCode(host, 'backup:restore', { passphrase: BACKUP_PASSPHRASE })).toBe('NEWER_WORK')
  return { host, dataDir }
}

async function cutShortAdmin(kind: 'beforeStage' | 'beforeFirst' | 'afterFirst' | 'afterSecond') {
  const { host, dataDir } = await vaultWithOlderBackup()
  crash.point = {
    beforeStage: { before: (_f: string, t: string) => t.endsWith(join('vault', 'vault.json')) },
    beforeFirst: { before: (f: string) => f === dataDir },
    afterFirst: { after: (f: string) => f === dataDir },
    afterSecond: { after: (_f: string, t: string) => t === dataDir },
  }[kind]
  void host.dispatch('backup:restore', { passphrase: BACKUP_PASSPHRASE, replaceNewerWork: true })
  await waitForCrash()
  return { dataDir, host }
}

describe('admin restore, power cut at each step, then next start and the sweep', () => {
  it.each([
    ['beforeStage', 2],
    ['beforeFirst', 2],
    ['afterFirst', 1],
    ['afterSecond', 1],
  ] as const)('%s', async (kind, liveCases) => {
    const { dataDir } = await cutShortAdmin(kind)
    await nextStart(dataDir)
    const { live, copies } = await survey(dataDir)
    expect(live).toBe(liveCases)
    // The outgoing vault (2 cases) is either live or a rollback copy: never lost.
    expect([live, ...copies]).toContain(2)
    expect(existsSync(swapJournalPath(dataDir))).toBe(false)
    expect(readdirSync(dirname(dataDir)).filter((n) => n.includes('.restore-'))).toEqual([])
  })
})

describe('bringing back a rollback copy, power cut at each step', () => {
  it.each([
    ['beforeFirst', 1],
    ['afterFirst', 2],
    ['afterSecond', 2],
  ] as const)('%s', async (kind, liveCases) => {
    const { host, dataDir } = await vaultWithOlderBackup()
    await call(host, 'backup:restore', { passphrase: BACKUP_PASSPHRASE, replaceNewerWork: true })
    await call(host, 'vault:unlock', unlock)
    const [copy] = await call<{ name: string }[]>(host, 'backup:rollbackCopies')
    crash.point = {
      beforeFirst: { before: (f: string) => f === dataDir },
      afterFirst: { after: (f: string) => f === dataDir },
      afterSecond: { after: (_f: string, t: string) => t === dataDir },
    }[kind]
    void host.dispatch('backup:bringBackRollbackCopy', { name: copy!.name })
    await waitForCrash()
    await nextStart(dataDir)
    const { live, copies } = await survey(dataDir)
    expect(live).toBe(liveCases)
    // Neither vault is lost: one is live, the other a rollback copy.
    expect([live, ...copies].sort()).toEqual([1, 2])
    expect(existsSync(swapJournalPath(dataDir))).toBe(false)
  })
})

describe('first-run restore (empty data folder, nothing to roll back to), power cut', () => {
  it.each(['beforeFirst', 'afterFirst', 'beforeSecond', 'afterSecond'] as const)('%s', async (kind) => {
    // A backup of a vault with one case, made elsewhere.
    const source = folderFileAccess()
    const { host: origin } = testHost(join(tempDir(), 'origin'), source)
    await call(origin, 'vault:create', ADMIN)
    await createCase(origin)
    await call(origin, 'backup:create', { passphrase: BACKUP_PASSPHRASE })
    origin.dispose()
    const file = (await source.files.chooseBackupFile())!
    const dataDir = join(tempDir(), 'data')
    mkdirSync(dataDir) // the app creates it before the host
    const files: FileAccess = { ...folderFileAccess().files, chooseBackupFile: async () => file }
    const { host } = testHost(dataDir, { ...folderFileAccess(), files })
    crash.point = {
      beforeFirst: { before: (f: string) => f === dataDir },
      afterFirst: { after: (f: string) => f === dataDir },
      beforeSecond: { before: (_f: string, t: string) => t === dataDir },
      afterSecond: { after: (_f: string, t: string) => t === dataDir },
    }[kind]
    void host.dispatch('backup:restoreFirst', { passphrase: BACKUP_PASSPHRASE })
    await waitForCrash()
    await nextStart(dataDir)
    expect(await casesInVaultFolder(dataDir)).toBe(1)
    expect(existsSync(swapJournalPath(dataDir))).toBe(false)
  })
})
