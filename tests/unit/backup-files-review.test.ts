// Backup files under attack and under accident: defects found by a reviewing helper. Each test
// states the behaviour a caseworker, a shelter manager or a security reviewer expects, and failed
// on the code before its fix (session 21).
import { describe, expect, it } from 'vitest'
import { existsSync, readdirSync } from 'node:fs'
import { basename, join } from 'node:path'
import { generateX25519Identity, identityToRecipient } from 'age-encryption'
import {
  ADMIN,
  call,
  createdVault,
  folderFileAccess,
  tempDir,
  testHost,
  TEST_KDF,
} from './support/temp-vault'
import { runAutoBackup } from '../../main/core/backup/auto-backup'
import { runCli } from '../../main/cli/commands'
import { createBackup } from '../../main/core/backup/create-backup'
import { restoreBackup } from '../../main/core/backup/restore-backup'
import { createUserService } from '../../main/core/users/user-service'
import { CaseVaultError } from '../../main/core/errors'
import { Vault } from '../../main/core/vault/vault'
import { fillWithSyntheticCases } from '../../main/core/training/fill-vault'
import { PASSPHRASE } from './support/backup-attack-fixtures'

function run(argv: string[], stdin = '') {
  const out: string[] = []
  const err: string[] = []
  const code = runCli(argv, {
    stdinLines: async () => stdin.split('\n'),
    out: (line) => out.push(line),
    err: (line) => err.push(line),
  })
  return code.then((exit) => ({ exit, out, err }))
}

async function autoBackupOf(vault: Vault, folder: string, keep: number, recipients: string[]) {
  const key = vault.databaseKeyCopy()
  try {
    return await runAutoBackup(
      vault.session()!,
      vault.dataDir,
      { enabled: true, folder, recipients, keep },
      { appVersion: 'test', databaseKey: key, organisation: vault.organisation() ?? 'vault' },
    )
  } finally {
    key.fill(0)
  }
}

describe('automatic backups of the organisation’s keys, from the command line', () => {
  // Today verify-backup and restore read only a passphrase from stdin: given the organisation's
  // private key they answer "WRONG_PASSPHRASE: This backup opens with the private key." and offer
  // no way to give it. Every automatic backup is made to public keys, so after a dead laptop the
  // admin command line (the documented recovery tool) can neither check nor restore them.
  it('verify-backup accepts the organisation’s private key for an automatic backup', async () => {
    const { vault } = await createdVault({ dataDir: join(tempDir(), 'data') })
    const identity = await generateX25519Identity()
    const { file } = await autoBackupOf(vault, tempDir(), 3, [await identityToRecipient(identity)])
    const verify = await run(['verify-backup', '--file', file], `${identity}\n`)
    expect(verify.err).toEqual([])
    expect(verify.exit).toBe(0)
    expect(verify.out.at(-1)).toBe('ok')
  })

  it('restore accepts the organisation’s private key for an automatic backup', async () => {
    const { vault } = await createdVault({ dataDir: join(tempDir(), 'data') })
    const identity = await generateX25519Identity()
    const { file } = await autoBackupOf(vault, tempDir(), 3, [await identityToRecipient(identity)])
    vault.lock('user')
    const restore = await run(['restore', '--data', vault.dataDir, '--file', file], `${identity}\n`)
    expect(restore.err).toEqual([])
    expect(restore.exit).toBe(0)
  })
})

describe('verify-backup given a folder', () => {
  // The admin types the backup folder (or a folder drag-dropped into the terminal) as --file. The
  // existence check opens it without complaint (Linux opens a folder for reading), then the read
  // fails with EISDIR and that is reported as "BACKUP_DAMAGED: The backup file is damaged or
  // incomplete.": the admin is told a good backup is broken. --out already names a folder as such.
  it('says a folder is not a backup file, rather than calling a backup damaged', async () => {
    const folder = tempDir()
    const verify = await run(
      ['verify-backup', '--file', folder],
      'orange kettle marching under seven lanterns\n',
    )
    expect(verify.exit).toBe(1)
    expect(verify.err.join('\n')).not.toMatch(/BACKUP_DAMAGED/)
  })
})

describe('rotation of automatic backups in a folder two vaults share', () => {
  // Two laptops of one organisation (or a second copy set up from a backup, which audit-fork.ts
  // expects) back up to the same stick or network folder. Rotation picks "ours" by the
  // organisation's name alone, so the second laptop's lock deletes the first laptop's backups:
  // with keep = 1, its only one. That laptop then has no backup at all, and nobody is told.
  it('never deletes the automatic backups another vault of the same organisation wrote there', async () => {
    const folder = tempDir()
    const recipients = [await identityToRecipient(await generateX25519Identity())]
    const office = await createdVault({
      dataDir: join(tempDir(), 'office'),
      clock: () => new Date(2026, 10, 27, 9, 0, 0),
    })
    const fieldLaptop = await createdVault({
      dataDir: join(tempDir(), 'field'),
      clock: () => new Date(2026, 10, 27, 9, 30, 0),
    })
    expect(office.vault.organisation()).toBe(ADMIN.organisation)
    expect(fieldLaptop.vault.organisation()).toBe(ADMIN.organisation)
    const officeBackup = await autoBackupOf(office.vault, folder, 1, recipients)
    const fieldBackup = await autoBackupOf(fieldLaptop.vault, folder, 1, recipients)
    expect(fieldBackup.removed).toEqual([])
    expect(readdirSync(folder).sort()).toEqual(
      [basename(officeBackup.file), basename(fieldBackup.file)].sort(),
    )
    expect(existsSync(officeBackup.file)).toBe(true)
  })
})

describe('a backup while an admin changes an account', () => {
  // createBackup opens the database snapshot first, then waits for the backup key to be sealed
  // (Argon2 for a passphrase: half a second or more in the app) and only then reads vault.json.
  // An account deactivated in that window is active in the snapshot's users table but has its
  // key slot emptied in the backup's vault.json. After a restore the Users screen lists that
  // colleague as active, yet they cannot sign in (USER_DEACTIVATED), and a passphrase reset is
  // refused ("deactivated meanwhile"): an account nobody can use or repair.
  it('holds key slots of the same moment as its database snapshot', async () => {
    const { vault } = await createdVault({ dataDir: join(tempDir(), 'data') })
    const session = vault.session()!
    const users = createUserService(vault)
    await users.create(session, {
      username: 'dana',
      displayName: 'Dana Ruiz',
      role: 'caseworker',
      passphrase: 'dana walks the long harbour road',
    } as never)
    const out = join(tempDir(), 'during.cvbackup')
    const key = vault.databaseKeyCopy()
    const making = createBackup(
      session,
      vault.dataDir,
      out,
      { passphrase: PASSPHRASE },
      {
        appVersion: 'test',
        scryptWorkFactor: 10,
        databaseKey: key,
      },
    )
    // The snapshot is open by now; the admin deactivates Dana while the backup is being written.
    users.deactivate(session, 'dana')
    await making
    key.fill(0)
    vault.lock('user')

    const restoredDir = join(tempDir(), 'restored')
    await restoreBackup(restoredDir, out, { passphrase: PASSPHRASE }, { onlyIntoEmptyFolder: true })
    const restored = new Vault({ dataDir: restoredDir, kdf: TEST_KDF, allowKdfBelowFloor: true })
    const admin = await restored.unlock(ADMIN.username, ADMIN.passphrase)
    const listed = admin.users.findByUsername('dana')
    restored.lock('user')
    // What the restored vault lists and what it lets in must agree: the snapshot says active.
    expect(listed?.active).toBe(true)
    const outcome = await restored.unlock('dana', 'dana walks the long harbour road').then(
      () => 'OK',
      (error: unknown) => (error instanceof CaseVaultError ? error.code : String(error)),
    )
    restored.lock('user')
    expect(outcome).toBe('OK')
  })
})

describe('a backup made while an export is reading the vault', () => {
  // An export reads on worker threads, each holding a read transaction on its own connection
  // (export-worker.ts). The backup's snapshot needs a full checkpoint, which a reader holds up, and
  // live-snapshot.ts takes any busy checkpoint for another backup: the admin who starts a backup
  // while a report export runs is told "Another backup is being made" (the screen: "A backup is
  // already being made … or an automatic one"), when no backup is running. The backup is not made
  // and the message sends them looking for a backup that does not exist.
  it('is made, or refused with a reason that names what is running, not "another backup"', async () => {
    const { vault } = await createdVault({ dataDir: join(tempDir(), 'data') })
    const session = vault.session()!
    session.settings.markAsTrainingVault()
    fillWithSyntheticCases(session, 2500, { seed: 1, assignees: [] } as never)
    vault.lock('user')
    const { host } = testHost(vault.dataDir, folderFileAccess(tempDir()))
    await call(host, 'vault:unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase })
    const recipient = await identityToRecipient(await generateX25519Identity())
    let backup: Promise<{ ok: boolean; error?: { code: string; details?: Record<string, unknown> } }> | null =
      null
    host.onProgress((progress) => {
      // The export's workers are reading its cases: start the backup now, as an admin might.
      if (progress.operation === 'export' && progress.stage === 'read' && (progress.fraction ?? 0) > 0)
        backup ??= host.dispatch('backup:create', { recipients: [recipient] }) as never
    })
    const exported = await host.dispatch('export:run', {
      format: 'htcds-json',
      protection: { recipients: [recipient] },
    })
    expect(exported.ok).toBe(true)
    expect(backup).not.toBeNull()
    const outcome = await backup!
    if (!outcome.ok) expect(outcome.error?.details?.operation).not.toBe('backup')
  })
})
