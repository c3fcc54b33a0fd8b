// Defects found by a reviewing helper in two areas: training vaults and perpetrators. Each test
// failed on the code before its fix; the comment above it says what goes wrong and why it matters.
import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { call, createdVault, tempDir } from './support/temp-vault'
import { createCase, staffedHost, survivorCase } from './support/case-fixtures'
import { importer } from './support/import-fixtures'
import { caseServicesFor } from '../../main/api/case-services'
import { createCaseInput } from '../../main/api/contract'
import type { CasePerpetrator, CaseSearchHit, PerpetratorMatch } from '../../main/api/contract'
import { runExport } from '../../main/core/export/export-service'
import { readFullCases } from '../../main/core/export/full-records'
import { SeededRandom } from '../../main/core/training/synthetic-random'
import { NameSource } from '../../main/core/training/synthetic-names'
import { syntheticDirectory } from '../../main/core/training/synthetic-directory'

const PLAINTEXT = { plaintext: true, confirmed: true } as const

describe('the perpetrator finder', () => {
  // WHAT: "Viktor Ivanovich Zarubin" is recorded in one case. A caseworker adding him to another
  // case types his name as she knows it: surname first ("Zarubin Viktor", as on many ID documents
  // and police lists) or without the patronymic ("Viktor Zarubin"). The finder offers nobody, so
  // she records him again as a new person: the link between the two cases (the whole point of
  // shared perpetrator records) is lost. The case search finds the same man by the same words.
  // CAUSE: main/core/cases/perpetrator-service.ts find() matches the whole typed text as ONE
  // substring (LIKE '%viktor zarubin%'), not word by word as toFtsQuery does for cases:search.
  it('offers a known perpetrator typed surname first or without his middle name', async () => {
    const { host } = await staffedHost('bilal')
    const made = await createCase(host)
    await call<CasePerpetrator>(host, 'perpetrators:add', {
      caseId: made.id,
      person: { prs_FirstName: 'Viktor', prs_MiddleName: 'Ivanovich', prs_SecondName: 'Zarubin' },
      aliases: [],
      context: {},
    })
    // The case search takes these words (baseline): the finder should too.
    const hits = await call<CaseSearchHit[]>(host, 'cases:search', { query: 'Zarubin Viktor' })
    expect(hits.map((hit) => hit.id)).toEqual([made.id])
    for (const query of ['Zarubin Viktor', 'Viktor Zarubin', 'viktor  zarubin']) {
      const matches = await call<PerpetratorMatch[]>(host, 'perpetrators:find', { query })
      expect(
        matches.map((match) => match.displayName),
        query,
      ).toEqual(['Viktor Ivanovich Zarubin'])
    }
  })
})

describe('a training vault importing a real vault’s full export', () => {
  // WHAT: a real vault's HTCDS JSON export says "isTraining": false on every case. Imported into
  // a training vault (whose staff accounts all share ONE passphrase, "acceptable only because
  // nothing in it is real", main/cli/training.ts), the real survivors are taken without a word and
  // relabelled isTraining: true: the app then shows them as "Made-up case from a training vault.
  // It is not a real person." Real survivors' names and histories end up in a practice vault that
  // every trainee can open, under a label saying they are invented. The reverse (training cases
  // into a real vault) is refused with 'trainingCase'; this direction is not checked at all.
  // CAUSE: main/core/import/draft-checks.ts:24 checks only trainingCase && !trainingVault;
  // main/core/import/import-writer.ts:43 stamps every imported case with isTrainingVault().
  it('refuses cases its file marks as real (isTraining: false) instead of relabelling them as made-up', async () => {
    const { vault: realVault } = await createdVault()
    const real = realVault.session()!
    caseServicesFor(real).cases.create(createCaseInput.parse(survivorCase()))
    const file = join(tempDir(), 'real.htcds-json')
    await runExport(real, { format: 'htcds-json', protection: PLAINTEXT, scope: {} }, file)
    const bytes = new Uint8Array(readFileSync(file))
    expect(readFileSync(file, 'utf8')).toContain('"isTraining":false')

    const { vault: practiceVault } = await createdVault()
    const practice = practiceVault.session()!
    practice.settings.markAsTrainingVault()
    const { report } = await importer(practice)(bytes, { format: 'htcds-json', dryRun: false })
    const stored = readFullCases(practice.db, {})
    // Today: imported 1, rejected 0, and the real survivor is stored as a training case.
    expect({ imported: report.imported, relabelled: stored.filter((one) => one.isTraining).length }).toEqual({
      imported: 0,
      relabelled: 0,
    })
    expect(report.rejected).toBe(1)
  })
})

describe('a perpetrator recorded without a name', () => {
  // WHAT: the HTCDS allows a perpetrator whose name nobody knows ("the driver", role Transporter).
  // Main stores him under the English word "Unknown" as if it were his name: the finder then offers
  // every nameless perpetrator of the vault, each a different man, as "Unknown — in one case", and
  // linking one merges two unrelated people across cases; the Perpetrators tab, its dialogs and the
  // case search show and match the stored word, which is not from vue-i18n (a translated UI still
  // says "Unknown", "Edit Unknown", "Remove Unknown from this case?").
  // CAUSE: main/core/cases/perpetrator-service.ts:47 `personDisplayName(...) ?? 'Unknown'` writes
  // display text into persons.display_name; the finder (find()) matches it like a real name.
  it('is not stored under the word "Unknown" and offered by the finder as a person of that name', async () => {
    const { host } = await staffedHost('bilal')
    const first = await createCase(host)
    const second = await createCase(host, survivorCase({ survivor: { prs_FirstName: 'Marta' } }))
    for (const caseId of [first.id, second.id])
      await call(host, 'perpetrators:add', {
        caseId,
        person: { prs_Gender: 'Masculine' },
        aliases: [],
        context: { per_RoleInProcess: ['Transporter'] },
      })
    const offered = await call<PerpetratorMatch[]>(host, 'perpetrators:find', { query: 'unknown' })
    // Today: two matches, both named "Unknown".
    expect(offered).toEqual([])
  })
})

describe('a training vault’s service directory', () => {
  // WHAT: the synthetic directory's comment says its names, phones and web addresses are invented
  // and "never reach anyone": the e-mail and web addresses use example.org (reserved), but the
  // phone numbers are plain national numbers, `0NN NNN NNNN`. In a German training vault that
  // includes 030 / 040 / 069 / 089 followed by 7 digits: the shape of real Berlin, Hamburg,
  // Frankfurt and Munich landlines. A trainee practising "phone the partner before the referral"
  // dials a stranger; a printout or directory export from the session carries real people's numbers.
  // CAUSE: main/core/training/synthetic-directory.ts:215 draws `0${20–89} ${100–999} ${1000–9999}`
  // instead of a range reserved for fiction (e.g. Ofcom's 020 7946 0xxx) or a visibly fake form.
  it('gives no partner a phone number with the shape of a real big-city landline', () => {
    const germanCityLines: string[] = []
    for (let seed = 1; seed <= 40; seed += 1) {
      const random = new SeededRandom(seed)
      const directory = syntheticDirectory(random, new NameSource(random))
      if (directory.homeLocale !== 'de') continue
      for (const { organisation } of directory.organisations)
        if (organisation.country === 'DE' && /^0(30|40|69|89) \d{3} \d{4}$/.test(organisation.phone ?? ''))
          germanCityLines.push(organisation.phone!)
    }
    expect(germanCityLines).toEqual([])
  })
})
