// The last step of a backup is the sync that puts it on the USB stick (seconds on a slow stick,
// with the bar already at 100 %). Found by a reviewing helper (failed before): a Cancel pressed
// then still renamed the new file over the earlier backup the admin chose to replace, and the
// cancel then removed it: "Cancelled. Nothing was written.", and no backup at all. The Cancel is
// stood in for by a cancel dispatched while that sync's file is opened.
import { describe, expect, it, vi } from 'vitest'
import type * as FsPromises from 'node:fs/promises'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { ADMIN, call, folderFileAccess, tempDir, testHost } from './support/temp-vault'
import { createCase } from './support/case-fixtures'

const hook = vi.hoisted(() => ({ atLastSync: null as (() => void) | null }))
vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof FsPromises>()
  const open: typeof actual.open = async (path, flags, mode) => {
    if (String(path).endsWith('.partial') && flags === 'r') hook.atLastSync?.()
    return actual.open(path, flags, mode)
  }
  return { ...actual, open, default: { ...actual, open } }
})

const BACKUP_PASSPHRASE = 'velvet compass hums over eleven salt marshes'

describe('cancelling a backup saved over an earlier one', () => {
  it('leaves the earlier backup in place when Cancel comes during the last sync', async () => {
    const access = folderFileAccess(tempDir())
    // The save dialog offered last backup's name (same minute) and the admin said "Replace".
    const path = join(access.folder, 'CaseVault-Safe-Harbour-Shelter-2026-11-27-0900.cvbackup')
    access.files.chooseSaveLocation = async () => path
    const { host } = testHost(join(tempDir(), 'data'), access)
    await call(host, 'vault:create', ADMIN)
    await createCase(host)
    await call(host, 'backup:create', { passphrase: BACKUP_PASSPHRASE })
    const earlier = readFileSync(path)

    let cancelled = false
    hook.atLastSync = () => {
      hook.atLastSync = null
      cancelled = true
      void host.dispatch('backup:cancel', undefined)
    }
    const result = await host.dispatch('backup:create', { passphrase: BACKUP_PASSPHRASE })
    expect(cancelled).toBe(true)
    expect(result.ok ? 'OK' : result.error.code).toBe('CANCELLED')
    expect(existsSync(path)).toBe(true)
    expect(readFileSync(path).equals(earlier)).toBe(true)
    expect(readdirSync(access.folder).filter((name) => name.endsWith('.partial'))).toEqual([])
  })
})
