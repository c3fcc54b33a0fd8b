import { htcds } from '../htcds'
import { SCHEMA_VERSION } from '../db/migrate'
import type { ExportScope } from '../../api/contract/export'
import type { RawCase } from './full-records'
import { Utf8Chunks } from './utf8-chunks'
import { TemplatesUsed, type FullScreeningTemplate } from './full-records-screenings'

export interface HtcdsJsonHeader {
  organisation: string
  exportedAt: string
  scope: ExportScope
}

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
    `"assignedTo":${text(one.assignedTo)},"isTraining":${one.isTraining},"publicData":${one.publicData},"sourceRecord":${one.sourceRecord ?? 'null'},"createdAt":${text(one.createdAt)},` +
    `"updatedAt":${text(one.updatedAt)},"survivor":${one.survivor},"survivorAliases":${one.survivorAliases},` +
    `"victim":${one.victim},"details":${one.details},"events":[${one.events.join(',')}],` +
    `"perpetrators":[${perpetrators.join(',')}],"comments":${text(one.comments)},` +
    `"referrals":${text(one.referrals)},"supportPlans":${text(one.supportPlans)},` +
    `"screenings":${one.screenings ? text(one.screenings) : '[]'}}`
  )
}

/**
 * Cases as JSON, `,\n` between them, encoded as they are added: the body of the document's
 * `cases` array, or one share of it when several workers read an export (export-worker.ts).
 */
export class CaseJsonList {
  private readonly out = new Utf8Chunks()
  private count = 0
  /** The template versions of the screenings added: the document lists them once. */
  readonly templates = new TemplatesUsed()

  add(one: RawCase): void {
    this.out.write(this.count === 0 ? caseJson(one) : `,\n${caseJson(one)}`)
    this.count += 1
    if (one.screenings) this.templates.add(one.screenings)
  }

  get cases(): number {
    return this.count
  }

  /** What was added since the last take, as UTF-8 chunks. */
  take(): Buffer[] {
    return this.out.take()
  }
}

/**
 * One JSON document: a versioned header with the screening template versions the cases use, then
 * every case as a full HTCDS record set, from the shares in order (each a CaseJsonList's chunks; an
 * empty share adds nothing).
 */
export function htcdsJsonDocument(
  header: HtcdsJsonHeader,
  shares: readonly (readonly Buffer[])[],
  screeningTemplates: readonly FullScreeningTemplate[] = [],
): Buffer[] {
  const head = JSON.stringify({
    standard: htcds.standard,
    version: htcds.version,
    schemaVersion: SCHEMA_VERSION,
    exportedAt: header.exportedAt,
    organisation: header.organisation,
    scope: header.scope,
    // Said in the file itself, so nobody mistakes its absence for data loss.
    attachments: 'not included: attachment files stay in the vault',
    walkInScreenings: 'not included: a screening not linked to a case is not part of a case export',
    screeningTemplates,
    attribution: htcds.attribution,
  })
  const chunks: Buffer[] = [Buffer.from(`${head.slice(0, -1)},"cases":[\n`)]
  const separator = Buffer.from(',\n')
  let first = true
  for (const share of shares) {
    if (share.every((chunk) => chunk.byteLength === 0)) continue
    if (!first) chunks.push(separator)
    chunks.push(...share)
    first = false
  }
  chunks.push(Buffer.from('\n]}\n'))
  return chunks
}
