import { createHash } from 'node:crypto'
import { createReadStream, createWriteStream } from 'node:fs'
import { mkdir, open, rename, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { ReadableStream as WebReadableStream } from 'node:stream/web'
import { Decrypter, Encrypter } from 'age-encryption'
import tar from 'tar-stream'
import { CaseVaultError } from '../errors'
import type { BackupCredentials, BackupProtection } from './backup-format'

/** Upper bound per part: far above any real vault, low enough that a hostile archive cannot fill the disk. */
const MAX_PART_BYTES = 64 * 1024 ** 3

export interface ArchivePart {
  name: string
  path: string
}

function damaged(reason: string): CaseVaultError {
  return new CaseVaultError('BACKUP_DAMAGED', 'The backup file is damaged or incomplete.', { reason })
}

export interface EncryptOptions {
  scryptWorkFactor?: number
  signal?: AbortSignal
  onBytes?: (written: number) => void
}

/**
 * plaintext chunks → age → file, streaming. Written to a temporary name, fsynced, then renamed: a
 * crash or a cancel never leaves a half-written file under the real name. Also used by exports.
 */
/**
 * A web stream that pulls from the chunks only when age asks for more. Node's Readable.toWeb
 * pushes instead, and after a cancel it kept pushing into the closed stream ("Controller is
 * already closed", thrown outside any await: a crash in main). Cancelling this one ends the
 * iterator, which closes the file or the tar feed behind it.
 */
function pullStream(chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>): ReadableStream<Uint8Array> {
  return WebReadableStream.from(chunks) as unknown as ReadableStream<Uint8Array>
}

export async function writeEncryptedFile(
  outPath: string,
  plaintext: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  protection: BackupProtection,
  options: EncryptOptions & { beforeCommit?: () => Promise<void> } = {},
): Promise<void> {
  options.signal?.throwIfAborted()
  const encrypter = new Encrypter()
  if ('passphrase' in protection) {
    if (options.scryptWorkFactor) encrypter.setScryptWorkFactor(options.scryptWorkFactor)
    encrypter.setPassphrase(protection.passphrase)
  } else {
    for (const recipient of protection.recipients) encrypter.addRecipient(recipient)
  }
  const encrypted = await encrypter.encrypt(pullStream(plaintext))
  const temp = `${outPath}.partial`
  let written = 0
  try {
    await pipeline(
      Readable.fromWeb(encrypted as unknown as WebReadableStream<Uint8Array>),
      async function* (source: AsyncIterable<Uint8Array>) {
        for await (const chunk of source) {
          written += chunk.byteLength
          options.onBytes?.(written)
          yield chunk
        }
      },
      createWriteStream(temp, { mode: 0o600 }),
      { signal: options.signal },
    )
    await options.beforeCommit?.()
    const handle = await open(temp, 'r')
    await handle.sync()
    await handle.close()
    await rename(temp, outPath)
  } catch (error) {
    await rm(temp, { force: true })
    throw error
  }
}

/** tar → age → file, streaming (a vault can be far larger than memory). */
export async function writeEncryptedArchive(
  outPath: string,
  parts: ArchivePart[],
  protection: BackupProtection,
  options: EncryptOptions = {},
): Promise<void> {
  options.signal?.throwIfAborted()
  const pack = tar.pack()
  // A failure (or a cancel) is reported through `feed` and the encryption below; without a
  // listener the pack's own 'error' event would be an uncaught exception in main.
  pack.on('error', () => undefined)
  const feed = (async () => {
    for (const part of parts) {
      const { size } = await stat(part.path)
      const entry = pack.entry({ name: part.name, size, mode: 0o600, mtime: new Date(0) })
      await pipeline(createReadStream(part.path), entry, { signal: options.signal })
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
 * file → age → tar → folder. Decrypts COMPLETELY before anything is trusted: age authenticates
 * chunk by chunk and a truncated file only fails at its end (DESIGN.md §10). Accepts only the
 * expected part names, once each; returns the SHA-256 of each part as written.
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
  for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) {
    read += chunk.length
    if (size > 0) options.onFraction?.(Math.min(1, read / size))
    yield chunk
  }
}

export async function extractEncryptedArchive(
  file: string,
  into: string,
  credentials: BackupCredentials,
  allowedNames: readonly string[],
  options: ProgressOptions = {},
): Promise<Map<string, { sha256: string; size: number }>> {
  const decrypter = new Decrypter()
  if ('passphrase' in credentials) decrypter.addPassphrase(credentials.passphrase)
  else decrypter.addIdentity(credentials.identity)

  let plaintext: Awaited<ReturnType<Decrypter['decrypt']>>
  try {
    plaintext = await decrypter.decrypt(pullStream(countingChunks(file, (await stat(file)).size, options)))
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    if (
      /no identity matched|incorrect passphrase|failed to unwrap|invalid.*(passphrase|identity)/i.test(
        message,
      )
    ) {
      throw new CaseVaultError('WRONG_PASSPHRASE', 'The backup passphrase (or key) is not correct.')
    }
    throw damaged('not an age file, or its header is damaged')
  }

  await mkdir(into, { recursive: true, mode: 0o700 })
  // 1. Decrypt everything to one file: nothing is parsed until age has authenticated every chunk.
  const tarPath = join(into, '.archive.tar')
  try {
    await pipeline(
      Readable.fromWeb(plaintext as unknown as WebReadableStream<Uint8Array>),
      createWriteStream(tarPath, { mode: 0o600 }),
      ...(options.signal ? [{ signal: options.signal }] : []),
    )
  } catch (error) {
    await rm(tarPath, { force: true })
    if (options.signal?.aborted) throw error
    throw damaged(error instanceof Error ? error.message : String(error))
  }

  // 2. Unpack only the expected names, once each, hashing as we write.
  const hashes = new Map<string, { sha256: string; size: number }>()
  const extract = tar.extract()
  createReadStream(tarPath).pipe(extract as unknown as NodeJS.WritableStream)
  try {
    for await (const entry of extract) {
      const { name, type, size } = entry.header
      if (
        type !== 'file' ||
        !allowedNames.includes(name) ||
        hashes.has(name) ||
        (size ?? 0) > MAX_PART_BYTES
      ) {
        entry.resume()
        throw damaged(`unexpected entry in the archive: ${JSON.stringify(name).slice(0, 80)}`)
      }
      const hash = createHash('sha256')
      let written = 0
      await pipeline(
        entry as unknown as AsyncIterable<Buffer>,
        async function* (source: AsyncIterable<Buffer>) {
          for await (const chunk of source) {
            hash.update(chunk)
            written += chunk.length
            yield chunk
          }
        },
        createWriteStream(join(into, name), { mode: 0o600 }),
      )
      hashes.set(name, { sha256: hash.digest('hex'), size: written })
    }
  } catch (error) {
    if (error instanceof CaseVaultError) throw error
    throw damaged(error instanceof Error ? error.message : String(error))
  } finally {
    await rm(tarPath, { force: true })
  }
  return hashes
}
