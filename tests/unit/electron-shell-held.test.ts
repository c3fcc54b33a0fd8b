// Security review of the Electron shell: the checks that HELD (each passes on the current code and
// stays as a regression test). The renderer is treated as hostile throughout: anything it can
// send, name or trigger is tried against the real main process over the faked `electron`.
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import * as electron from 'electron'
import { startApp, type ElectronModules, type RunningApp } from '../../main/window/start-app'
import { CONTENT_SECURITY_POLICY, isAllowedRequest, isTrustedRendererUrl } from '../../main/window/security'
import { createApiHost } from '../../main/api/host'
import { channels, LOCKED_EVENT_CHANNEL, PROGRESS_EVENT_CHANNEL } from '../../main/api/contract/channels'
import { rollbackPrefix } from '../../main/core/backup/beside-data-folder'
import { fake, type Listener } from './support/fake-electron'
import { ADMIN, TEST_KDF } from './support/temp-vault'
import { survivorCase } from './support/case-fixtures'

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

const root = resolve(import.meta.dirname, '../..')
const scratch = mkdtempSync(join(tmpdir(), 'casevault-zz-held-'))
const mainDir = join(scratch, 'app', 'out', 'main')
const rendererDir = join(scratch, 'app', 'out', 'renderer')
const indexUrl = pathToFileURL(join(rendererDir, 'index.html')).href
const trusted = { senderFrame: { url: `${indexUrl}#/app/cases` } }

afterAll(() => rmSync(scratch, { recursive: true, force: true }))

let running: RunningApp | null = null

async function startOn(dataDir: string, packaged = false) {
  fake.app.isPackaged = packaged
  fake.app.userData = join(scratch, 'user-data')
  const started = await startApp(electron as unknown as ElectronModules, {
    mainDir,
    argv: ['casevault', '--data', dataDir],
    env: { ELECTRON_RENDERER_URL: 'http://localhost:5173' },
    cwd: scratch,
  })
  if (!started) throw new Error('app did not start')
  running = started
  return { running: started, window: fake.BrowserWindow.instances[0]! }
}

async function startUnlocked() {
  const dataDir = mkdtempSync(join(scratch, 'data-'))
  const maker = createApiHost({ dataDir, kdf: TEST_KDF, allowKdfBelowFloor: true })
  const created = await maker.dispatch('vault:create', ADMIN)
  if (!created.ok) throw new Error(`vault:create failed: ${created.error.code}`)
  maker.dispose()
  const started = await startOn(dataDir, true)
  const unlocked = await ipc('vault:unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase })
  expect(unlocked).toMatchObject({ ok: true })
  return { ...started, dataDir }
}

type Result =
  { ok: true; value: unknown } | { ok: false; error: { code: string; message: string; details?: unknown } }
async function ipc(channel: string, input?: unknown, sender: unknown = trusted): Promise<Result> {
  return (await fake.ipcMain.handlers.get(channel)!(sender, input)) as Result
}

const plaintextExport = { format: 'htcds-json', protection: { plaintext: true, confirmed: true }, scope: {} }

describe('held: the window and the session', () => {
  beforeEach(() => fake.reset())
  afterEach(() => {
    running?.host.dispose()
    running = null
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

describe('held: IPC answers our own page only, and validates everything', () => {
  beforeEach(() => fake.reset())
  afterEach(() => {
    running?.host.dispose()
    running = null
    vi.restoreAllMocks()
  })

  it('no channel reaches the API from a foreign page, another file, a navigated frame or a gone frame', async () => {
    const dataDir = mkdtempSync(join(scratch, 'data-'))
    const { running: app } = await startOn(dataDir, true)
    const dispatch = vi.spyOn(app.host, 'dispatch')
    const senders = [
      { senderFrame: { url: 'https://evil.example/' } },
      { senderFrame: { url: 'http://localhost:5173/#/unlock' } },
      { senderFrame: { url: pathToFileURL(join(scratch, 'Downloads', 'index.html')).href } },
      { senderFrame: { url: pathToFileURL(join(rendererDir, 'index.htm')).href } },
      { senderFrame: { url: `${pathToFileURL(rendererDir).href}-evil/index.html` } },
      { senderFrame: { url: 'about:blank' } },
      { senderFrame: { url: 'data:text/html,<script>1</script>' } },
      { senderFrame: null },
      {},
    ]
    for (const channel of fake.ipcMain.handlers.keys())
      for (const sender of senders) {
        const answer = await ipc(channel, ADMIN, sender)
        expect(answer, `${channel} ${JSON.stringify(sender)}`).toEqual({
          ok: false,
          error: { code: 'FORBIDDEN', message: 'Untrusted sender.' },
        })
      }
    expect(dispatch).not.toHaveBeenCalled()
    expect(readdirSync(dataDir)).toEqual([])
    // Our page, any route, is trusted.
    expect(isTrustedRendererUrl(`${indexUrl}?x=1#/app`, { rendererDir })).toBe(true)
  })

  it('the renderer cannot name a path: extra fields change nothing, prototype keys are not channels', async () => {
    const dataDir = mkdtempSync(join(scratch, 'data-'))
    const elsewhere = join(scratch, 'elsewhere')
    const { running: app } = await startOn(dataDir, true)
    // Unknown fields are dropped by the schema (or refused): either way the vault goes where main says.
    await ipc('vault:create', { ...ADMIN, dataDir: elsewhere, path: elsewhere })
    expect(existsSync(elsewhere)).toBe(false)
    expect(readdirSync(dataDir)).toContain('vault.json')
    // A backup or export never takes a path from the page: only the dialog's answer counts.
    fake.dialog.savePath = join(mkdtempSync(join(scratch, 'picked-')), 'export.json')
    await ipc('export:run', { ...plaintextExport, path: elsewhere, file: elsewhere })
    expect(existsSync(elsewhere)).toBe(false)
    for (const channel of ['__proto__', 'constructor', 'toString', 'vault:__proto__', ''])
      expect(await app.host.dispatch(channel, {}), channel).toMatchObject({
        ok: false,
        error: { code: 'NOT_FOUND' },
      })
  })
})

describe('held: files go only where the user picked, never into the vault, and say no paths back', () => {
  beforeEach(() => fake.reset())
  afterEach(() => {
    running?.host.dispose()
    running = null
    vi.restoreAllMocks()
  })

  it('refuses a save into the data folder, through a link to it, or into a rollback copy; writes nothing there', async () => {
    const { dataDir } = await startUnlocked()
    const outside = mkdtempSync(join(scratch, 'outside-'))
    const linkToVault = join(outside, 'looks-like-usb')
    symlinkSync(dataDir, linkToVault, 'dir')
    const rollback = join(resolve(dataDir, '..'), `${rollbackPrefix(dataDir)}2026-01-01T00-00-00-000Z`)
    mkdirSync(rollback)
    const before = readdirSync(dataDir).sort()
    for (const target of [
      join(dataDir, 'casevault.db'),
      join(dataDir, 'export.json'),
      join(linkToVault, 'export.json'),
      join(rollback, 'export.json'),
    ]) {
      fake.dialog.savePath = target
      expect(await ipc('export:run', plaintextExport), target).toMatchObject({
        ok: false,
        error: { code: 'FILE_IN_VAULT_FOLDER' },
      })
      expect(
        await ipc('backup:create', { passphrase: 'a much longer backup passphrase 9%' }),
        target,
      ).toMatchObject({ ok: false })
    }
    expect(readdirSync(dataDir).sort()).toEqual(before)
    expect(readdirSync(rollback)).toEqual([])
    // The automatic-backup folder cannot be the data folder (or a link to it) either.
    for (const folder of [dataDir, linkToVault]) {
      fake.dialog.openPaths = [folder]
      expect(await ipc('backup:chooseAutoFolder'), folder).toMatchObject({
        ok: false,
        error: { code: 'FILE_IN_VAULT_FOLDER' },
      })
    }
  })

  it('a plaintext export lands owner-only where picked; progress events carry no path', async () => {
    const { window } = await startUnlocked()
    expect((await ipc('cases:create', survivorCase())).ok).toBe(true)
    const folder = mkdtempSync(join(scratch, 'picked-'))
    fake.dialog.savePath = join(folder, 'Olena-case-export.json')
    const result = await ipc('export:run', plaintextExport)
    expect(result).toMatchObject({ ok: true, value: { file: fake.dialog.savePath, rows: 1 } })
    expect(readdirSync(folder)).toEqual(['Olena-case-export.json'])
    if (process.platform !== 'win32') expect(statSync(fake.dialog.savePath).mode & 0o077).toBe(0)
    const progress = window.webContents.sent.filter(([channel]) => channel === PROGRESS_EVENT_CHANNEL)
    expect(progress.length).toBeGreaterThan(0)
    for (const [, payload] of progress) {
      expect(Object.keys(payload as object).sort()).toEqual(['fraction', 'operation', 'stage'])
      expect(JSON.stringify(payload)).not.toContain(folder)
      expect(JSON.stringify(payload)).not.toContain('Olena')
    }
  })

  it('a write that fails (folder gone) answers a code and plain words, without the path', async () => {
    await startUnlocked()
    const gone = join(scratch, 'pulled-usb-Olena-Kovalenko')
    fake.dialog.savePath = join(gone, 'export.json')
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {})
    const result = await ipc('export:run', plaintextExport)
    expect(result).toMatchObject({ ok: false, error: { code: 'FILE_UNAVAILABLE' } })
    expect(JSON.stringify(result)).not.toContain(basename(gone))
    expect(JSON.stringify(result)).not.toContain(scratch)
    errors.mockRestore()
  })

  it('a suspend while the save dialog is open: the answer becomes LOCKED and nothing is written', async () => {
    await startUnlocked()
    const folder = mkdtempSync(join(scratch, 'picked-'))
    let answer: (value: { canceled: boolean; filePath: string }) => void = () => {}
    vi.spyOn(fake.dialog, 'showSaveDialog').mockImplementation(
      () => new Promise((resolve) => (answer = resolve)) as never,
    )
    const exporting = ipc('export:run', plaintextExport)
    await vi.waitFor(() => expect(fake.dialog.showSaveDialog).toHaveBeenCalled())
    fake.powerMonitor.emit('suspend')
    answer({ canceled: false, filePath: join(folder, 'export.json') })
    expect(await exporting).toMatchObject({ ok: false, error: { code: 'LOCKED' } })
    expect(readdirSync(folder)).toEqual([])
    expect(fake.BrowserWindow.instances[0]!.webContents.sent).toContainEqual([
      LOCKED_EVENT_CHANNEL,
      'suspend',
    ])
  })

  it('a screen lock locks at once: the next call from the window answers LOCKED', async () => {
    const { window } = await startUnlocked()
    fake.powerMonitor.emit('lock-screen')
    expect(window.webContents.sent).toContainEqual([LOCKED_EVENT_CHANNEL, 'screen-lock'])
    expect(await ipc('cases:list', {})).toMatchObject({ ok: false, error: { code: 'LOCKED' } })
  })

  it('an attachment named with folders is offered in the save dialog by its bare name', async () => {
    await startUnlocked()
    const created = (await ipc('cases:create', survivorCase())) as { ok: true; value: { id: number } }
    const added = (await ipc('attachments:add', {
      caseId: created.value.id,
      fileName: '../../../.config/autostart/evil.desktop',
      content: new TextEncoder().encode('[Desktop Entry]'),
    })) as { ok: true; value: { id: number } }
    expect(added.ok).toBe(true)
    const folder = mkdtempSync(join(scratch, 'picked-'))
    fake.dialog.savePath = join(folder, 'evil.desktop')
    fake.dialog.calls.length = 0
    expect(await ipc('attachments:saveAs', { id: added.value.id })).toMatchObject({ ok: true, value: true })
    const options = fake.dialog.calls[0]!.at(-1) as { defaultPath: string }
    expect(options.defaultPath).toBe('evil.desktop')
  })

  it('a rollback copy is named from the listing only: a name with ../ is not found', async () => {
    await startUnlocked()
    for (const name of ['..', '../../etc', '/tmp', 'data.rollback-2026-01-01T00-00-00-000Z/../..'])
      expect(await ipc('backup:bringBackRollbackCopy', { name }), name).toMatchObject({
        ok: false,
        error: { code: 'NOT_FOUND' },
      })
  })
})

// Re-exported so the listener type import is used (the fake's Listener is the shape handlers take).
export type HeldListener = Listener
