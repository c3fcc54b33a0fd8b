// Defects found when backups, restores and vaults cross schema versions (a reviewing helper,
// session 19): each test failed before its fix. Older
// vaults are made as the upgrade tests do: a vault of this version with the later migrations'
// effects undone and user_version lowered, then backed up (see backup-across-schemas-held.test.ts).
import { describe, expect, it } from 'vitest'
import {
  FAST,
  hostPicking,
  officeBackupAt,
  PASS,
  unlockAdmin,
  withFailingStep,
} from './support/old-schema-fixtures'
import { join } from 'node:path'
import { ADMIN, call, errorCode, tempDir, testHost, testVault } from './support/temp-vault'
import { createCase, staffedHost, survivorCase } from './support/case-fixtures'
import { codeOf, forged, PASSPHRASE as ATTACK_PASSPHRASE } from './support/backup-attack-fixtures'
import { createBackup } from '../../main/core/backup/create-backup'
import { verifyBackup } from '../../main/core/backup/verify-backup'
import { restoreBackup } from '../../main/core/backup/restore-backup'
import { SCHEMA_VERSION } from '../../main/core/db/migrate'
import type { CasePage } from '../../main/api/contract'

/** A vault (at this schema) with one case, its folder beside a temp folder for rollback copies. */
async function officeWithCase() {
  const { host, dataDir, recoveryKey } = await staffedHost(ADMIN.username)
  await createCase(host, survivorCase({ survivor: { prs_FirstName: 'Ana', prs_Citizenship: ['UA', 'MD'] } }))
  await call(host, 'vault:lock')
  host.dispose()
  return { dataDir, recoveryKey }
}

/** A backup of `dataDir` made after `change` ran on the open database (then undone if `undo`). */
async function backupAfter(dataDir: string, change: string, passphrase = PASS, undo?: string) {
  const vault = testVault({ dataDir })
  const session = await vault.unlock(ADMIN.username, ADMIN.passphrase)
  session.db.exec(change)
  const file = join(tempDir(), 'backup.cvbackup')
  const key = vault.databaseKeyCopy()
  try {
    return {
      file,
      manifest: await createBackup(session, dataDir, file, { passphrase }, { ...FAST, databaseKey: key }),
    }
  } finally {
    key.fill(0)
    if (undo) session.db.exec(undo)
    vault.lock('user')
  }
}

describe('defects: backups and restores across schema versions', () => {
  /**
   * What a user does: the shelter manager, signed in to this year's vault, restores last year's
   * backup on the Backup screen (made at schema 8). One of the upgrade steps this app runs on an
   * older vault fails on that backup's data (here: 0011's step throws, as any bug or unexpected
   * old row would).
   * What happens: restore-backup.ts verifies the backup (integrity, audit chain, counts) but never
   * tries the upgrade; it swaps the folder in (restore-backup.ts:90, swapIntoDataFolder) and the
   * app locks. The unlock then runs migrate() (open-vault-database.ts:61), which fails: the
   * restored vault cannot be opened, and the way back — "bring back the previous vault" — is an
   * admin call that needs a signed-in session (contract/backup.ts:142), which nothing can now
   * give. The manager is locked out of both the restored vault and this year's one.
   * What should happen: the restore proves the staged copy upgrades (it is a private copy in the
   * staging folder: run migrate() on it, or in a transaction rolled back) before anything is
   * swapped; if it cannot, refuse with a coded error and leave the live vault as it was, open.
   */
  it('a restore whose upgrade then fails leaves the admin able to open the vault (it was not swapped in)', async () => {
    const office = await officeBackupAt(8)
    const { host } = hostPicking(office.file, office.dataDir)
    await unlockAdmin(host) // this year's vault, at this schema
    const outcome = await withFailingStep(11, async () => {
      const restore = await errorCode(host, 'backup:restore', { passphrase: PASS })
      await call(host, 'vault:lock')
      const unlock = await errorCode(host, 'vault:unlock', {
        username: ADMIN.username,
        passphrase: ADMIN.passphrase,
      })
      return { restore, unlock }
    })
    // Whatever the restore answered, the admin can sign in to the vault in the data folder.
    expect(outcome.unlock).toBe('OK')
  })

  /**
   * What a user does: unlocks a vault restored from an older backup (or the vault after an app
   * update) and one of the pending migrations fails.
   * What happens: migrate() (migrate.ts:62-68) lets the raw exception through; openVaultDatabase
   * and Vault.unlock pass it on, and dispatch.ts:70 turns it into INTERNAL "Something went wrong.
   * Nothing was saved." The unlock screen cannot say that the vault needs an upgrade this app could
   * not do (from which schema, to which), nor that the data is unchanged and the backup or the
   * rollback copy is safe; support gets no code to act on.
   * What should happen: migrate() wraps a failure in a CaseVaultError with its own code (say
   * SCHEMA_UPGRADE_FAILED) and details { vaultSchema, appSchema, failedAt }, translated on the
   * unlock screen.
   */
  it('a failed upgrade on unlock is a coded error naming the schemas, not "Something went wrong"', async () => {
    // The office's own folder is left at schema 8 (officeBackupAt), as after an app update.
    const office = await officeBackupAt(8)
    const { host } = testHost(office.dataDir)
    const result = await withFailingStep(11, () =>
      host.dispatch('vault:unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase }),
    )
    expect(result.ok).toBe(false)
    const error = (result as { ok: false; error: { code: string; details?: Record<string, unknown> } }).error
    expect(error.code).not.toBe('INTERNAL')
    expect(error.details).toMatchObject({ vaultSchema: 8, appSchema: SCHEMA_VERSION })
  })

  /**
   * What a user does: restores (or verifies) a backup of a vault still at schema 1 — made by the
   * first CaseVault, before the case tables of 0002 existed (users, audit log and settings only).
   * What happens: verify-backup.ts:61-62 assertHoldsVault requires 'audit_log', 'cases' and 'users',
   * so the backup is refused as BACKUP_DAMAGED "the database holds no vault (no cases table)";
   * yet the unlock accepts exactly such a database (open-vault-database.ts:56-61 requires only
   * 0001's users and audit_log and lets migrate() create the rest), so the vault itself would
   * open and upgrade. An intact backup is called damaged, and cannot be restored.
   * What should happen: verify asks only for the tables of the first migration (as the unlock
   * does), or for those of the backup's own schema version.
   */
  it('a backup made at schema 1 verifies and restores (it is not "damaged")', async () => {
    const office = await officeWithCase()
    const { file } = await backupAfter(
      office.dataDir,
      `PRAGMA foreign_keys = OFF;
       DROP TABLE case_search;
       ${[
         'person_citizenships',
         'support_plans',
         'referral_status_history',
         'referral_consents',
         'referrals',
         'directory_service_types',
         'directory_services',
         'directory_organisations',
         'assessments',
         'assessment_templates',
         'case_number_sequences',
         'attachments',
         'case_comments',
         'case_perpetrators',
         'trafficking_events',
         'case_exploitation_types',
         'cases',
         'persons',
       ]
         .map((table) => `DROP TABLE ${table};`)
         .join('\n')}
       DROP INDEX audit_log_exports; DROP INDEX audit_log_case_deletions; DROP INDEX audit_log_case_moves;
       PRAGMA foreign_keys = ON;
       PRAGMA user_version = 1;`,
    )
    expect(await codeOf(verifyBackup(file, { passphrase: PASS }))).toBe('OK')
    const dataDir = join(tempDir(), 'new-pc')
    expect(await codeOf(restoreBackup(dataDir, file, { passphrase: PASS }))).toBe('OK')
    const { host } = testHost(dataDir)
    await unlockAdmin(host)
    expect((await call<CasePage>(host, 'cases:list', {})).total).toBe(0)
  })

  /**
   * What a user does: verifies, then restores, a backup whose manifest says schema 12 while the
   * database inside is at a schema newer than this app (a manifest written wrongly by a buggy or
   * hand-made tool, or edited; the database part's SHA-256 matches).
   * What happens: readManifest (verify-backup.ts:33) compares only the manifest's schemaVersion
   * with this app's; the database's own user_version is never read, so verify says "ok" and the
   * restore swaps it in. The next unlock refuses it (SCHEMA_TOO_NEW, migrate.ts:53) and, as above,
   * the rollback copy can only be brought back from a signed-in session: locked out.
   * What should happen: verify reads user_version from the snapshot it has open and refuses a
   * database newer than this app (SCHEMA_TOO_NEW) or one that disagrees with the manifest
   * (BACKUP_DAMAGED), before anything is replaced.
   */
  it('a backup whose database is newer than its manifest says is refused by verify', async () => {
    const office = await officeWithCase()
    const { file } = await backupAfter(
      office.dataDir,
      `PRAGMA user_version = ${SCHEMA_VERSION + 1}`,
      ATTACK_PASSPHRASE,
      `PRAGMA user_version = ${SCHEMA_VERSION}`,
    )
    const lying = await forged(file, (manifest) => {
      ;(manifest as unknown as { schemaVersion: number }).schemaVersion = SCHEMA_VERSION
    })
    expect(['SCHEMA_TOO_NEW', 'BACKUP_DAMAGED']).toContain(
      await codeOf(verifyBackup(lying, { passphrase: ATTACK_PASSPHRASE })),
    )
  })

  /**
   * What a user does: verifies, on this version, a backup made by a later CaseVault at the same
   * schema whose manifest also counts a table added by a later migration that this version does
   * not count (person_citizenships, from 0010; COUNTED_TABLES in backup-format.ts lists the tables
   * of 0001–0007 only).
   * What happens: verify-backup.ts:122-125 compares every table the manifest names with the
   * counts this version took (countRowsInTurns counts COUNTED_TABLES only), finds `undefined` for
   * the table it did not count, and refuses the intact backup as BACKUP_DAMAGED ("person_citizenships:
   * undefined rows, the manifest says 1") though the table is there with that many rows.
   * What should happen: a table the manifest counts and the snapshot holds is counted and compared;
   * only a table the snapshot lacks (or a different count) is damage.
   */
  it('a manifest counting a table this version does not count, with the right count, verifies', async () => {
    const office = await officeWithCase()
    const { file } = await backupAfter(office.dataDir, 'SELECT 1', ATTACK_PASSPHRASE)
    const later = await forged(file, (manifest) => {
      manifest.counts.person_citizenships = 1 // Ana's second citizenship (MD)
    })
    expect(await codeOf(verifyBackup(later, { passphrase: ATTACK_PASSPHRASE }))).toBe('OK')
  })
})
