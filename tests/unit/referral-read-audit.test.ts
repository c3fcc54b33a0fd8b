// Opening a referral is logged, as opening a case or a screening is: its reason and details hold
// the survivor's situation, and an admin reviewing who looked at a survivor's file must see it.
// Before, `referrals:get` wrote no row. A read is not work a restore would take back, so it
// raises no "newer work" question.
import { describe, expect, it } from 'vitest'
import { call, errorCode } from './support/temp-vault'
import { staffedHost } from './support/case-fixtures'
import { caseWithReferral, outgoingReferral, referralAudit } from './support/referral-fixtures'
import { walkInScreening } from './support/screening-fixtures'
import type { BackupResult, ReferralDetail } from '../../main/api/contract'

const PASS = 'quiet walnut ferry orbit 1987 maple'

describe('opening a referral', () => {
  it('is audited against its case, naming the referral and who opened it, and nothing else', async () => {
    const { host, referral } = await caseWithReferral()
    await call(host, 'referrals:get', { id: referral.id })
    const rows = await referralAudit(host, referral.id, 'bilal')
    const reads = rows.filter((row) => row.action === 'referral.read')
    expect(reads).toHaveLength(1)
    expect(reads[0]).toMatchObject({ actor: 'bilal', target: `case:${referral.caseId}` })
    expect(reads[0]!.details).toEqual({ referralId: referral.id })
  })

  it('after a backup is not newer work: the restore asks nothing', async () => {
    // A referral of a screening with no case yet: its own audit rows count as its work.
    const { host, files } = await staffedHost('amara')
    const referral = await call<ReferralDetail>(host, 'referrals:create', {
      ...outgoingReferral(0),
      caseId: null,
      assessmentId: (await walkInScreening(host)).id,
    })
    const made = await call<BackupResult>(host, 'backup:create', { passphrase: PASS })
    files.files.chooseBackupFile = async () => made.file
    await new Promise((resolve) => setTimeout(resolve, 5)) // a later millisecond than the backup
    await call(host, 'referrals:get', { id: referral.id })
    expect(await errorCode(host, 'backup:restore', { passphrase: PASS })).toBe('OK')
  })
})
