import { resolve } from 'node:path'

/**
 * Where the vault lives. A portable folder (`--data <dir>`, `--data=<dir>` or CASEVAULT_DATA) wins,
 * so a field team can run the app from a USB stick without leaving the vault on the host;
 * otherwise Electron's per-user folder.
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
  return userDataPath
}
