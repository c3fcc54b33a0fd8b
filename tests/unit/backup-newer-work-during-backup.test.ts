// A backup's date is stamped when it ends, after the snapshot was taken: work recorded while it was
// being written is not in it, and was not counted either. The count now starts after the backup's
// last audit entry (audit-fork.ts). (Written by a reviewing helper; failed before.)
import { describe, expect, it } from 'vitest'
import { ADMIN, call, folderFileAccess, tempDir, testHost } from './support/temp-vault'
import { survivorCase } from './support/case-fixtures'
import { vaultAndSecondCopy } from './support/vault-folders'
import type { BackupResult, CasePage } from '../../main/api/contract'

const PASS = 'quiet walnut ferry orbit 1987 maple'
const later = () => new Promise((resolve) => setTimeout(resolve, 5))
const caseTotal = async (host: ReturnType<typeof testHost>['host']) =>
  (await call<CasePage>(host, 'cases:list', {})).total

describe('backup whose log is a beginning of this vault’s', () => {
  it('second copy that recorded nothing, backed up later: the work recorded here meanwhile is counted', async () => {
    const { office, laptop } = await vaultAndSecondCopy()
    await later()
    // The office records a new case; the laptop (untouched copy) is backed up afterwards.
    await call(office.host, 'cases:create', survivorCase({ intakeDate: '2026-04-01' }))
    await later()
    const made = await call<BackupResult>(laptop.host, 'backup:create', { passphrase: PASS })
    office.files.files.chooseBackupFile = async () => made.file

    const result = await office.host.dispatch('backup:restore', { passphrase: PASS })
    expect(result).toMatchObject({ ok: false, error: { code: 'NEWER_WORK', details: { cases: 1 } } })
    expect(await caseTotal(office.host)).toBe(2)
  })

  it('work recorded here while the backup was being written is counted', async () => {
    const access = folderFileAccess(tempDir())
    const { host } = testHost(tempDir(), access)
    await call(host, 'vault:create', ADMIN)
    await call(host, 'cases:create', survivorCase())
    let written = false
    host.onProgress((progress) => {
      // The snapshot is taken; the app keeps working (live-snapshot.ts). dispatch runs a sync
      // handler at once, so the case is committed here, before the manifest's createdAt.
      if (progress.operation === 'backup' && progress.stage === 'encrypt' && !written) {
        written = true
        void host.dispatch('cases:create', survivorCase({ intakeDate: '2026-04-02' }))
      }
    })
    const made = await call<BackupResult>(host, 'backup:create', { passphrase: PASS })
    expect(written).toBe(true)
    expect(await caseTotal(host)).toBe(2)
    expect(made.counts.cases).toBe(1) // the backup does not hold the second case
    access.files.chooseBackupFile = async () => made.file

    const result = await host.dispatch('backup:restore', { passphrase: PASS })
    expect(result).toMatchObject({ ok: false, error: { code: 'NEWER_WORK', details: { cases: 1 } } })
  })
})
