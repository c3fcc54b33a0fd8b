/** What a CLI command may touch: arguments, standard input lines, and two output streams. */
export interface CliIo {
  stdinLines(): Promise<string[]>
  out(line: string): void
  err(line: string): void
}

export async function readAllStdin(stream: NodeJS.ReadableStream): Promise<string[]> {
  if ((stream as NodeJS.ReadStream).isTTY) return []
  const chunks: Buffer[] = []
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)))
  const text = Buffer.concat(chunks).toString('utf8')
  return text.split(/\r?\n/)
}

/** Passphrases come from standard input, one per line, never from arguments (shell history, ps). */
export async function passphraseLine(io: CliIo, index: number, what: string): Promise<string> {
  const lines = await io.stdinLines()
  const line = lines[index]
  if (line === undefined || line.length === 0) {
    throw new Error(`expected the ${what} on line ${index + 1} of standard input`)
  }
  return line
}

/** A required command-line option; missing → the one-line error the CLI prints. */
export function required(value: string | undefined, flag: string): string {
  if (!value) throw new Error(`missing --${flag}`)
  return value
}
