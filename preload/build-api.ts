import type { CaseVaultApi, OperationProgress, VaultLockedReason } from '../main/api/contract'
import type { channels as channelList } from '../main/api/contract/channels'

/** Events main pushes to the window, and what each carries. */
export interface CaseVaultEvents {
  locked: VaultLockedReason
  progress: OperationProgress
}

export type CaseVaultClient = CaseVaultApi & {
  /** Called when main locks the vault (idle, suspend, screen lock, another window). Returns an unsubscribe. */
  onLocked(listener: (reason: VaultLockedReason) => void): () => void
  /** Progress of a long operation (backup, check…) while it runs. Returns an unsubscribe. */
  onProgress(listener: (progress: OperationProgress) => void): () => void
}

export type Invoke = (channel: string, input: unknown) => Promise<unknown>
export type Subscribe = <E extends keyof CaseVaultEvents>(
  event: E,
  listener: (payload: CaseVaultEvents[E]) => void,
) => () => void

/**
 * Builds window.casevault: one function per channel, nothing generic. Self-contained on purpose
 * (no imports at run time, no closures over module state): the e2e harness serialises this very
 * function into the page, so the tests exercise the same object the preload exposes.
 */
export function buildCaseVaultClient(
  channels: typeof channelList,
  invoke: Invoke,
  subscribe: Subscribe,
): CaseVaultClient {
  const client: Record<string, unknown> = {}
  for (const [area, methods] of Object.entries(channels)) {
    const areaClient: Record<string, (input?: unknown) => Promise<unknown>> = {}
    for (const methodName of methods) {
      const channel = `${area}:${methodName}`
      // Structured clone drops class instances and functions; the main side re-validates anyway.
      areaClient[methodName] = (input?: unknown) => invoke(channel, input)
    }
    client[area] = Object.freeze(areaClient)
  }
  client.onLocked = (listener: (reason: VaultLockedReason) => void) => subscribe('locked', listener)
  client.onProgress = (listener: (progress: OperationProgress) => void) => subscribe('progress', listener)
  return Object.freeze(client) as unknown as CaseVaultClient
}
