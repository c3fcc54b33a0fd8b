import { getActivePinia, type Pinia, type StoreGeneric } from 'pinia'

/**
 * After a lock nothing of the session may stay in the window's memory: case lists, survivor
 * names, referrals, screenings. Every store but the vault's own is disposed and its state
 * dropped, so the next use after an unlock starts empty — including stores added later, which a
 * hand-kept list of reset() calls would miss. (Pinia keeps its stores in the internal `_s` map;
 * disposing them there is the approach its maintainers suggest for "log out".)
 */
export function forgetSessionStores(keepId: string): void {
  const pinia = getActivePinia() as (Pinia & { _s?: Map<string, StoreGeneric> }) | undefined
  if (!pinia?._s) return
  for (const [id, store] of [...pinia._s]) {
    if (id === keepId) continue
    // Clear the instance too: a screen still mounted until the router leaves holds it.
    const reset = (store as { reset?: unknown }).reset
    if (typeof reset === 'function') reset()
    store.$dispose()
    delete pinia.state.value[id]
  }
}
