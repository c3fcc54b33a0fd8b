import type { Directive } from 'vue'

/**
 * Focuses the element once it is in the page. The HTML autofocus attribute only works on the
 * first page load, not on views the router swaps in; keyboard users start typing at once.
 */
export const vAutofocus: Directive<HTMLElement> = {
  mounted(el) {
    el.focus()
  },
}
