// A check or restore cut short by a crash or a killed app leaves its unpacked backup behind (in
// /dev/shm it holds RAM until the next reboot). The next start removes those left for an hour.
import { existsSync, mkdirSync, utimesSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  restoreStagingFolder,
  sweepAbandonedScratch,
  VERIFY_SCRATCH_PREFIX,
} from '../../main/core/backup/scratch-folder'
import { tempDir } from './support/temp-vault'

const HOUR = 60 * 60 * 1000

function folderWrittenAt(path: string, at: Date): string {
  mkdirSync(path, { recursive: true })
  utimesSync(path, at, at)
  return path
}

describe('sweeping what an interrupted check or restore left behind', () => {
  it('removes staging and scratch folders older than an hour, and keeps recent ones and other files', async () => {
    const now = new Date('2026-11-28T12:00:00Z')
    const dataDir = join(tempDir(), 'data')
    mkdirSync(dataDir)
    const oldStaging = folderWrittenAt(
      restoreStagingFolder(dataDir, new Date(now.getTime() - 3 * HOUR)),
      new Date(now.getTime() - 3 * HOUR),
    )
    const runningStaging = folderWrittenAt(
      restoreStagingFolder(dataDir, now),
      new Date(now.getTime() - 5 * 60 * 1000),
    )
    const otherVaultsStaging = folderWrittenAt(
      join(dataDir, '..', '.other.restore-x'),
      new Date(now.getTime() - 3 * HOUR),
    )
    const oldScratch = folderWrittenAt(
      join(tmpdir(), `${VERIFY_SCRATCH_PREFIX}sweep-test-${process.pid}`),
      new Date(now.getTime() - 2 * HOUR),
    )

    const removed = await sweepAbandonedScratch(dataDir, now)

    expect(removed).toEqual(expect.arrayContaining([oldStaging, oldScratch]))
    expect(existsSync(oldStaging)).toBe(false)
    expect(existsSync(oldScratch)).toBe(false)
    expect(existsSync(runningStaging)).toBe(true)
    expect(existsSync(otherVaultsStaging)).toBe(true)
    expect(existsSync(dataDir)).toBe(true)
  })
})
