// The app asks before it restores over work done since the backup; the command line cannot (it
// restores without signing in, so it reads no live vault). It says afterwards, from the previous
// vault's file times, that such work is in the rollback copy only, and where that copy is.
import { utimesSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DATABASE_FILE } from '../../main/core/vault/vault-header'
import { BACKUP_PASSPHRASE, closedVaultWithBackup, runCommand } from './support/cli-run'

const restore = (dataDir: string, file: string) =>
  runCommand(['restore', '--data', dataDir, '--file', file], `${BACKUP_PASSPHRASE}\n`)

describe('a command-line restore over a vault written after the backup', () => {
  it('says that what was done since is only in the rollback copy', async () => {
    const { dataDir, file } = await closedVaultWithBackup()
    const later = new Date(Date.now() + 2 * 3600 * 1000) // work done two hours after the backup
    utimesSync(join(dataDir, DATABASE_FILE), later, later)
    const result = await restore(dataDir, file)
    expect(result.exit).toBe(0)
    const rollback = result.out.find((line) => line.startsWith('previous vault kept in: '))
    expect(rollback).toBeDefined()
    expect(result.out).toContainEqual(
      expect.stringMatching(
        new RegExp(
          `^note: the previous vault was written at ${later.toISOString()}, after this backup was made .*only in the rollback copy$`,
        ),
      ),
    )
  })

  it('says nothing of the kind when the vault is as the backup left it', async () => {
    const { dataDir, file } = await closedVaultWithBackup()
    const result = await restore(dataDir, file)
    expect(result.exit).toBe(0)
    expect(result.out.filter((line) => line.startsWith('note:'))).toEqual([])
  })
})
