import { describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { createdVault, tempDir } from './support/temp-vault'
import { createBackup } from '../../main/core/backup/create-backup'
import { verifyBackup } from '../../main/core/backup/verify-backup'
import { CaseVaultError } from '../../main/core/errors'
import type { VaultSession } from '../../main/core/vault/vault-session'

const PASSPHRASE = 'orange kettle marching under seven lanterns'

function addStaff(session: VaultSession, from: number, count: number) {
  session.db.transaction(() => {
    for (let i = from; i < from + count; i += 1)
      session.users.insert(
        { username: `staff${i}`, displayName: `Staff ${i} ${'x'.repeat(2000)}`, role: 'caseworker' },
        '2026-01-01',
      )
  })()
}

describe('backup snapshot of the live file', () => {
  it('holds the state of the moment it began while the app keeps writing and checkpointing', async () => {
    const { vault } = await createdVault({ dataDir: join(tempDir(), 'data') })
    const session = vault.session()!
    addStaff(session, 0, 200)
    const usersBefore = (session.db.prepare('SELECT count(*) AS n FROM users').get() as { n: number }).n
    const out = join(tempDir(), 'live.cvbackup')
    const key = vault.databaseKeyCopy()
    let checkpointDuringBackup: unknown
    try {
      const manifest = await createBackup(
        session,
        vault.dataDir,
        out,
        { passphrase: PASSPHRASE },
        {
          appVersion: 'test',
          scryptWorkFactor: 10,
          databaseKey: key,
          onProgress: (stage, fraction) => {
            if (stage !== 'encrypt' || fraction !== 0) return
            // Before a byte of the database is read: more rows (enough pages to pass the
            // auto-checkpoint), then a forced checkpoint, which would copy them into the file
            // being read if nothing held the snapshot.
            addStaff(session, 1000, 100)
            session.db.pragma('busy_timeout = 0') // busy at once, not after the 5 s wait
            checkpointDuringBackup = session.db.pragma('wal_checkpoint(TRUNCATE)')
            session.db.pragma('busy_timeout = 5000')
          },
        },
      )
      expect(manifest.counts.users).toBe(usersBefore)
    } finally {
      key.fill(0)
    }
    expect(checkpointDuringBackup).toEqual([expect.objectContaining({ busy: 1 })])
    const verified = await verifyBackup(out, { passphrase: PASSPHRASE })
    expect(verified.counts.users).toBe(usersBefore)
    // The live vault kept every write, and checkpoints normally again once the backup let go.
    expect((session.db.prepare('SELECT count(*) AS n FROM users').get() as { n: number }).n).toBe(
      usersBefore + 100,
    )
    expect(session.db.pragma('wal_checkpoint(TRUNCATE)')).toEqual([
      expect.objectContaining({ busy: 0, log: 0 }),
    ])
  })

  it('refuses a second backup while one holds the snapshot and the app has written since', async () => {
    const { vault } = await createdVault({ dataDir: join(tempDir(), 'data') })
    const session = vault.session()!
    addStaff(session, 0, 50)
    const key = vault.databaseKeyCopy()
    const options = { appVersion: 'test', scryptWorkFactor: 10, databaseKey: key }
    let second: Promise<unknown> | undefined
    try {
      await createBackup(
        session,
        vault.dataDir,
        join(tempDir(), 'first.cvbackup'),
        { passphrase: PASSPHRASE },
        {
          ...options,
          onProgress: (stage, fraction) => {
            if (stage === 'encrypt' && fraction === 0 && !second) {
              addStaff(session, 100, 5)
              second = createBackup(
                session,
                vault.dataDir,
                join(tempDir(), 'second.cvbackup'),
                {
                  passphrase: PASSPHRASE,
                },
                options,
              ).catch((error: unknown) => error)
            }
          },
        },
      )
      const error = await second
      expect(error).toBeInstanceOf(CaseVaultError)
      expect((error as CaseVaultError).code).toBe('CONFLICT')
    } finally {
      key.fill(0)
    }
  })
})
