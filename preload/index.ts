import { contextBridge, ipcRenderer } from 'electron'
import { channels, LOCKED_EVENT_CHANNEL, PROGRESS_EVENT_CHANNEL } from '../main/api/contract/channels'
import { buildCaseVaultClient, type CaseVaultEvents } from './build-api'

const eventChannels: Record<keyof CaseVaultEvents, string> = {
  locked: LOCKED_EVENT_CHANNEL,
  progress: PROGRESS_EVENT_CHANNEL,
}

// Only the allowlisted channels are reachable: no generic invoke/send/on is exposed.
const client = buildCaseVaultClient(
  channels,
  (channel, input) => ipcRenderer.invoke(channel, input),
  (event, listener) => {
    const channel = eventChannels[event]
    // The payload is main's own message on our own channel; its type is the event's.
    const onEvent = (_event: unknown, payload: Parameters<typeof listener>[0]) => listener(payload)
    ipcRenderer.on(channel, onEvent)
    return () => {
      ipcRenderer.removeListener(channel, onEvent)
    }
  },
)

contextBridge.exposeInMainWorld('casevault', client)
