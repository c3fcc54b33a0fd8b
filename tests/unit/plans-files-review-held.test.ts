// Support plans and case attachments: what a reviewing helper tried to break and found holding.
// Kept as regression tests.
import { describe, expect, it } from 'vitest'
import { call } from './support/temp-vault'
import { createCase, staffedHost } from './support/case-fixtures'
import type { AttachmentSummary } from '../../main/api/contract'

const text = (value: string) => new TextEncoder().encode(value)

describe('attachment file names', () => {
  // A leading space or no-break space before a dot must not leave a hidden dot-file name
  // (the contract trims before safeFileName strips leading dots); bidi marks before a dot neither.
  it('never stores a name that starts with a dot, even behind a leading space or a bidi mark', async () => {
    const { host } = await staffedHost('bilal')
    const { id: caseId } = await createCase(host)
    const stored: string[] = []
    for (const fileName of [' .profile', '\u00A0.bashrc', '\u200E.hidden.txt', '...txt']) {
      const added = await call<AttachmentSummary>(host, 'attachments:add', {
        caseId,
        fileName,
        content: text('statement'),
      })
      stored.push(added.fileName)
    }
    expect(stored.filter((name) => name.startsWith('.'))).toEqual([])
  })
})
