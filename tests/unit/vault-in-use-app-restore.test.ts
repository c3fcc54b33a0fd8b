// A restore in the app refused because another program has the vault open must change nothing:
// it logged "backup.restored" and locked the vault before the swap refused. (From a reviewing
// helper; failed before.)
import { spawn, type ChildProcess } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { ADMIN, call, errorCode, tempDir, testHost, folderFileAccess } from './support/temp-vault'
import { BACKUP_PASSPHRASE, rollbackCopiesOf } from './support/cli-run'
import type { AuditEntry, VaultStatus } from '../../main/api/contract'

const children: ChildProcess[] = []
afterEach(() => {
  for (const child of children.splice(0)) child.kill()
})

function liveOtherProcess(): number {
  const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)'], { stdio: 'ignore' })
  children.push(child)
  return child.pid!
}

describe('a restore refused because another program has the vault open', () => {
  it('an app restore refused as VAULT_IN_USE neither logs "backup.restored" nor locks the vault', async () => {
    const { host, dataDir } = testHost(join(tempDir(), 'data'), folderFileAccess(tempDir()))
    await call(host, 'vault:create', ADMIN)
    await call(host, 'backup:create', { passphrase: BACKUP_PASSPHRASE })
    // A CLI export (another process) has the vault open right now.
    const pid = liveOtherProcess()
    writeFileSync(join(dataDir, `in-use.${pid}`), JSON.stringify({ host: hostname() }))

    const code = await errorCode(host, 'backup:restore', { passphrase: BACKUP_PASSPHRASE })
    expect(rollbackCopiesOf(dataDir)).toEqual([])
    const state = (await call<VaultStatus>(host, 'vault:status')).state
    if (state !== 'unlocked')
      await call(host, 'vault:unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase })
    const restoredLogged = (await call<AuditEntry[]>(host, 'audit:list', { limit: 50 })).some(
      (e) => e.action === 'backup.restored',
    )
    // Nothing was restored: the admin is told why (VAULT_IN_USE, not "Cancelled"), stays signed
    // in, and the live vault's log does not claim a restore that never happened.
    expect({ code, state, restoredLogged }).toEqual({
      code: 'VAULT_IN_USE',
      state: 'unlocked',
      restoredLogged: false,
    })
    host.dispose()
  })
})
