import { closeSync, fsyncSync, openSync, readFileSync, renameSync, writeSync, existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { z } from 'zod'
import { CaseVaultError } from '../errors'
import type { KeySlot } from './key-slot'
import type { KdfParams } from './kdf'

export const HEADER_FILE = 'vault.json'
export const DATABASE_FILE = 'casevault.db'
export const HEADER_FORMAT = 'casevault-vault'
export const HEADER_VERSION = 1

const base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/)
// Bounds far outside anything calibrateKdf makes (at most 256 MiB and 64 passes): an edited file
// asking for 1 KiB (argon2 fails with a raw error) or 4 billion passes (an unlock that runs for
// days) is a damaged header, said as such.
const kdfSchema = z
  .object({
    algorithm: z.literal('argon2id'),
    version: z.literal(19),
    memoryKiB: z
      .number()
      .int()
      .min(8)
      .max(4 * 1024 * 1024),
    iterations: z.number().int().min(1).max(1024),
    parallelism: z.number().int().min(1).max(64),
  })
  // Argon2 needs 8 KiB per lane: each bound above holds alone for 8 KiB and 2 lanes, not together.
  .refine((kdf) => kdf.memoryKiB >= 8 * kdf.parallelism, 'less than 8 KiB of memory per lane')

export const keySlotSchema = z.object({
  username: z.string().min(1).max(64),
  status: z.enum(['active', 'deactivated']),
  kdf: kdfSchema,
  salt: base64,
  nonce: base64,
  wrappedKey: base64,
  updatedAt: z.string(),
})

const headerSchema = z.object({
  format: z.literal(HEADER_FORMAT),
  formatVersion: z.literal(HEADER_VERSION),
  vaultId: z.string().uuid(),
  organisation: z.string().min(1).max(200),
  createdAt: z.string(),
  cipher: z.object({ name: z.literal('sqlcipher'), legacy: z.literal(4) }),
  /** Parameters for new slots, calibrated on the machine that created the vault. */
  kdf: kdfSchema,
  slots: z.array(keySlotSchema),
  /**
   * Staff whose slots were lost with an earlier vault.json: it was rebuilt with the recovery key
   * and holds only the rebuilder's slot. They are told to ask for a reset, not "no such user".
   */
  awaitingReset: z.array(z.string().min(1).max(64)).max(10_000).optional(),
})

/** vault.json: plaintext, holds no survivor data — only names of staff accounts and wrapped keys. */
export type VaultHeader = z.infer<typeof headerSchema>

/** A fresh header: SQLCipher 4, Argon2id with `kdf` for new slots. */
export function newHeader(fields: {
  vaultId: string
  organisation: string
  kdf: KdfParams
  now: Date
  slots: KeySlot[]
}): VaultHeader {
  return {
    format: HEADER_FORMAT,
    formatVersion: HEADER_VERSION,
    vaultId: fields.vaultId,
    organisation: fields.organisation,
    createdAt: fields.now.toISOString(),
    cipher: { name: 'sqlcipher', legacy: 4 },
    kdf: { algorithm: 'argon2id', version: 19, ...fields.kdf },
    slots: fields.slots,
  }
}

export function headerPath(dataDir: string): string {
  return join(dataDir, HEADER_FILE)
}

export function databasePath(dataDir: string): string {
  return join(dataDir, DATABASE_FILE)
}

export function headerExists(dataDir: string): boolean {
  return existsSync(headerPath(dataDir))
}

export function readHeader(dataDir: string): VaultHeader {
  let text: string
  try {
    text = readFileSync(headerPath(dataDir), 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new CaseVaultError('NO_VAULT', 'There is no vault in this folder yet.')
    }
    throw error
  }
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    throw new CaseVaultError('CORRUPT_HEADER', 'vault.json is damaged (not valid JSON).')
  }
  // Written by a newer CaseVault: not damaged, and not to be rebuilt (a recovery that rebuilt it
  // dropped every other user's slot). The user is told to update instead.
  if (isNewerHeader(parsed)) {
    throw new CaseVaultError('SCHEMA_TOO_NEW', 'vault.json was written by a newer CaseVault.', {
      headerVersion: (parsed as { formatVersion: number }).formatVersion,
      appHeaderVersion: HEADER_VERSION,
    })
  }
  const result = headerSchema.safeParse(parsed)
  if (!result.success) {
    throw new CaseVaultError('CORRUPT_HEADER', 'vault.json is damaged or from an unknown version.', {
      issues: result.error.issues.slice(0, 5).map((issue) => issue.path.join('.')),
    })
  }
  return result.data
}

/** Writes atomically (temp file, fsync, rename, fsync dir): a crash leaves the old or the new file, never half. */
export function writeHeader(dataDir: string, header: VaultHeader): void {
  const target = headerPath(dataDir)
  const temp = `${target}.tmp-${process.pid}`
  const fd = openSync(temp, 'w', 0o600)
  try {
    writeSync(fd, JSON.stringify(header, null, 2) + '\n')
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
  renameSync(temp, target)
  syncDirectory(dirname(target))
}

/** Makes a file's content durable (a restored database must survive a power cut after the swap). */
export function syncFile(path: string): void {
  const fd = openSync(path, 'r+')
  try {
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
}

export function syncDirectory(dir: string): void {
  // Directory fsync makes the rename durable on Linux/macOS; Windows refuses to open a directory.
  if (process.platform === 'win32') return
  const fd = openSync(dir, 'r')
  try {
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
}

export function findSlot(header: VaultHeader, username: string): KeySlot | undefined {
  const wanted = username.toLowerCase()
  return header.slots.find((slot) => slot.username.toLowerCase() === wanted)
}

export function withSlot(header: VaultHeader, slot: KeySlot): VaultHeader {
  const name = slot.username.toLowerCase()
  const others = header.slots.filter((existing) => existing.username.toLowerCase() !== name)
  const awaitingReset = header.awaitingReset?.filter((username) => username.toLowerCase() !== name)
  return { ...header, slots: [...others, slot], ...(awaitingReset ? { awaitingReset } : {}) }
}

/** Whether `username` lost their slot when vault.json was rebuilt (see awaitingReset). */
export function isAwaitingReset(header: VaultHeader, username: string): boolean {
  const wanted = username.toLowerCase()
  return header.awaitingReset?.some((name) => name.toLowerCase() === wanted) ?? false
}

function isNewerHeader(parsed: unknown): boolean {
  if (typeof parsed !== 'object' || parsed === null) return false
  const { format, formatVersion } = parsed as { format?: unknown; formatVersion?: unknown }
  return format === HEADER_FORMAT && typeof formatVersion === 'number' && formatVersion > HEADER_VERSION
}
