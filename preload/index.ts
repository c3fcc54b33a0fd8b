import { contextBridge, ipcRenderer } from 'electron'
import { channels, LOCKED_EVENT_CHANNEL } from '../main/api/contract/channels'
import type { VaultLockedReason } from '../main/api/contract'
import { buildCaseVaultClient } from './build-api'

// Only the allowlisted channels are reachable: no generic invoke/send/on is exposed.
const client = buildCaseVaultClient(
  channels,
  (channel, input) => ipcRenderer.invoke(channel, input),
  (listener) => {
    const onEvent = (_event: unknown, reason: VaultLockedReason) => listener(reason)
    ipcRenderer.on(LOCKED_EVENT_CHANNEL, onEvent)
    return () => {
      ipcRenderer.removeListener(LOCKED_EVENT_CHANNEL, onEvent)
    }
  },
)

contextBridge.exposeInMainWorld('casevault', client)
