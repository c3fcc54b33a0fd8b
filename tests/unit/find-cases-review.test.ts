// Reviewing helper (finding cases): defects of the case search and the case list, each test
// failed on the code before its fix (session 21). Real encrypted vaults throughout (temp-vault helpers), no mocked database.
import { describe, expect, it } from 'vitest'
import { call } from './support/temp-vault'
import { createCase, staffedHost, survivorCase } from './support/case-fixtures'
import { adminSession, csv, importer } from './support/import-fixtures'
import type { CaseSearchHit } from '../../main/api/contract'
import { listCasesInput, createCaseInput } from '../../main/api/contract/cases'
import { createCaseService } from '../../main/core/cases/case-service'
import { createDashboardService } from '../../main/core/dashboard/dashboard-service'

type Host = Awaited<ReturnType<typeof staffedHost>>['host']
const searchIds = async (host: Host, query: string) =>
  (await call<CaseSearchHit[]>(host, 'cases:search', { query })).map((hit) => hit.id)

async function caseOf(host: Host, first: string, second: string) {
  return createCase(
    host,
    survivorCase({ survivor: { prs_FirstName: first, prs_SecondName: second }, survivorAliases: [] }),
  )
}

describe('Today’s "All my open cases" link and the list it opens', () => {
  // WHAT GOES WRONG: the card leaves CTDC's public records out (dashboard-service.ts:45-52), but
  // its link opens the list on status Active+FollowUp and assignee = me (DashboardView.vue:43-46),
  // and the list (case-list-query.ts listCasesSql) has no way to leave them out. An admin who
  // loaded CTDC's public file is told "All my open cases (1)" and lands on a list of 4 (at scale:
  // her one real survivor among tens of thousands of CTDC-2019-… rows), the count disagreeing.
  it('lists the same open cases the card counts when CTDC public records were imported', async () => {
    const session = await adminSession()
    const { report } = await importer(session)(
      csv([
        ['yearOfRegistration', 'gender', 'citizenship', 'CountryOfExploitation'],
        ['2019', 'Female', 'UA', 'PL'],
        ['2020', 'Male', 'MD', 'PL'],
        ['2021', 'Female', 'NG', 'IT'],
      ]),
      { format: 'ctdc-csv', dryRun: false },
    )
    expect(report).toMatchObject({ imported: 3, rejected: 0 }) // the setup worked
    const cases = createCaseService(session)
    const mine = cases.create(createCaseInput.parse(survivorCase()))
    const card = createDashboardService(session).summary().myOpenCases
    expect(card.total).toBe(1) // the card: my one real case
    // The link's filters (DashboardView.vue myOpenCasesLink): fixing helper added caseworkOnly, the
    // list filter the fix introduced for the link; the list without it still shows public rows.
    const linked = cases.list(
      listCasesInput.parse({
        status: ['Active', 'FollowUp'],
        assignedUserId: session.user.id,
        caseworkOnly: true,
      }),
    )
    expect(linked.rows.map((row) => row.id)).toEqual([mine.id])
    expect(linked.total).toBe(card.total)
  })
})

describe('names written with letters that typing leaves out', () => {
  // WHAT GOES WRONG: search-fold.ts:22,30-40 (and FTS5's remove_diacritics) fold letters that decompose
  // to a base letter and a mark (ą ę ó é ễ → a e o e e), but not the letters with a stroke or
  // without a dot, which have no decomposition: ł, ø, đ, ı. So "Walesa" does not find "Wałęsa"
  // although its ę is folded, "Duc Nguyen" finds no "Đức Nguyễn" although "Nguyen" alone does.
  // A caseworker on an English keyboard concludes the survivor is not registered and registers her
  // again (the duplicate the fold module was written to prevent).
  it('finds Polish ł, Danish ø, Vietnamese đ and Turkish ı typed as l, o, d and i', async () => {
    const { host } = await staffedHost('dana')
    const walesa = await caseOf(host, 'Łucja', 'Wałęsa')
    const soren = await caseOf(host, 'Søren', 'Østergaard')
    const duc = await caseOf(host, 'Đức', 'Nguyễn')
    const isil = await caseOf(host, 'Işıl', 'Yılmaz')
    expect(await searchIds(host, 'Nguyen')).toEqual([duc.id]) // the other letters are folded
    expect(await searchIds(host, 'Lucja Walesa')).toEqual([walesa.id])
    expect(await searchIds(host, 'Soren Ostergaard')).toEqual([soren.id])
    expect(await searchIds(host, 'Duc Nguyen')).toEqual([duc.id])
    expect(await searchIds(host, 'Isil Yilmaz')).toEqual([isil.id])
  })
})

describe('apostrophes in names', () => {
  // WHAT GOES WRONG: the modifier-letter apostrophes (U+02BC ʼ, the Ukrainian apostrophe of the
  // official orthography and of phone keyboards; U+02BB ʻ, Uzbek Latin's oʻ and gʻ) are letters
  // (Lm) to FTS5 and to searchWords (search-fold.ts:43-48), while ' and ’ are separators. So
  // "Марʼяна" is one word and "Мар'яна" two: typed with the other apostrophe, or without one,
  // the survivor is not found. Uzbek "Gʻulom Toʻxtayev" is found neither as "G'ulom" nor as
  // "Gulom Toxtayev", the spellings of passports and of partner spreadsheets.
  it('finds a name written with ʼ or ʻ when typed with an ASCII apostrophe or without one', async () => {
    const { host } = await staffedHost('dana')
    const maryana = await caseOf(host, 'Марʼяна', 'Коваль')
    const gulom = await caseOf(host, 'Gʻulom', 'Toʻxtayev')
    expect(await searchIds(host, 'Марʼяна')).toEqual([maryana.id]) // as written: found
    expect(await searchIds(host, "Мар'яна")).toEqual([maryana.id])
    expect(await searchIds(host, 'Мар’яна')).toEqual([maryana.id])
    expect(await searchIds(host, "G'ulom")).toEqual([gulom.id])
    expect(await searchIds(host, 'Gulom Toxtayev')).toEqual([gulom.id])
  })

  it('finds a name written with an ASCII apostrophe when typed with the Ukrainian ʼ', async () => {
    // The other way round: a name saved from a Windows keyboard (') is not found from a phone's ʼ.
    const { host } = await staffedHost('dana')
    const maryana = await caseOf(host, "Мар'яна", 'Бойко')
    expect(await searchIds(host, "Мар'яна")).toEqual([maryana.id])
    expect(await searchIds(host, 'Марʼяна')).toEqual([maryana.id])
  })
})

describe('names typed in full width', () => {
  // WHAT GOES WRONG: searchWords (search-fold.ts:45) NFKC-normalises what is typed, so "Ｏｌｅｎａ"
  // (a Latin name typed with a Chinese or Japanese IME left in full-width mode) is searched as
  // "olena"; but the index holds the name as written, "ｏｌｅｎａ", and foldedForms
  // (search-fold.ts:57-59) compares the fold with the NFKC word, sees no change, and adds no
  // "olena" beside it. The survivor is found by no query at all, not even by pasting her name as
  // it is shown in her own record. The same for a ligature pasted from a PDF ("ﬁona").
  it('finds a name saved in full-width letters or with a ligature, typed either way', async () => {
    const { host } = await staffedHost('dana')
    const olena = await caseOf(host, 'Ｏｌｅｎａ', 'Ｓｈｅｖｃｈｅｎｋｏ')
    const fiona = await caseOf(host, 'ﬁona', 'Lig')
    expect(await searchIds(host, 'Lig')).toEqual([fiona.id]) // the cases are indexed
    expect(await searchIds(host, 'Ｏｌｅｎａ')).toEqual([olena.id]) // pasted as shown
    expect(await searchIds(host, 'Olena Shevchenko')).toEqual([olena.id])
    expect(await searchIds(host, 'fiona')).toEqual([fiona.id])
  })
})

describe('invisible characters inside a name', () => {
  // WHAT GOES WRONG: a name pasted from a PDF or a word processor can carry a soft hyphen (U+00AD)
  // or a zero-width space (U+200B) where a line could break. Both are invisible on screen (the
  // name reads "Alexandra") and allowed by the name schema (common.ts HIDDEN_CHARACTER), but FTS5
  // cuts the word there ("ale", "xandra"): typing the name as it reads finds nothing.
  it('finds "Alexandra" saved with a soft hyphen or a zero-width space inside it', async () => {
    const { host } = await staffedHost('dana')
    const softHyphen = await caseOf(host, 'Ale\u00ADxandra', 'Popescu')
    const zeroWidth = await caseOf(host, 'Ale\u200Bxandra', 'Ionescu')
    expect(await searchIds(host, 'Popescu')).toEqual([softHyphen.id]) // the case is indexed
    expect(await searchIds(host, 'Alexandra Popescu')).toEqual([softHyphen.id])
    expect(await searchIds(host, 'Alexandra Ionescu')).toEqual([zeroWidth.id])
  })
})

describe('a query that is only a combining mark', () => {
  // WHAT GOES WRONG: toFtsQuery (case-search.ts:18-22) drops a word that folds to nothing, but
  // foldForSearch keeps a Latin combining mark with no letter before it ("\u0301"), and FTS5's
  // tokenizer then removes it: the term is an empty prefix, which matches every case. A stray
  // accent (a dead key, a paste) lists the first ten cases of the vault as "found", each with its
  // case number marked as the match.
  it('finds nothing for a lone combining accent', async () => {
    const { host } = await staffedHost('dana')
    await caseOf(host, 'Amina', 'Yusuf')
    await caseOf(host, 'Tomás', 'Reyes')
    expect(await searchIds(host, '\u0301')).toEqual([])
  })
})
