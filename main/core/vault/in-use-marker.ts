// While a process has the vault open, it leaves a small file in the data folder saying so. A
// restore (or bringing back a rollback copy) moves the whole folder aside: done from a second
// program while the app had the vault open — the command line, say — the app went on writing
// into the folder that had become the rollback copy, and that work was out of sight. The swap
// refuses while another live process on this computer has the vault open.
import { hostname, uptime } from 'node:os'
import { join, resolve } from 'node:path'
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
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
    const content = { host: hostname(), bootId: bootId(), uptime: uptime() }
    writeFileSync(markerPath(dataDir), JSON.stringify(content), { mode: 0o600 })
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

// A marker left by a crash or a power cut, read after a reboot: its process id may belong to an
// unrelated program now, which must not block restores. Told by the boot, never by the wall clock
// (a clock corrected after the marker was written made a live program's marker look older than the
// boot: found by a reviewing helper): Linux names each boot; elsewhere, the seconds since boot at
// writing, more than now, mean a reboot in between.
const BOOT_ID_FILE = '/proc/sys/kernel/random/boot_id'
function bootId(): string | null {
  try {
    return readFileSync(BOOT_ID_FILE, 'utf8').trim() || null
  } catch {
    return null
  }
}

interface MarkerContent {
  host?: unknown
  bootId?: unknown
  uptime?: unknown
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM' // alive, but another user's
  }
}

function fromAnEarlierBoot(marker: MarkerContent): boolean {
  const now = bootId()
  if (typeof marker.bootId === 'string' && now !== null) return marker.bootId !== now
  return typeof marker.uptime === 'number' && marker.uptime > uptime() + 1
}

/**
 * Process ids on this computer, other than this one, that have the vault open now. A marker of a
 * process that has ended, or of an earlier boot, is removed. One from another computer (a data
 * folder on a shared drive) is not counted: its process cannot be checked from here, and a stale
 * one would block forever.
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
    let marker: MarkerContent
    try {
      marker = JSON.parse(readFileSync(join(dataDir, name), 'utf8')) as MarkerContent
    } catch {
      marker = { host: here } // unreadable: judged by its pid alone
    }
    if (marker.host !== here) return []
    if (alive(pid) && !fromAnEarlierBoot(marker)) return [pid]
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
