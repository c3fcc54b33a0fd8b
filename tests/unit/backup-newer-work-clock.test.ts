// The clock set back (a wrong CMOS date corrected, a manual change) made work recorded after the
// backup, or after two copies of the vault parted, look older than the backup, and a restore went
// through without asking. The audit log's part of the count goes by entry ids, not times
// (work-since.ts). (Written by a reviewing helper; both failed before.)
import { cpSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createApiHost } from '../../main/api/host'
import { ADMIN, TEST_KDF, call, folderFileAccess, tempDir } from './support/temp-vault'
import { survivorCase } from './support/case-fixtures'
import { walkInScreening } from './support/screening-fixtures'
import { SHELTER } from './fixtures/hsds/directory-fixtures'
import type { AssessmentDetail, BackupResult, CasePage } from '../../main/api/contract'

const PASS = 'quiet walnut ferry orbit 1987 maple'
const unlock = { username: ADMIN.username, passphrase: ADMIN.passphrase }

function clockedHost(dataDir: string, start: string) {
  let now = Date.parse(start)
  const files = folderFileAccess(tempDir())
  const host = createApiHost({
    dataDir,
    kdf: TEST_KDF,
    allowKdfBelowFloor: true,
    files: files.files,
    exportWorker: null,
    // each reading moves on a second, so nothing shares a timestamp by accident
    clock: () => new Date((now += 1000)),
  })
  return { host, files, set: (iso: string) => (now = Date.parse(iso)) }
}
const caseTotal = async (host: ReturnType<typeof createApiHost>) =>
  (await call<CasePage>(host, 'cases:list', {})).total

describe('clock set back', () => {
  it('same vault: a case recorded after the backup, with the clock an hour back, is counted', async () => {
    const office = clockedHost(tempDir(), '2026-06-01T10:00:00Z')
    await call(office.host, 'vault:create', ADMIN)
    await call(office.host, 'cases:create', survivorCase())
    const made = await call<BackupResult>(office.host, 'backup:create', { passphrase: PASS })
    office.files.files.chooseBackupFile = async () => made.file
    office.set('2026-06-01T09:00:00Z')
    await call(office.host, 'cases:create', survivorCase({ intakeDate: '2026-04-01' }))

    const result = await office.host.dispatch('backup:restore', { passphrase: PASS })
    expect(result).toMatchObject({ ok: false, error: { code: 'NEWER_WORK', details: { cases: 1 } } })
    expect(await caseTotal(office.host)).toBe(2)
  })

  it('second copy: a case recorded here after the parting, with the clock set back, is counted', async () => {
    const officeDir = join(tempDir(), 'office')
    const office = clockedHost(officeDir, '2026-06-01T10:00:00Z')
    await call(office.host, 'vault:create', ADMIN)
    await call(office.host, 'cases:create', survivorCase())
    await call(office.host, 'vault:lock')
    const laptopDir = join(tempDir(), 'laptop')
    cpSync(officeDir, laptopDir, { recursive: true })
    const laptop = clockedHost(laptopDir, '2026-06-02T10:00:00Z')
    office.set('2026-06-01T08:00:00Z') // the office's clock is now behind the last shared entry
    await call(office.host, 'vault:unlock', unlock)
    await call(office.host, 'cases:create', survivorCase({ intakeDate: '2026-04-01' }))
    await call(laptop.host, 'vault:unlock', unlock)
    await call(laptop.host, 'cases:create', survivorCase({ intakeDate: '2026-05-01' }))
    const made = await call<BackupResult>(laptop.host, 'backup:create', { passphrase: PASS })
    office.files.files.chooseBackupFile = async () => made.file

    const result = await office.host.dispatch('backup:restore', { passphrase: PASS })
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'NEWER_WORK', details: { otherCopy: true, cases: 1 } },
    })
    expect(await caseTotal(office.host)).toBe(2)
  })

  it('same vault: a screening, a referral apart from a case and a directory entry are counted', async () => {
    const office = clockedHost(tempDir(), '2026-06-01T10:00:00Z')
    await call(office.host, 'vault:create', ADMIN)
    const screened = await walkInScreening(office.host)
    const made = await call<BackupResult>(office.host, 'backup:create', { passphrase: PASS })
    office.files.files.chooseBackupFile = async () => made.file
    office.set('2026-06-01T09:00:00Z')
    await walkInScreening(office.host)
    await call(office.host, 'referrals:create', {
      direction: 'outgoing',
      assessmentId: screened.id,
      organisationName: 'Harbour Legal Aid',
      reason: 'AdditionalServicesRequired',
      servicesRequested: ['Legal'],
      urgency: 'routine',
      referralDate: '2026-05-31',
    })
    await call(office.host, 'directory:saveOrganisation', SHELTER)

    const result = await office.host.dispatch('backup:restore', { passphrase: PASS })
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'NEWER_WORK', details: { cases: 0, unlinked: 2, directory: 1 } },
    })
  })

  it('a screening only read is not newer work', async () => {
    const office = clockedHost(tempDir(), '2026-06-01T10:00:00Z')
    await call(office.host, 'vault:create', ADMIN)
    const screened = await walkInScreening(office.host)
    const made = await call<BackupResult>(office.host, 'backup:create', { passphrase: PASS })
    office.files.files.chooseBackupFile = async () => made.file
    await call<AssessmentDetail>(office.host, 'screening:getAssessment', { id: screened.id })

    const result = await office.host.dispatch('backup:restore', { passphrase: PASS })
    expect(result).toMatchObject({ ok: true })
  })
})
