import { join, resolve } from 'node:path'

/**
 * The vault's folder inside Electron's per-user folder, not that folder itself: Chromium keeps its
 * profile there (caches, local storage, a lock file it holds open). A restore swaps the whole data
 * folder by renaming it, which Windows refuses while Chromium holds files in it, and which would
 * carry Chromium's profile into the rollback copy and leave the running browser without one.
 */
export const VAULT_FOLDER_IN_USER_DATA = 'vault'

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
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    if (arg === '--data') {
      const next = argv[i + 1]
      if (next && !next.startsWith('--')) return resolve(cwd, next)
    } else if (arg?.startsWith('--data=')) {
      const value = arg.slice('--data='.length)
      if (value) return resolve(cwd, value)
    }
  }
  const fromEnv = env.CASEVAULT_DATA?.trim()
  if (fromEnv) return resolve(cwd, fromEnv)
  return join(userDataPath, VAULT_FOLDER_IN_USER_DATA)
}
