import { nextTick } from 'vue'

/**
 * After a row, chip or status button was removed by the keyboard, focus fell to <body>: the next
 * Tab started again at the app's menu and a screen reader said nothing. This puts it on the item
 * that took the removed one's place (or the one before, when the last went), else on `fallback`.
 * Rendering first: the list must show what is left.
 */
export async function focusAfterRemoval(
  root: ParentNode | null | undefined,
  itemSelector: string,
  index: number,
  fallback: () => HTMLElement | null | undefined,
): Promise<void> {
  await nextTick()
  const items = [...(root?.querySelectorAll<HTMLElement>(itemSelector) ?? [])]
  const item = items[Math.min(index, items.length - 1)]
  // A row is focused through its first control.
  const control = item?.matches('button, a, input')
    ? item
    : item?.querySelector<HTMLElement>('button, a, input')
  ;(control ?? fallback())?.focus()
}

/** The page's own heading (every screen's h1 takes focus: tabindex -1). */
export function pageHeading(): HTMLElement | null {
  return document.querySelector<HTMLElement>('main h1[tabindex="-1"], h1[tabindex="-1"]')
}

/**
 * After an action whose outcome may remove the focused control (a row filtered out, a panel
 * replaced): when focus was lost, `fallback` takes it. Left alone when it is still somewhere.
 */
export async function refocusIfLost(fallback: () => HTMLElement | null | undefined): Promise<void> {
  await nextTick()
  const active = document.activeElement
  if (!active || active === document.body || !active.isConnected) fallback()?.focus()
}
