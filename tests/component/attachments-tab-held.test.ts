// @vitest-environment jsdom
// The Attachments tab: what a reviewing helper checked and found holding. A question before a
// removal, refusals in words (no codes), nothing sent for an oversized file, the list kept when
// an upload fails, and controls reachable by keyboard (real buttons and a labelled file input).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { MAX_ATTACHMENT_BYTES, type AttachmentSummary } from '../../main/api/contract'
import CaseAttachmentsTab from '../../renderer/src/components/cases/detail/CaseAttachmentsTab.vue'
import { useCasePartsStore } from '../../renderer/src/stores/case-parts'
import { install, ok, plugins, refused, settle, signIn } from './casework-screens-support'

beforeEach(() => {
  setActivePinia(createPinia())
  signIn('caseworker')
})
afterEach(() => {
  document.body.innerHTML = ''
})

const STORED: AttachmentSummary = {
  id: 70,
  caseId: 4,
  fileName: 'statement.pdf',
  mediaType: 'application/pdf',
  sizeBytes: 2048,
  sha256: '0'.repeat(64),
  createdAt: '2026-03-20T09:00:00.000Z',
  createdByName: 'Sam Lee',
}

async function mountTab(client: Record<string, unknown>) {
  install({ attachments: { list: async () => ok([STORED]), ...client } })
  useCasePartsStore().open(4)
  const wrapper = mount(CaseAttachmentsTab, { global: { plugins: plugins() }, attachTo: document.body })
  await settle()
  return wrapper
}

async function choose(wrapper: Awaited<ReturnType<typeof mountTab>>, file: unknown) {
  const input = wrapper.get('[data-testid="attachment-input"]')
  Object.defineProperty(input.element, 'files', { value: [file], configurable: true })
  await input.trigger('change')
  await settle()
}

const fileOf = (name: string, content: string) => new File([content], name, { type: 'application/pdf' })

describe('removing an attachment', () => {
  it('asks first; Cancel keeps it, the confirm button removes it', async () => {
    const remove = vi.fn(async () => ok(undefined))
    const wrapper = await mountTab({ remove })
    const button = wrapper.get('[data-testid="attachment-remove"]')
    expect(button.element.tagName).toBe('BUTTON')
    expect(button.attributes('aria-label')).toContain('statement.pdf')
    await button.trigger('click')
    await settle()
    const dialog = document.querySelector('[data-testid="attachment-remove-dialog"]')
    expect(dialog?.textContent).toContain('statement.pdf')
    expect(remove).not.toHaveBeenCalled()
    const cancel = [...dialog!.querySelectorAll('button')].find((b) => b.textContent?.includes('Cancel'))!
    cancel.click()
    await settle()
    expect(remove).not.toHaveBeenCalled()
    expect(wrapper.findAll('[data-testid="attachment-row"]')).toHaveLength(1)
    await wrapper.get('[data-testid="attachment-remove"]').trigger('click')
    await settle()
    ;(document.querySelector('[data-testid="attachment-remove-dialog-confirm"]') as HTMLButtonElement).click()
    await settle()
    expect(remove).toHaveBeenCalledWith({ id: 70 })
    expect(wrapper.findAll('[data-testid="attachment-row"]')).toHaveLength(0)
    wrapper.unmount()
  })

  it('keeps the attachment listed and says why in words when the removal is refused', async () => {
    const wrapper = await mountTab({ remove: async () => refused('FORBIDDEN', 'assigned to someone else') })
    await wrapper.get('[data-testid="attachment-remove"]').trigger('click')
    await settle()
    ;(document.querySelector('[data-testid="attachment-remove-dialog-confirm"]') as HTMLButtonElement).click()
    await settle()
    const dialogText = document.querySelector('[data-testid="attachment-remove-dialog"]')?.textContent ?? ''
    expect(dialogText).not.toMatch(/FORBIDDEN|errors\./)
    expect(dialogText.length).toBeGreaterThan(40)
    expect(wrapper.findAll('[data-testid="attachment-row"]')).toHaveLength(1)
    wrapper.unmount()
  })
})

describe('uploading', () => {
  it('has a labelled file input (keyboard-reachable) and real buttons for saving', async () => {
    const wrapper = await mountTab({})
    const input = wrapper.get('[data-testid="attachment-input"]')
    expect(document.querySelector(`label[for="${input.attributes('id')}"]`)?.textContent?.trim()).toBeTruthy()
    expect(input.attributes('tabindex')).toBeUndefined()
    expect(wrapper.get('[data-testid="attachment-save"]').element.tagName).toBe('BUTTON')
    wrapper.unmount()
  })

  it('refuses a file over 25 MB on screen without sending it, naming the file', async () => {
    const add = vi.fn()
    const wrapper = await mountTab({ add })
    await choose(wrapper, { name: 'scan.pdf', size: MAX_ATTACHMENT_BYTES + 1, arrayBuffer: add })
    expect(add).not.toHaveBeenCalled()
    expect(wrapper.get('[data-testid="attachment-error"]').text()).toContain('scan.pdf')
    expect(wrapper.get('[data-testid="attachment-error"]').text()).toMatch(/25 MB/)
    wrapper.unmount()
  })

  it('keeps the list and says in words why a refused file was not attached', async () => {
    const wrapper = await mountTab({
      add: async () => refused('VALIDATION', 'This kind of file cannot be attached'),
    })
    await choose(wrapper, fileOf('setup.pdf', 'MZ....'))
    const message = wrapper.get('[data-testid="attachment-error"]').text()
    expect(message).toContain('setup.pdf')
    expect(message).not.toMatch(/VALIDATION|attachments\./)
    expect(wrapper.findAll('[data-testid="attachment-row"]').map((row) => row.text())).toEqual([
      expect.stringContaining('statement.pdf'),
    ])
    expect((wrapper.get('[data-testid="attachment-input"]').element as HTMLInputElement).disabled).toBe(false)
    wrapper.unmount()
  })

  it('sends the file’s bytes and name, and lists what main stored', async () => {
    const add = vi.fn(async (input: { fileName: string; content: Uint8Array }) =>
      ok({ ...STORED, id: 71, fileName: input.fileName, sizeBytes: input.content.byteLength }),
    )
    const wrapper = await mountTab({ add })
    await choose(wrapper, fileOf('notes.txt', 'Interview notes'))
    expect(add).toHaveBeenCalledTimes(1)
    const sent = add.mock.calls[0]![0]
    expect([sent.fileName, new TextDecoder().decode(sent.content)]).toEqual(['notes.txt', 'Interview notes'])
    expect(wrapper.findAll('[data-testid="attachment-row"]')).toHaveLength(2)
    wrapper.unmount()
  })
})
