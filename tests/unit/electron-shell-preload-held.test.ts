// Security review of the Electron shell: the checks that HELD (each passes on the current code and
// stays as a regression test). The renderer is treated as hostile throughout: anything it can
// send, name or trigger is tried against the real main process over the faked `electron`.
// This part: the preload exposes the typed API and nothing else. The window, the session and the
// CSP are checked in electron-shell-window-held.test.ts, IPC and files in
// electron-shell-ipc-held.test.ts.
import { describe, expect, it, vi } from 'vitest'
import { channels, LOCKED_EVENT_CHANNEL, PROGRESS_EVENT_CHANNEL } from '../../main/api/contract/channels'

// The preload's side of electron, recorded: what it exposes and which IPC it uses.
const preloadSide = vi.hoisted(() => {
  const exposed = new Map<string, unknown>()
  const invoked: Array<[string, unknown]> = []
  const rendererListeners = new Map<string, Array<(...args: unknown[]) => void>>()
  return {
    exposed,
    invoked,
    rendererListeners,
    contextBridge: {
      exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api),
    },
    ipcRenderer: {
      invoke: async (channel: string, input: unknown) => {
        invoked.push([channel, input])
        return { ok: true, value: null }
      },
      on: (channel: string, listener: (...args: unknown[]) => void) => {
        rendererListeners.set(channel, [...(rendererListeners.get(channel) ?? []), listener])
      },
      removeListener: (channel: string, listener: (...args: unknown[]) => void) => {
        rendererListeners.set(
          channel,
          (rendererListeners.get(channel) ?? []).filter((one) => one !== listener),
        )
      },
      send: () => {
        throw new Error('the preload must not use ipcRenderer.send')
      },
      sendSync: () => {
        throw new Error('the preload must not use ipcRenderer.sendSync')
      },
    },
  }
})

vi.mock('electron', async () => ({
  ...(await import('./support/fake-electron')).fakeElectronModule,
  contextBridge: preloadSide.contextBridge,
  ipcRenderer: preloadSide.ipcRenderer,
}))

describe('held: the preload exposes the typed API and nothing else', () => {
  it('exposes window.casevault only: frozen, one function per contract method, no generic IPC', async () => {
    preloadSide.exposed.clear()
    preloadSide.invoked.length = 0
    await import('../../preload/index')
    expect([...preloadSide.exposed.keys()]).toEqual(['casevault'])
    const api = preloadSide.exposed.get('casevault') as Record<string, unknown>
    expect(Object.isFrozen(api)).toBe(true)
    expect(Object.keys(api).sort()).toEqual([...Object.keys(channels), 'onLocked', 'onProgress'].sort())
    for (const [area, methods] of Object.entries(channels)) {
      const areaApi = api[area] as Record<string, (input?: unknown) => Promise<unknown>>
      expect(Object.isFrozen(areaApi), area).toBe(true)
      expect(Object.keys(areaApi).sort(), area).toEqual([...methods].sort())
    }
    // Nothing that names a channel, a path or an IPC primitive.
    for (const key of ['invoke', 'send', 'sendSync', 'on', 'ipcRenderer', 'require', 'process'])
      expect(api[key], key).toBeUndefined()
    // A method always invokes its own channel, whatever the page hands in.
    const vaultApi = api.vault as Record<string, (input?: unknown) => Promise<unknown>>
    await vaultApi.status!({ channel: 'x' })
    expect(preloadSide.invoked).toEqual([['vault:status', { channel: 'x' }]])
  })

  it('event listeners get the payload only (never the IPC event, whose sender is ipcRenderer) and can unsubscribe', async () => {
    await import('../../preload/index')
    const api = preloadSide.exposed.get('casevault') as {
      onLocked(listener: (...args: unknown[]) => void): () => void
      onProgress(listener: (...args: unknown[]) => void): () => void
    }
    const locked = vi.fn()
    const progress = vi.fn()
    const offLocked = api.onLocked(locked)
    api.onProgress(progress)
    const ipcEvent = { sender: preloadSide.ipcRenderer, senderId: 0 }
    for (const listener of preloadSide.rendererListeners.get(LOCKED_EVENT_CHANNEL) ?? [])
      listener(ipcEvent, 'idle')
    for (const listener of preloadSide.rendererListeners.get(PROGRESS_EVENT_CHANNEL) ?? [])
      listener(ipcEvent, { operation: 'export', stage: 'write', fraction: null })
    expect(locked.mock.calls).toEqual([['idle']])
    expect(progress.mock.calls).toEqual([[{ operation: 'export', stage: 'write', fraction: null }]])
    offLocked()
    expect(preloadSide.rendererListeners.get(LOCKED_EVENT_CHANNEL)).toEqual([])
  })
})
