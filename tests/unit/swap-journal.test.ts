// A restore swaps folders with two renames. Power lost between them left no vault in the data
// folder: the app opened on its first-run screen, and an hour later the sweep deleted the restored
// vault. The swap now writes a note first, and the next start finishes or undoes it.
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  renameSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { listRollbackCopies } from '../../main/core/backup/rollback-copies'
import { sweepAbandonedScratch } from '../../main/core/backup/scratch-folder'
import { finishInterruptedSwap, swapJournalPath } from '../../main/core/backup/swap-journal'
import { ADMIN, call, tempDir, testHost } from './support/temp-vault'
import { casesInVaultFolder, restoreCutBetweenRenames, vaultFolderWithCases } from './support/vault-folders'

const BACKUP_PASSPHRASE = 'velvet compass hums over eleven salt marshes'

/**
 * The state the power leaves between the two renames: `incoming` (a vault with one case) staged
 * beside the data folder, the live vault (two cases) already moved aside, and the data folder
 * absent — or empty, because the app creates it before anything else on start.
 */
async function swapCutShort(options: { incomingStaged?: boolean } = {}) {
  const dataDir = join(tempDir(), 'data')
  await vaultFolderWithCases(dataDir, 2)
  const cut = await restoreCutBetweenRenames(dataDir, 1)
  if (options.incomingStaged === false) rmSync(cut.incoming, { recursive: true })
  mkdirSync(dataDir)
  return { dataDir, ...cut }
}

describe('a vault swap cut short by a power cut', () => {
  it('is finished at the next start: the restored vault is in place, the old one a rollback copy', async () => {
    const { dataDir, incoming } = await swapCutShort()

    expect(await casesInVaultFolder(dataDir)).toBe(1)
    expect(existsSync(swapJournalPath(dataDir))).toBe(false)
    expect(existsSync(incoming)).toBe(false)
    expect(listRollbackCopies(dataDir)).toHaveLength(1)
  })

  it('puts the old vault back when the incoming one is not there', async () => {
    const { dataDir, movedAside } = await swapCutShort({ incomingStaged: false })

    expect(await casesInVaultFolder(dataDir)).toBe(2)
    expect(existsSync(movedAside)).toBe(false)
    expect(existsSync(swapJournalPath(dataDir))).toBe(false)
  })

  it('only removes the note when the data folder already holds a vault', async () => {
    const { dataDir, incoming, movedAside } = await swapCutShort()
    renameSync(movedAside, join(dirname(dataDir), 'elsewhere'))
    cpSync(join(dirname(dataDir), 'elsewhere'), dataDir, { recursive: true })

    expect(finishInterruptedSwap(dataDir)).toBe('nothing-to-do')
    expect(existsSync(swapJournalPath(dataDir))).toBe(false)
    expect(existsSync(incoming)).toBe(true)
    expect(await casesInVaultFolder(dataDir)).toBe(2)
  })

  it('never moves anything over a data folder holding other files, and keeps the note', async () => {
    const { dataDir, incoming } = await swapCutShort()
    writeFileSync(join(dataDir, 'notes.txt'), 'someone else’s file')

    expect(finishInterruptedSwap(dataDir)).toBe('left-alone')
    expect(readdirSync(dataDir)).toEqual(['notes.txt'])
    expect(existsSync(incoming)).toBe(true)
    expect(existsSync(swapJournalPath(dataDir))).toBe(true)
  })

  it('ignores a note that points outside the data folder’s parent', async () => {
    const { dataDir } = await swapCutShort()
    const outside = join(tempDir(), 'victim')
    mkdirSync(outside)
    writeFileSync(swapJournalPath(dataDir), JSON.stringify({ incoming: `../${outside}`, movedAside: null }))

    expect(finishInterruptedSwap(dataDir)).toBe('left-alone')
    writeFileSync(swapJournalPath(dataDir), JSON.stringify({ incoming: outside, movedAside: null }))
    expect(finishInterruptedSwap(dataDir)).toBe('left-alone')
    expect(existsSync(outside)).toBe(true)
    expect(readdirSync(dataDir)).toEqual([])
  })

  it('keeps the staged vault from the sweep of abandoned staging folders while the note is pending', async () => {
    const { dataDir, incoming } = await swapCutShort()
    const staging = dirname(incoming)
    const hoursAgo = new Date(Date.now() - 3 * 60 * 60 * 1000)
    utimesSync(staging, hoursAgo, hoursAgo)

    expect(await sweepAbandonedScratch(dataDir)).not.toContain(staging)
    expect(existsSync(incoming)).toBe(true)
  })

  it('leaves no note behind after a restore that ran to the end', async () => {
    const dataDir = join(tempDir(), 'data')
    const { host } = testHost(dataDir)
    await call(host, 'vault:create', ADMIN)
    await call(host, 'backup:create', { passphrase: BACKUP_PASSPHRASE })
    await call(host, 'backup:restore', { passphrase: BACKUP_PASSPHRASE })

    expect(existsSync(swapJournalPath(dataDir))).toBe(false)
    expect(listRollbackCopies(dataDir)).toHaveLength(1)
    host.dispose()
  })
})
