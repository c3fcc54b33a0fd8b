import { computed, ref, type Ref } from 'vue'

/**
 * A form dialog that asks before throwing typed work away. Escape, the × and Cancel all close a
 * dialog; one press too many (say, to close a list that had already closed) used to lose a
 * half-written referral without a word. With changes, closing now asks (UnsavedChangesDialog,
 * "Stay" focused, so Enter or a second Escape keeps the form); without changes it closes at once,
 * as keyboard users expect. Saving still closes the dialog directly through `visible`.
 */
export function useDiscardGuard(visible: Ref<boolean>, isDirty: () => boolean) {
  const asking = ref(false)

  function requestClose(): void {
    if (isDirty()) asking.value = true
    else visible.value = false
  }

  /** Bind the dialog's v-model:visible here instead of to `visible`. */
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
