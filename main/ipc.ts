import type { IpcMain, IpcMainInvokeEvent } from 'electron'
import { channels, channelName } from './api/contract/channels'
import type { ApiHost } from './api/host-types'

/**
 * Registers exactly the contract's channels. A call from any frame other than our own page
 * (an injected iframe, a navigated window) is refused before the API sees it.
 */
export function registerIpc(
  ipcMain: Pick<IpcMain, 'handle'>,
  host: ApiHost,
  isTrustedSender: (event: IpcMainInvokeEvent) => boolean,
): void {
  for (const [area, methods] of Object.entries(channels)) {
    for (const method of methods) {
      const channel = channelName(area, method)
      ipcMain.handle(channel, (event, input: unknown) => {
        if (!isTrustedSender(event)) {
          return { ok: false, error: { code: 'FORBIDDEN', message: 'Untrusted sender.' } }
        }
        return host.dispatch(channel, input)
      })
    }
  }
}
