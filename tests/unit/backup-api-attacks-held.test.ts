// Attacks on the backup API that held up when a reviewing helper tried them (roles, hostile
// payloads, a caseworker's lock, file names, the automatic backup folder): kept so that they go on
// holding.
import { describe, expect, it } from 'vitest'
import { mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { generateX25519Identity, identityToRecipient } from 'age-encryption'
import {
  ADMIN,
  call,
  createdVault,
  errorCode,
  folderFileAccess,
  tempDir,
  testHost,
} from './support/temp-vault'
import { CASEWORKER, createCase, signInAs, staffedHost } from './support/case-fixtures'
import { backupFileName } from '../../main/core/backup/backup-format'
import {
  autoBackupFileName,
  rotateAutoBackups,
  runAutoBackup,
  vaultTag,
} from '../../main/core/backup/auto-backup'
import type { AutoBackupStatus, BackupResult } from '../../main/api/contract'

import { API_PASSPHRASE, codeOf } from './support/backup-attack-fixtures'

describe('roles and payloads (held up)', () => {
  const adminOnly: [string, unknown][] = [
    ['backup:create', { passphrase: API_PASSPHRASE }],
    ['backup:verify', { passphrase: API_PASSPHRASE }],
    ['backup:restore', { passphrase: API_PASSPHRASE }],
    ['backup:updateSettings', { warnAfterDays: 30 }],
    ['backup:autoStatus', undefined],
    ['backup:updateAuto', { enabled: false, recipients: [], keep: 3 }],
    ['backup:chooseAutoFolder', undefined],
    ['backup:rollbackCopies', undefined],
    ['backup:removeRollbackCopies', undefined],
    ['backup:bringBackRollbackCopy', { name: 'data.rollback-2026-01-01T00-00-00-000Z' }],
    ['backup:cancel', undefined],
  ]

  it.each(['bilal', 'dana', 'eli'])(
    '%s (caseworker, supervisor, analyst) is refused every admin backup call',
    async (who) => {
      const { host } = await staffedHost(who)
      for (const [channel, input] of adminOnly)
        expect([channel, await errorCode(host, channel, input)]).toEqual([channel, 'FORBIDDEN'])
      // The first-run restore is public, but never once a vault exists.
      expect(await errorCode(host, 'backup:restoreFirst', { passphrase: API_PASSPHRASE })).toBe(
        'VAULT_EXISTS',
      )
      expect(await call(host, 'backup:cancelRestoreFirst')).toBe(false)
    },
  )

  it('refuses hostile payloads before anything runs', async () => {
    const { host } = await staffedHost(ADMIN.username)
    const recipient = await identityToRecipient(await generateX25519Identity())
    for (const [channel, input] of [
      ['backup:create', { passphrase: API_PASSPHRASE, recipients: [recipient] }],
      ['backup:create', { passphrase: API_PASSPHRASE, file: '/etc/passwd' }],
      ['backup:create', { recipients: Array(11).fill(recipient) }],
      ['backup:create', { passphrase: 'x'.repeat(1025) }],
      ['backup:verify', { passphrase: API_PASSPHRASE, identity: 'AGE-SECRET-KEY-1' + 'Q'.repeat(58) }],
      ['backup:restore', { passphrase: API_PASSPHRASE, anotherVault: false }],
      ['backup:restore', { passphrase: API_PASSPHRASE, file: '/tmp/x.cvbackup' }],
      ['backup:updateAuto', { enabled: false, recipients: [recipient], keep: 101 }],
      ['backup:updateAuto', { enabled: false, recipients: [recipient], keep: 3, folder: '/' }],
      ['backup:bringBackRollbackCopy', { name: '../../etc' + 'x'.repeat(300) }],
      ['backup:updateSettings', { warnAfterDays: 0 }],
    ] as [string, unknown][])
      expect([channel, await errorCode(host, channel, input)]).toEqual([channel, 'VALIDATION'])
    // An unknown key in the settings is dropped, never saved: the folder stays main's choice.
    await call(host, 'backup:updateSettings', { warnAfterDays: 9, folder: '/' })
    expect((await call<AutoBackupStatus>(host, 'backup:autoStatus')).folder).toBeNull()
    expect(await errorCode(host, 'backup:bringBackRollbackCopy', { name: '../data' })).toBe('NOT_FOUND')
  })

  it('a caseworker’s lock makes the automatic backup the admin set up, and cannot change it', async () => {
    const { host } = await staffedHost(ADMIN.username)
    await call(host, 'backup:chooseAutoFolder')
    const recipient = await identityToRecipient(await generateX25519Identity())
    const status = await call<AutoBackupStatus>(host, 'backup:updateAuto', {
      enabled: true,
      recipients: [recipient],
      keep: 2,
    })
    await signInAs(host, CASEWORKER.username) // the admin's lock backs up too
    const backups = () => readdirSync(status.folder!).filter((name) => name.endsWith('.cvbackup'))
    for (const name of backups()) rmSync(join(status.folder!, name))
    expect(await errorCode(host, 'backup:updateAuto', { enabled: false, recipients: [], keep: 1 })).toBe(
      'FORBIDDEN',
    )
    await call(host, 'vault:lock')
    expect(backups()).toHaveLength(1)
  })
})

describe('file names and the automatic backup folder (held up)', () => {
  it.each([
    '../../etc/passwd',
    'C:\\Windows\\System32',
    'Safe.Harbour.',
    '..',
    '   ',
    'a/b\\c:d*e?f"g<h>i|j',
  ])('an organisation named %j gives a file name with no path in it', (organisation) => {
    const at = new Date(2026, 10, 27, 9, 0, 5)
    const vaultId = '5b0c9d8e-1f2a-4b3c-8d4e-5f6a7b8c9d0e'
    for (const name of [
      backupFileName(organisation, at),
      autoBackupFileName({ organisation, vaultId }, at),
    ]) {
      expect(name).toMatch(/^CaseVault-[A-Za-z0-9-]+\.cvbackup$/)
      expect(name).not.toContain('..')
    }
  })

  it('rotation leaves partial files, hand-made backups, folders and look-alikes alone', async () => {
    const folder = tempDir()
    const owner = { organisation: 'Safe Harbour Shelter', vaultId: '5b0c9d8e-1f2a-4b3c-8d4e-5f6a7b8c9d0e' }
    const ours = [1, 2, 3].map((minute) => autoBackupFileName(owner, new Date(2026, 10, 27, 9, minute, 0)))
    const tag = vaultTag(owner.vaultId)
    const others = [
      `${ours[0]}.1a2b3c4d5e6f.partial`,
      'CaseVault-Safe-Harbour-Shelter-2026-11-27-0900.cvbackup',
      `CaseVault-Safe-Harbour-Shelter-auto-${tag}-2026-11-27-0900.cvbackup`,
      `${ours[0]}.txt`,
      `CaseVault-Safe-Harbour-Shelter-Annex-auto-${tag}-2026-11-27-090000.cvbackup`,
      // Named before vault tags: any vault of the organisation may have written it.
      'CaseVault-Safe-Harbour-Shelter-auto-2026-11-27-090000.cvbackup',
    ]
    for (const name of [...ours, ...others]) writeFileSync(join(folder, name), 'x')
    mkdirSync(join(folder, 'CaseVault-Safe-Harbour-Shelter-auto-archive'))
    await rotateAutoBackups(folder, owner, 1)
    for (const name of others) expect(readdirSync(folder)).toContain(name)
  })

  it('an automatic backup folder that became the vault folder is refused at the time of the backup; nothing is written there', async () => {
    const { vault } = await createdVault({ dataDir: join(tempDir(), 'data') })
    const recipient = await identityToRecipient(await generateX25519Identity())
    const before = readdirSync(vault.dataDir).sort()
    const key = vault.databaseKeyCopy()
    try {
      for (const folder of [
        vault.dataDir,
        join(vault.dataDir, '.'),
        `${vault.dataDir}.rollback-2026-01-01T00-00-00-000Z`,
      ]) {
        mkdirSync(folder, { recursive: true })
        expect(
          await codeOf(
            runAutoBackup(
              vault.session()!,
              vault.dataDir,
              { enabled: true, folder, recipients: [recipient], keep: 1 },
              {
                appVersion: 'test',
                databaseKey: key,
                organisation: ADMIN.organisation,
              },
            ),
          ),
        ).toBe('FILE_IN_VAULT_FOLDER')
      }
    } finally {
      key.fill(0)
    }
    expect(readdirSync(vault.dataDir).sort()).toEqual(before)
  })

  it('a backup by hand through the API is saved owner-only under the suggested name', async () => {
    const access = folderFileAccess(tempDir())
    const { host } = testHost(join(tempDir(), 'data'), access)
    await call(host, 'vault:create', ADMIN)
    await createCase(host)
    const made = await call<BackupResult>(host, 'backup:create', { passphrase: API_PASSPHRASE })
    expect(statSync(made.file!).mode & 0o777).toBe(0o600)
    expect(readdirSync(access.folder)).toEqual([basename(made.file!)])
  })
})
