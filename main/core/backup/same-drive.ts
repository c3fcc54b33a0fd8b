// A backup on the vault's own drive survives a deleted file, but not what backups are for at a
// shelter: a broken disk, a stolen or seized computer. Both screens say so when it happens. The
// test is the file system's device number (on Windows, the volume's serial number), so a USB
// stick, a second disk or a network share counts as elsewhere.
import { statSync } from 'node:fs'
import { dirname } from 'node:path'

function deviceOf(path: string): number | bigint | null {
  try {
    return statSync(path).dev
  } catch {
    return null
  }
}

/** True when `folder` is on the same drive as `dataDir`; false when either cannot be read. */
export function onSameDrive(folder: string, dataDir: string): boolean {
  const a = deviceOf(folder)
  const b = deviceOf(dataDir)
  return a !== null && b !== null && a === b
}

/** The same test for a file that was just written (its folder is what counts). */
export function fileOnSameDrive(file: string, dataDir: string): boolean {
  return onSameDrive(dirname(file), dataDir)
}
