import { describe, expect, it } from 'vitest'
import { ref } from 'vue'
import { useDiscardGuard } from '../../renderer/src/composables/discard-guard'

describe('a form dialog closing with unsaved changes', () => {
  it('closes at once when nothing was typed', () => {
    const visible = ref(true)
    const guard = useDiscardGuard(visible, () => false)
    guard.shown.value = false // Escape, × or the mask
    expect(visible.value).toBe(false)
    expect(guard.asking.value).toBe(false)
  })

  it('asks first when something was typed; Stay keeps the dialog, Leave closes it', () => {
    const visible = ref(true)
    const guard = useDiscardGuard(visible, () => true)
    guard.requestClose() // Cancel
    expect(guard.asking.value).toBe(true)
    expect(visible.value).toBe(true)
    guard.stay()
    expect(guard.asking.value).toBe(false)
    expect(visible.value).toBe(true)
    guard.shown.value = false
    expect(guard.asking.value).toBe(true)
    guard.leave()
    expect(visible.value).toBe(false)
    expect(guard.asking.value).toBe(false)
  })

  it('opens as before', () => {
    const visible = ref(false)
    const guard = useDiscardGuard(visible, () => true)
    guard.shown.value = true
    expect(visible.value).toBe(true)
  })
})
