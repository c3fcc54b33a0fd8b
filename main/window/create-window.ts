import { join } from 'node:path'
import type { BrowserWindow } from 'electron'
import { buildWebPreferences, type RendererLocation } from './security'

export interface MainWindowOptions extends RendererLocation {
  preloadPath: string
  isPackaged: boolean
}

/** The one application window. Loads the built renderer from disk, or the dev server in development. */
export function createMainWindow(
  BrowserWindowClass: typeof BrowserWindow,
  options: MainWindowOptions,
): BrowserWindow {
  const window = new BrowserWindowClass({
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    title: 'CaseVault',
    // Shown once painted, so the user never sees a blank white frame.
    show: false,
    webPreferences: buildWebPreferences(options.preloadPath, options.isPackaged),
  })
  window.once('ready-to-show', () => window.show())
  loadRendererPage(window, options)
  return window
}

/** Our page, from its start: at window creation, and again after its process died. */
export function loadRendererPage(window: BrowserWindow, location: RendererLocation): void {
  if (location.devServerUrl) {
    void window.loadURL(location.devServerUrl)
  } else {
    void window.loadFile(join(location.rendererDir, 'index.html'))
  }
}
