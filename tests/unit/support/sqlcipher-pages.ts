import { createDecipheriv } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'

const PAGE_SIZE = 4096
// SQLCipher 4 reserves 80 bytes per page: a 16-byte IV then a 64-byte HMAC-SHA512.
const RESERVE = 80
const SALT = 16

/**
 * Decrypts every page of a SQLCipher 4 file opened with a raw key (AES-256-CBC, key used as is),
 * including free pages SQLite no longer references. Lets a test look at what a thief with the key
 * would find in deleted space, which no SQL query can show.
 */
export function decryptAllPages(path: string, rawKey: Buffer): Buffer[] {
  const file = readFileSync(path)
  const pages: Buffer[] = []
  for (let offset = 0; offset + PAGE_SIZE <= file.length; offset += PAGE_SIZE) {
    const page = file.subarray(offset, offset + PAGE_SIZE)
    const start = offset === 0 ? SALT : 0
    const iv = page.subarray(PAGE_SIZE - RESERVE, PAGE_SIZE - RESERVE + 16)
    const decipher = createDecipheriv('aes-256-cbc', rawKey, iv).setAutoPadding(false)
    pages.push(Buffer.concat([decipher.update(page.subarray(start, PAGE_SIZE - RESERVE)), decipher.final()]))
  }
  return pages
}

/** Every page image in a SQLCipher WAL file (32-byte header; frames of a 24-byte header + page). */
export function decryptWalFrames(path: string, rawKey: Buffer): Buffer[] {
  const wal = existsSync(path) ? readFileSync(path) : Buffer.alloc(0)
  const pages: Buffer[] = []
  for (let offset = 32; offset + 24 + 4096 <= wal.length; offset += 24 + 4096) {
    const page = wal.subarray(offset + 24, offset + 24 + 4096)
    const decipher = createDecipheriv('aes-256-cbc', rawKey, page.subarray(4016, 4032)).setAutoPadding(false)
    pages.push(Buffer.concat([decipher.update(page.subarray(0, 4016)), decipher.final()]))
  }
  return pages
}

/** The page size field of the decrypted first page (bytes 16–17 of the SQLite header). */
export function headerPageSize(firstPage: Buffer): number {
  // Page 1's plaintext starts at file offset 16, so header byte 16 is at index 0.
  return firstPage.readUInt16BE(0)
}
