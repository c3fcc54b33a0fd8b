// Review of the last hour's fixes: checks that HOLD on the current code (sound behaviour, kept).
import { describe, expect, it } from 'vitest'
import { call, createdVault } from './support/temp-vault'
import { createCase, signInAs, staffedHost, survivorCase } from './support/case-fixtures'
import { outgoingReferral, step, survivorConsent } from './support/referral-fixtures'
import { walkInScreening } from './support/screening-fixtures'
import { adminSession, csv, FLAT_HEADER, flatRow, importer } from './support/import-fixtures'
import { caseServicesFor } from '../../main/api/case-services'
import { createCaseInput } from '../../main/api/contract'
import type { AuditEntry, CaseDetail, ReferralDetail } from '../../main/api/contract'

describe('a case history read page by page across case and referral rows', () => {
  it('returns every row once, newest first, whatever the page size', async () => {
    const { host } = await staffedHost('bilal')
    const screening = await walkInScreening(host)
    let referral = await call<ReferralDetail>(host, 'referrals:create', {
      ...outgoingReferral(0),
      caseId: null,
      assessmentId: screening.id,
    })
    referral = await call<ReferralDetail>(host, 'referrals:recordConsent', survivorConsent(referral.id))
    await call(host, 'referrals:printForm', { id: referral.id })
    referral = await step(host, referral, 'sent')
    const linked = await createCase(host)
    await call(host, 'screening:linkToCase', { id: screening.id, caseId: linked.id })
    await call(host, 'referrals:printForm', { id: referral.id })
    await signInAs(host, 'dana')
    const target = `case:${linked.id}`
    const all = await call<AuditEntry[]>(host, 'audit:list', { limit: 500, target })
    // The case's own rows, its referral's and its screening's (historyTargets).
    expect(new Set(all.map((row) => row.target))).toEqual(
      new Set([target, `referral:${referral.id}`, `assessment:${screening.id}`]),
    )
    const paged: AuditEntry[] = []
    for (;;) {
      const beforeId = paged.at(-1)?.id
      const page = await call<AuditEntry[]>(host, 'audit:list', {
        limit: 2,
        target,
        ...(beforeId ? { beforeId } : {}),
      })
      if (page.length === 0) break
      paged.push(...page)
    }
    expect(paged.map((row) => row.id)).toEqual(all.map((row) => row.id))
    // Another case sees none of them.
    const other = await createCaseAs(host)
    const theirs = await call<AuditEntry[]>(host, 'audit:list', { limit: 500, target: `case:${other}` })
    expect(theirs.some((row) => row.target === `referral:${referral.id}`)).toBe(false)
  })
})

async function createCaseAs(host: Awaited<ReturnType<typeof staffedHost>>['host']): Promise<number> {
  await signInAs(host, 'bilal')
  const made = await createCase(host, survivorCase({ survivor: { prs_FirstName: 'Marta' } }))
  await signInAs(host, 'dana')
  return made.id
}

describe('the history query on a large log', () => {
  it('walks the log by id (no sort, no full materialisation) with the target list', async () => {
    const { vault } = await createdVault()
    const session = vault.session()!
    const plan = session.db
      .prepare(
        `EXPLAIN QUERY PLAN SELECT * FROM audit_log WHERE target IN (SELECT value FROM json_each(?))
         AND id < ? ORDER BY id DESC LIMIT ?`,
      )
      .all('["case:1","referral:2"]', 1e9, 100) as { detail: string }[]
    const details = plan.map((row) => row.detail).join(' | ')
    expect(details).toMatch(/audit_log USING INTEGER PRIMARY KEY \(rowid<\?\)/)
    expect(details).not.toMatch(/TEMP B-TREE/)
  })
})

describe('a case saved before the event rules', () => {
  it('can still be edited when its stored event (before the birthdate) is sent back unchanged', async () => {
    const { vault } = await createdVault()
    const session = vault.session()!
    const { cases } = caseServicesFor(session)
    const made: CaseDetail = cases.create(createCaseInput.parse(survivorCase()))
    const eventId = made.events[0]!.id
    session.db
      .prepare(
        `UPDATE trafficking_events SET event_date = '1990-01-01', record = json_set(record, '$.hte_Date', '1990-01-01') WHERE id = ?`,
      )
      .run(eventId)
    const stored = cases.get(made.id)
    expect(stored.events[0]!.record['hte_Date']).toBe('1990-01-01')
    const base = survivorCase()
    cases.update({
      ...base,
      id: made.id,
      version: stored.version,
      survivorAliases: ['Lena', 'Olya'],
      events: [{ id: eventId, record: { ...base.events![0]!.record, hte_Date: '1990-01-01' } }],
    } as never)
    const after = cases.get(made.id)
    expect(after.version).toBeGreaterThan(stored.version)
    expect(after.events[0]!.record['hte_Date']).toBe('1990-01-01')
  })
})

describe('a training vault importing a CSV', () => {
  it.each(['false', 'no', '0'])('refuses a row whose isTraining says %s', async (word) => {
    const session = await adminSession()
    session.settings.markAsTrainingVault()
    const bytes = csv([
      [...FLAT_HEADER, 'isTraining'],
      [...flatRow(1), word],
    ])
    const { report } = await importer(session)(bytes, { format: 'htcds-csv', dryRun: true })
    expect(report.errors.map((error) => error.code)).toContain('realCase')
  })
})
