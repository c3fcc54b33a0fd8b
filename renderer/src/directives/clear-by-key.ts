import type { Directive } from 'vue'

/**
 * Lets the keyboard take back a choice in a single-choice list (a PrimeVue Select with
 * `show-clear`): Delete or Backspace on the closed list calls `clear`, as the × does for a mouse.
 * PrimeVue's × is no button and not in the tab order, and its Select ignores both keys, so a
 * gender or a filter picked by mistake could only go back to "not recorded" / "Any type" by mouse.
 *
 * Why keys and not a focusable clear button: a case form has dozens of picklists, and a second
 * tab stop beside each would double the Tabs through it; Delete/Backspace on the focused field is
 * what text fields already do, so it is the least surprising for sighted keyboard users. Screen
 * readers are told through `aria-keyshortcuts` on the combobox (read with the field), and they
 * pass both keys through: a combobox is in focus mode. Only a closed list reacts: while it is
 * open the keys belong to the list and its filter (which sits outside this element anyway).
 *
 * Usage: `<Select … show-clear v-clear-by-key="() => (code = null)" />`.
 */
type Clear = () => void

const CLEAR_KEYS = new Set(['Delete', 'Backspace'])
const clears = new WeakMap<HTMLElement, Clear>()

function markShortcut(root: HTMLElement): void {
  root.querySelector('[role="combobox"]')?.setAttribute('aria-keyshortcuts', 'Delete Backspace')
}

function onKeydown(event: KeyboardEvent): void {
  const list = event.target
  if (!(list instanceof HTMLElement) || list.getAttribute('role') !== 'combobox') return
  // An editable Select's text is typed in the combobox itself: there Backspace deletes a letter.
  if (list instanceof HTMLInputElement || list.getAttribute('aria-expanded') === 'true') return
  if (!CLEAR_KEYS.has(event.key) || event.altKey || event.ctrlKey || event.metaKey) return
  const clear = event.currentTarget instanceof HTMLElement ? clears.get(event.currentTarget) : undefined
  if (!clear) return
  event.preventDefault()
  clear()
}

export const vClearByKey: Directive<HTMLElement, Clear> = {
  mounted(el, binding) {
    clears.set(el, binding.value)
    el.addEventListener('keydown', onKeydown)
    markShortcut(el)
  },
  // The callback may close over new state; the combobox may have been rendered again.
  updated(el, binding) {
    clears.set(el, binding.value)
    markShortcut(el)
  },
  beforeUnmount(el) {
    el.removeEventListener('keydown', onKeydown)
    clears.delete(el)
  },
}
