// Reading exports back the way a recipient would: age-decrypt, untar, parse CSV.
import { readFileSync } from 'node:fs'
import { Readable } from 'node:stream'
import { Decrypter } from 'age-encryption'
import tar from 'tar-stream'
import { parse } from 'csv-parse/sync'

/** Decrypts with a passphrase, or with an age identity (AGE-SECRET-KEY-1…). */
export async function decryptFile(path: string, secret: string): Promise<Buffer> {
  const decrypter = new Decrypter()
  if (secret.startsWith('AGE-SECRET-KEY-1')) decrypter.addIdentity(secret)
  else decrypter.addPassphrase(secret)
  return Buffer.from(await decrypter.decrypt(readFileSync(path)))
}

export async function untar(bytes: Buffer): Promise<Map<string, Buffer>> {
  const extract = tar.extract()
  Readable.from([bytes]).pipe(extract as unknown as NodeJS.WritableStream)
  const files = new Map<string, Buffer>()
  for await (const entry of extract) {
    const chunks: Buffer[] = []
    for await (const chunk of entry as AsyncIterable<Buffer>) chunks.push(chunk)
    files.set(entry.header.name, Buffer.concat(chunks))
  }
  return files
}

/** CSV rows as objects keyed by header (every value a string; blank = ''). */
export function csvRecords(bytes: Buffer | string): Record<string, string>[] {
  return parse(bytes, { columns: true, bom: true }) as Record<string, string>[]
}

export function csvHeader(bytes: Buffer | string): string[] {
  return (parse(bytes, { to_line: 1, bom: true }) as string[][])[0] ?? []
}
