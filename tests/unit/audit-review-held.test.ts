// Audit log: behaviour that held up under review (a reviewing helper's checks), kept as
// regression tests. Real encrypted vaults throughout.
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ADMIN, call, createdVault, errorCode, tempDir } from './support/temp-vault'
import { CASEWORKER, createCase, signInAs, staffedHost } from './support/case-fixtures'
import { createBackup } from '../../main/core/backup/create-backup'
import { verifyBackup } from '../../main/core/backup/verify-backup'
import { codeOf, PASSPHRASE } from './support/backup-attack-fixtures'
import type { AuditEntry, AuditVerification } from '../../main/api/contract'

type Host = Awaited<ReturnType<typeof staffedHost>>['host']
const log = (host: Host) => call<AuditEntry[]>(host, 'audit:list', { limit: 500 })

describe('audit chain', () => {
  it('stays intact, ids unchanged, after VACUUM', async () => {
    const { vault } = await createdVault()
    const { audit, db } = vault.session()!
    for (let i = 0; i < 30; i += 1) audit.append({ actor: 'amara', action: 'case.read', target: `case:${i}` })
    const before = db.prepare('SELECT id, hash FROM audit_log ORDER BY id').all()
    db.exec('VACUUM')
    expect(db.prepare('SELECT id, hash FROM audit_log ORDER BY id').all()).toEqual(before)
    expect(audit.verify()).toEqual({ ok: true, checkedRows: 31, firstBrokenId: null })
  })

  it('catches an edit of the newest row when its hash was left as it was', async () => {
    const { vault } = await createdVault()
    const { audit, db } = vault.session()!
    audit.append({ actor: 'amara', action: 'export.created', details: { rows: 812 } })
    db.exec('DROP TRIGGER audit_log_no_update')
    db.exec('UPDATE audit_log SET details = \'{"rows":8}\' WHERE id = 2')
    expect(audit.verify()).toEqual({ ok: false, checkedRows: 1, firstBrokenId: 2 })
  })

  it('a backup of a vault whose log was altered is refused as damaged, naming the row', async () => {
    const { vault } = await createdVault({ dataDir: join(tempDir(), 'data') })
    const { audit, db } = vault.session()!
    for (let i = 0; i < 4; i += 1) audit.append({ actor: 'amara', action: 'case.read', target: `case:${i}` })
    db.exec('DROP TRIGGER audit_log_no_update')
    db.exec("UPDATE audit_log SET actor = 'mallory' WHERE id = 3")
    const out = join(tempDir(), 'altered.cvbackup')
    const key = vault.databaseKeyCopy()
    const made = await codeOf(
      createBackup(
        vault.session()!,
        vault.dataDir,
        out,
        { passphrase: PASSPHRASE },
        {
          appVersion: 'test',
          scryptWorkFactor: 10,
          databaseKey: key,
        },
      ),
    )
    key.fill(0)
    expect(made).toBe('OK') // the backup is made as it is; its verification is what refuses it
    const verdict = await verifyBackup(out, { passphrase: PASSPHRASE }).then(
      () => null,
      (error: { code?: string; details?: { reason?: string } }) => error,
    )
    expect(verdict?.code).toBe('BACKUP_DAMAGED')
    expect(verdict?.details?.reason).toMatch(/audit log chain is broken at row 3/)
  })
})

describe('audit API', () => {
  it('lets a supervisor verify; the verdict counts the rows before its own audit.verified row', async () => {
    const { host } = await staffedHost('dana')
    const before = (await log(host)).length
    const verdict = await call<AuditVerification>(host, 'audit:verify')
    expect(verdict).toEqual({ ok: true, checkedRows: before, firstBrokenId: null })
    const newest = (await log(host))[0]!
    expect(newest).toMatchObject({
      actor: 'dana',
      action: 'audit.verified',
      details: { ok: true, checkedRows: before },
    })
  })

  it('reports wrong passphrases typed before a user’s own successful unlock', async () => {
    const { host } = await staffedHost(ADMIN.username)
    await call(host, 'vault:lock')
    for (let i = 0; i < 2; i += 1)
      expect(
        await errorCode(host, 'vault:unlock', { username: ADMIN.username, passphrase: `guess ${i} at it` }),
      ).toBe('WRONG_PASSPHRASE')
    await call(host, 'vault:unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase })
    expect((await log(host)).find((row) => row.action === 'session.unlocked')!.details).toEqual({
      failedAttemptsBefore: 2,
    })
  })

  it('wrong current-passphrase guesses with no later success are reported at the next unlock', async () => {
    const { host } = await staffedHost(CASEWORKER.username)
    for (let i = 0; i < 2; i += 1)
      expect(
        await errorCode(host, 'vault:changePassphrase', {
          currentPassphrase: `wrong guess number ${i}`,
          newPassphrase: 'taken over passphrase 99',
        }),
      ).toBe('WRONG_PASSPHRASE')
    await signInAs(host, ADMIN.username)
    expect((await log(host)).find((row) => row.action === 'session.unlocked')!.details).toEqual({
      failedAttemptsBefore: 2,
    })
  })

  it('a caseworker refused another’s case leaves an access.denied row with the case id and no survivor data', async () => {
    const { host } = await staffedHost(CASEWORKER.username)
    await signInAs(host, 'chen')
    const theirs = await createCase(host)
    await signInAs(host, CASEWORKER.username)
    expect(await errorCode(host, 'cases:get', { id: theirs.id })).toBe('FORBIDDEN')
    expect(await errorCode(host, 'comments:list', { caseId: theirs.id })).toBe('FORBIDDEN')
    await signInAs(host, ADMIN.username)
    const denied = (await log(host)).filter((row) => row.action === 'access.denied' && row.actor === 'bilal')
    expect(denied.map((row) => row.target)).toEqual([`case:${theirs.id}`, `case:${theirs.id}`])
    expect(JSON.stringify(denied)).not.toMatch(/Olena|Kovalenko|2001-07-02/)
  })
})
