// Review of the last hour's fixes (cases, referrals, perpetrators, import). Each test states the
// expected behaviour and failed on the code before its fix; the comment says what goes wrong and who it hurts.
import { describe, expect, it } from 'vitest'
import { createdVault } from './support/temp-vault'
import { createCase, staffedHost, survivorCase } from './support/case-fixtures'
import { adminSession, importer, json } from './support/import-fixtures'
import { caseServicesFor } from '../../main/api/case-services'
import { createCaseInput } from '../../main/api/contract'
import type { CaseDetail, PerpetratorMatch } from '../../main/api/contract'
import { createCaseRepository } from '../../main/core/cases/case-repository'
import { perpetratorFields } from '../../main/core/cases/perpetrator-service'
import { createReferralService } from '../../main/core/referrals/referral-service'

type Issue = { path: string; code: string }
const issuesOf = (result: { ok: boolean; error?: { details?: unknown } }): Issue[] =>
  ((result.error?.details as { issues?: Issue[] } | undefined)?.issues ?? []) as Issue[]

describe('the perpetrator finder in a vault with many perpetrators', () => {
  // WHAT: "Li Na" is recorded as a perpetrator in one case. A caseworker adding her to another case
  // types "Li Na". The finder reads candidates by the longest word ("li": both are two letters, the
  // first wins), LIMIT 500 ordered by name, and only then checks every word. In a vault where more
  // than 500 perpetrators have "li" anywhere in their name (Ali, Aliya, Elif, Amelia, Khalil…; none
  // has "na", so none matches both words) and sort before "Li Na", she is never among the 500
  // read: the finder offers nobody, and she is
  // recorded a second time (the link between the cases, the point of shared records, is lost).
  // The same happens to anyone whose longest word is a common surname held by > 500 people.
  // CAUSE: main/core/cases/perpetrator-service.ts:128 (LIMIT ${FIND_CANDIDATES} on the longest word
  // alone) before the word filter at :224-231. FIX: put every word's LIKE in the SQL (AND per word)
  // and LIMIT 20 there.
  it('offers "Li Na" when more than 500 other perpetrators have "li" in their names', async () => {
    const { vault } = await createdVault()
    const session = vault.session()!
    const services = caseServicesFor(session)
    const made = services.cases.create(createCaseInput.parse(survivorCase()))
    services.perpetrators.add(made.id, {
      person: { prs_FirstName: 'Li', prs_SecondName: 'Na' },
      aliases: [],
      context: {},
    })
    // Baseline: alone, she is found.
    expect(services.perpetrators.find('Li Na').map((match) => match.displayName)).toEqual(['Li Na'])
    // 510 perpetrators of other cases, as a busy vault holds after some years.
    const repository = createCaseRepository(session.db)
    const firsts = ['Ali', 'Aliya', 'Elif', 'Amelia', 'Alisher', 'Khalil']
    const seconds = ['Hassan', 'Petrova', 'Yilmaz', 'Ionescu', 'Brown', 'Karimov', 'Diallo', 'Haddad']
    session.db.transaction(() => {
      for (let n = 0; n < 510; n += 1) {
        const { person } = perpetratorFields({
          person: { prs_FirstName: firsts[n % firsts.length], prs_SecondName: seconds[n % seconds.length] },
          aliases: [],
          context: {},
        })
        repository.insertPerson(person, new Date().toISOString())
      }
    })()
    const offered: PerpetratorMatch[] = services.perpetrators.find('Li Na')
    // Today: [] — she is the 511th candidate in name order and is never read.
    expect(offered.map((match) => match.displayName)).toEqual(['Li Na'])
  })
})

describe('the perpetrator finder with short names', () => {
  // WHAT: the word-by-word finder treats every typed word as a substring anywhere in any name, and
  // offers the first 20 in alphabetical order. Typing "Li Na" (a very common Chinese name; also
  // "Le An", "Ng Bo"…) now matches Alina, Angelina, Carolina, Kalina… — every name holding "li"
  // and "na" anywhere. With 20 such people sorted before "Li Na", the exact person is not offered,
  // and she is recorded a second time. Before the fix the whole text "li na" was one substring
  // and "Li Na" was found at once: a regression for short names.
  // CAUSE: main/core/cases/perpetrator-service.ts:224-231 (no ranking: substring hits and whole-word
  // hits are cut at 20 by name). FIX: rank names whose words start with (or equal) the typed words
  // first, then the rest, before slice(0, 20).
  it('offers "Li Na" among the first 20 when 25 others merely contain "li" and "na"', async () => {
    const { vault } = await createdVault()
    const session = vault.session()!
    const services = caseServicesFor(session)
    const made = services.cases.create(createCaseInput.parse(survivorCase()))
    services.perpetrators.add(made.id, {
      person: { prs_FirstName: 'Li', prs_SecondName: 'Na' },
      aliases: [],
      context: {},
    })
    const repository = createCaseRepository(session.db)
    const firsts = ['Alina', 'Angelina', 'Carolina', 'Kalina', 'Adelina']
    const seconds = ['Popescu', 'Rossi', 'Silva', 'Ivanova', 'Costa']
    for (const first of firsts)
      for (const second of seconds) {
        const { person } = perpetratorFields({
          person: { prs_FirstName: first, prs_SecondName: second },
          aliases: [],
          context: {},
        })
        repository.insertPerson(person, new Date().toISOString())
      }
    const offered = services.perpetrators.find('Li Na')
    // Today: 20 of the 25 (Adelina Costa … Kalina …), not Li Na.
    expect(offered.map((match) => match.displayName)).toContain('Li Na')
  })
})

describe('a referral follow-up before 1950 that an older version let through', () => {
  // (Failed before its fix; a reviewing helper's review.) The new follow-up rule judged an
  // unchanged follow-up again: a referral imported with 1026 could then not have its outcome
  // saved at all. The import keeps records older versions saved (a perpetrator born "2099" too),
  // so that none is left behind on the way to a new vault: such a record must stay editable.
  it('is kept by the import, and the referral can still be followed up', async () => {
    const session = await adminSession()
    const bytes = json({
      standard: 'HTCDS',
      cases: [
        {
          caseNumber: 'J-1',
          intakeDate: '2025-06-01',
          survivor: { prs_FirstName: 'Awa' },
          referrals: [
            {
              key: 'R1',
              direction: 'outgoing',
              status: 'draft',
              urgency: 'routine',
              referralDate: '2025-06-03',
              followUpDate: '1026-06-10',
              organisation: 'Legal Aid Centre',
              history: [{ from: null, to: 'draft', changedOn: '2025-06-03' }],
            },
          ],
        },
      ],
    })
    const { report } = await importer(session)(bytes, { format: 'htcds-json', dryRun: false })
    expect(report).toMatchObject({ imported: 1, rejected: 0 })
    const referrals = createReferralService(session, () => undefined)
    const id = session.db.prepare('SELECT id FROM referrals').pluck().get() as number
    const version = session.db.prepare('SELECT version FROM referrals WHERE id = ?').pluck().get(id) as number
    const saved = referrals.setFollowUp({
      id,
      version,
      followUpDate: '1026-06-10',
      outcome: 'Seen on 12 June',
    })
    expect(saved.followUpDate).toBe('1026-06-10')
  })
})

describe('an event before birth, reached by correcting the birthdate', () => {
  // WHAT: the new rule refuses an event dated before the survivor's birth, but only for an event
  // that changed (case-facts.ts:74-75 skips an unchanged event). Changing the BIRTHDATE to a day
  // after a stored recruitment date makes exactly the contradiction the rule refuses, and it is
  // saved: the case then says she was recruited before she was born, in reports and in the
  // de-identified export. The age rules right above re-judge when the birthdate changes
  // (ageChanged); the event rule does not. FIX: treat an event as unchanged only when the
  // birthdate is unchanged too (stored.survivor.prs_Birthdate === facts.birthdate).
  it('refuses a new birthdate that falls after a stored trafficking event', async () => {
    const { host } = await staffedHost('bilal')
    const made: CaseDetail = await createCase(host) // born 2001-07-02, recruited 2025-11-01
    const base = survivorCase()
    const result = await host.dispatch('cases:update', {
      ...base,
      id: made.id,
      version: made.version,
      survivor: { ...base.survivor, prs_Birthdate: '2025-12-01' },
      // The stored event, unchanged (sent with its id, as the edit form does).
      events: made.events.map((event, index) => ({ id: event.id, record: base.events![index]!.record })),
    })
    // Today: ok — the recruitment (2025-11-01) is now a month before her birth.
    expect(result.ok).toBe(false)
    expect(issuesOf(result).map((issue) => issue.code)).toContain('before_birth')
  })
})

describe('editing a perpetrator whose stored birthdate is in the future', () => {
  // WHAT: vaults hold perpetrators saved with "2099" before this fix (the fix's own comment: it
  // "was saved and shown on every case linked to that person"), and the import still takes one.
  // The fix judges the birthdate on EVERY update, changed or not (perpetrator-service.ts:179). A
  // caseworker of another case linked to this man, who only records his role in her case, is
  // refused "in the future" on a birthdate she did not type and does not know: she cannot save
  // until she deletes it (data lost) or guesses one. Case facts and referral dates are "not judged
  // again" when unchanged (case-facts.ts header, referral-service.ts:77-80). FIX: in update(),
  // check the birthdate only when it differs from the stored one.
  it('saves a change of his role when his stored birthdate is left as it is', async () => {
    const { vault } = await createdVault()
    const session = vault.session()!
    const services = caseServicesFor(session)
    const made = services.cases.create(createCaseInput.parse(survivorCase()))
    const added = services.perpetrators.add(made.id, {
      person: { prs_FirstName: 'Viktor', prs_Birthdate: '1980-01-01' },
      aliases: [],
      context: {},
    })
    // As a vault from before the rule (or an import) holds him.
    session.db
      .prepare(
        `UPDATE persons SET birthdate = '2099-01-01',
           record = json_set(record, '$.prs_Birthdate', '2099-01-01') WHERE id = ?`,
      )
      .run(added.personId)
    const stored = services.perpetrators.list(made.id)[0]!
    expect(stored.person['prs_Birthdate']).toBe('2099-01-01')
    // Today: throws VALIDATION at person.prs_Birthdate ('in the future'), though nobody changed it.
    const update = () =>
      services.perpetrators.update(made.id, added.personId, {
        updatedAt: stored.updatedAt,
        person: stored.person,
        aliases: stored.aliases,
        context: { per_RoleInProcess: ['Transporter'] },
      })
    let refusal: unknown = null
    try {
      expect(update().context['per_RoleInProcess']).toEqual(['Transporter'])
    } catch (error) {
      refusal = (error as { details?: unknown }).details ?? error
    }
    expect(refusal, JSON.stringify(refusal)).toBeNull()
  })
})
