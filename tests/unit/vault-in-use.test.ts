// A restore moves the data folder aside. Done from a second program (the command line) while the
// app had the vault open, the app went on writing into what had become the rollback copy, out of
// sight. (Found by a reviewing helper.) Each process that has the vault open says so in the data
// folder (in-use-marker.ts); a swap refuses while another live process on this computer has it.
import { spawn, type ChildProcess } from 'node:child_process'
import { readdirSync, renameSync, utimesSync, writeFileSync } from 'node:fs'
import { hostname, uptime } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { Vault } from '../../main/core/vault/vault'
import { clearInUse, markInUse, otherProcessesUsing } from '../../main/core/vault/in-use-marker'
import { ADMIN } from './support/temp-vault'
import {
  BACKUP_PASSPHRASE,
  closedVault,
  closedVaultWithBackup,
  rollbackCopiesOf,
  runCommand,
} from './support/cli-run'

const children: ChildProcess[] = []
afterEach(() => {
  for (const child of children.splice(0)) child.kill()
})

/** Another program on this computer with the vault open: a live process and its marker. */
function openElsewhere(dataDir: string, boot: Record<string, unknown> = {}): number {
  const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)'], { stdio: 'ignore' })
  children.push(child)
  writeFileSync(join(dataDir, `in-use.${child.pid}`), JSON.stringify({ host: hostname(), ...boot }))
  return child.pid!
}

const markers = (dataDir: string) => readdirSync(dataDir).filter((name) => name.startsWith('in-use.'))
describe('a vault open in another program', () => {
  it('is marked while unlocked in this process, and the mark goes with the lock', async () => {
    const { dataDir } = await closedVault()
    const vault = new Vault({ dataDir })
    await vault.unlock(ADMIN.username, ADMIN.passphrase)
    expect(markers(dataDir)).toEqual([`in-use.${process.pid}`])
    vault.lock('user')
    expect(markers(dataDir)).toEqual([])
  })

  it('is not restored over: one line, exit 1, nothing moved', async () => {
    const { dataDir, file } = await closedVaultWithBackup()
    const pid = openElsewhere(dataDir)
    const result = await runCommand(['restore', '--data', dataDir, '--file', file], `${BACKUP_PASSPHRASE}\n`)
    expect(result).toMatchObject({ exit: 1, err: [expect.stringMatching(/^error: VAULT_IN_USE/)] })
    expect(rollbackCopiesOf(dataDir)).toEqual([])
    expect(markers(dataDir)).toEqual([`in-use.${pid}`])
  })

  it('a mark left by a program that has ended (a crash) does not block, and is cleared', async () => {
    const { dataDir, file } = await closedVaultWithBackup()
    const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' })
    await new Promise((resolve) => child.on('exit', resolve))
    writeFileSync(join(dataDir, `in-use.${child.pid}`), JSON.stringify({ host: hostname() }))
    const result = await runCommand(['restore', '--data', dataDir, '--file', file], `${BACKUP_PASSPHRASE}\n`)
    expect(result.exit).toBe(0)
    expect(rollbackCopiesOf(dataDir)).toHaveLength(1)
  })

  // Found by reviewing helpers.
  it.each([
    ['another boot id', { bootId: 'an-earlier-boot' }],
    ['more seconds since boot than now', { uptime: uptime() + 24 * 3600 }],
  ])(
    'a mark left by a crash before the last reboot (%s) does not block when its pid now belongs to another program',
    async (_, boot) => {
      const { dataDir, file } = await closedVaultWithBackup()
      openElsewhere(dataDir, boot)
      const result = await runCommand(
        ['restore', '--data', dataDir, '--file', file],
        `${BACKUP_PASSPHRASE}\n`,
      )
      expect(result).toMatchObject({ exit: 0, err: [] })
      expect(rollbackCopiesOf(dataDir)).toHaveLength(1)
    },
  )

  it('a live program’s mark still counts after the clock was corrected (its file time says 2000)', async () => {
    const { dataDir } = await closedVault()
    const app = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)'], { stdio: 'ignore' })
    children.push(app)
    markInUse(dataDir) // written by the real code, then handed to the other program's id
    renameSync(join(dataDir, `in-use.${process.pid}`), join(dataDir, `in-use.${app.pid}`))
    clearInUse(dataDir)
    const wrongClock = new Date('2000-01-01T09:00:00Z')
    utimesSync(join(dataDir, `in-use.${app.pid}`), wrongClock, wrongClock)
    expect(otherProcessesUsing(dataDir)).toEqual([app.pid])
  })

  it('two vaults open over one folder in this process: locking one keeps the mark of the other', async () => {
    const { dataDir } = await closedVault()
    const first = new Vault({ dataDir })
    const second = new Vault({ dataDir })
    await first.unlock(ADMIN.username, ADMIN.passphrase)
    await second.unlock(ADMIN.username, ADMIN.passphrase)
    second.lock('user')
    expect(markers(dataDir)).toEqual([`in-use.${process.pid}`])
    first.lock('user')
    expect(markers(dataDir)).toEqual([])
  })
})
