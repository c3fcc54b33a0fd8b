// While a process has the vault open, it leaves a small file in the data folder saying so. A
// restore (or bringing back a rollback copy) moves the whole folder aside: done from a second
// program while the app had the vault open — the command line, say — the app went on writing
// into the folder that had become the rollback copy, and that work was out of sight. The swap
// refuses while another live process on this computer has the vault open.
import { hostname, uptime } from 'node:os'
import { join, resolve } from 'node:path'
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { CaseVaultError } from '../errors'

const PREFIX = 'in-use.'
const markerPath = (dataDir: string, pid = process.pid) => join(dataDir, `${PREFIX}${pid}`)

// One marker per process, however many Vault objects in it have the folder open: locking one of
// them must not take the marker away from another that is still open.
const holders = new Map<string, number>()

/** Written when this process opens the vault; a crash leaves it, and the checks below then ignore it. */
export function markInUse(dataDir: string): void {
  const key = resolve(dataDir)
  holders.set(key, (holders.get(key) ?? 0) + 1)
  try {
    writeFileSync(markerPath(dataDir), JSON.stringify({ host: hostname() }), { mode: 0o600 })
  } catch {
    // Not being able to say so must not keep anyone out of the vault.
  }
}

export function clearInUse(dataDir: string): void {
  const key = resolve(dataDir)
  const left = (holders.get(key) ?? 1) - 1
  if (left > 0) {
    holders.set(key, left)
    return
  }
  holders.delete(key)
  rmSync(markerPath(dataDir), { force: true })
}

// A marker last written before this computer started was left by a crash or a power cut: after
// the reboot its process id may belong to an unrelated program, which must not block restores.
// A minute's slack for the clock's rounding keeps a marker written just after boot counted.
const BOOT_SLACK_MS = 60_000
function writtenBeforeBoot(path: string): boolean {
  try {
    return statSync(path).mtimeMs < Date.now() - uptime() * 1000 - BOOT_SLACK_MS
  } catch {
    return false
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM' // alive, but another user's
  }
}

/**
 * Process ids on this computer, other than this one, that have the vault open now. A marker of a
 * process that has ended, or written before the computer last started, is removed. One from another computer (a data folder on a shared drive)
 * is not counted: its process cannot be checked from here, and a stale one would block forever.
 */
export function otherProcessesUsing(dataDir: string): number[] {
  let names: string[]
  try {
    names = readdirSync(dataDir).filter((name) => name.startsWith(PREFIX))
  } catch {
    return []
  }
  const here = hostname()
  return names.flatMap((name) => {
    const pid = Number(name.slice(PREFIX.length))
    if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return []
    let host: unknown
    try {
      host = (JSON.parse(readFileSync(join(dataDir, name), 'utf8')) as { host?: unknown }).host
    } catch {
      host = here // unreadable: judged by its pid alone
    }
    if (host !== here) return []
    if (alive(pid) && !writtenBeforeBoot(join(dataDir, name))) return [pid]
    rmSync(join(dataDir, name), { force: true })
    return []
  })
}

/** Before the data folder is moved aside: refused while another program has the vault open. */
export function assertNotOpenElsewhere(dataDir: string): void {
  const others = otherProcessesUsing(dataDir)
  if (others.length > 0)
    throw new CaseVaultError(
      'VAULT_IN_USE',
      'The vault is open in another CaseVault window or program. Lock it or close that program first.',
      { processes: others },
    )
}
