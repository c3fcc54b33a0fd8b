import { closeSync, openSync, readSync, writeSync } from 'node:fs'

/** Flips one bit of the byte at `offset`: the smallest damage a file can take. */
export function flipByte(path: string, offset: number): void {
  const fd = openSync(path, 'r+')
  const byte = Buffer.alloc(1)
  readSync(fd, byte, 0, 1, offset)
  byte[0] = byte[0]! ^ 0x01
  writeSync(fd, byte, 0, 1, offset)
  closeSync(fd)
}
