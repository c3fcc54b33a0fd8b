// The CTDC mapping and the UN regions are data (resources/ctdc); these tests keep them sound.
import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { codesOf } from '../../main/core/htcds'
import { CTDC_COLUMNS, ctdcMapping, type CtdcFlagColumn } from '../../main/core/export/ctdc-mapping'
import { generate, outputFile, serialize } from '../../resources/ctdc/generate-regions'

const flagColumns = ctdcMapping.columns.filter((column): column is CtdcFlagColumn => 'group' in column)

function columnsFor(field: string, code: string): string[] {
  return flagColumns
    .filter((column) => (column.field ?? ctdcMapping.groups[column.group]?.field) === field)
    .filter(
      (column) =>
        column.codes?.includes(code) || column.codePrefixes?.some((prefix) => code.startsWith(prefix)),
    )
    .map((column) => column.name)
}

describe('CTDC mapping (resources/ctdc/ctdc-mapping.json)', () => {
  it('lists 63 distinct columns', () => {
    expect(CTDC_COLUMNS).toHaveLength(63)
    expect(new Set(CTDC_COLUMNS).size).toBe(63)
  })

  it('gives every HTCDS means of control, exploitation type and sex-exploitation type a CTDC column', () => {
    for (const [field, list] of [
      ['vic_MethodsOfControl', 'vic_MethodsOfControl'],
      ['vic_TypeOfExploitation', 'vic_TypeOfExploitation'],
      ['vic_TypeOfSexExploitation', 'vic_TypeOfSexExploitation'],
      ['vic_RelationshipToTrafficker', 'vic_RelationshipToTrafficker'],
    ] as const) {
      for (const { code } of codesOf(list)) {
        // ChildLabour, ForcedBegging etc. count as forced labour; nothing is silently dropped.
        expect(columnsFor(field, code).length, `${field} ${code}`).toBeGreaterThan(0)
      }
    }
  })

  it('uses only codes the standard defines, and groups and fields that exist', () => {
    for (const column of flagColumns) {
      const group = ctdcMapping.groups[column.group]
      expect(group, column.name).toBeDefined()
      const field = column.field ?? group!.field
      const known = new Set(codesOf(field).map((entry) => entry.code))
      for (const code of column.codes ?? []) expect(known.has(code), `${column.name}: ${code}`).toBe(true)
      for (const name of column.allOf ?? []) expect(CTDC_COLUMNS).toContain(name)
    }
    for (const code of Object.keys(ctdcMapping.gender)) {
      expect(codesOf('prs_Gender').map((entry) => entry.code)).toContain(code)
    }
  })
})

describe('UN regions (resources/ctdc/un-regions.json)', () => {
  it('is exactly what the generator makes from UN M49', () => {
    expect(readFileSync(outputFile, 'utf8')).toBe(serialize(generate()))
  })

  it('places every ISO country HTCDS accepts except Antarctica', () => {
    const regions = generate().countries
    const missing = codesOf('iso3166')
      .map((entry) => entry.code)
      .filter((code) => !regions[code])
    expect(missing).toEqual(['AQ'])
  })
})
