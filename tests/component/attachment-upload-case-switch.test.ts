// @vitest-environment jsdom
// Case attachments on screen: a defect found by a reviewing helper (an upload finishing after the
// caseworker moved to another case was listed there); the test failed before the fix.
import { beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import type { AttachmentSummary } from '../../main/api/contract'
import { useCasePartsStore } from '../../renderer/src/stores/case-parts'
import { deferred, install, ok, signIn } from './casework-screens-support'

beforeEach(() => {
  setActivePinia(createPinia())
  signIn('caseworker')
})

const summary = (overrides: Partial<AttachmentSummary>): AttachmentSummary => ({
  id: 70,
  caseId: 4,
  fileName: 'Olena passport scan.pdf',
  mediaType: 'application/pdf',
  sizeBytes: 24_000_000,
  sha256: '0'.repeat(64),
  createdAt: '2026-03-20T09:00:00.000Z',
  createdByName: 'Sam Lee',
  ...overrides,
})

describe('an upload that ends after the caseworker moved to another case', () => {
  // What goes wrong: a 24 MB scan takes a while to encrypt and store; the caseworker opens the next
  // case meanwhile. When the upload of case 4's passport scan ends, it is appended to the list now
  // shown for case 5, under case 5's survivor.
  // Who is hurt: both survivors. The caseworker sees Olena's passport among Amina's files and may
  // "Save a copy…" of it to send to Amina's lawyer or embassy (a disclosure of Olena's identity
  // document to the wrong people), or "Remove" it believing it misfiled, erasing Olena's evidence.
  // Cause: renderer/src/stores/case-parts.ts:60-64, addAttachment appends the answer to
  // attachments.value without checking that the case it was sent for is still the open one
  // (loadAttachments at :54-58 does check; addComment at :48-52 has the same gap).
  // Fix: remember `const id = current()` before the await and append only if caseId.value === id
  // (and added.caseId === caseId.value).
  it('does not show the finished upload in the case now open', async () => {
    const adding = deferred<ReturnType<typeof ok<AttachmentSummary>>>()
    install({
      attachments: {
        list: async ({ caseId }: { caseId: number }) =>
          ok(caseId === 5 ? [summary({ id: 71, caseId: 5, fileName: 'Amina birth certificate.pdf' })] : []),
        add: () => adding.promise,
      },
    })
    const parts = useCasePartsStore()
    parts.open(4)
    await parts.loadAttachments()
    const upload = parts.addAttachment('Olena passport scan.pdf', new Uint8Array([1, 2, 3]))
    parts.open(5)
    await parts.loadAttachments()
    adding.resolve(ok(summary({})))
    await upload
    expect({
      open: parts.caseId,
      shown: parts.attachments.map((a) => `${a.caseId}:${a.fileName}`),
    }).toEqual({ open: 5, shown: ['5:Amina birth certificate.pdf'] })
  })
})
