import { onBeforeUnmount, onMounted, ref } from 'vue'
import { onBeforeRouteLeave } from 'vue-router'
import { useVaultStore } from '../stores/vault'
import { trackUnsavedWork } from './unsaved-work'

/**
 * Asks before leaving a screen with unsaved changes: in-app navigation waits for the person's
 * answer in a dialog (UnsavedChangesDialog), closing the window asks through the browser.
 * A lock always wins: the vault closes whatever is on screen.
 */
export function useUnsavedChangesGuard(isDirty: () => boolean) {
  const asking = ref(false)
  let answer: ((leave: boolean) => void) | null = null
  const vault = useVaultStore()
  trackUnsavedWork(isDirty)

  onBeforeRouteLeave(() => {
    if (!isDirty() || vault.state !== 'unlocked') return true
    asking.value = true
    return new Promise<boolean>((resolve) => {
      answer = resolve
    })
  })

  function respond(leave: boolean): void {
    asking.value = false
    answer?.(leave)
    answer = null
  }

  function onBeforeUnload(event: BeforeUnloadEvent): void {
    // Once locked, the form is gone with the session: a quit that locked first must not then be
    // held by a question about it (as the route guard above, found by a reviewing helper).
    if (!isDirty() || vault.state !== 'unlocked') return
    event.preventDefault()
    // Older Chromium needs returnValue set as well.
    event.returnValue = ''
  }
  onMounted(() => window.addEventListener('beforeunload', onBeforeUnload))
  onBeforeUnmount(() => {
    window.removeEventListener('beforeunload', onBeforeUnload)
    respond(false)
  })

  return { asking, leave: () => respond(true), stay: () => respond(false) }
}
