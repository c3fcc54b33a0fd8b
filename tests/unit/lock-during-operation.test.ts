// Locking (by hand, idle time, the lid) stops a backup or an export that is still running, and
// nothing it leaves behind can exist without its audit row. Before, an export whose file was still
// being written to a slow USB stick finished after the lock: the file was there, its audit row
// could not be written (the database was closed) and the window got "Something went wrong".
import { describe, expect, it } from 'vitest'
import { readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { ADMIN, call, folderFileAccess, tempDir, testHost } from './support/temp-vault'
import { createCase, SUPERVISOR } from './support/case-fixtures'
import { writePrivateFile, type FileAccess } from '../../main/api/file-access'
import type { AttachmentSummary, AuditEntry, BackupStatus, CasePage } from '../../main/api/contract'

const BACKUP_PASSPHRASE = 'velvet compass hums over eleven salt marshes'

function gate() {
  let open!: () => void
  const opened = new Promise<void>((resolve) => (open = resolve))
  return { open, opened }
}

type Dialog = 'chooseSaveLocation' | 'chooseBackupFile' | 'chooseImportFile'

/**
 * Keeps one of main's file dialogs open until the test lets the user choose: `shown` resolves when
 * it opens, `choose()` closes it with the usual answer (or `answer`).
 */
function holdDialog(files: FileAccess, dialog: Dialog, answer?: string) {
  const shown = gate()
  const chosen = gate()
  const usual = files[dialog] as (name?: string) => Promise<string | null>
  files[dialog] = (async (name?: string) => {
    shown.open()
    await chosen.opened
    return answer ?? usual(name)
  }) as never
  return { shown: shown.opened, choose: chosen.open }
}

async function adminHost(access = folderFileAccess()) {
  const { host } = testHost(undefined, access)
  await call(host, 'vault:create', ADMIN)
  await createCase(host)
  return { host, access }
}

async function auditActions(host: Awaited<ReturnType<typeof adminHost>>['host']): Promise<string[]> {
  await call(host, 'vault:unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase })
  return (await call<AuditEntry[]>(host, 'audit:list', { limit: 100 })).map((entry) => entry.action)
}

type Host = Awaited<ReturnType<typeof adminHost>>['host']

describe('a lock while a backup or an export runs', () => {
  // Signing in again closes the session as a lock does. Found by a reviewing helper: it closed it
  // quietly, and the export was left on disk with no audit row (a way to export without a trace).
  it.each([
    ['the vault locks', async (host: Host) => host.lock('idle')],
    // Awaited: the test signs in again afterwards, and two unlocks at once are refused.
    ['someone signs in again', async (host: Host) => void (await host.dispatch('vault:unlock', ADMIN))],
  ])('an export still being written when %s is cancelled and leaves no file', async (_, closeSession) => {
    const access = folderFileAccess()
    const writing = gate()
    const slowStick = gate()
    access.files.write = async (path, data) => {
      writing.open()
      await slowStick.opened // the USB stick takes its time
      await writePrivateFile(path, data)
    }
    const { host } = await adminHost(access)
    const exporting = host.dispatch('export:run', {
      format: 'htcds-json',
      protection: { plaintext: true, confirmed: true },
    })
    await writing.opened
    await closeSession(host)
    slowStick.open()
    expect(await exporting).toMatchObject({ ok: false, error: { code: 'CANCELLED' } })
    expect(readdirSync(access.folder)).toEqual([])
    expect(await auditActions(host)).not.toContain('export.created')
  })

  it('a backup that is encrypting when the vault locks is cancelled, leaves no file and is not counted', async () => {
    const { host, access } = await adminHost()
    host.onProgress((progress) => {
      if (progress.operation === 'backup' && progress.stage === 'encrypt') host.lock('idle')
    })
    const result = await host.dispatch('backup:create', { passphrase: BACKUP_PASSPHRASE })
    expect(result).toMatchObject({ ok: false, error: { code: 'CANCELLED' } })
    expect(readdirSync(access.folder)).toEqual([])
    const actions = await auditActions(host)
    expect(actions).not.toContain('backup.created')
    expect(actions).toContain('session.locked')
    expect((await call<BackupStatus>(host, 'backup:status')).lastBackupAt).toBeNull()
  })

  it('a lock while the save dialog is open: nothing is exported once it closes, even by another user', async () => {
    const access = folderFileAccess()
    const dialog = holdDialog(access.files, 'chooseSaveLocation')
    const { host } = await adminHost(access)
    const exporting = host.dispatch('export:run', {
      format: 'htcds-json',
      protection: { plaintext: true, confirmed: true },
    })
    await dialog.shown
    host.lock('idle')
    await call(host, 'vault:unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase })
    dialog.choose()
    expect(await exporting).toMatchObject({ ok: false, error: { code: 'LOCKED' } })
    expect(readdirSync(access.folder)).toEqual([])
  })

  it('a lock while the save dialog of an attachment is open: the survivor’s file is not written', async () => {
    const access = folderFileAccess()
    const { host } = await adminHost(access)
    const created = await createCase(host)
    const added = await call<AttachmentSummary>(host, 'attachments:add', {
      caseId: created.id,
      fileName: 'statement.txt',
      content: new Uint8Array(Buffer.from('statement')),
    })
    const dialog = holdDialog(access.files, 'chooseSaveLocation')
    const saving = host.dispatch('attachments:saveAs', { id: added.id })
    await dialog.shown
    host.lock('idle')
    dialog.choose()
    expect(await saving).toMatchObject({ ok: false, error: { code: 'LOCKED' } })
    expect(readdirSync(access.folder)).toEqual([])
  })

  it('a lock while the import dialog is open, then someone else signs in: the file is not read', async () => {
    const access = folderFileAccess()
    const csv = join(tempDir(), 'intake.csv')
    writeFileSync(csv, 'caseNumber,intakeDate\r\nX-1,2026-01-02\r\n')
    const dialog = holdDialog(access.files, 'chooseImportFile', csv)
    const { host } = await adminHost(access)
    await call(host, 'users:create', SUPERVISOR)
    const previewing = host.dispatch('import:preview', { format: 'htcds-csv' })
    await dialog.shown
    host.lock('idle')
    await call(host, 'vault:unlock', { username: SUPERVISOR.username, passphrase: SUPERVISOR.passphrase })
    dialog.choose()
    expect(await previewing).toMatchObject({ ok: false, error: { code: 'LOCKED' } })
  })

  it('a lock while the restore dialog is open: nothing is replaced once it closes, even after signing in again', async () => {
    const access = folderFileAccess()
    const { host } = await adminHost(access)
    await call(host, 'backup:create', { passphrase: BACKUP_PASSPHRASE })
    await createCase(host) // not in the backup
    const dialog = holdDialog(access.files, 'chooseBackupFile')
    const restoring = host.dispatch('backup:restore', { passphrase: BACKUP_PASSPHRASE })
    await dialog.shown
    host.lock('idle')
    await call(host, 'vault:unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase })
    dialog.choose()
    expect(await restoring).toMatchObject({ ok: false, error: { code: 'LOCKED' } })
    expect((await call<CasePage>(host, 'cases:list', {})).total).toBe(2)
  })

  it('the admin restore, which locks the vault itself before its swap, still completes', async () => {
    const { host } = await adminHost()
    await call(host, 'backup:create', { passphrase: BACKUP_PASSPHRASE })
    const restored = await host.dispatch('backup:restore', { passphrase: BACKUP_PASSPHRASE })
    expect(restored).toMatchObject({ ok: true, value: { counts: { cases: 1 } } })
  })
})
