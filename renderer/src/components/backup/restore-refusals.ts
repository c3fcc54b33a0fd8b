// What main said when it refused a restore until the user confirms (OTHER_VAULT, NEWER_WORK), read
// from the error's details for the questions on the Backup screen.
import { ApiError } from '../../api-error'

// A backup main refused as another vault's (OTHER_VAULT): whose it is, until the user decides.
export interface OtherVault {
  organisation: string
  createdAt: string
  cases: number
}
// A backup older than work recorded here since (NEWER_WORK): what it would take back.
export interface NewerWork {
  createdAt: string
  createdBy: string
  /** Made on a second copy of this vault (a laptop set up from an older backup), parted at `partedAt`. */
  otherCopy: boolean
  partedAt: string | null
  cases: number
  unlinked: number
  directory: number
  deleted: number
  accounts: number
}

export function otherVaultOf(error: unknown): OtherVault | null {
  if (!(error instanceof ApiError) || error.code !== 'OTHER_VAULT' || !error.details) return null
  const { organisation, createdAt, cases } = error.details
  return {
    organisation: typeof organisation === 'string' ? organisation : '',
    createdAt: typeof createdAt === 'string' ? createdAt : '',
    cases: typeof cases === 'number' ? cases : 0,
  }
}

export function newerWorkOf(error: unknown): NewerWork | null {
  if (!(error instanceof ApiError) || error.code !== 'NEWER_WORK' || !error.details) return null
  const { createdAt, createdBy, otherCopy, partedAt, cases, unlinked, directory, deleted, accounts } =
    error.details
  return {
    createdAt: typeof createdAt === 'string' ? createdAt : '',
    createdBy: typeof createdBy === 'string' ? createdBy : '',
    otherCopy: otherCopy === true,
    partedAt: typeof partedAt === 'string' ? partedAt : null,
    cases: typeof cases === 'number' ? cases : 0,
    unlinked: typeof unlinked === 'number' ? unlinked : 0,
    directory: typeof directory === 'number' ? directory : 0,
    deleted: typeof deleted === 'number' ? deleted : 0,
    accounts: typeof accounts === 'number' ? accounts : 0,
  }
}

/** The i18n key of the question's first sentence: a backup of this vault's past, or of a second copy. */
export function newerWorkLead(work: NewerWork): string {
  if (!work.otherCopy) return 'backup.restore.newerWork.details'
  return work.partedAt ? 'backup.restore.newerWork.otherCopy' : 'backup.restore.newerWork.otherCopyUndated'
}

/** The question's list: each kind of newer work there is, with how much. */
export function newerWorkLines(
  work: NewerWork,
): { kind: 'cases' | 'deleted' | 'accounts' | 'directory' | 'unlinked'; count: number }[] {
  return (['cases', 'deleted', 'accounts', 'directory', 'unlinked'] as const)
    .filter((kind) => work[kind] > 0)
    .map((kind) => ({ kind, count: work[kind] }))
}
