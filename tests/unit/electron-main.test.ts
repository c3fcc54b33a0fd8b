import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import * as electron from 'electron'
import { LOCKED_EVENT_CHANNEL, channels } from '../../main/api/contract/channels'
import { startApp, IDLE_CHECK_INTERVAL_MS, type ElectronModules } from '../../main/window/start-app'
import { createApiHost } from '../../main/api/host'
import { fake } from './support/fake-electron'

const CHEAP_KDF = { memoryKiB: 8192, iterations: 1, parallelism: 1 }
const OWNER = {
  organisation: 'Test NGO',
  username: 'admin',
  displayName: 'Ada Admin',
  passphrase: 'correct horse battery staple',
}

// Only `electron` is faked (tests/unit/support/fake-electron.ts); the API host behind it is real.
vi.mock('electron', async () => (await import('./support/fake-electron')).fakeElectronModule)

const scratch = mkdtempSync(join(tmpdir(), 'casevault-main-'))
const mainDir = join(scratch, 'app', 'out', 'main')
const rendererDir = join(scratch, 'app', 'out', 'renderer')
const indexUrl = pathToFileURL(join(rendererDir, 'index.html')).href

afterAll(() => rmSync(scratch, { recursive: true, force: true }))

async function start(extraArgv: string[] = []) {
  const dataDir = mkdtempSync(join(scratch, 'data-'))
  fake.app.userData = join(scratch, 'user-data')
  const running = await startApp(electron as unknown as ElectronModules, {
    mainDir,
    argv: ['electron', '.', '--data', dataDir, ...extraArgv],
    env: {},
    cwd: scratch,
  })
  const window = fake.BrowserWindow.instances[0]
  if (!running || !window) throw new Error('app did not start')
  return { running, window, dataDir }
}

/** Electron passes an event whose preventDefault() holds the quit. */
function quitEvent() {
  const event = { prevented: false, preventDefault: () => (event.prevented = true) }
  return event
}

function request(url: string): boolean {
  let cancel: boolean | undefined
  fake.session.defaultSession.requestListener!({ url }, (response: { cancel: boolean }) => {
    cancel = response.cancel
  })
  return cancel!
}

describe('the Electron main process', () => {
  let running: Awaited<ReturnType<typeof start>>['running'] | null = null
  beforeEach(() => fake.reset())
  afterEach(() => {
    running?.host.dispose()
    running = null
    vi.useRealTimers()
  })

  it('creates one window with the hardened webPreferences and loads the built renderer from disk', async () => {
    const started = await start()
    running = started.running
    expect(fake.BrowserWindow.instances).toHaveLength(1)
    expect(started.window.options.webPreferences).toEqual({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webviewTag: false,
      allowRunningInsecureContent: false,
      spellcheck: false,
      devTools: true,
      preload: join(mainDir, '../preload/index.cjs'),
    })
    expect(started.window.loadedFile).toBe(join(rendererDir, 'index.html'))
    expect(started.window.loadedUrl).toBeNull()
  })

  it('ignores ELECTRON_RENDERER_URL in a packaged build', async () => {
    fake.app.isPackaged = true
    const dataDir = mkdtempSync(join(scratch, 'data-'))
    running = await startApp(electron as unknown as ElectronModules, {
      mainDir,
      argv: ['casevault', '--data', dataDir],
      env: { ELECTRON_RENDERER_URL: 'http://localhost:5173' },
      cwd: scratch,
    })
    const window = fake.BrowserWindow.instances[0]!
    expect(window.loadedUrl).toBeNull()
    expect(window.loadedFile).toBe(join(rendererDir, 'index.html'))
    expect((window.options.webPreferences as { devTools: boolean }).devTools).toBe(false)
    expect(request('http://localhost:5173/')).toBe(true)
  })

  it('sets a strict CSP header on every response, with no http(s) origin in it', async () => {
    running = (await start()).running
    let headers: Record<string, string[]> | undefined
    fake.session.defaultSession.headersListener!(
      { url: indexUrl, responseHeaders: { 'Content-Type': ['text/html'] } },
      (response: { responseHeaders: Record<string, string[]> }) => {
        headers = response.responseHeaders
      },
    )
    const csp = headers?.['Content-Security-Policy']?.[0] ?? ''
    expect(csp).toContain("default-src 'self'")
    expect(csp).toContain("script-src 'self'")
    expect(csp).toContain("object-src 'none'")
    expect(csp).not.toMatch(/https?:/)
    expect(headers?.['Content-Type']).toEqual(['text/html'])
  })

  it('denies every permission request and check', async () => {
    running = (await start()).running
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const callback = vi.fn()
      fake.session.defaultSession.permissionRequest!({}, permission, callback, {})
      expect(callback).toHaveBeenCalledWith(false)
      expect(fake.session.defaultSession.permissionCheck!({}, permission, 'file://', {})).toBe(false)
    }
    expect(fake.session.defaultSession.devicePermission!({ deviceType: 'usb' })).toBe(false)
  })

  it('denies new windows and prevents navigation, redirects and webviews', async () => {
    const { window } = await start().then((started) => ((running = started.running), started))
    const contents = window.webContents
    expect(contents.windowOpenHandler!({ url: 'https://example.com' })).toEqual({ action: 'deny' })
    for (const name of ['will-navigate', 'will-frame-navigate', 'will-redirect', 'will-attach-webview']) {
      const event = { preventDefault: vi.fn() }
      contents.emit(name, event, 'https://example.com')
      expect(event.preventDefault, name).toHaveBeenCalledOnce()
    }
  })

  it('cancels requests that leave the app, and lets its own files through', async () => {
    running = (await start()).running
    expect(request('https://example.com/')).toBe(true)
    expect(request('http://127.0.0.1:8080/steal?data=1')).toBe(true)
    expect(request('ws://127.0.0.1:1234/')).toBe(true)
    expect(request(`${indexUrl}#/unlock`)).toBe(false)
    expect(request(pathToFileURL(join(rendererDir, 'assets', 'index-abc.js')).href)).toBe(false)
    expect(request(pathToFileURL(join(mainDir, 'index.js')).href)).toBe(true)
    expect(request('file:///etc/passwd')).toBe(true)
  })

  it('registers every contract channel and answers only our own page', async () => {
    running = (await start()).running
    const expected = Object.entries(channels).flatMap(([area, methods]) => methods.map((m) => `${area}:${m}`))
    expect([...fake.ipcMain.handlers.keys()].sort()).toEqual(expected.sort())
    const status = fake.ipcMain.handlers.get('vault:status')!
    const trusted = await status({ senderFrame: { url: `${indexUrl}#/unlock` } }, undefined)
    expect(trusted).toMatchObject({ ok: true, value: { state: 'absent' } })
    for (const url of ['https://evil.example/', pathToFileURL('/tmp/other.html').href, undefined]) {
      const refused = await status({ senderFrame: url === undefined ? null : { url } }, undefined)
      expect(refused, String(url)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    }
  })

  it('locks on suspend and screen lock, checks idle time every 30 s, and forwards lock events', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] })
    running = (await start()).running
    const host = running.host
    const lock = vi.spyOn(host, 'lock')
    const checkIdle = vi.spyOn(host, 'checkIdle')
    fake.powerMonitor.emit('suspend')
    fake.powerMonitor.emit('lock-screen')
    expect(lock.mock.calls).toEqual([['suspend'], ['screen-lock']])
    vi.advanceTimersByTime(IDLE_CHECK_INTERVAL_MS)
    expect(checkIdle).toHaveBeenCalledWith(42)
    fake.app.emit('before-quit', quitEvent())
    vi.advanceTimersByTime(IDLE_CHECK_INTERVAL_MS * 2)
    expect(checkIdle).toHaveBeenCalledTimes(1)
  })

  it('sends the locked event to the window when the vault locks on suspend', async () => {
    // A vault made beforehand with cheap Argon2 parameters (the slot stores them, so the app's own
    // host unlocks it quickly); the app's host is the real one, reached through the faked ipcMain.
    const dataDir = mkdtempSync(join(scratch, 'data-'))
    const maker = createApiHost({ dataDir, kdf: CHEAP_KDF, allowKdfBelowFloor: true })
    const created = await maker.dispatch('vault:create', OWNER)
    expect(created.ok).toBe(true)
    maker.dispose()

    running = await startApp(electron as unknown as ElectronModules, {
      mainDir,
      argv: ['electron', '.', '--data', dataDir],
      env: {},
      cwd: scratch,
    })
    const window = fake.BrowserWindow.instances[0]!
    const trusted = { senderFrame: { url: indexUrl } }
    const unlocked = await fake.ipcMain.handlers.get('vault:unlock')!(trusted, {
      username: OWNER.username,
      passphrase: OWNER.passphrase,
    })
    expect(unlocked).toMatchObject({ ok: true, value: { state: 'unlocked' } })
    fake.powerMonitor.emit('suspend')
    expect(window.webContents.sent).toEqual([[LOCKED_EVENT_CHANNEL, 'suspend']])
    const status = await fake.ipcMain.handlers.get('vault:status')!(trusted, undefined)
    expect(status).toMatchObject({ ok: true, value: { state: 'locked' } })
  })

  it('holds the quit until the vault is locked (automatic backup first), then quits', async () => {
    running = (await start()).running
    const host = running.host
    let finishShutdown = () => {}
    const shutdown = vi
      .spyOn(host, 'shutdown')
      .mockImplementation(() => new Promise<void>((resolve) => (finishShutdown = resolve)))
    // As Electron does, app.quit() emits before-quit within the call.
    const rounds: boolean[] = []
    const quit = vi.spyOn(fake.app, 'quit').mockImplementation(() => {
      const round = quitEvent()
      fake.app.emit('before-quit', round)
      rounds.push(round.prevented)
    })
    const first = quitEvent()
    fake.app.emit('before-quit', first)
    expect(first.prevented).toBe(true)
    expect(shutdown).toHaveBeenCalledTimes(1)
    expect(quit).not.toHaveBeenCalled()
    finishShutdown()
    await vi.waitFor(() => expect(quit).toHaveBeenCalledTimes(1))
    // The second round (from app.quit) goes through, with no second shutdown.
    expect(rounds).toEqual([false])
    expect(shutdown).toHaveBeenCalledTimes(1)
  })

  it('quits without a window when another instance holds the lock', async () => {
    fake.app.hasLock = false
    const quit = vi.spyOn(fake.app, 'quit')
    const result = await startApp(electron as unknown as ElectronModules, {
      mainDir,
      argv: [],
      env: {},
      cwd: scratch,
    })
    expect(result).toBeNull()
    expect(quit).toHaveBeenCalled()
    expect(fake.BrowserWindow.instances).toHaveLength(0)
  })

  it('main/index.ts boots startApp with the real electron module', async () => {
    const dataDir = mkdtempSync(join(scratch, 'data-'))
    const argv = process.argv
    process.argv = [...argv, '--data', dataDir]
    try {
      await import('../../main/index')
      await vi.waitFor(() => expect(fake.BrowserWindow.instances).toHaveLength(1))
    } finally {
      process.argv = argv
    }
    expect(fake.BrowserWindow.instances[0]!.loadedFile).toMatch(/renderer[/\\]index\.html$/)
    fake.app.emit('before-quit', quitEvent())
  })
})
