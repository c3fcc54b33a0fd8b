import { isAbsolute, relative, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import type { Session, WebContents, WebPreferences } from 'electron'

/**
 * The renderer's Content-Security-Policy. Identical to the <meta> tag in renderer/index.html (a unit
 * test compares them): the header covers responses the meta tag cannot (e.g. before the parser runs).
 * No http(s) origin appears anywhere: the app never talks to a network.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  // PrimeVue sets inline style attributes for positioning overlays; scripts stay strict.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ')

export interface RendererLocation {
  /** Absolute path of the built renderer (out/renderer); only files inside it may load. */
  rendererDir: string
  /** electron-vite's dev server (ELECTRON_RENDERER_URL); set only when the app is not packaged. */
  devServerUrl?: string | undefined
}

/** The only webPreferences the main window is ever created with. */
export function buildWebPreferences(preloadPath: string, isPackaged: boolean): WebPreferences {
  return {
    // The renderer is treated as hostile: no Node, its own JS world, an OS-sandboxed process.
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    webviewTag: false,
    allowRunningInsecureContent: false,
    // Spellcheck sends typed words to a dictionary service and caches them: survivor names must not leak.
    spellcheck: false,
    // DevTools in a shipped build would let anyone at the keyboard script the unlocked vault.
    devTools: !isPackaged,
    preload: preloadPath,
  }
}

function isInsideDir(filePath: string, dir: string): boolean {
  const rel = relative(resolve(dir), resolve(filePath))
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel))
}

function sameOrigin(url: URL, devServerUrl: string | undefined): boolean {
  if (!devServerUrl) return false
  let dev: URL
  try {
    dev = new URL(devServerUrl)
  } catch {
    return false
  }
  // Vite's HMR socket is ws(s):// on the same host and port as the page.
  const protocols = dev.protocol === 'https:' ? ['https:', 'wss:'] : ['http:', 'ws:']
  return protocols.includes(url.protocol) && url.host === dev.host
}

/**
 * Whether a request may leave the renderer. Everything is cancelled except the app's own files
 * (and, in development only, the dev server and DevTools): a compromised renderer cannot exfiltrate
 * data or pull in code, and a file:// URL cannot climb out of out/renderer to read the vault.
 */
export function isAllowedRequest(
  url: string,
  rendererDir: string,
  devServerUrl?: string | undefined,
): boolean {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return false
  }
  switch (parsed.protocol) {
    case 'file:': {
      let filePath: string
      try {
        // Throws on remote hosts (file://server/share) and encoded slashes: both are refused.
        filePath = fileURLToPath(parsed)
      } catch {
        return false
      }
      return isInsideDir(filePath, rendererDir)
    }
    // In-process bytes the CSP already limits to images and fonts; nothing leaves the machine.
    case 'data:':
      return true
    case 'devtools:':
      return devServerUrl !== undefined
    default:
      return sameOrigin(parsed, devServerUrl)
  }
}

/**
 * Whether an IPC message comes from our page: the top-level index.html of the built renderer (any
 * hash route), or the dev server in development. Anything else, e.g. a frame that somehow loaded
 * other content, gets no API.
 */
export function isTrustedRendererUrl(url: string | undefined, location: RendererLocation): boolean {
  if (!url) return false
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return false
  }
  if (location.devServerUrl) {
    const dev = new URL(location.devServerUrl)
    return parsed.origin === dev.origin
  }
  parsed.hash = ''
  parsed.search = ''
  return parsed.href === pathToFileURL(resolve(location.rendererDir, 'index.html')).href
}

/** Session-wide rules: CSP on every response, no requests outside the app, no permissions. */
export function hardenSession(
  session: Session,
  rendererDir: string,
  devServerUrl?: string | undefined,
): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    })
  })
  session.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedRequest(details.url, rendererDir, devServerUrl) })
  })
  // A case manager needs no camera, microphone, location, notifications, USB, clipboard reads…
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  // webPreferences.spellcheck only stops the underlining: the session's spellchecker still
  // downloaded a Hunspell dictionary from Google's servers on Linux (electron/electron#22995).
  session.setSpellCheckerEnabled(false)
  session.setSpellCheckerLanguages([])
  // A page-started download (an injected <a download href="data:…">) would bypass everything main
  // enforces on files: no audit row, no plaintext warning, no private permissions, no folder guard.
  session.on('will-download', (event) => event.preventDefault())
  session.setPermissionCheckHandler(() => false)
  session.setDevicePermissionHandler(() => false)
}

/** Per-webContents rules (every window, and anything a bug might create): no popups, no navigation. */
export function hardenWebContents(contents: WebContents): void {
  // New windows would escape the CSP and request filter's assumptions about what is on screen.
  contents.setWindowOpenHandler(() => ({ action: 'deny' }))
  // The app is one page with hash routes; any real navigation is an attack or a stray link.
  contents.on('will-navigate', (event) => event.preventDefault())
  contents.on('will-frame-navigate', (event) => event.preventDefault())
  contents.on('will-redirect', (event) => event.preventDefault())
  // <webview> is off in webPreferences; this also stops one injected by a compromised renderer.
  contents.on('will-attach-webview', (event) => event.preventDefault())
}
