import tar from 'tar-stream'

export interface BundleEntry {
  name: string
  content: Buffer
}

/**
 * A tar of in-memory files, as chunks. Built in memory on purpose: an export's plaintext must never
 * touch the disk on its way to being encrypted. Fixed mtime and mode: the same data, the same bytes.
 */
export async function tarBundle(entries: readonly BundleEntry[]): Promise<Buffer[]> {
  const pack = tar.pack()
  const chunks: Buffer[] = []
  const collected = (async () => {
    for await (const chunk of pack as AsyncIterable<Buffer>) chunks.push(chunk)
  })()
  for (const entry of entries) {
    await new Promise<void>((resolve, reject) =>
      pack.entry({ name: entry.name, mode: 0o600, mtime: new Date(0) }, entry.content, (error) =>
        error ? reject(error) : resolve(),
      ),
    )
  }
  pack.finalize()
  await collected
  return chunks
}
