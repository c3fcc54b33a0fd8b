// Case search and the perpetrator finder match names as they are typed, not only as written: an
// Arabic name written with its vowel marks, a Greek one with its accent, a Russian one with ё.
// The first three tests came from a reviewing helper and failed before search-fold.ts.
import { describe, expect, it } from 'vitest'
import { ADMIN, call, testVault } from './support/temp-vault'
import { createCase, staffedHost, survivorCase } from './support/case-fixtures'
import { foldForSearch } from '../../main/core/cases/search-fold'
import type { CaseSearchHit, PerpetratorMatch } from '../../main/api/contract'

async function hostWith(...names: [string, string][]) {
  const { host, dataDir } = await staffedHost('dana')
  const ids: number[] = []
  for (const [first, second] of names) {
    const survivor = { prs_FirstName: first, prs_SecondName: second }
    ids.push((await createCase(host, survivorCase({ survivor, survivorAliases: [] }))).id)
  }
  const search = (query: string) => call<CaseSearchHit[]>(host, 'cases:search', { query })
  const found = async (query: string) => (await search(query)).map((hit) => hit.id).sort()
  return { host, dataDir, ids, search, found }
}

describe('case search folds what typing leaves out', () => {
  it('an Arabic name with harakat is found by the name typed without them', async () => {
    const { ids, found } = await hostWith(['فَاطِمَة', 'الزَّهْرَاء'])
    expect(await found('فاطمة')).toEqual(ids)
    expect(await found('الزهراء')).toEqual(ids)
  })

  it('a Greek name with its accent (tonos) is found without it, in capitals too', async () => {
    const { ids, found } = await hostWith(['Σοφία', 'Παπαδοπούλου'])
    expect(await found('σοφια')).toEqual(ids)
    expect(await found('ΣΟΦΙΑ')).toEqual(ids)
    expect(await found('Παπαδοπουλου')).toEqual(ids)
  })

  it('a Cyrillic name with ё is found when typed with е, and the other way round', async () => {
    const { ids, found } = await hostWith(['Олена', 'Ковалёва'], ['Пётр', 'Семенов'])
    expect(await found('Ковалева')).toEqual([ids[0]])
    expect(await found('Семёнов')).toEqual([ids[1]])
  })

  it('Arabic hamza forms, ta marbuta and alef maqsura are typed interchangeably', async () => {
    const { ids, found } = await hostWith(['أحمد', 'مصطفى'], ['فاطمه', 'علي'])
    expect(await found('احمد')).toEqual([ids[0]])
    expect(await found('مصطفي')).toEqual([ids[0]])
    expect(await found('فاطمة')).toEqual([ids[1]])
  })

  // unicode61 took combining marks for separators: "मीना" was indexed as "म" and "न", so a search
  // for her also found "मनु" (another person) by its fragments. Vowel signs are part of the word.
  it('keeps Devanagari vowel signs: a name is not matched by the fragments between them', async () => {
    const { ids, found } = await hostWith(['मीना', 'कुमारी'], ['मनु', 'शर्मा'])
    expect(await found('मीना')).toEqual([ids[0]])
    expect(await found('मी')).toEqual([ids[0]])
    expect(await found('मनु')).toEqual([ids[1]])
  })

  it('the snippet quotes the name as it was written', async () => {
    const { search } = await hostWith(['Σοφία', 'Παπαδοπούλου'])
    const [hit] = await search('Παπαδοπούλου')
    expect(hit!.snippet).toContain('[[Παπαδοπούλου]]')
  })

  // A hit found through the word indexed without its apostrophe quoted the index ("gulom"), in
  // lower case, instead of the name as written (a helper's note, session 21; failed before).
  it('the snippet quotes a name with an apostrophe as written when found without it', async () => {
    const { search } = await hostWith(['Gʻulom', 'Toʻxtayev'])
    const [hit] = await search('Gulom')
    expect(hit!.snippet).toContain('[[Gʻulom]]')
  })

  it('Latin accents, case and operators behave as before', async () => {
    const { ids, found } = await hostWith(['Tomás', 'Nguyễn'])
    expect(await found('tomas nguyen')).toEqual(ids)
    expect(await found('TOMÁS')).toEqual(ids)
    expect(await found('"Tomás" OR NOT x')).toEqual([])
  })

  it('folding is idempotent and leaves letters that are letters (й, ї, Devanagari vowels)', () => {
    for (const word of ['فَاطِمَة', 'Σοφία', 'Ковалёва', 'Йосип', 'Їжак', 'मीना', 'Łukasz', 'İstanbul']) {
      expect(foldForSearch(foldForSearch(word))).toBe(foldForSearch(word))
    }
    expect(foldForSearch('Йосип Їжак')).toBe('йосип їжак')
    expect(foldForSearch('मीना')).toBe('मीना')
    expect(foldForSearch('İstanbul')).toBe('istanbul')
  })
})

describe('the perpetrator finder folds names and looks at aliases', () => {
  async function withPerpetrator(person: Record<string, string>, aliases: string[]) {
    const { host } = await staffedHost('dana')
    const { id } = await createCase(host)
    await call(host, 'perpetrators:add', { caseId: id, person, aliases, context: {} })
    return (query: string) =>
      call<PerpetratorMatch[]>(host, 'perpetrators:find', { query }).then((rows) =>
        rows.map((row) => row.displayName),
      )
  }

  it('offers a perpetrator recorded with ё, an accent or harakat when typed without', async () => {
    const find = await withPerpetrator({ prs_FirstName: 'Пётр', prs_SecondName: 'Sokolovič' }, ['أَبُو عَلِي'])
    expect(await find('Петр')).toEqual(['Пётр Sokolovič'])
    expect(await find('sokolovic')).toEqual(['Пётр Sokolovič'])
    expect(await find('ابو علي')).toEqual(['Пётр Sokolovič'])
    expect(await find('100%')).toEqual([])
  })
})

describe('a vault indexed before folding', () => {
  // A vault made before 0009 had the old index: unlocking migrates and indexes every case again,
  // in the migration's transaction, so names written with marks are found at once.
  it('is indexed again on unlock, comments and perpetrators included', async () => {
    const { host, dataDir, ids, found } = await hostWith(['فَاطِمَة', 'Ковалёва'])
    await call(host, 'comments:add', { caseId: ids[0], body: 'Встреча с Пётром' })
    await call(host, 'perpetrators:add', {
      caseId: ids[0],
      person: { prs_FirstName: 'Σωτήρης' },
      aliases: [],
      context: {},
    })
    await call(host, 'vault:lock')
    // The same folder opened beside the app, as 0008 left it: the old index, emptied.
    const old = testVault({ dataDir })
    const { db } = await old.unlock(ADMIN.username, ADMIN.passphrase)
    db.exec(`DROP TABLE case_search;
      CREATE VIRTUAL TABLE case_search USING fts5 (case_number, names, notes,
        tokenize = 'unicode61 remove_diacritics 2');
      DROP TABLE person_citizenships;
      PRAGMA user_version = 8;`)
    old.lock('user')
    await call(host, 'vault:unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase })
    for (const query of ['فاطمة', 'Ковалева', 'Петром', 'Σωτηρης']) expect(await found(query)).toEqual(ids)
  })
})
