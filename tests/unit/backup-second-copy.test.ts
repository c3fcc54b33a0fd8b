// A field team's laptop set up from an older backup is a second copy of the vault: same vault id,
// its own work since. A backup made on it later is "newer" than everything recorded here by its
// date, so restoring it here replaced this vault's work since the two parted without a word.
// The audit chains show where they parted (audit-fork.ts); the question counts the work since then.
import { describe, expect, it } from 'vitest'
import { ADMIN, call, createdVault, type testHost } from './support/temp-vault'
import { sharedHistory } from '../../main/core/backup/audit-fork'
import { survivorCase } from './support/case-fixtures'
import { vaultAndSecondCopy } from './support/vault-folders'
import type { BackupResult, CasePage } from '../../main/api/contract'

const PASS = 'quiet walnut ferry orbit 1987 maple'
const unlock = { username: ADMIN.username, passphrase: ADMIN.passphrase }
const later = () => new Promise((resolve) => setTimeout(resolve, 5))

const caseTotal = async (host: ReturnType<typeof testHost>['host']) =>
  (await call<CasePage>(host, 'cases:list', {})).total

describe('restoring a backup made on a second copy of this vault', () => {
  it('asks first, counting the work recorded here since the copies parted', async () => {
    const { office, laptop } = await vaultAndSecondCopy()
    await later()
    await call(office.host, 'cases:create', survivorCase({ intakeDate: '2026-04-01' }))
    await later()
    await call(laptop.host, 'cases:create', survivorCase({ intakeDate: '2026-05-01' }))
    const made = await call<BackupResult>(laptop.host, 'backup:create', { passphrase: PASS })
    office.files.files.chooseBackupFile = async () => made.file

    const refused = await office.host.dispatch('backup:restore', { passphrase: PASS })

    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'NEWER_WORK', details: { otherCopy: true, cases: 1, unlinked: 0, directory: 0 } },
    })
    if (refused.ok) throw new Error('the restore was not refused')
    const details = refused.error.details as { partedAt: string; createdAt: string }
    expect(Date.parse(details.partedAt)).toBeLessThan(Date.parse(details.createdAt))
    expect(await caseTotal(office.host)).toBe(2)
  })

  it('restores at once a backup that continues this vault’s own history', async () => {
    const { office, laptop } = await vaultAndSecondCopy()
    await call(laptop.host, 'cases:create', survivorCase({ intakeDate: '2026-05-01' }))
    const made = await call<BackupResult>(laptop.host, 'backup:create', { passphrase: PASS })
    office.files.files.chooseBackupFile = async () => made.file

    // Nothing recorded in the office since the copy: the laptop's backup holds all of it and more.
    await call(office.host, 'backup:restore', { passphrase: PASS })
    await call(office.host, 'vault:unlock', unlock)
    expect(await caseTotal(office.host)).toBe(2)
  })

  it('finds where two logs part: none shared, one a beginning of the other', async () => {
    const one = (await createdVault()).vault.session()!.db
    const other = (await createdVault()).vault.session()!.db
    expect(sharedHistory(one, other)).toEqual({ continuesThis: false, lastSharedId: 0, lastSharedAt: null })
    expect(sharedHistory(one, one)).toMatchObject({ continuesThis: true })
  })
})
