import type { CaseVaultClient } from '../../../preload/build-api'

/**
 * The one door to main. Only stores import this: views never talk to the API directly.
 * Read at call time (not captured at import) so a component test can install a stub first.
 */
export function casevault(): CaseVaultClient {
  return window.casevault
}
