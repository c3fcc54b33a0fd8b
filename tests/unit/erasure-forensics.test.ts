// Forensic review of erasure by a reviewing helper (session 19): defects; each failed before its fix;
// the defect is described above it. The examiner has a copy of the data folder and the vault's raw
// key (what a staff passphrase unwraps; here the recovery key, which is the raw key).
import { describe, expect, it } from 'vitest'
import { call } from './support/temp-vault'
import { createCase, staffedHost, survivorCase } from './support/case-fixtures'
import { decryptedFolder } from './support/forensic-copy'
import { casesMessages } from '../../renderer/src/i18n/en/cases'
import type { CasePerpetrator } from '../../main/api/contract'

describe('a perpetrator removed from his only case', () => {
  // What a caseworker does: on the case's Perpetrators tab, "Remove from case" for a person linked
  // to no other case. The dialog says "If no other case mentions this person, their record is
  // erased from the vault" (renderer/src/i18n/en/cases.ts:206-207), and README says erasing empties the
  // write-ahead log at once. What happens: the person row is deleted (secure_delete zeroes it in
  // the newest WAL frames), but the older frames of casevault.db-wal still hold his name, aliases
  // and HTCDS record, readable with the vault's key for as long as the vault stays unlocked (and
  // after a crash until the next unlock). What should happen: as after an attachment removal or a
  // case deletion, nothing of the erased person is left in the database file or its WAL.
  // Cause: main/core/cases/perpetrator-service.ts:177-185 (unlink) deletes the person and commits
  // without wipeWriteAheadLog(session.db), which attachment-service.ts:152 and case-status.ts:87
  // call after their erasures. Fix: call wipeWriteAheadLog after the unlink transaction when the
  // person was deleted.
  it('leaves the erased perpetrator’s name in no page of the database or its WAL', async () => {
    const { host, dataDir, recoveryKey } = await staffedHost('bilal')
    const created = await createCase(host, survivorCase({ survivorAliases: ['Keptaliasword'] }))
    const added = await call<CasePerpetrator>(host, 'perpetrators:add', {
      caseId: created.id,
      person: { prs_FirstName: 'Grozhnavetsky', prs_SecondName: 'Brannoq' },
      aliases: ['Snakeplisken'],
      context: {},
    })
    await call(host, 'perpetrators:unlink', { caseId: created.id, personId: added.personId })
    expect(await call<CasePerpetrator[]>(host, 'perpetrators:list', { caseId: created.id })).toEqual([])
    const onDisk = decryptedFolder(dataDir, recoveryKey)
    expect({
      keptReadable: onDisk.includes(Buffer.from('Keptaliasword')), // the decryption works
      name: onDisk.includes(Buffer.from('Grozhnavetsky')) || onDisk.includes(Buffer.from('grozhnavetsky')),
      alias: onDisk.includes(Buffer.from('Snakeplisken')) || onDisk.includes(Buffer.from('snakeplisken')),
    }).toEqual({ keptReadable: true, name: false, alias: false })
  })
})

describe('the delete-case dialog, for a survivor who asked to be forgotten', () => {
  // What an admin does: deletes a case with the reason "The survivor asked for the record to be
  // erased". The dialog says: "This erases case …, the survivor's record, its comments and its
  // attachments from the vault. It cannot be undone." (renderer/src/i18n/en/cases.ts:156-157).
  // What happens: every automatic backup (one per lock, the newest K kept), every backup made by
  // hand and every rollback copy beside the data folder still holds the whole case, and a restore
  // brings it back (the Backup screen counts it as "deleted … the backup would bring it back").
  // The admin is told the erasure is final and complete, and tells the survivor so, while copies
  // the admin could remove or let rotate away remain. What should happen: the warning says that
  // existing backups and rollback copies still hold the case until they are deleted or rotated
  // out, so the admin can honour the request fully. Fix: add that sentence to deleteWarning (and
  // the README's erasure paragraph, README.md:103-104, which says the same nothing).
  it('tells the admin that backups and rollback copies still hold the deleted case', () => {
    const warning = casesMessages.caseDetail.deleteWarning
    expect(/backup/i.test(warning)).toBe(true)
  })
})
