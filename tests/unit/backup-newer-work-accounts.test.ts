// A restore also takes user accounts and screening templates back: a user deactivated since could
// unlock again, a passphrase reset is undone. They are counted on their own line of the question.
// (Written by a reviewing helper; each failed before.)
import { describe, expect, it } from 'vitest'
import { ADMIN, call, errorCode } from './support/temp-vault'
import { CASEWORKER, createCase, staffedHost } from './support/case-fixtures'
import type { BackupResult, CaseDetail, TemplateVersion } from '../../main/api/contract'
import { currentTemplateId } from './support/screening-fixtures'

const PASS = 'quiet walnut ferry orbit 1987 maple'
const later = () => new Promise((resolve) => setTimeout(resolve, 5))

async function backedUp() {
  const staffed = await staffedHost(ADMIN.username)
  await createCase(staffed.host)
  // seed the shipped screening template before the backup
  await currentTemplateId(staffed.host)
  const made = await call<BackupResult>(staffed.host, 'backup:create', { passphrase: PASS })
  staffed.files.files.chooseBackupFile = async () => made.file
  await later()
  return staffed
}

describe('writes the newer-work count misses', () => {
  it('a screening template edited after the backup', async () => {
    const { host } = await backedUp()
    const current = await call<TemplateVersion>(host, 'screening:template', {
      id: await currentTemplateId(host),
    })
    const definition = structuredClone(current.definition)
    definition.sections[0]!.questions.pop()
    await call(host, 'screening:saveTemplate', { definition, basedOnTemplateId: current.id })
    expect(await errorCode(host, 'backup:restore', { passphrase: PASS })).toBe('NEWER_WORK')
  })

  it('a user deactivated after the backup (the restore lets them sign in again)', async () => {
    const { host } = await backedUp()
    await call(host, 'users:deactivate', { username: CASEWORKER.username })
    const refused = await host.dispatch('backup:restore', { passphrase: PASS })
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'NEWER_WORK', details: { accounts: 1, cases: 0, deleted: 0 } },
    })
  })

  it('a passphrase reset after the backup (the old one works again)', async () => {
    const { host } = await backedUp()
    await call(host, 'users:resetPassphrase', {
      username: CASEWORKER.username,
      newPassphrase: 'a brand new passphrase 99',
    })
    expect(await errorCode(host, 'backup:restore', { passphrase: PASS })).toBe('NEWER_WORK')
  })

  it('a case closed after the backup is counted', async () => {
    const { host } = await backedUp()
    const [row] = (await call<{ rows: CaseDetail[] }>(host, 'cases:list', {})).rows
    const detail = await call<CaseDetail>(host, 'cases:get', { id: row!.id })
    await call(host, 'cases:close', {
      id: detail.id,
      version: (detail as unknown as { version: number }).version,
      status: 'Closed',
      reason: 'done',
    })
    expect(await errorCode(host, 'backup:restore', { passphrase: PASS })).toBe('NEWER_WORK')
  })
})
