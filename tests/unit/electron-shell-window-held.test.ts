// Security review of the Electron shell: the checks that HELD (each passes on the current code and
// stays as a regression test). The renderer is treated as hostile throughout: anything it can
// send, name or trigger is tried against the real main process over the faked `electron`.
// This part: the window and the session, the CSP and the build. The preload is checked in
// electron-shell-preload-held.test.ts, IPC and files in electron-shell-ipc-held.test.ts.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { CONTENT_SECURITY_POLICY, isAllowedRequest } from '../../main/window/security'
import { fake } from './support/fake-electron'
import { disposeRunning, indexUrl, rendererDir, scratch, startOn } from './support/electron-shell'

vi.mock('electron', async () => (await import('./support/fake-electron')).fakeElectronModule)

const root = resolve(import.meta.dirname, '../..')

afterAll(() => rmSync(scratch, { recursive: true, force: true }))

describe('held: the window and the session', () => {
  beforeEach(() => fake.reset())
  afterEach(() => {
    disposeRunning()
    vi.restoreAllMocks()
  })

  it('a packaged build ignores the dev server and opens the window hardened, DevTools off', async () => {
    const { window } = await startOn(mkdtempSync(join(scratch, 'data-')), true)
    expect(window.loadedUrl).toBeNull()
    expect(window.loadedFile).toBe(join(rendererDir, 'index.html'))
    expect(window.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webviewTag: false,
      allowRunningInsecureContent: false,
      devTools: false,
    })
    const prefs = window.options.webPreferences as Record<string, unknown>
    for (const risky of ['enableBlinkFeatures', 'experimentalFeatures', 'navigateOnDragDrop', 'partition'])
      expect(prefs[risky], risky).toBeUndefined()
    // The dev server's origin, its HMR socket and DevTools pages are all refused when packaged.
    const cancelled = (url: string) => {
      let cancel: boolean | undefined
      fake.session.defaultSession.requestListener!({ url }, (r: { cancel: boolean }) => (cancel = r.cancel))
      return cancel
    }
    for (const url of [
      'http://localhost:5173/',
      'ws://localhost:5173/',
      'devtools://devtools/bundled/x.html',
    ])
      expect(cancelled(url), url).toBe(true)
  })

  it('refuses popups of every scheme and every navigation, including a file dropped on the window', async () => {
    const { window } = await startOn(mkdtempSync(join(scratch, 'data-')), true)
    const contents = window.webContents
    for (const url of [
      'file:///etc/passwd',
      'javascript:alert(1)',
      'about:blank',
      `${indexUrl}#/x`,
      'mailto:a@b',
    ])
      expect(contents.windowOpenHandler!({ url }), url).toEqual({ action: 'deny' })
    const dropped = pathToFileURL(join(scratch, 'statement.pdf')).href
    for (const name of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
      const event = { preventDefault: vi.fn() }
      contents.emit(name, event, dropped)
      expect(event.preventDefault, name).toHaveBeenCalled()
    }
  })

  it('refuses every request that is not one of the renderer files: other disk files, blobs, UNC, network', () => {
    for (const url of [
      pathToFileURL(join(scratch, 'data', 'casevault.db')).href,
      `${pathToFileURL(rendererDir).href}/..%2F..%2Fmain/index.js`,
      'file://attacker-host/share/x.js',
      'blob:file:///0b5e',
      'https://fonts.googleapis.com/css2?family=Inter',
      'http://169.254.169.254/',
      'ftp://example.com/',
      'filesystem:file:///temporary/x',
    ])
      expect(isAllowedRequest(url, rendererDir), url).toBe(false)
    expect(isAllowedRequest(pathToFileURL(join(rendererDir, 'assets', 'index.js')).href, rendererDir)).toBe(
      true,
    )
  })

  it('denies camera, microphone, geolocation, notifications, clipboard, USB, HID and serial', async () => {
    await startOn(mkdtempSync(join(scratch, 'data-')), true)
    const s = fake.session.defaultSession
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'clipboard-sanitized-write',
      'display-capture',
      'fullscreen',
      'pointerLock',
      'hid',
      'serial',
      'usb',
      'fileSystem',
      'idle-detection',
    ]) {
      const callback = vi.fn()
      s.permissionRequest!({}, permission, callback, { requestingUrl: indexUrl })
      expect(callback, permission).toHaveBeenCalledWith(false)
      expect(s.permissionCheck!({}, permission, indexUrl, {}), permission).toBe(false)
    }
    for (const deviceType of ['hid', 'serial', 'usb']) expect(s.devicePermission!({ deviceType })).toBe(false)
  })
})

describe('held: the CSP and the build', () => {
  it('the CSP allows no inline script, no eval, no remote source and no connection out', () => {
    const directives = new Map(
      CONTENT_SECURITY_POLICY.split(';').map((part) => {
        const [name, ...values] = part.trim().split(/\s+/)
        return [name!, values] as const
      }),
    )
    expect(directives.get('script-src')).toEqual(["'self'"])
    expect(directives.get('default-src')).toEqual(["'self'"])
    expect(directives.get('connect-src')).toEqual(["'self'"])
    expect(directives.get('object-src')).toEqual(["'none'"])
    expect(directives.get('base-uri')).toEqual(["'none'"])
    expect(directives.get('form-action')).toEqual(["'none'"])
    expect(CONTENT_SECURITY_POLICY).not.toMatch(
      /unsafe-eval|wasm-unsafe-eval|strict-dynamic|https?:|wss?:|\*|blob:/,
    )
    // Only images and fonts may be data: URLs.
    for (const [name, values] of directives)
      if (values.includes('data:')) expect(['img-src', 'font-src'], name).toContain(name)
  })

  const builtIndex = join(root, 'out', 'renderer', 'index.html')
  it.skipIf(!existsSync(builtIndex))('the built page keeps the same CSP and has no inline script', () => {
    const html = readFileSync(builtIndex, 'utf8')
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(html)
    expect(meta?.[1]?.replace(/\s+/g, ' ').trim()).toBe(CONTENT_SECURITY_POLICY)
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)]
    expect(scripts.length).toBeGreaterThan(0)
    for (const [, attributes, body] of scripts) {
      expect(attributes).toMatch(/\bsrc="\.\/assets\//)
      expect(body!.trim()).toBe('')
    }
    expect(html).not.toMatch(/\b(?:src|href)="(?:https?:)?\/\//i)
  })

  const builtPreload = join(root, 'out', 'preload', 'index.cjs')
  it.skipIf(!existsSync(builtPreload))(
    'the built preload is one CommonJS file that requires only electron',
    () => {
      const code = readFileSync(builtPreload, 'utf8')
      const required = [...code.matchAll(/require\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1])
      expect(new Set(required)).toEqual(new Set(['electron']))
      expect(code).not.toMatch(/exposeInMainWorld\(\s*["'](?!casevault["'])/)
    },
  )

  it('the build config bundles the preload as CommonJS (sandbox) and loads the renderer by relative paths', () => {
    const config = readFileSync(join(root, 'electron.vite.config.ts'), 'utf8')
    expect(config).toMatch(/format:\s*'cjs'/)
    expect(config).toMatch(/externalizeDeps:\s*false/)
    expect(config).toMatch(/base:\s*'\.\/'/)
    expect(config).not.toMatch(/https?:\/\//)
  })
})
