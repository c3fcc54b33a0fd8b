// The export writers' shortcuts change no byte: text encoded piece by piece into chunks, a tar
// entry given as chunks, and CTDC group cells remembered per combination of codes.
import tar from 'tar-stream'
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { codesOf } from '../../main/core/htcds'
import { Utf8Chunks } from '../../main/core/export/utf8-chunks'
import { tarBundle } from '../../main/core/export/tar-bundle'
import { ctdcCsv } from '../../main/core/export/ctdc-csv'
import { SUPPRESSED, type AnonymisedRow } from '../../main/core/export/k-anonymity'
import {
  DEIDENTIFIED_QUASI_IDENTIFIERS,
  exploitationCategory,
  qiIndex,
} from '../../main/core/export/quasi-identifiers'
import { AGE_BANDS } from '../../main/core/export/ctdc-mapping'
import type { DeidentifiedCase } from '../../main/core/export/deidentified-source'

const codes = (list: string) => codesOf(list).map((entry) => entry.code)
const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: null, freq: 4 })
const subset = (list: string) =>
  fc.uniqueArray(fc.constantFrom(...codes(list)), { maxLength: 3 }).map((l) => [...l].sort())

const deidentifiedCase: fc.Arbitrary<DeidentifiedCase> = fc.record({
  year: fc.integer({ min: 2020, max: 2026 }),
  sex: maybe(fc.constantFrom(...codes('prs_Gender'))),
  ageBand: maybe(fc.constantFrom(...AGE_BANDS.map((band) => band.label))),
  minorWhenTrafficked: maybe(fc.constantFrom('Minor' as const, 'Adult' as const)),
  citizenship: maybe(fc.constantFrom('UA', 'PL', 'NG', 'VN')),
  countryOfExploitation: maybe(fc.constantFrom('UA', 'PL', 'DE')),
  exploitationTypes: subset('vic_TypeOfExploitation'),
  traffickingStatus: maybe(fc.constantFrom(...codes('vic_TraffickingStatus'))),
  methodsOfControl: subset('vic_MethodsOfControl'),
  forcedLabourIndustry: maybe(fc.constantFrom(...codes('vic_ForcedLabourIndustry'))),
  typeOfSexExploitation: subset('vic_TypeOfSexExploitation'),
  methodOfRecruitment: subset('vic_MethodOfRecruitment'),
  relationshipToTrafficker: maybe(fc.constantFrom(...codes('vic_RelationshipToTrafficker'))),
  recruitmentWebsitesAndApps: subset('vic_RecruitmentWebsitesAndApps'),
  exploitationWebsitesAndApps: subset('vic_ExploitationWebsitesAndApps'),
})

/** A row as k-anonymity leaves it, its exploitation types exact, as a category, or withheld. */
const anonymisedRow: fc.Arbitrary<AnonymisedRow<DeidentifiedCase>> = fc
  .tuple(deidentifiedCase, fc.constantFrom(0, 0, 0, 1, 2))
  .map(([row, level]) => {
    const values = DEIDENTIFIED_QUASI_IDENTIFIERS.map((qi) => qi.levels[0]!.value(row))
    const levels = DEIDENTIFIED_QUASI_IDENTIFIERS.map(() => 0)
    const at = qiIndex('exploitationTypes')
    levels[at] = level
    if (level === 1) values[at] = exploitationCategory(row.exploitationTypes)
    if (level === 2) values[at] = SUPPRESSED
    return { row, values, levels }
  })

// An export's time: archive tools show it as the files' date (not 1970).
const MADE_AT = new Date('2026-11-28T10:30:00.000Z')

const dataLines = (csv: Buffer) => csv.toString('utf8').split('\r\n').slice(1, -1)

describe('export writers', () => {
  it('encodes text piece by piece exactly as the whole text, across chunk boundaries', () => {
    const piece = fc.string({ unit: 'binary', maxLength: 40 })
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 200 }), fc.integer({ min: 0, max: 3 }), (pieces, large) => {
        // Large pieces push the writer past its 1 MB chunks, mid-way through multi-byte text.
        const all = [...pieces, ...Array.from({ length: large }, (_, i) => `é😀${'x'.repeat(700_000 + i)}`)]
        const out = new Utf8Chunks()
        for (const text of all) out.write(text)
        const expected = Buffer.from(all.join(''), 'utf8')
        expect(out.byteLength).toBe(expected.length)
        expect(Buffer.concat(out.take()).equals(expected)).toBe(true)
        expect(out.take()).toEqual([])
      }),
      { numRuns: 40 },
    )
  })

  it('writes a tar entry given as chunks byte for byte like the same entry in one buffer', async () => {
    const parts = [Buffer.from('case_number,alias\r\n'), Buffer.alloc(700, 'a'), Buffer.from('é\r\n')]
    const chunked = await tarBundle(
      [
        { name: 'cases.csv', chunks: parts },
        { name: 'empty.csv', chunks: [] },
        { name: 'one.csv', chunks: [Buffer.from('x\r\n')] },
      ],
      MADE_AT,
    )
    const whole = await tarBundle(
      [
        { name: 'cases.csv', content: Buffer.concat(parts) },
        { name: 'empty.csv', content: Buffer.alloc(0) },
        { name: 'one.csv', content: Buffer.from('x\r\n') },
      ],
      MADE_AT,
    )
    expect(Buffer.concat(chunked).equals(Buffer.concat(whole))).toBe(true)
    const dates: Date[] = []
    const extract = tar.extract()
    extract.on('entry', (header, stream, next) => {
      dates.push(header.mtime!)
      stream.on('end', next).resume()
    })
    await new Promise<void>((resolve, reject) =>
      extract
        .on('finish', () => resolve())
        .on('error', reject)
        .end(Buffer.concat(whole)),
    )
    expect(dates).toEqual([MADE_AT, MADE_AT, MADE_AT])
  })

  it('gives every CTDC row the cells it gets when computed alone (the per-combination memory)', () => {
    fc.assert(
      fc.property(fc.array(anonymisedRow, { minLength: 1, maxLength: 150 }), (rows) => {
        const together = dataLines(ctdcCsv(rows))
        const alone = rows.flatMap((row) => dataLines(ctdcCsv([row])))
        expect(together).toEqual(alone)
      }),
      { numRuns: 60 },
    )
  })
})
