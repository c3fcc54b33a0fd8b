import { htcds } from '../htcds'
import { SCHEMA_VERSION } from '../db/migrate'
import type { ExportScope } from '../../api/contract/export'
import type { RawCase } from './full-records'

export interface HtcdsJsonHeader {
  organisation: string
  exportedAt: string
  scope: ExportScope
}

const BATCH = 1000
const text = (value: unknown) => JSON.stringify(value)

/** One case as JSON, its stored records spliced in verbatim (they are valid JSON already). */
export function caseJson(one: RawCase): string {
  const perpetrators = one.perpetrators.map(
    (link) =>
      `{"personId":${link.personId},"person":${link.person},"aliases":${link.aliases},"context":${link.context}}`,
  )
  return (
    `{"caseNumber":${text(one.caseNumber)},"status":${text(one.status)},"intakeDate":${text(one.intakeDate)},` +
    `"closureReason":${text(one.closureReason)},"organisation":${text(one.organisation)},` +
    `"assignedTo":${text(one.assignedTo)},"isTraining":${one.isTraining},"createdAt":${text(one.createdAt)},` +
    `"updatedAt":${text(one.updatedAt)},"survivor":${one.survivor},"survivorAliases":${one.survivorAliases},` +
    `"victim":${one.victim},"details":${one.details},"events":[${one.events.join(',')}],` +
    `"perpetrators":[${perpetrators.join(',')}],"comments":${text(one.comments)}}`
  )
}

/**
 * One JSON document: a versioned header, then every case as a full HTCDS record set. Written in
 * batches of cases so a large vault never becomes one giant string.
 */
export function htcdsJson(cases: readonly RawCase[], header: HtcdsJsonHeader): Buffer[] {
  const head = JSON.stringify({
    standard: htcds.standard,
    version: htcds.version,
    schemaVersion: SCHEMA_VERSION,
    exportedAt: header.exportedAt,
    organisation: header.organisation,
    scope: header.scope,
    // Said in the file itself, so nobody mistakes its absence for data loss.
    attachments: 'not included: attachment files stay in the vault',
    attribution: htcds.attribution,
  })
  const chunks = [Buffer.from(`${head.slice(0, -1)},"cases":[\n`, 'utf8')]
  for (let start = 0; start < cases.length; start += BATCH) {
    const batch = cases.slice(start, start + BATCH).map(caseJson)
    const separator = start === 0 ? '' : ',\n'
    chunks.push(Buffer.from(separator + batch.join(',\n'), 'utf8'))
  }
  chunks.push(Buffer.from('\n]}\n', 'utf8'))
  return chunks
}
