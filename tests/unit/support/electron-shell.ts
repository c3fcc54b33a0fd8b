// The real main process started over the faked `electron` (the test file mocks it), a scratch
// folder laid out like the packaged app, and IPC calls as our own page makes them: shared by the
// Electron shell checks that held (electron-shell-window-held, electron-shell-ipc-held).
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { expect } from 'vitest'
import * as electron from 'electron'
import { startApp, type ElectronModules, type RunningApp } from '../../../main/window/start-app'
import { createApiHost } from '../../../main/api/host'
import { fake } from './fake-electron'
import { ADMIN, TEST_KDF } from './temp-vault'

export const scratch = mkdtempSync(join(tmpdir(), 'casevault-zz-held-'))
const mainDir = join(scratch, 'app', 'out', 'main')
export const rendererDir = join(scratch, 'app', 'out', 'renderer')
export const indexUrl = pathToFileURL(join(rendererDir, 'index.html')).href
const trusted = { senderFrame: { url: `${indexUrl}#/app/cases` } }

let running: RunningApp | null = null

/** Ends the app the last startOn started (each test's afterEach). */
export function disposeRunning(): void {
  running?.host.dispose()
  running = null
}

export async function startOn(dataDir: string, packaged = false) {
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

export async function startUnlocked() {
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

export type Result =
  { ok: true; value: unknown } | { ok: false; error: { code: string; message: string; details?: unknown } }
export async function ipc(channel: string, input?: unknown, sender: unknown = trusted): Promise<Result> {
  return (await fake.ipcMain.handlers.get(channel)!(sender, input)) as Result
}

export const plaintextExport = {
  format: 'htcds-json',
  protection: { plaintext: true, confirmed: true },
  scope: {},
}
