import { ref, watch } from 'vue'
import { defineStore } from 'pinia'
import type {
  AttachmentSummary,
  CaseComment,
  CasePerpetrator,
  PerpetratorMatch,
} from '../../../main/api/contract'
import { isStaleRefusal, unwrap } from '../api-error'
import { casevault } from './client'
import { useVaultStore } from './vault'

export interface PerpetratorInput {
  person: Record<string, unknown>
  aliases: string[]
  context: Record<string, unknown>
}

/**
 * The parts of the open case that are saved one by one, outside the case's version: its comment
 * timeline, attachments (kept encrypted in the vault, only ever saved out, never opened) and the
 * perpetrators linked to it.
 */
export const useCasePartsStore = defineStore('case-parts', () => {
  const caseId = ref<number | null>(null)
  const comments = ref<CaseComment[]>([])
  const attachments = ref<AttachmentSummary[]>([])
  const perpetrators = ref<CasePerpetrator[]>([])

  /** Switches to another case: what was shown for the previous one goes at once. */
  function open(id: number): void {
    if (caseId.value === id) return
    reset()
    caseId.value = id
  }

  function current(): number {
    if (caseId.value === null) throw new Error('No case is open.')
    return caseId.value
  }

  async function loadComments(): Promise<void> {
    const id = current()
    const loaded = unwrap(await casevault().comments.list({ caseId: id }))
    if (caseId.value === id) comments.value = loaded
  }

  // An answer for a case no longer open is not listed under the one open now (it was: a file
  // finished uploading after the caseworker had moved on showed under another survivor's case).
  async function addComment(body: string): Promise<CaseComment> {
    const id = current()
    const added = unwrap(await casevault().comments.add({ caseId: id, body }))
    if (caseId.value === id) comments.value = [...comments.value, added]
    return added
  }

  async function loadAttachments(): Promise<void> {
    const id = current()
    const loaded = unwrap(await casevault().attachments.list({ caseId: id }))
    if (caseId.value === id) attachments.value = loaded
  }

  async function addAttachment(fileName: string, content: Uint8Array): Promise<AttachmentSummary> {
    const id = current()
    const added = unwrap(await casevault().attachments.add({ caseId: id, fileName, content }))
    if (caseId.value === id) attachments.value = [...attachments.value, added]
    return added
  }

  /** Main shows the save dialog and writes the file; false when the person cancelled. */
  async function saveAttachmentAs(id: number): Promise<boolean> {
    return unwrap(await casevault().attachments.saveAs({ id }))
  }

  async function removeAttachment(id: number): Promise<void> {
    unwrap(await casevault().attachments.remove({ id }))
    attachments.value = attachments.value.filter((attachment) => attachment.id !== id)
  }

  async function loadPerpetrators(): Promise<void> {
    const id = current()
    const loaded = unwrap(await casevault().perpetrators.list({ caseId: id }))
    if (caseId.value === id) perpetrators.value = loaded
  }

  async function addPerpetrator(input: PerpetratorInput & { existingPersonId?: number }): Promise<void> {
    unwrap(await casevault().perpetrators.add({ caseId: current(), ...input }))
    await loadPerpetrators()
  }

  async function updatePerpetrator(
    personId: number,
    input: PerpetratorInput & { updatedAt: string },
  ): Promise<void> {
    try {
      unwrap(await casevault().perpetrators.update({ caseId: current(), personId, ...input }))
    } catch (error) {
      // Someone else saved the person first: the list loads their version (and its updatedAt), so
      // reopening Edit starts from it instead of being refused as stale again and again.
      if (isStaleRefusal(error)) {
        await loadPerpetrators().catch(() => undefined)
      }
      throw error
    }
    await loadPerpetrators()
  }

  async function unlinkPerpetrator(personId: number): Promise<void> {
    unwrap(await casevault().perpetrators.unlink({ caseId: current(), personId }))
    perpetrators.value = perpetrators.value.filter((perpetrator) => perpetrator.personId !== personId)
  }

  async function findPerpetrators(query: string): Promise<PerpetratorMatch[]> {
    return unwrap(await casevault().perpetrators.find({ query }))
  }

  function reset(): void {
    caseId.value = null
    comments.value = []
    attachments.value = []
    perpetrators.value = []
  }

  watch(
    () => useVaultStore().state,
    (state) => {
      if (state !== 'unlocked') reset()
    },
  )

  return {
    caseId,
    comments,
    attachments,
    perpetrators,
    open,
    loadComments,
    addComment,
    loadAttachments,
    addAttachment,
    saveAttachmentAs,
    removeAttachment,
    loadPerpetrators,
    addPerpetrator,
    updatePerpetrator,
    unlinkPerpetrator,
    findPerpetrators,
    reset,
  }
})
