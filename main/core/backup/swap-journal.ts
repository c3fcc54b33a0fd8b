// A restore (or bringing back a rollback copy) swaps vault folders with two renames: the data
// folder is moved aside, then the incoming vault takes its place. If the power goes between the
// two, the data folder is gone: the app would start on its first-run screen (and someone might
// create an empty vault there), while the vault that should be live sits in a hidden staging
// folder that the next sweep deletes. So before the first rename, the swap writes down what it is
// about to do, beside the data folder; the next start (any Vault over this folder, app or CLI)
// finishes the swap or puts the old vault back, and the note is removed once the swap is whole.
import {
  existsSync,
  lstatSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { basename, dirname, isAbsolute, join, relative, sep } from 'node:path'
import { z } from 'zod'
import { CaseVaultError } from '../errors'
import { restoreStagingPrefix, rollbackPrefix } from './beside-data-folder'
import { DATABASE_FILE, HEADER_FILE, syncDirectory, syncFile } from '../vault/vault-header'

/** A folder inside the data folder's parent, relative to it: the note cannot point anywhere else. */
const besideDataFolder = z
  .string()
  .min(1)
  .refine((path) => !isAbsolute(path) && !path.split(/[\\/]/).includes('..'))
const journalSchema = z.strictObject({
  incoming: besideDataFolder,
  movedAside: besideDataFolder.nullable(),
})
export type SwapJournal = z.infer<typeof journalSchema>

export type SwapRecovery = 'nothing-to-do' | 'finished' | 'put-back' | 'left-alone'

export function swapJournalPath(dataDir: string): string {
  return join(dirname(dataDir), `.${basename(dataDir)}.swap.json`)
}

/** Written (and synced) before the first rename of a swap. */
export function writeSwapJournal(dataDir: string, incoming: string, movedAside: string | null): void {
  const path = swapJournalPath(dataDir)
  const parent = dirname(dataDir)
  const journal: SwapJournal = {
    incoming: relative(parent, incoming).split(sep).join('/'),
    movedAside: movedAside === null ? null : relative(parent, movedAside).split(sep).join('/'),
  }
  writeFileSync(`${path}.partial`, JSON.stringify(journal), { mode: 0o600 })
  syncFile(`${path}.partial`)
  renameSync(`${path}.partial`, path)
  syncDirectory(dirname(dataDir))
}

/** Removed once the swap is whole (either way). */
export function clearSwapJournal(dataDir: string): void {
  rmSync(swapJournalPath(dataDir), { force: true })
  rmSync(`${swapJournalPath(dataDir)}.partial`, { force: true })
  syncDirectory(dirname(dataDir))
}

/** The folder a pending swap is bringing in, so the sweep of abandoned staging folders spares it. */
export function pendingSwapIncoming(dataDir: string): string | null {
  const journal = readJournal(dataDir)
  return journal ? join(dirname(dataDir), journal.incoming) : null
}

/** A note is a small regular file: anything else (a pipe would block the start) is not read. */
const MAX_JOURNAL_BYTES = 64 * 1024

function readJournal(dataDir: string): SwapJournal | null {
  try {
    const path = swapJournalPath(dataDir)
    const info = lstatSync(path)
    if (!info.isFile() || info.size > MAX_JOURNAL_BYTES) return null
    return journalSchema.parse(JSON.parse(readFileSync(path, 'utf8')))
  } catch {
    return null
  }
}

const holdsVault = (folder: string) =>
  existsSync(join(folder, HEADER_FILE)) && existsSync(join(folder, DATABASE_FILE))

/** An absent data folder, or an empty one (the app creates it before the host starts). */
function dataFolderIsFree(dataDir: string): boolean {
  if (!existsSync(dataDir)) return true
  try {
    return readdirSync(dataDir).length === 0
  } catch {
    return false
  }
}

function moveInto(dataDir: string, from: string): void {
  if (existsSync(dataDir)) rmdirSync(dataDir) // empty (checked): rmdir refuses anything else
  renameSync(from, dataDir)
  syncDirectory(dirname(dataDir))
}

/**
 * Run before a vault is opened over `dataDir`. When the data folder holds the vault the swap left
 * (it finished, or never moved anything), the note is simply removed. When it is empty, the
 * incoming vault (verified and synced before the note was written) is moved in; failing that, the
 * vault that was moved aside is put back. A data folder holding anything else is never touched.
 * `into`: where the vault goes, when the data folder has moved since the swap began (the vault's
 * own folder inside Electron's per-user folder, which used to be the data folder itself).
 */
export function finishInterruptedSwap(dataDir: string, into: string = dataDir): SwapRecovery {
  if (!existsSync(swapJournalPath(dataDir))) return 'nothing-to-do'
  try {
    return recover(dataDir, into)
  } catch (error) {
    // Never stops the app from starting: the note stays, and the next start tries again.
    console.error('[casevault] could not complete a vault swap that was cut short', error)
    return 'left-alone'
  }
}

/**
 * A note may only name what a swap of this data folder moves: one of its staging folders or
 * rollback copies (restore-backup.ts, rollback-copies.ts), never another folder beside it.
 */
function namesOwnFolders(dataDir: string, journal: SwapJournal): boolean {
  const top = (path: string) => path.split('/')[0]!
  const ownCopy = (path: string) => top(path).startsWith(rollbackPrefix(dataDir))
  const ownStaging = (path: string) => top(path).startsWith(restoreStagingPrefix(dataDir))
  return (
    (ownStaging(journal.incoming) || ownCopy(journal.incoming)) &&
    (journal.movedAside === null || ownCopy(journal.movedAside))
  )
}

function recover(dataDir: string, into: string): SwapRecovery {
  const journal = readJournal(dataDir)
  if (!journal || !namesOwnFolders(dataDir, journal)) return leftAlone()
  const parent = dirname(dataDir)
  const incoming = join(parent, journal.incoming)
  const movedAside = journal.movedAside === null ? null : join(parent, journal.movedAside)
  if (holdsVault(into)) {
    if (into !== dataDir) return leftAlone()
    // Whole already: the second rename happened (nothing left to bring in), or the first never
    // did (the live vault was not moved aside). Any other vault here (one created since, or moved
    // in from elsewhere) is not what the swap left: the note stays, and so does the staged vault.
    const finished = !existsSync(incoming)
    const neverBegan = movedAside !== null && !existsSync(movedAside)
    if (!finished && !neverBegan) return leftAlone()
    clearSwapJournal(dataDir)
    return 'nothing-to-do'
  }
  if (!dataFolderIsFree(into)) return leftAlone()
  let outcome: SwapRecovery = 'left-alone'
  if (holdsVault(incoming)) {
    moveInto(into, incoming)
    outcome = 'finished'
  } else if (movedAside && holdsVault(movedAside)) {
    moveInto(into, movedAside)
    outcome = 'put-back'
  }
  if (outcome !== 'left-alone') clearSwapJournal(dataDir)
  return outcome
}

function leftAlone(): SwapRecovery {
  console.error('[casevault] a vault swap was cut short and cannot be completed safely; left alone')
  return 'left-alone'
}

/**
 * Before anything new is put in the data folder (a vault created, a restore, a copy brought back):
 * a swap cut short is finished first, and while it cannot be, nothing else may start — it would
 * take the place the staged vault is waiting for, and the note would then protect nothing.
 */
export function assertNoSwapPending(dataDir: string): void {
  if (swapStillPending(dataDir))
    throw new CaseVaultError('RESTORE_UNFINISHED', 'A restore was cut short and could not be finished yet.')
}

/** Tries again to finish a swap cut short; true while one is still waiting (the first-run screen). */
export function swapStillPending(dataDir: string): boolean {
  finishInterruptedSwap(dataDir)
  return existsSync(swapJournalPath(dataDir))
}
