// Vaults and backups at an older schema, for the tests of backups across schema versions: a vault
// of this version with the later migrations' effects undone and user_version lowered, as an older
// CaseVault left it (the upgrade tests do the same: cases-review.test.ts, case-search-folding).
import { expect } from 'vitest'
import { join } from 'node:path'
import { ADMIN, call, folderFileAccess, tempDir, testHost, testVault } from './temp-vault'
import { createCase, staffedHost, survivorCase } from './case-fixtures'
import { outgoingReferral } from './referral-fixtures'
import { walkInScreening } from './screening-fixtures'
import { createBackup } from '../../../main/core/backup/create-backup'
import { MIGRATIONS, schemaVersion } from '../../../main/core/db/migrate'
import { openEncryptedDatabase } from '../../../main/core/db/connection'
import { databasePath } from '../../../main/core/vault/vault-header'
import { parseRecoveryKey } from '../../../main/core/vault/recovery-key'
import type { CaseSearchHit, ReferralDetail } from '../../../main/api/contract'

export const PASS = 'amber lighthouse folds nine paper cranes'
export const FAST = { appVersion: '0.9.0', scryptWorkFactor: 10 }

export type Host = ReturnType<typeof testHost>['host']

/** 0009–0012 undone: the old search index (no folded column), no citizenship table, no audit indexes. */
export const DOWN_TO_8 = `
  DROP INDEX audit_log_exports; DROP INDEX audit_log_case_deletions; DROP INDEX audit_log_case_moves;
  DROP TABLE person_citizenships;
  DROP TABLE case_search;
  CREATE VIRTUAL TABLE case_search USING fts5 (case_number, names, notes, tokenize = 'unicode61 remove_diacritics 2');
  INSERT INTO case_search (case_search, rank) VALUES ('secure-delete', 1);
  INSERT INTO case_search (rowid, case_number, names, notes)
    SELECT c.id, c.case_number, p.display_name, '' FROM cases c JOIN persons p ON p.id = c.survivor_id;
  PRAGMA user_version = 8;`

/** And 0005–0008: no screenings, directory, referrals or support plans yet. */
export const DOWN_TO_4 = `
  PRAGMA foreign_keys = OFF;
  DROP TRIGGER cases_assignee_to_referrals; DROP TRIGGER cases_assignee_to_support_plans;
  DROP INDEX cases_assignee_probe;
  DROP TABLE support_plans; DROP TABLE referral_status_history; DROP TABLE referral_consents;
  DROP TABLE referrals; DROP TABLE directory_service_types; DROP TABLE directory_services;
  DROP TABLE directory_organisations; DROP TABLE assessments; DROP TABLE assessment_templates;
  PRAGMA foreign_keys = ON;
  PRAGMA user_version = 4;`

export interface OldOffice {
  dataDir: string
  file: string
  recoveryKey: string
  caseIds: number[]
  referralId: number | null
  screeningCaseId: number | null
}

/**
 * An office vault with two cases (an Arabic name written with its vowel marks and a dual national;
 * a Russian name with ё, and a comment), at schema 8 also a referral made from a screening linked
 * to a case but stored without it (as before 0011); then backed up at that schema, as an older
 * CaseVault did. The office's own folder is left at that schema too.
 */
export async function officeBackupAt(
  version: 4 | 8,
  file = join(tempDir(), 'old.cvbackup'),
): Promise<OldOffice> {
  const { host, dataDir, recoveryKey } = await staffedHost(ADMIN.username)
  const first = await createCase(
    host,
    survivorCase({
      survivor: { prs_FirstName: 'فَاطِمَة', prs_Citizenship: ['UA', 'MD'] },
      survivorAliases: [],
    }),
  )
  const second = await createCase(
    host,
    survivorCase({ survivor: { prs_FirstName: 'Ковалёва', prs_Citizenship: ['RO'] }, survivorAliases: [] }),
  )
  await call(host, 'comments:add', { caseId: second.id, body: 'Встреча с Пётром' })
  let referralId: number | null = null
  if (version === 8) {
    const screening = await walkInScreening(host)
    await call(host, 'screening:linkToCase', { id: screening.id, caseId: first.id })
    const referral = await call<ReferralDetail>(host, 'referrals:create', {
      ...outgoingReferral(0),
      caseId: null,
      assessmentId: screening.id,
    })
    referralId = referral.id
  }
  await call(host, 'vault:lock')
  host.dispose()
  const old = testVault({ dataDir })
  const session = await old.unlock(ADMIN.username, ADMIN.passphrase)
  if (referralId !== null) session.db.exec(`UPDATE referrals SET case_id = NULL WHERE id = ${referralId}`)
  session.db.exec(DOWN_TO_8)
  if (version === 4) session.db.exec(DOWN_TO_4)
  const key = old.databaseKeyCopy()
  try {
    const manifest = await createBackup(
      session,
      dataDir,
      file,
      { passphrase: PASS },
      { ...FAST, databaseKey: key },
    )
    expect(manifest.schemaVersion).toBe(version)
  } finally {
    key.fill(0)
    old.lock('user')
  }
  return {
    dataDir,
    file,
    recoveryKey,
    caseIds: [first.id, second.id],
    referralId,
    screeningCaseId: version === 8 ? first.id : null,
  }
}

/** The schema version of the vault's database on disk, read with its key (no migration runs). */
export function schemaOnDisk(dataDir: string, recoveryKey: string): number {
  const key = parseRecoveryKey(recoveryKey)
  try {
    const db = openEncryptedDatabase(databasePath(dataDir), key, { create: false })
    try {
      return schemaVersion(db)
    } finally {
      db.close()
    }
  } finally {
    key.fill(0)
  }
}

/** A host whose "open file" dialog picks `file` (the USB stick with the backup). */
export function hostPicking(file: string, dataDir = join(tempDir(), 'data')) {
  const access = folderFileAccess()
  access.files.chooseBackupFile = async () => file
  return testHost(dataDir, access)
}

export const unlockAdmin = (host: Host) =>
  call(host, 'vault:unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase })

export const found = async (host: Host, query: string) =>
  (await call<CaseSearchHit[]>(host, 'cases:search', { query })).map((hit) => hit.id).sort()

/** Makes migration `version`'s JavaScript step throw while `work` runs (a bug in a later app). */
export async function withFailingStep<T>(version: number, work: () => Promise<T>): Promise<T> {
  const migration = MIGRATIONS[version - 1]!
  const step = migration.step
  migration.step = () => {
    throw new Error(`migration ${version} failed half-way`)
  }
  try {
    return await work()
  } finally {
    migration.step = step
  }
}
