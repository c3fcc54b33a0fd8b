// @vitest-environment jsdom
// Closing the window with unsaved changes asks (the page's beforeunload), but not once the vault is
// locked: a quit locks first, and its question then spoke of a form that was already gone.
import { afterEach, describe, expect, it } from 'vitest'
import { defineComponent, h } from 'vue'
import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import type { VaultStatus } from '../../main/api/contract'
import { useVaultStore } from '../../renderer/src/stores/vault'
import { useUnsavedChangesGuard } from '../../renderer/src/composables/unsaved-changes'

const Form = defineComponent({
  setup() {
    useUnsavedChangesGuard(() => true)
    return () => h('form')
  },
})

async function mountDirtyForm(state: VaultStatus['state']) {
  setActivePinia(createPinia())
  useVaultStore().status = { state, user: null, settings: null, organisation: null }
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/', component: Form }] })
  await router.push('/')
  return mount({ render: () => h(Form) }, { global: { plugins: [router] } })
}

function unload(): boolean {
  const event = new Event('beforeunload', { cancelable: true })
  window.dispatchEvent(event)
  return event.defaultPrevented
}

describe('a form with unsaved changes when the window closes', () => {
  let wrapper: Awaited<ReturnType<typeof mountDirtyForm>> | null = null
  afterEach(() => wrapper?.unmount())

  it('holds the close while the vault is open', async () => {
    wrapper = await mountDirtyForm('unlocked')
    expect(unload()).toBe(true)
  })

  it('lets it go once the vault is locked', async () => {
    wrapper = await mountDirtyForm('locked')
    expect(unload()).toBe(false)
  })
})
