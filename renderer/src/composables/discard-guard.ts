import { computed, onBeforeUnmount, ref, watch, type Ref } from 'vue'
import { trackUnsavedWork } from './unsaved-work'

/**
 * PrimeVue's overlays that a form dialog may hold. They are teleported to <body>, so an Escape
 * meant for one of them (a calendar, a list) reaches the document too; it must close only the
 * overlay. Select and MultiSelect stop the key themselves; the date calendar (a Popover) does not.
 */
const POPOVER = '[data-pc-name="popover"]'
const OVERLAYS = `${POPOVER}, [data-pc-section="overlay"], .p-datepicker-panel`

function escapeBelongsToOverlay(event: KeyboardEvent): boolean {
  if (event.target instanceof Element && event.target.closest(OVERLAYS)) return true
  // An open calendar hears Escape on the document (after this listener): let it have this one.
  return document.querySelector(POPOVER) !== null
}

/**
 * A form dialog that asks before throwing typed work away. One Escape too many (say, to close a
 * list that had already closed), the × or Cancel used to lose a half-written referral without a
 * word. With changes, closing now asks (DiscardChangesDialog, "Keep editing" focused, so Enter or
 * another Escape keeps the form); without changes it closes at once, as keyboard users expect.
 *
 * The dialog binds `v-model:visible="shown"` and `:close-on-escape="false"`: this guard listens
 * for Escape itself, so an Escape meant for an open overlay never closes the form. Saving still
 * closes the dialog directly through `visible`.
 */
export function useDiscardGuard(visible: Ref<boolean>, isDirty: () => boolean) {
  const asking = ref(false)
  trackUnsavedWork(() => visible.value && isDirty())

  function requestClose(): void {
    if (isDirty()) asking.value = true
    else visible.value = false
  }

  function onKeydown(event: KeyboardEvent): void {
    // While asking, Escape belongs to the question (it means "Keep editing").
    if (event.key !== 'Escape' || asking.value || escapeBelongsToOverlay(event)) return
    requestClose()
  }

  function listen(open: boolean): void {
    if (open) document.addEventListener('keydown', onKeydown)
    else {
      document.removeEventListener('keydown', onKeydown)
      asking.value = false
    }
  }
  watch(visible, listen, { immediate: true })
  onBeforeUnmount(() => listen(false))

  /** Bind the dialog's v-model:visible here instead of to `visible` (× and, if enabled, the mask). */
  const shown = computed({
    get: () => visible.value,
    set: (open: boolean) => (open ? (visible.value = true) : requestClose()),
  })

  return {
    shown,
    asking,
    requestClose,
    stay: () => (asking.value = false),
    leave: () => {
      asking.value = false
      visible.value = false
    },
  }
}

export type DiscardGuard = ReturnType<typeof useDiscardGuard>
