// @vitest-environment jsdom
import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import PrimeVue from 'primevue/config'
import { createAppI18n } from '../../renderer/src/i18n'
import RecoveryKeyStep from '../../renderer/src/components/RecoveryKeyStep.vue'

const GROUPS = [
  '3f1a',
  '9c0b',
  '77e2',
  '0d4c',
  'a1b2',
  'c3d4',
  'e5f6',
  '0718',
  '293a',
  '4b5c',
  '6d7e',
  '8f90',
  'aa11',
  'bb22',
  'cc33',
  'dd44',
]
const CHECKSUM = '5e7f'
const KEY = [...GROUPS, CHECKSUM].join('-')

function mountStep(recoveryKey = KEY) {
  return mount(RecoveryKeyStep, {
    props: { recoveryKey, organisation: 'Safe Harbour Network' },
    global: { plugins: [createAppI18n(), [PrimeVue, { unstyled: true }]] },
    attachTo: document.body,
  })
}

describe('the recovery key step', () => {
  it('shows the key in groups of four joined by dashes, whatever spacing it came with', () => {
    const wrapper = mountStep(KEY.replaceAll('-', ' '))
    expect(wrapper.get('[data-testid="recovery-key"]').text()).toBe(KEY)
    wrapper.unmount()
  })

  it('lays the key out as 17 cells and reads it once, with the dashes kept in its text', () => {
    const wrapper = mountStep()
    const key = wrapper.get('[data-testid="recovery-key"]')
    const cells = key.findAll(':scope > span')
    expect(cells.map((cell) => cell.text())).toEqual([...GROUPS.map((group) => `${group}-`), CHECKSUM])
    expect(key.element.textContent).toBe(KEY)
    // Nothing is hidden from screen readers, and nothing repeats the key beside it.
    expect(key.find('[aria-hidden="true"]').exists()).toBe(false)
    expect(wrapper.text().split(CHECKSUM)).toHaveLength(2)
    wrapper.unmount()
  })

  it('keeps Continue disabled until the last group is typed correctly', async () => {
    const wrapper = mountStep()
    const submit = wrapper.get<HTMLButtonElement>('[data-testid="recovery-confirm-submit"]')
    const input = wrapper.get('[data-testid="recovery-confirm-input"]')
    expect(submit.element.disabled).toBe(true)
    expect(input.attributes('aria-describedby')).toBe('recovery-confirm-input-hint')

    await input.setValue('dd44') // the group before the checksum is not enough
    expect(submit.element.disabled).toBe(true)
    expect(wrapper.find('[role="alert"]').exists()).toBe(true)
    expect(input.attributes('aria-describedby')).toContain('recovery-confirm-input-error')

    await input.setValue('5E7F') // case does not matter: the key is hexadecimal
    expect(submit.element.disabled).toBe(false)
    await wrapper.get('form').trigger('submit')
    expect(wrapper.emitted('confirmed')).toHaveLength(1)
    wrapper.unmount()
  })

  it('does not continue on Enter while the group is wrong', async () => {
    const wrapper = mountStep()
    await wrapper.get('[data-testid="recovery-confirm-input"]').setValue('0000')
    await wrapper.get('form').trigger('submit')
    expect(wrapper.emitted('confirmed')).toBeUndefined()
    wrapper.unmount()
  })

  it('offers no way to copy the key', () => {
    const wrapper = mountStep()
    expect(wrapper.text().toLowerCase()).not.toContain('copy to')
    expect(wrapper.findAll('button').map((b) => b.text())).not.toContain('Copy')
    wrapper.unmount()
  })
})
