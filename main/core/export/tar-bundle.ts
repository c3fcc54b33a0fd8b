import tar from 'tar-stream'

export interface BundleEntry {
  name: string
  content: Buffer
}

/** A file as consecutive chunks: a large table is not copied into one buffer first. */
export interface ChunkedBundleEntry {
  name: string
  chunks: readonly Buffer[]
}

/**
 * A tar of in-memory files, as chunks. Built in memory on purpose: an export's plaintext must never
 * touch the disk on its way to being encrypted. Every entry is dated `madeAt` (the export's time:
 * an archive tool shows when the file was made, not 1970) with owner-only mode, so the same data
 * at the same moment gives the same bytes.
 */
export async function tarBundle(
  entries: readonly (BundleEntry | ChunkedBundleEntry)[],
  madeAt: Date,
): Promise<Buffer[]> {
  const pack = tar.pack()
  const chunks: Buffer[] = []
  const collected = (async () => {
    for await (const chunk of pack as AsyncIterable<Buffer>) chunks.push(chunk)
  })()
  for (const entry of entries) {
    const parts = 'chunks' in entry ? entry.chunks : [entry.content]
    const size = parts.reduce((sum, part) => sum + part.byteLength, 0)
    const header = { name: entry.name, mode: 0o600, mtime: madeAt, size }
    await new Promise<void>((resolve, reject) => {
      const done = (error?: Error | null) => (error ? reject(error) : resolve())
      const last = parts.at(-1)
      if (parts.length <= 1) {
        pack.entry(header, last ?? Buffer.alloc(0), done)
        return
      }
      const sink = pack.entry(header, done)
      for (const part of parts.slice(0, -1)) sink.write(part)
      sink.end(last)
    })
  }
  pack.finalize()
  await collected
  return chunks
}
