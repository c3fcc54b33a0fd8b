import { statSync } from 'node:fs'
import { usernameSchema } from '../api/contract/common'
import { dirname, resolve } from 'node:path'
import { assertOutsideVaultFolder } from '../core/vault/vault-folder-guard'

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
  // Notepad and PowerShell start a UTF-8 file with a byte-order mark: it is no part of a passphrase.
  const text = decodeStdin(Buffer.concat(chunks)).replace(/^\uFEFF/, '')
  return text.split(/\r?\n/)
}

/**
 * Windows PowerShell 5.1's `echo … > pass.txt` writes UTF-16 with a byte-order mark: read as UTF-8
 * it made a passphrase nobody could type. UTF-16 is decoded; NUL bytes without a mark are refused.
 */
function decodeStdin(bytes: Buffer): string {
  const units = bytes.subarray(2, 2 + ((bytes.length - 2) & ~1)) // whole 2-byte units only
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return units.toString('utf16le')
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return Buffer.from(units).swap16().toString('utf16le')
  if (bytes.includes(0))
    throw new Error('standard input holds NUL bytes: save the passphrase file as UTF-8 text')
  return bytes.toString('utf8')
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

/**
 * --out as an absolute path, checked before any passphrase is read or anything is written: never
 * in the vault's folder, never over an existing file; a
 * folder that does not exist, or a folder given instead of a file, is named as such (the write
 * itself would only say "file not found", or the operating system's text about a temporary name).
 */
export function outputFile(value: string | undefined, dataDir: string): string {
  const out = resolve(required(value, 'out'))
  assertOutsideVaultFolder(out, dataDir)
  const folder = dirname(out)
  if (!statSync(folder, { throwIfNoEntry: false })?.isDirectory())
    throw new Error(`the folder for --out does not exist: ${folder}`)
  const existing = statSync(out, { throwIfNoEntry: false })
  if (existing?.isDirectory()) throw new Error(`--out is a folder: give the name of a file in it (${out})`)
  // No dialog asks here whether to replace it: last week's backup or an export someone still needs.
  if (existing) throw new Error(`--out already exists: give a new file name (${out} was left as it is)`)
  return out
}

/** A user name as the app takes it, or one line saying what it must be (a ZodError printed "["). */
export function checkedUsername(value: string): string {
  const parsed = usernameSchema.safeParse(value)
  if (!parsed.success)
    throw new Error('--user: 2 to 64 letters (a to z), digits, dots, dashes or underscores, no spaces')
  return parsed.data
}

/** An option checked by the app's own rule for it, or one line naming the option and the rule. */
export function checkedOption(
  value: string,
  flag: string,
  rule: string,
  parse: (value: string) => { success: true; data: string } | { success: false },
): string {
  const parsed = parse(value)
  if (!parsed.success) throw new Error(`--${flag}: ${rule}, not only spaces`)
  return parsed.data
}
