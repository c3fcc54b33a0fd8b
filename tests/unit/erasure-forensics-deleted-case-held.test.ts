// Forensic review of erasure (a survivor asks to be forgotten): checks that hold on the current code
// (a case deleted at the survivor’s request). The examiner has a copy of the data folder and the vault's raw key (what a staff passphrase
// unwraps; here the recovery key, which is the raw key): every page of casevault.db and every
// frame of casevault.db-wal is decrypted, free pages and FTS5 shadow tables included, and every
// row of every table of a copy of the database is read as text (support/forensic-copy.ts).
import { describe, expect, it } from 'vitest'
import { readFileSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3-multiple-ciphers'
import { call } from './support/temp-vault'
import { createCase, signInAs, staffedHost, survivorCase } from './support/case-fixtures'
import { outgoingReferral, survivorConsent } from './support/referral-fixtures'
import { currentTemplateId } from './support/screening-fixtures'
import { decryptedFolder, has, liveRowsText, tablesWith } from './support/forensic-copy'
import { parseRecoveryKey } from '../../main/core/vault/recovery-key'
import type { AttachmentSummary, CaseDetail, CasePerpetrator, ReferralDetail } from '../../main/api/contract'

type Host = Awaited<ReturnType<typeof staffedHost>>['host']

const MARK = {
  first: 'Quorvanthia',
  second: 'Zelmirovska',
  alias: 'Plinkettbloom',
  comment: 'Vrestomarkle',
  perpetrator: 'Gruxtavenko',
  attachment: 'Snorblequaint',
  referral: 'Drovimpaltry',
  counterpart: 'Yentashroud',
  consentName: 'Kwibblesnath',
  screening: 'Fenwarstoop',
  plan: 'Haxelbrunde',
}

/** A case carrying the markers in every part a case has; signed in as bilal. */
async function caseWithEverything(host: Host) {
  const gone = await createCase(
    host,
    survivorCase({
      survivor: {
        prs_FirstName: MARK.first,
        prs_SecondName: MARK.second,
        prs_Birthdate: '2001-07-02',
        prs_Gender: 'Feminine',
        prs_Citizenship: ['UA', 'MD'],
      },
      survivorAliases: [MARK.alias],
    }),
  )
  await call(host, 'comments:add', {
    caseId: gone.id,
    body: `${MARK.comment} said the recruiter kept her passport`,
  })
  await call<CasePerpetrator>(host, 'perpetrators:add', {
    caseId: gone.id,
    person: { prs_FirstName: MARK.perpetrator, prs_SecondName: 'Boss' },
    aliases: [],
    context: {},
  })
  await call<AttachmentSummary>(host, 'attachments:add', {
    caseId: gone.id,
    fileName: 'statement.txt',
    content: new TextEncoder().encode(`${MARK.attachment} `.repeat(2000)),
  })
  const referral = await call<ReferralDetail>(
    host,
    'referrals:create',
    outgoingReferral(gone.id, {
      details: `${MARK.referral} needs a lawyer`,
      counterpartCaseworker: `Ms. ${MARK.counterpart}`,
    }),
  )
  await call(host, 'referrals:recordConsent', survivorConsent(referral.id, { givenByName: MARK.consentName }))
  await call(host, 'screening:createAssessment', {
    templateId: await currentTemplateId(host),
    caseId: gone.id,
    assessedOn: '2026-03-10',
    channel: 'caseReview',
    answers: { historyOfAbuse: 'risk', householdDebt: 'risk', legalStatus: 'risk', age: 'protective' },
    nextStep: 'referToServices',
    nextStepNote: `${MARK.screening} to be seen by the clinic`,
  })
  await call(host, 'referrals:createSupportPlan', {
    caseId: gone.id,
    referralId: referral.id,
    type: 'Legal',
    objectives: `${MARK.plan} represented at the labour court`,
    startDate: '2026-03-26',
  })
  return gone
}

describe('a case deleted at the survivor’s request, as a forensic examiner finds the folder', () => {
  it('leaves none of its parts in any page, WAL frame or live row, right after the deletion', async () => {
    const { host, dataDir, recoveryKey } = await staffedHost('bilal')
    const kept = await createCase(host, survivorCase({ survivorAliases: ['Keptaliasword'] }))
    const gone = await caseWithEverything(host)
    await signInAs(host, 'amara')
    await call(host, 'cases:delete', { id: gone.id, reason: 'survivorRequest' })

    // While the vault is still unlocked (a copy of the folder taken now).
    const onDisk = decryptedFolder(dataDir, recoveryKey)
    expect(has(onDisk, 'Keptaliasword')).toBe(true) // the decryption works
    const rows = liveRowsText(dataDir, recoveryKey)
    const found = Object.fromEntries(
      Object.entries(MARK).map(([part, marker]) => [
        part,
        { pages: has(onDisk, marker), rows: tablesWith(rows, marker) },
      ]),
    )
    expect(found).toEqual(
      Object.fromEntries(Object.keys(MARK).map((part) => [part, { pages: false, rows: [] }])),
    )
    // The other case is whole.
    const other = await call<CaseDetail>(host, 'cases:get', { id: kept.id })
    expect(other.survivor.aliases).toEqual(['Keptaliasword'])
  })

  it('leaves no orphaned person, citizenship, referral, consent, screening or plan row', async () => {
    const { host, dataDir, recoveryKey } = await staffedHost('bilal')
    await createCase(host)
    const gone = await caseWithEverything(host)
    await signInAs(host, 'amara')
    await call(host, 'cases:delete', { id: gone.id, reason: 'survivorRequest' })
    await call(host, 'vault:lock')
    const db = new Database(join(dataDir, 'casevault.db'), { fileMustExist: true })
    try {
      db.pragma(`cipher='sqlcipher'`)
      db.pragma('legacy=4')
      db.pragma(`key="x'${parseRecoveryKey(recoveryKey).toString('hex')}'"`)
      const n = (sql: string) => (db.prepare(sql).get() as { n: number }).n
      expect({
        persons: n('SELECT count(*) AS n FROM persons'),
        orphans: n(
          `SELECT count(*) AS n FROM persons p WHERE NOT EXISTS (SELECT 1 FROM cases c WHERE c.survivor_id = p.id)
           AND NOT EXISTS (SELECT 1 FROM case_perpetrators cp WHERE cp.person_id = p.id)`,
        ),
        citizenships: n(
          'SELECT count(*) AS n FROM person_citizenships WHERE person_id NOT IN (SELECT id FROM persons)',
        ),
        referrals: n('SELECT count(*) AS n FROM referrals'),
        consents: n('SELECT count(*) AS n FROM referral_consents'),
        history: n('SELECT count(*) AS n FROM referral_status_history'),
        assessments: n('SELECT count(*) AS n FROM assessments'),
        plans: n('SELECT count(*) AS n FROM support_plans'),
        attachments: n('SELECT count(*) AS n FROM attachments'),
        comments: n('SELECT count(*) AS n FROM case_comments'),
        search: n('SELECT count(*) AS n FROM case_search'),
        freelist: (db.pragma('freelist_count', { simple: true }) as number) >= 0,
      }).toEqual({
        persons: 1,
        orphans: 0,
        citizenships: 0,
        referrals: 0,
        consents: 0,
        history: 0,
        assessments: 0,
        plans: 0,
        attachments: 0,
        comments: 0,
        search: 1,
        freelist: true,
      })
      // The audit log outlives the case: ids, counts and codes only, no marker anywhere in it.
      const audit = (db.prepare('SELECT action, target, details FROM audit_log').all() as object[])
        .map((row) => JSON.stringify(row))
        .join('\n')
      expect(
        Object.values(MARK).filter((marker) => audit.toLowerCase().includes(marker.toLowerCase())),
      ).toEqual([])
      expect(audit).toContain('survivorRequest')
    } finally {
      db.close()
    }
  })

  it('leaves no plaintext marker in any other file of the data folder', async () => {
    const { host, dataDir } = await staffedHost('bilal')
    const gone = await caseWithEverything(host)
    await signInAs(host, 'amara')
    await call(host, 'cases:delete', { id: gone.id, reason: 'survivorRequest' })
    const files: string[] = []
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name)
        if (statSync(path).isDirectory()) walk(path)
        else files.push(path)
      }
    }
    walk(dataDir)
    const leaking = files.filter((path) => {
      const bytes = readFileSync(path)
      return Object.values(MARK).some((marker) => has(bytes, marker))
    })
    expect(leaking).toEqual([])
  })
})
