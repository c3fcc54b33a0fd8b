import { accessSync, constants, mkdirSync, realpathSync } from 'node:fs'
import { join, resolve } from 'node:path'

/**
 * The vault's folder inside Electron's per-user folder, not that folder itself: Chromium keeps its
 * profile there (caches, local storage, a lock file it holds open). A restore swaps the whole data
 * folder by renaming it, which Windows refuses while Chromium holds files in it, and which would
 * carry Chromium's profile into the rollback copy and leave the running browser without one.
 */
export const VAULT_FOLDER_IN_USER_DATA = 'vault'

/** Why this start cannot use a data folder; main/index.ts says so in the catalog's words. */
export type DataFolderProblem = 'no-folder-named' | 'cannot-use'

export class DataFolderError extends Error {
  constructor(
    readonly problem: DataFolderProblem,
    /** The folder that could not be used; null when none was named. */
    readonly folder: string | null,
    options?: { cause?: unknown },
  ) {
    super(
      problem === 'no-folder-named'
        ? '--data was given without a folder'
        : `the data folder ${folder ?? ''} cannot be created or written to`,
      options,
    )
    this.name = 'DataFolderError'
  }
}

/**
 * Where the vault lives. A portable folder (`--data <dir>`, `--data=<dir>` or CASEVAULT_DATA) wins,
 * so a field team can run the app from a USB stick without leaving the vault on the host;
 * otherwise a folder of its own inside Electron's per-user folder.
 */
export function resolveDataDir(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  userDataPath: string,
  cwd: string,
): string {
  const named = namedDataDir(argv, env, cwd)
  const defaultDir = join(userDataPath, VAULT_FOLDER_IN_USER_DATA)
  // Naming the per-user folder itself (to "pin" where the vault used to be) would put Chromium's
  // profile inside the vault folder: it means the default, and an old vault there moves in.
  if (!named || isSameFolder(named, userDataPath)) return defaultDir
  return named
}

function namedDataDir(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  cwd: string,
): string | null {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    if (arg === '--data' || arg?.startsWith('--data=')) {
      const value = arg === '--data' ? argv[i + 1] : arg.slice('--data='.length)
      // A launcher's unset variable leaves `--data` bare: falling back to the per-user folder would
      // put the vault on the host, which the portable mode exists to avoid. Refuse instead.
      if (!value?.trim() || value.startsWith('--')) throw new DataFolderError('no-folder-named', null)
      return resolve(cwd, value)
    }
  }
  const fromEnv = env.CASEVAULT_DATA?.trim()
  return fromEnv ? resolve(cwd, fromEnv) : null
}

/** One folder under two spellings (a trailing slash, a symbolic link, Windows' letter case)? */
export function isSameFolder(a: string, b: string): boolean {
  const canonical = (path: string) => {
    let real = resolve(path)
    try {
      real = realpathSync.native(real)
    } catch {
      // Not there (yet): its spelling is all there is to compare.
    }
    return process.platform === 'win32' ? real.toLowerCase() : real
  }
  return canonical(a) === canonical(b)
}

/**
 * Makes the data folder (and missing parents) owner-only, and checks it can be written: a USB stick
 * not plugged in, a file at that path or a read-only folder is said at start, not at the first save.
 */
export function makeDataFolder(dataDir: string): void {
  try {
    // Owner-only: vault.json holds no survivor data, but nobody else needs to list the folder.
    mkdirSync(dataDir, { recursive: true, mode: 0o700 })
    accessSync(dataDir, constants.R_OK | constants.W_OK)
  } catch (cause) {
    throw new DataFolderError('cannot-use', dataDir, { cause })
  }
}
