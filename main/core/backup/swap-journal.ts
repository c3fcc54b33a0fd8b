// A restore (or bringing back a rollback copy) swaps vault folders with two renames: the data
// folder is moved aside, then the incoming vault takes its place. If the power goes between the
// two, the data folder is gone: the app would start on its first-run screen (and someone might
// create an empty vault there), while the vault that should be live sits in a hidden staging
// folder that the next sweep deletes. So before the first rename, the swap writes down what it is
// about to do, beside the data folder; the next start (any Vault over this folder, app or CLI)
// finishes the swap or puts the old vault back, and the note is removed once the swap is whole.
import { existsSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, writeFileSync } from 'node:fs'
import { basename, dirname, isAbsolute, join, relative, sep } from 'node:path'
import { z } from 'zod'
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

function readJournal(dataDir: string): SwapJournal | null {
  try {
    return journalSchema.parse(JSON.parse(readFileSync(swapJournalPath(dataDir), 'utf8')))
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
 * Run before a vault is opened over `dataDir`. A data folder that holds a vault means the swap
 * either finished or never began its renames: the note is simply removed. Otherwise the incoming
 * vault (already verified and synced when the note was written) is moved in; failing that, the
 * vault that was moved aside is put back. A data folder holding something else is never touched.
 */
export function finishInterruptedSwap(dataDir: string): SwapRecovery {
  if (!existsSync(swapJournalPath(dataDir))) return 'nothing-to-do'
  try {
    return recover(dataDir)
  } catch (error) {
    // Never stops the app from starting: the note stays, and the next start tries again.
    console.error('[casevault] could not complete a vault swap that was cut short', error)
    return 'left-alone'
  }
}

function recover(dataDir: string): SwapRecovery {
  if (holdsVault(dataDir)) {
    clearSwapJournal(dataDir)
    return 'nothing-to-do'
  }
  const journal = readJournal(dataDir)
  if (!journal || !dataFolderIsFree(dataDir)) {
    console.error('[casevault] a vault swap was cut short and cannot be completed safely; left alone')
    return 'left-alone'
  }
  const parent = dirname(dataDir)
  const incoming = join(parent, journal.incoming)
  const movedAside = journal.movedAside === null ? null : join(parent, journal.movedAside)
  let outcome: SwapRecovery = 'left-alone'
  if (holdsVault(incoming)) {
    moveInto(dataDir, incoming)
    outcome = 'finished'
  } else if (movedAside && holdsVault(movedAside)) {
    moveInto(dataDir, movedAside)
    outcome = 'put-back'
  }
  if (outcome !== 'left-alone') clearSwapJournal(dataDir)
  return outcome
}
