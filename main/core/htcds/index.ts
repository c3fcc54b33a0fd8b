// HTCDS definitions for main: everything the contract offers, plus what only main needs (which
// fields are PII, for de-identified export and audit-log redaction).
import { htcds } from '../../api/contract/htcds'
import type { HtcdsRecord, HtcdsSectionId } from '../../api/contract/htcds-types'

export * from '../../api/contract/htcds'

const piiBySection = new Map(
  htcds.sections.map((section) => [section.id, section.fields.filter((f) => f.pii).map((f) => f.name)]),
)
const allPii = new Set([...piiBySection.values()].flat())

/** Names of the section's fields flagged PII (direct identifiers, precise locations, free text). */
export function piiFields(sectionId: HtcdsSectionId): readonly string[] {
  return piiBySection.get(sectionId) ?? []
}

export function isPiiField(fieldName: string): boolean {
  return allPii.has(fieldName)
}

/** A copy of the record without its PII fields (other keys are kept as they are). */
export function withoutPii(record: HtcdsRecord): HtcdsRecord {
  return Object.fromEntries(Object.entries(record).filter(([name]) => !allPii.has(name)))
}
