// Text to UTF-8, written piece by piece into ~1 MB buffers. Appending to one growing string and
// encoding it later was the slow part of the exports: the string becomes a long-lived rope that the
// garbage collector copies around and Buffer.from must flatten (100k cases: ~1 s of 4). Each piece
// written here is encoded at once and becomes garbage young.

const CHUNK_BYTES = 1 << 20
/** The most bytes UTF-8 needs per UTF-16 code unit (a surrogate pair: 4 bytes for 2 units). */
const MAX_BYTES_PER_UNIT = 3

export class Utf8Chunks {
  private readonly chunks: Buffer[] = []
  private buffer: Buffer = Buffer.alloc(0)
  private used = 0
  private total = 0

  write(text: string): void {
    // A piece that might not fit goes into a fresh buffer: `write` would cut it at a character.
    if (text.length * MAX_BYTES_PER_UNIT > this.buffer.length - this.used) this.next(text.length)
    this.used += this.buffer.write(text, this.used, 'utf8')
  }

  /** Bytes written so far. */
  get byteLength(): number {
    return this.total + this.used
  }

  private next(units: number): void {
    this.seal()
    // Zeroed, not allocUnsafe: no stale process memory behind the views handed out.
    this.buffer = Buffer.alloc(Math.max(CHUNK_BYTES, units * MAX_BYTES_PER_UNIT))
    this.used = 0
  }

  private seal(): void {
    if (this.used > 0) {
      this.chunks.push(this.buffer.subarray(0, this.used))
      this.total += this.used
    }
    this.buffer = Buffer.alloc(0)
    this.used = 0
  }

  /** Everything written, as views into the buffers (no copy). The writer is empty afterwards. */
  take(): Buffer[] {
    this.seal()
    const chunks = this.chunks.splice(0)
    this.total = 0
    return chunks
  }
}
