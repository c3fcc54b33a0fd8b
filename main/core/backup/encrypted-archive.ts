import { createHash } from 'node:crypto'
import { createReadStream, createWriteStream } from 'node:fs'
import { mkdir, open, rm, stat, type FileHandle } from 'node:fs/promises'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import tar from 'tar-stream'
import { CaseVaultError } from '../errors'
import type { BackupCredentials, BackupProtection } from './backup-format'
import { AgePayloadError, decryptAge, encryptAge } from './age-payload'
import { classifyFileError } from '../file-errors'
import { protectedWith, wrongSecret } from './wrong-secret'
import { commitUnlessAborted, newFileBeside, syncFolderOf } from '../write-private-file'

/** Upper bound per part: far above any real vault, low enough that a hostile archive cannot fill the disk. */
const MAX_PART_BYTES = 64 * 1024 ** 3
const READ_CHUNK = 1024 * 1024
/**
 * How much a file write stream takes in before it asks its source to wait. Node's default is
 * 16 KiB: below one 64 KiB age chunk, so each chunk waited for the write before it to come back
 * from the thread pool, and main sat idle for 2 of a 640 MB backup's 3.4–3.8 s. With 8 MiB the
 * encryption runs on while earlier chunks are written (the stream writes what queued up in one
 * writev): backup 1.85–1.95 s, and unpacking a backup 1.3–1.5 s instead of 1.7–2.0 s. The
 * memory this holds is bounded by it: at most 8 MiB more per file being written.
 */
const WRITE_BUFFER_BYTES = 8 * 1024 * 1024

/** A file to archive as it is, or bytes of a known size streamed from elsewhere (a live snapshot). */
export type ArchivePart =
  | { name: string; path: string }
  | { name: string; size: number; data: () => AsyncIterable<Uint8Array> | Iterable<Uint8Array> }

function damaged(reason: string): CaseVaultError {
  return new CaseVaultError('BACKUP_DAMAGED', 'The backup file is damaged or incomplete.', { reason })
}

export interface EncryptOptions {
  scryptWorkFactor?: number
  signal?: AbortSignal
  onBytes?: (written: number) => void
}

const FLUSH_EVERY_BYTES = 64 * 1024 * 1024

/**
 * Asks the OS to put what was written so far on the disk every 64 MiB, on the thread pool, while
 * the encryption goes on. The sync at the end (the file must be on the stick before it is called
 * a backup) then has little left to do: otherwise the whole file waits in memory for it, and on a
 * 640 MB vault that last sync alone took ~1.7 s after all the work was done.
 */
function backgroundFlusher(file: FileHandle) {
  let pending = 0
  let flushing: Promise<void> | null = null
  return {
    wrote(bytes: number) {
      pending += bytes
      if (pending < FLUSH_EVERY_BYTES || flushing) return
      pending = 0
      flushing = file
        .datasync()
        .catch(() => undefined)
        .finally(() => (flushing = null))
    },
    /** A flush still running has ended (its result does not matter: the final sync decides). */
    idle: () => flushing ?? Promise.resolve(),
  }
}

/**
 * plaintext chunks → age → file, streaming. Written to a temporary name, fsynced, then renamed: a
 * crash or a cancel never leaves a half-written file under the real name. Also used by exports.
 */
export async function writeEncryptedFile(
  outPath: string,
  plaintext: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  protection: BackupProtection,
  options: EncryptOptions & { beforeCommit?: () => Promise<void> } = {},
): Promise<void> {
  options.signal?.throwIfAborted()
  const { temp, file } = await newFileBeside(outPath)
  let written = 0
  const flusher = backgroundFlusher(file)
  try {
    await pipeline(
      Readable.from(encryptAge(plaintext, protection, options.scryptWorkFactor), { objectMode: false }),
      async function* (source: AsyncIterable<Uint8Array>) {
        for await (const chunk of source) {
          written += chunk.byteLength
          options.onBytes?.(written)
          flusher.wrote(chunk.byteLength)
          yield chunk
        }
      },
      file.createWriteStream({ highWaterMark: WRITE_BUFFER_BYTES }), // closes the file at its end
      { signal: options.signal },
    )
    await flusher.idle()
    await options.beforeCommit?.()
    const handle = await open(temp, 'r')
    await handle.sync()
    await handle.close()
    commitUnlessAborted(temp, outPath, options.signal)
  } catch (error) {
    await rm(temp, { force: true })
    throw error
  }
  syncFolderOf(outPath)
}

async function partSource(part: ArchivePart) {
  if ('path' in part) {
    return {
      size: (await stat(part.path)).size,
      data: createReadStream(part.path, { highWaterMark: READ_CHUNK }),
    }
  }
  return { size: part.size, data: Readable.from(part.data(), { objectMode: false }) }
}

/**
 * tar → age → file, streaming (a vault can be far larger than memory). Parts are taken one at a
 * time, in order, so a later part (the manifest) can describe the ones streamed before it. Every
 * entry is dated `madeAt` (the backup's time), which is what `tar tv` or an archive tool shows.
 */
export async function writeEncryptedArchive(
  outPath: string,
  parts: AsyncIterable<ArchivePart> | Iterable<ArchivePart>,
  protection: BackupProtection,
  options: EncryptOptions & { madeAt: Date },
): Promise<void> {
  options.signal?.throwIfAborted()
  const pack = tar.pack()
  // A failure (or a cancel) is reported through `feed` and the encryption below; without a
  // listener the pack's own 'error' event would be an uncaught exception in main.
  pack.on('error', () => undefined)
  const feed = (async () => {
    for await (const part of parts) {
      const { size, data } = await partSource(part)
      const entry = pack.entry({ name: part.name, size, mode: 0o600, mtime: options.madeAt })
      await pipeline(data, entry, { signal: options.signal })
    }
    pack.finalize()
  })()
  feed.catch((error: unknown) => pack.destroy(error as Error))
  await writeEncryptedFile(outPath, pack as AsyncIterable<Uint8Array>, protection, {
    ...options,
    beforeCommit: () => feed,
  })
}

/**
 * file → age → tar → folder. Nothing unpacked is trusted before the whole file has been
 * decrypted: age authenticates chunk by chunk and a truncated file only fails at its end
 * (DESIGN.md §10). Accepts only the expected part names, once each; returns the SHA-256 of each
 * part as written.
 */
export interface ProgressOptions {
  signal?: AbortSignal
  /** Share of the encrypted file read so far (0…1). */
  onFraction?: (fraction: number) => void
}

/** Reads the file and reports how much of it has been read: decryption progress by bytes. */
async function* countingChunks(
  file: string,
  size: number,
  options: ProgressOptions,
): AsyncIterable<Uint8Array> {
  let read = 0
  for await (const chunk of createReadStream(file, { highWaterMark: READ_CHUNK }) as AsyncIterable<Buffer>) {
    read += chunk.length
    if (size > 0) options.onFraction?.(Math.min(1, read / size))
    yield chunk
  }
}

function isWrongKey(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error)
  // "Invalid checksum in AGE-SECRET-KEY-1…": a private key typed with a wrong character.
  return /no identity matched|incorrect passphrase|failed to unwrap|invalid.*(passphrase|identity)|invalid checksum/i.test(
    message,
  )
}

/** Writes one tar entry to `into/name`, hashing as it goes. */
async function unpackEntry(entry: AsyncIterable<Buffer>, path: string) {
  const written = { sha256: '', size: 0 }
  await pipeline(
    hashing(entry, written),
    createWriteStream(path, { mode: 0o600, highWaterMark: WRITE_BUFFER_BYTES }),
  )
  return written
}

/** Passes the bytes through, and when they have all passed sets their SHA-256 and size in `into`. */
export async function* hashing(source: AsyncIterable<Uint8Array>, into: { sha256: string; size: number }) {
  const hash = createHash('sha256')
  let size = 0
  for await (const chunk of source) {
    hash.update(chunk)
    size += chunk.length
    yield chunk
  }
  into.sha256 = hash.digest('hex')
  into.size = size
}

export async function extractEncryptedArchive(
  file: string,
  into: string,
  credentials: BackupCredentials,
  allowedNames: readonly string[],
  options: ProgressOptions = {},
): Promise<Map<string, { sha256: string; size: number }>> {
  await mkdir(into, { recursive: true, mode: 0o700 })
  const size = (await stat(file)).size
  const hashes = new Map<string, { sha256: string; size: number }>()
  const extract = tar.extract()
  // One pass: decrypt → untar → files. Only expected names, once each, reach the disk, inside
  // the caller's private folder; a cut or changed file fails at its end, and the caller trusts
  // nothing it unpacked until this function has returned.
  const feeding = pipeline(
    Readable.from(decryptAge(countingChunks(file, size, options), credentials), { objectMode: false }),
    extract,
    ...(options.signal ? [{ signal: options.signal }] : []),
  )
  const unpacking = (async () => {
    for await (const entry of extract) {
      const { name, type, size: entrySize } = entry.header
      if (
        type !== 'file' ||
        !allowedNames.includes(name) ||
        hashes.has(name) ||
        (entrySize ?? 0) > MAX_PART_BYTES
      ) {
        entry.resume()
        throw damaged(`unexpected entry in the archive: ${JSON.stringify(name).slice(0, 80)}`)
      }
      hashes.set(name, await unpackEntry(entry as unknown as AsyncIterable<Buffer>, join(into, name)))
    }
  })()
  unpacking.catch((error: unknown) => extract.destroy(error as Error))
  const [fed, unpacked] = await Promise.allSettled([feeding, unpacking])
  for (const outcome of [fed, unpacked]) {
    if (outcome.status === 'fulfilled') continue
    const error: unknown = outcome.reason
    if (options.signal?.aborted) throw error
    if (error instanceof CaseVaultError) throw error
    if (isWrongKey(error)) throw wrongSecret(credentials, await protectedWith(file))
    if (error instanceof AgePayloadError) throw damaged(error.message)
    // A stick pulled out while it is read, or a scratch folder that fills up, is not a damaged backup.
    const fileError = classifyFileError(error)
    if (fileError) throw fileError
    // Nor is a folder given as the backup (EISDIR): it goes up as it is, for the caller to name
    // (the command line says a folder was given); "damaged" told an admin a good backup was broken.
    if ((error as NodeJS.ErrnoException | null)?.code === 'EISDIR') throw error
    throw damaged(error instanceof Error ? error.message : String(error))
  }
  return hashes
}
