// Found by a reviewing helper (failed before). README: "Locking the vault … cancels a running
// backup, check, export or import …: no file is left whose export could not be audit-logged."
// vault:unlock while unlocked closed the session quietly: no lock listeners (running operations
// went on) and no session.locked row, so a renderer signing in again while an export was written
// left the plaintext export on disk with no audit row. It now closes the session as a lock does.
import { describe, expect, it } from 'vitest'
import { readdirSync } from 'node:fs'
import { ADMIN, call, folderFileAccess, testHost } from './support/temp-vault'
import { createCase } from './support/case-fixtures'
import { writePrivateFile } from '../../main/api/file-access'
import type { AuditEntry } from '../../main/api/contract'

function gate() {
  let open!: () => void
  const opened = new Promise<void>((resolve) => (open = resolve))
  return { open, opened }
}

describe('signing in again while an export is being written', () => {
  it('leaves no export file without its audit row, and never answers INTERNAL', async () => {
    const access = folderFileAccess()
    const writing = gate()
    const slowStick = gate()
    access.files.write = async (path, data) => {
      writing.open()
      await slowStick.opened // the USB stick takes its time
      await writePrivateFile(path, data)
    }
    const { host } = testHost(undefined, access)
    await call(host, 'vault:create', ADMIN)
    await createCase(host)
    const exporting = host.dispatch('export:run', {
      format: 'htcds-json',
      protection: { plaintext: true, confirmed: true },
    })
    await writing.opened
    const relogin = await host.dispatch('vault:unlock', {
      username: ADMIN.username,
      passphrase: ADMIN.passphrase,
    })
    slowStick.open()
    const result = await exporting
    if (!relogin.ok)
      await call(host, 'vault:unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase })
    const files = readdirSync(access.folder)
    const actions = (await call<AuditEntry[]>(host, 'audit:list', { limit: 100 })).map(
      (entry) => entry.action,
    )
    expect({
      fileWithoutAuditRow: files.length > 0 && !actions.includes('export.created'),
      answer: result.ok ? 'OK' : result.error.code,
    }).toEqual({
      fileWithoutAuditRow: false,
      answer: expect.not.stringMatching(/^INTERNAL$/),
    })
  })
})
