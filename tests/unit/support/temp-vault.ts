import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, expect } from 'vitest'
import { Vault, type VaultOptions } from '../../../main/core/vault/vault'
import { createApiHost } from '../../../main/api/host'
import type { KdfParams } from '../../../main/core/vault/kdf'
import { writePrivateFile, type FileAccess } from '../../../main/api/file-access'
import { EXPORT_WORKER_FOR_TESTS } from './export-worker'

/** Cheap Argon2 for speed: the core allows it only with allowKdfBelowFloor, which the app never sets. */
export const TEST_KDF: KdfParams = { memoryKiB: 1024, iterations: 1, parallelism: 1 }

export const ADMIN = {
  organisation: 'Safe Harbour Shelter',
  username: 'amara',
  displayName: 'Amara Okafor',
  passphrase: 'correct horse battery staple',
}

const dirs: string[] = []
const vaults: Vault[] = []

afterEach(() => {
  for (const vault of vaults.splice(0)) vault.lock('user')
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'casevault-test-'))
  dirs.push(dir)
  return dir
}

export function testVault(options: Partial<VaultOptions> = {}): Vault {
  const vault = new Vault({ dataDir: tempDir(), kdf: TEST_KDF, allowKdfBelowFloor: true, ...options })
  vaults.push(vault)
  return vault
}

export async function createdVault(options: Partial<VaultOptions> = {}) {
  const vault = testVault(options)
  const { recoveryKey } = await vault.create(ADMIN)
  return { vault, recoveryKey }
}

/** Stands in for the OS save dialog: "the user picked" a path in a temp folder (or cancelled). */
export function folderFileAccess(folder = tempDir()) {
  const saved: string[] = []
  const chosen: string[] = []
  let cancelNext = false
  let importFile: string | null = null
  const files: FileAccess = {
    chooseSaveLocation: async (suggestedName) => {
      if (cancelNext) {
        cancelNext = false
        return null
      }
      const path = join(folder, suggestedName)
      chosen.push(path)
      return path
    },
    write: async (path, bytes) => {
      await writePrivateFile(path, bytes)
      saved.push(path)
    },
    chooseBackupFile: async () => (cancelNext ? ((cancelNext = false), null) : (chosen.at(-1) ?? null)),
    chooseImportFile: async () => (cancelNext ? ((cancelNext = false), null) : importFile),
    chooseFolder: async () => (cancelNext ? ((cancelNext = false), null) : folder),
  }
  return {
    files,
    saved,
    folder,
    cancelNextSave: () => (cancelNext = true),
    /** Stands in for the open dialog of import:preview: "the user picks" this file next. */
    pickImportFile: (path: string | null) => (importFile = path),
  }
}

export function testHost(dataDir = tempDir(), files = folderFileAccess()) {
  const host = createApiHost({
    dataDir,
    kdf: TEST_KDF,
    allowKdfBelowFloor: true,
    files: files.files,
    // Full-record exports on worker threads, as in the app.
    exportWorker: EXPORT_WORKER_FOR_TESTS,
  })
  return { host, dataDir, files }
}

/** Calls the API the way the renderer does and unwraps the result (throws on an error result). */
export async function call<T = unknown>(
  host: ReturnType<typeof createApiHost>,
  channel: string,
  input?: unknown,
): Promise<T> {
  const result = await host.dispatch(channel, input)
  if (!result.ok) throw Object.assign(new Error(result.error.message), { code: result.error.code, result })
  return result.value as T
}

export async function errorCode(host: ReturnType<typeof createApiHost>, channel: string, input?: unknown) {
  const result = await host.dispatch(channel, input)
  return result.ok ? 'OK' : result.error.code
}

/**
 * A restore over work newer than the backup, as the Backup screen does it: main asks first
 * (NEWER_WORK, nothing changed), the admin confirms, and the same file is restored.
 */
export async function restoreOverNewerWork<T>(
  host: ReturnType<typeof createApiHost>,
  input: object,
): Promise<T> {
  expect(await errorCode(host, 'backup:restore', input)).toBe('NEWER_WORK')
  return call<T>(host, 'backup:restore', { ...input, replaceNewerWork: true })
}
