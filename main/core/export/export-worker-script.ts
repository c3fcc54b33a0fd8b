// Where the built export worker (export-worker.ts, its own build entry named `export-worker`) is.
// Every bundle that runs exports builds it beside its entry files: electron-vite's main build
// (out/main, the app and the e2e harness) and the CLI/bench build (out/cli). This module itself
// may be bundled into the entry file or into a chunk one folder below it, so both places are
// looked at. Under vitest the source runs unbundled and there is none: the tests build their own
// (tests/config/export-worker-setup.ts) and pass it in.
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { Vault } from '../vault/vault'
import { databasePath } from '../vault/vault-header'
import type { VaultDatabase } from '../db/connection'
import type { WorkerReading } from './export-workers'

const FILE = 'export-worker.js'

export function bundledExportWorker(): URL | null {
  for (const folder of ['./', '../']) {
    // Built from a variable on purpose: a bundler must not try to resolve it at build time.
    const url = new URL(folder + FILE, import.meta.url)
    if (url.protocol === 'file:' && existsSync(fileURLToPath(url))) return url
  }
  return null
}

/**
 * How an unlocked vault's exports reach their workers, or undefined when there is no built worker
 * (they then read in main). `live`: the vault's own connection (export-workers.ts watches it).
 */
export function exportWorkersFor(
  vault: Vault,
  live: VaultDatabase,
  script: URL | string | null = bundledExportWorker(),
): WorkerReading | undefined {
  if (!script) return undefined
  return {
    script,
    databasePath: databasePath(vault.dataDir),
    keyCopy: () => vault.databaseKeyCopy(),
    live,
  }
}
