// Restoring goes back in time. A backup older than work recorded in this vault since (a file
// picked by mistake from a stick of old backups, say) replaced months of casework after one typed
// word, with nothing said about what would be lost. Main now refuses it first (NEWER_WORK, with the
// backup's date and how many cases have newer work), and restores that same file once confirmed.
import { describe, expect, it } from 'vitest'
import { ADMIN, call, errorCode, folderFileAccess, tempDir, testHost } from './support/temp-vault'
import { survivorCase } from './support/case-fixtures'
import type {
  AttachmentSummary,
  BackupCheck,
  BackupResult,
  CaseDetail,
  CasePage,
  CasePerpetrator,
  VaultStatus,
} from '../../main/api/contract'
import { SHELTER } from './fixtures/hsds/directory-fixtures'

const PASS = 'quiet walnut ferry orbit 1987 maple'

async function vaultWithBackup() {
  const access = folderFileAccess(tempDir())
  let dialogs = 0
  const { host } = testHost(tempDir(), access)
  await call(host, 'vault:create', ADMIN)
  await call(host, 'cases:create', survivorCase())
  const made = await call<BackupResult>(host, 'backup:create', { passphrase: PASS })
  access.files.chooseBackupFile = async () => {
    dialogs += 1
    return made.file
  }
  return { host, dialogs: () => dialogs }
}

const cases = async (host: Awaited<ReturnType<typeof vaultWithBackup>>['host']) =>
  (await call<CasePage>(host, 'cases:list', {})).total

describe('restoring a backup older than work in this vault', () => {
  it('is refused with what would be taken back, and nothing changes', async () => {
    const { host } = await vaultWithBackup()
    await new Promise((resolve) => setTimeout(resolve, 5)) // a later millisecond than the backup
    await call(host, 'cases:create', survivorCase({ intakeDate: '2026-04-01' }))
    const refused = await host.dispatch('backup:restore', { passphrase: PASS })
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'NEWER_WORK', details: { createdBy: ADMIN.username, cases: 1, unlinked: 0 } },
    })
    expect(await call<VaultStatus>(host, 'vault:status')).toMatchObject({ state: 'unlocked' })
    expect(await cases(host)).toBe(2)
  })

  it('once confirmed, restores that same file without another dialog', async () => {
    const { host, dialogs } = await vaultWithBackup()
    await new Promise((resolve) => setTimeout(resolve, 5))
    await call(host, 'cases:create', survivorCase({ intakeDate: '2026-04-01' }))
    expect(await errorCode(host, 'backup:restore', { passphrase: PASS })).toBe('NEWER_WORK')
    // Confirming the other question finds nothing waiting.
    expect(await errorCode(host, 'backup:restore', { passphrase: PASS, anotherVault: true })).toBe(
      'NOT_FOUND',
    )
    expect(await errorCode(host, 'backup:restore', { passphrase: PASS })).toBe('NEWER_WORK')
    await call<BackupCheck>(host, 'backup:restore', { passphrase: PASS, replaceNewerWork: true })
    expect(dialogs()).toBe(2)
    expect(await call<VaultStatus>(host, 'vault:status')).toMatchObject({ state: 'locked' })
    await call(host, 'vault:unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase })
    expect(await cases(host)).toBe(1)
  })

  it('counts a perpetrator added to a case and a service directory entry as newer work', async () => {
    const { host } = await vaultWithBackup()
    const [one] = (await call<CasePage>(host, 'cases:list', {})).rows
    await new Promise((resolve) => setTimeout(resolve, 5))
    await call(host, 'perpetrators:add', {
      caseId: one!.id,
      person: { prs_FirstName: 'Viktor' },
      aliases: [],
      context: {},
    })
    await call(host, 'directory:saveOrganisation', SHELTER)
    const refused = await host.dispatch('backup:restore', { passphrase: PASS })
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'NEWER_WORK', details: { cases: 1, unlinked: 0, directory: 1 } },
    })
  })

  it('counts what leaves no timestamp: a known perpetrator linked or unlinked, a file removed, a case deleted', async () => {
    const access = folderFileAccess(tempDir())
    const { host } = testHost(tempDir(), access)
    await call(host, 'vault:create', ADMIN)
    const [first, second, doomed, withFile] = [
      await call<CaseDetail>(host, 'cases:create', survivorCase()),
      await call<CaseDetail>(host, 'cases:create', survivorCase()),
      await call<CaseDetail>(host, 'cases:create', survivorCase()),
      await call<CaseDetail>(host, 'cases:create', survivorCase()),
    ]
    const viktor = await call<CasePerpetrator>(host, 'perpetrators:add', {
      caseId: first.id,
      person: { prs_FirstName: 'Viktor' },
      aliases: [],
      context: {},
    })
    const file = await call<AttachmentSummary>(host, 'attachments:add', {
      caseId: withFile.id,
      fileName: 'statement.txt',
      content: new TextEncoder().encode('Interview notes'),
    })
    const made = await call<BackupResult>(host, 'backup:create', { passphrase: PASS })
    access.files.chooseBackupFile = async () => made.file
    await new Promise((resolve) => setTimeout(resolve, 5))
    await call(host, 'perpetrators:add', {
      caseId: second.id,
      existingPersonId: viktor.personId,
      context: {},
    })
    await call(host, 'perpetrators:unlink', { caseId: first.id, personId: viktor.personId })
    await call(host, 'attachments:remove', { id: file.id })
    await call(host, 'cases:delete', { id: doomed.id, reason: 'duplicate' })

    const refused = await host.dispatch('backup:restore', { passphrase: PASS })
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'NEWER_WORK', details: { cases: 3, deleted: 1, unlinked: 0, directory: 0 } },
    })
  })

  it('restores at once when nothing was recorded since the backup', async () => {
    const { host } = await vaultWithBackup()
    await call<BackupCheck>(host, 'backup:restore', { passphrase: PASS })
    expect(await call<VaultStatus>(host, 'vault:status')).toMatchObject({ state: 'locked' })
  })
})
