// Defects found by a reviewing helper in the cases core (main/core/cases, main/api/contract/cases.ts,
// main/api/contract/htcds.ts). Each test failed before its fix, because of the defect named in the
// comment above it. Real encrypted vaults only (support/temp-vault.ts). More in
// cases-review-2.test.ts.
import { describe, expect, it } from 'vitest'
import { ADMIN, call, testVault } from './support/temp-vault'
import { createCase, signInAs, staffedHost, survivorCase } from './support/case-fixtures'
import { adminSession, importer, json } from './support/import-fixtures'
import { createCaseService } from '../../main/core/cases/case-service'
import { updateCaseInput } from '../../main/api/contract'
import type { CaseDetail, CasePage, CasePerpetrator, PerpetratorMatch } from '../../main/api/contract'
import { outcome } from './support/result-code'

describe('editing a case that came in through an import', () => {
  // WHAT GOES WRONG: a case imported from an older HTCDS file keeps its deprecated fields
  // (vic_Vulnerabilities, vic_DetailsOfVulnerabilities…), as the import promises ("still readable
  // on import"). Any later edit of that case — a new phone number, a corrected name — sends the
  // victim record back as loaded (renderer/src/composables/case-edit-form.ts editValuesOf), and
  // main refuses the whole save with VALIDATION "deprecated field". The form never offers
  // deprecated fields (renderer/src/forms/htcds/fields.ts formFields), so the caseworker cannot even
  // clear it: the case is frozen. Clearing it through the API deletes the survivor's recorded
  // vulnerabilities.
  // WHO IS HURT: the survivors of every migrated case (an NGO moving to CaseVault imports its whole
  // history): their records can no longer be kept current (new address, new contact, a newly
  // recorded exploitation type), or keeping them current destroys what they told the previous NGO.
  // CAUSE: main/core/cases/case-prepare.ts:41-50 validates every section of an UPDATE with
  // forNewRecords defaulting to true (main/core/cases/case-record.ts:24); case-service.ts:192
  // (update) uses the same prepareCase as create.
  // FIX: in update(), accept a deprecated field when the stored record already holds it (validate
  // with forNewRecords: false and refuse only deprecated keys that are new or changed), so imported
  // data survives edits; refuse them only in create().
  it('saves an unrelated change to an imported case that holds a deprecated field', async () => {
    const session = await adminSession()
    const file = {
      standard: 'HTCDS',
      version: '2.0',
      cases: [
        {
          caseNumber: 'OLD-2023-7',
          intakeDate: '2023-04-05',
          survivor: { prs_FirstName: 'Ana', prs_SecondName: 'Moraru' },
          victim: { vic_Vulnerabilities: ['Poverty'], vic_TypeOfExploitation: ['SexualExploitation'] },
        },
      ],
    }
    const { report } = await importer(session)(json(file), { format: 'htcds-json', dryRun: false })
    expect(report).toMatchObject({ imported: 1 })
    const cases = createCaseService(session)
    const id = (session.db.prepare('SELECT id FROM cases').pluck().get() as number)!
    const loaded = cases.get(id)
    // Exactly what the edit form sends: everything as loaded, one field changed.
    const edit = updateCaseInput.parse({
      id,
      version: loaded.version,
      intakeDate: loaded.intakeDate,
      survivor: { ...loaded.survivor.record, prs_MobilePhone: '+37369123456' },
      survivorAliases: loaded.survivor.aliases,
      victim: loaded.victim,
      details: loaded.details,
      events: loaded.events,
    })
    let result: string
    try {
      cases.update(edit)
      result = 'saved'
    } catch (error) {
      result = (error as { code: string }).code
    }
    expect(result).toBe('saved')
    expect(cases.get(id).victim).toEqual(loaded.victim)
  })
})

describe('closing and reopening', () => {
  // WHAT GOES WRONG: the closure reason ("Referred to the Caritas shelter in Lviv") lives only in
  // cases.closure_reason. Reopening sets it to NULL; the case.closed audit row holds only the
  // status; close() writes nothing to the timeline (reopen() does, for its own reason). After a
  // reopen nothing in the vault says why, or to whom, the case was closed.
  // WHO IS HURT: a survivor who comes back: the caseworker cannot see which service the survivor
  // was referred to or why the case was closed (e.g. "moved abroad, do not contact"), and may
  // re-refer them to the same failed service or contact them unsafely.
  // CAUSE: main/core/cases/case-service.ts:266 (reopen: setStatus(…, 'Active', null, …)) and :255
  // (close audits only the status; no timeline entry, unlike reopen at :271-275).
  // FIX: in close(), add the reason to the timeline (case_comments) as reopen() does, or keep a
  // case_status_history table (status, reason, at, by) written by close and reopen.
  it('keeps the closure reason visible on the case after it is reopened', async () => {
    const { host } = await staffedHost('bilal')
    const created = await createCase(host)
    const reason = 'Referred to the Caritas shelter in Lviv'
    await call(host, 'cases:close', { id: created.id, version: 1, status: 'ClosedReferred', reason })
    const reopened = await call<CaseDetail>(host, 'cases:reopen', {
      id: created.id,
      version: 2,
      reason: 'Came back for legal help',
    })
    const timeline = await call<{ body: string }[]>(host, 'comments:list', { caseId: created.id })
    const shown = [reopened.closureReason, ...timeline.map((comment) => comment.body)].join('\n')
    expect(shown).toContain(reason)
  })
})

describe('an edit from a stale version', () => {
  // WHAT GOES WRONG: A opens a case; B saves a version that removes an event. A saves from the old
  // version (still listing that event by id). Main answers VALIDATION "An event does not belong to
  // this case" instead of CONFLICT, because the event-ownership check runs against the CURRENT
  // events before the version check. The edit form shows CONFLICT's "someone else saved — reload"
  // only for CONFLICT (case-edit-form.ts:106); here A gets an unexplained error with no field
  // marked, and may "fix" it by re-adding the event B deliberately removed (e.g. a wrongly entered
  // event naming another survivor's exploitation).
  // WHO IS HURT: caseworkers on shared cases; survivors whose record is corrupted by the retry.
  // CAUSE: main/core/cases/case-service.ts:191-196 builds eventIds from the current rows and calls
  // prepareCase (case-prepare.ts:51-55 throws VALIDATION) before the version check at :199-209.
  // FIX: compare input.version with existing.version first (throw CONFLICT when they differ), or
  // turn "unknown event" into CONFLICT when the version is stale.
  it('answers CONFLICT, not VALIDATION, when the newer version removed an event the edit still lists', async () => {
    const { host } = await staffedHost('bilal')
    const created = await createCase(host)
    const edit = { ...survivorCase(), id: created.id, version: created.version }
    await call(host, 'cases:update', { ...edit, events: [] })
    const stale = await outcome(host, 'cases:update', {
      ...edit,
      survivor: { ...edit.survivor, prs_MiddleName: 'Ivanivna' },
      events: [{ id: created.events[0]!.id, record: { hte_Type: 'Recruitment', hte_Country: 'UA' } }],
    })
    expect(stale.code).toBe('CONFLICT')
  })
})

describe('a perpetrator shared by two cases', () => {
  // WHAT GOES WRONG: a perpetrator is one person linked to several cases. perpetrators:update
  // carries no version: whoever saves last overwrites the person's whole record, silently. Bilal adds
  // the perpetrator's birthdate through his case; Chen, whose dialog was opened before, saves only
  // a change of role in his case — and Bilal's birthdate is gone from both cases, no CONFLICT.
  // WHO IS HURT: investigations and referrals to law enforcement built on the perpetrator record
  // (identifying details lost); the caseworker never learns their entry was discarded.
  // CAUSE: main/core/cases/perpetrator-service.ts:145-156 (update writes the person
  // unconditionally); main/api/contract/case-parts.ts:65-71 (updatePerpetratorInput has no version).
  // FIX: add a version (or the person's updated_at) to the perpetrator read and update input, and
  // refuse a stale one with CONFLICT as cases:update does; or write the person only when it changed.
  it('does not let a stale perpetrator dialog silently undo another caseworker’s edit', async () => {
    const { host } = await staffedHost('bilal')
    const bilalsCase = await createCase(host)
    const viktor = await call<CasePerpetrator>(host, 'perpetrators:add', {
      caseId: bilalsCase.id,
      person: { prs_FirstName: 'Viktor', prs_SecondName: 'Zarubin' },
    })
    await signInAs(host, 'chen')
    const chensCase = await createCase(host, survivorCase({ survivor: { prs_FirstName: 'Marta' } }))
    const [match] = await call<PerpetratorMatch[]>(host, 'perpetrators:find', { query: 'Zarubin' })
    await call(host, 'perpetrators:add', { caseId: chensCase.id, existingPersonId: match!.personId })
    const [chensDialog] = await call<CasePerpetrator[]>(host, 'perpetrators:list', { caseId: chensCase.id })
    await signInAs(host, 'bilal')
    await call(host, 'perpetrators:update', {
      caseId: bilalsCase.id,
      personId: viktor.personId,
      updatedAt: viktor.updatedAt,
      person: { ...viktor.person, prs_Birthdate: '1979-04-12' },
      context: {},
    })
    await signInAs(host, 'chen')
    // As Chen's dialog sends it: the person as it loaded, with its updatedAt.
    const chensSave = await outcome(host, 'perpetrators:update', {
      caseId: chensCase.id,
      personId: viktor.personId,
      updatedAt: chensDialog!.updatedAt,
      person: chensDialog!.person,
      aliases: chensDialog!.aliases,
      context: { per_RoleInProcess: ['RecruiterOrIntermediary'] },
    })
    await signInAs(host, 'bilal')
    const [inBilalsCase] = await call<CasePerpetrator[]>(host, 'perpetrators:list', { caseId: bilalsCase.id })
    expect(chensSave.code).toBe('CONFLICT')
    const lostSilently = chensSave.code === 'OK' && inBilalsCase!.person.prs_Birthdate === undefined
    expect(lostSilently).toBe(false)
  })
})

describe('the case list filtered by citizenship', () => {
  // WHAT GOES WRONG: prs_Citizenship is a multi-select (dual nationals, common among people moved
  // across borders), but only the FIRST citizenship is stored in the column the list filters on.
  // A survivor recorded as Ukrainian and Moldovan is not found by the filter "Moldova".
  // WHO IS HURT: a supervisor gathering every Moldovan national (consular help, a repatriation
  // programme, a report to a donor or to CTDC) silently misses survivors — who then miss the help.
  // CAUSE: main/core/cases/case-record.ts:65-86 (survivorFields keeps prs_Citizenship[0], :78-80);
  // main/core/cases/case-list-query.ts:90-95 filters on that single column.
  // FIX: a person_citizenships (person_id, code) table filled from the multi-select (like
  // case_exploitation_types), and filter with `+c.survivor_id IN (SELECT person_id … WHERE code IN …)`.
  it('finds a dual national by either citizenship', async () => {
    const { host } = await staffedHost('dana')
    await createCase(
      host,
      survivorCase({
        survivor: { prs_FirstName: 'Ana', prs_Citizenship: ['UA', 'MD'] },
        survivorAliases: [],
      }),
    )
    const moldovan = await call<CasePage>(host, 'cases:list', { citizenship: ['MD'] })
    expect(moldovan.total).toBe(1)
  })
  // A vault from before 0010: its persons' citizenships are read into the new table on unlock.
  it('fills the citizenship table from the stored records when the vault is upgraded', async () => {
    const { host, dataDir } = await staffedHost('dana')
    await createCase(
      host,
      survivorCase({ survivor: { prs_FirstName: 'Ana', prs_Citizenship: ['UA', 'MD'] } }),
    )
    await call(host, 'vault:lock')
    const old = testVault({ dataDir })
    const { db } = await old.unlock(ADMIN.username, ADMIN.passphrase)
    db.exec(`DROP TABLE person_citizenships; PRAGMA user_version = 9;`)
    old.lock('user')
    await call(host, 'vault:unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase })
    expect((await call<CasePage>(host, 'cases:list', { citizenship: ['MD'] })).total).toBe(1)
  })
})
