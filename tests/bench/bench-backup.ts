// Backup + verify of the bench's vault (issue 5: ≤ 3 s at 100k cases), encrypted to an X25519
// recipient as the automatic backup does (a passphrase would add scrypt's fixed ~1 s).
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { generateX25519Identity, identityToRecipient } from 'age-encryption'
import type { Vault } from '../../main/core/vault/vault'
import type { VaultSession } from '../../main/core/vault/vault-session'
import { createBackup } from '../../main/core/backup/create-backup'
import { verifyBackup } from '../../main/core/backup/verify-backup'
import { timeAsync } from './bench-stats'

export interface BackupTiming {
  backupMs: number
  verifyMs: number
  /** Of verifyMs: decrypting and unpacking the file, before the checks (integrity, audit chain, counts). */
  unpackMs: number
  fileMegabytes: number
  cases: number
}

export async function measureBackup(vault: Vault, session: VaultSession): Promise<BackupTiming> {
  const dir = mkdtempSync(join(tmpdir(), 'casevault-bench-backup-'))
  const identity = await generateX25519Identity()
  const recipient = await identityToRecipient(identity)
  const file = join(dir, 'bench.cvbackup')
  const databaseKey = vault.databaseKeyCopy()
  try {
    const backup = await timeAsync(() =>
      createBackup(
        session,
        vault.dataDir,
        file,
        { recipients: [recipient] },
        {
          appVersion: 'bench',
          databaseKey,
        },
      ),
    )
    let checksFrom = 0
    const verifyStart = performance.now()
    const verify = await timeAsync(() =>
      verifyBackup(
        file,
        { identity },
        { onProgress: (stage) => (checksFrom ||= stage === 'check' ? performance.now() : 0) },
      ),
    )
    return {
      backupMs: backup.ms,
      verifyMs: verify.ms,
      unpackMs: checksFrom - verifyStart,
      fileMegabytes: statSync(file).size / (1024 * 1024),
      cases: verify.value.counts.cases ?? 0,
    }
  } finally {
    databaseKey.fill(0)
    rmSync(dir, { recursive: true, force: true })
  }
}
