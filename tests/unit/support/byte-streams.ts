// Byte streams in tests: an async source of one buffer, and everything a stream yields as one buffer.

export async function collect(source: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const parts: Buffer[] = []
  for await (const part of source) parts.push(Buffer.from(part))
  return Buffer.concat(parts)
}

export async function* once(bytes: Uint8Array): AsyncIterable<Uint8Array> {
  yield bytes
}
