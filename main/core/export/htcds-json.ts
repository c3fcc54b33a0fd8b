import { htcds } from '../htcds'
import { SCHEMA_VERSION } from '../db/migrate'
import type { ExportScope } from '../../api/contract/export'
import type { RawCase } from './full-records'
import { Utf8Chunks } from './utf8-chunks'

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
    `"assignedTo":${text(one.assignedTo)},"isTraining":${one.isTraining},"createdAt":${text(one.createdAt)},` +
    `"updatedAt":${text(one.updatedAt)},"survivor":${one.survivor},"survivorAliases":${one.survivorAliases},` +
    `"victim":${one.victim},"details":${one.details},"events":[${one.events.join(',')}],` +
    `"perpetrators":[${perpetrators.join(',')}],"comments":${text(one.comments)},` +
    `"referrals":${text(one.referrals)},"supportPlans":${text(one.supportPlans)}}`
  )
}

/**
 * One JSON document: a versioned header, then every case as a full HTCDS record set. Cases are
 * added one at a time as they are read and encoded at once, so a large vault never becomes one
 * giant string, nor an array of every case.
 */
export class HtcdsJsonBuilder {
  private readonly out = new Utf8Chunks()
  private count = 0

  constructor(header: HtcdsJsonHeader) {
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
    this.out.write(`${head.slice(0, -1)},"cases":[\n`)
  }

  add(one: RawCase): void {
    this.out.write(this.count === 0 ? caseJson(one) : `,\n${caseJson(one)}`)
    this.count += 1
  }

  /** The document as UTF-8 chunks; the builder is empty afterwards. */
  finish(): Buffer[] {
    this.out.write('\n]}\n')
    return this.out.take()
  }
}
