import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { rename, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, dirname, join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { test as base, expect, type Page } from '@playwright/test'
import type { ApiHost } from '../../../main/api/host-types'
import type { createApiHost } from '../../../main/api/host'
import type { FileAccess } from '../../../main/api/file-access'
import type { ApiResult, VaultLockedReason } from '../../../main/api/contract'
import { channels } from '../../../main/api/contract/channels'
import { buildCaseVaultClient, type CaseVaultEvents } from '../../../preload/build-api'

const root = resolve(import.meta.dirname, '../../..')
const screenshotDir = resolve(root, 'tests/e2e/screenshots')

/** Argon2 parameters far below the app's floor: the tests exercise the flows, not the KDF's cost. */
export const CHEAP_KDF = { memoryKiB: 8192, iterations: 1, parallelism: 1 }

export const ADMIN = {
  organisation: 'Safe Harbour Network',
  username: 'amina.admin',
  displayName: 'Amina Okafor',
  passphrase: 'lantern orchard river 42',
}

type HostModule = { createApiHost: typeof createApiHost }
let hostModule: Promise<HostModule> | undefined

/**
 * The API host from the build (out/main/host.js, made by `electron-vite build` beside the app's
 * main bundle), not from source: core relies on Vite-only features (import.meta.glob for the
 * migrations, `?raw`) that Playwright's loader lacks, and the harness should drive what ships.
 */
function loadHostModule(): Promise<HostModule> {
  const built = resolve(root, 'out/main/host.js')
  if (!existsSync(built)) {
    throw new Error(
      `${built} is missing: run \`npm run test:e2e\` (it builds first) or \`npx electron-vite build\``,
    )
  }
  hostModule ??= import(pathToFileURL(built).href) as Promise<HostModule>
  return hostModule
}

/**
 * Runs in the page before any app script: builds window.casevault with the preload's own
 * function, over a transport of page bindings instead of ipcRenderer. Everything else is real.
 * The builder is spliced in as source text (not eval'd: the app's CSP forbids eval).
 */
function clientInitScript(): string {
  return `(() => {
  const listeners = { locked: new Set(), progress: new Set() }
  const buildCaseVaultClient = ${buildCaseVaultClient.toString()}
  const client = buildCaseVaultClient(
    ${JSON.stringify(channels)},
    (channel, input) => window.__casevault_invoke(channel, input),
    (event, listener) => {
      listeners[event].add(listener)
      return () => { listeners[event].delete(listener) }
    },
  )
  // Like contextBridge: a read-only property the page cannot swap out.
  Object.defineProperty(window, 'casevault', { value: client, writable: false, configurable: false })
  Object.defineProperty(window, '__casevault_fire', {
    value: (event, payload) => { for (const listener of [...listeners[event]]) listener(payload) },
  })
})()`
}

export interface Harness {
  dataDir: string
  /** Where "Save a copy…" writes: the harness answers main's save dialog with this folder. */
  savedFilesDir: string
  host: ApiHost
  /** Calls the API the way the page does (same host, same dispatch), bypassing the UI. */
  call<T = unknown>(channel: string, input?: unknown): Promise<ApiResult<T>>
  /** Makes a vault with ADMIN as its first user and locks it; returns the recovery key. */
  seedVault(): Promise<string>
  /** Adds a user through the API while seeding (needs the vault unlocked as an admin). */
  addUser(user: { username: string; displayName: string; role: string; passphrase: string }): Promise<void>
  /** What main does on idle/suspend/screen lock: locks the vault; the page hears it via onLocked. */
  lockFromMain(reason: VaultLockedReason): void
  /** The next save or open dialog is cancelled by the "user" (main then gets null). */
  cancelNextDialog(): void
  /** The file the import's open dialog "chooses" from now on (null: no file, as if cancelled). */
  chooseImportFile(path: string | null): void
  /** Full-page PNG in tests/e2e/screenshots/<name>.png (committed; the README shows them). */
  screenshot(name: string): Promise<void>
}

/** What main's webContents.send does: delivers an event to the page's listeners. */
async function firePageEvent<E extends keyof CaseVaultEvents>(
  page: Page,
  event: E,
  payload: CaseVaultEvents[E],
): Promise<void> {
  await page
    .evaluate(
      ([e, p]) =>
        (window as unknown as { __casevault_fire?: (e: string, p: unknown) => void }).__casevault_fire?.(
          e,
          p,
        ),
      [event, payload] as const,
    )
    // The page may be gone (test ending, navigation): main's webContents.send would drop it too.
    .catch(() => undefined)
}

/** Runs in the page: zero-delay timers fire 300 ms late (see CASEVAULT_E2E_LATE_TIMERS). */
function delayZeroTimers(): void {
  const original = window.setTimeout.bind(window)
  const late = (handler: TimerHandler, delay?: number, ...rest: unknown[]) =>
    original(handler, delay ? delay : 300, ...rest)
  window.setTimeout = late as typeof window.setTimeout
}

export const test = base.extend<{ harness: Harness }>({
  harness: async ({ page }, use) => {
    const { createApiHost } = await loadHostModule()
    const dataDir = mkdtempSync(join(tmpdir(), 'casevault-e2e-'))
    const savedFilesDir = mkdtempSync(join(tmpdir(), 'casevault-e2e-saved-'))
    mkdirSync(join(savedFilesDir, 'auto-backups'))
    // Stands in for Electron's dialogs: saving "chooses" savedFilesDir/<suggested name>; opening
    // a backup chooses the file last chosen for saving (a backup writes its file itself).
    let lastChosen: string | null = null
    let importFile: string | null = null
    let cancelNext = false
    const answer = (path: string | null): Promise<string | null> => {
      const cancelled = cancelNext
      cancelNext = false
      return Promise.resolve(cancelled ? null : path)
    }
    const files: FileAccess = {
      chooseSaveLocation: (suggestedName) => {
        if (cancelNext) return answer(null)
        lastChosen = join(savedFilesDir, suggestedName)
        return answer(lastChosen)
      },
      // Whole or not at all: a test polling for the file never reads it half-written.
      write: async (path, bytes) => {
        await writeFile(`${path}.part`, bytes, { mode: 0o600 })
        await rename(`${path}.part`, path)
      },
      chooseBackupFile: () => answer(lastChosen),
      chooseImportFile: () => answer(importFile),
      // Automatic backups "go to" a folder of their own beside the saved files.
      chooseFolder: () => answer(join(savedFilesDir, 'auto-backups')),
    }
    const host = createApiHost({ dataDir, kdf: CHEAP_KDF, allowKdfBelowFloor: true, files })
    const pendingEvents = new Set<Promise<void>>()

    // The transport main/index.ts provides with ipcMain.handle + webContents.send.
    await page.exposeFunction('__casevault_invoke', (channel: string, input: unknown) =>
      host.dispatch(channel, input),
    )
    const forward = <E extends keyof CaseVaultEvents>(event: E, payload: CaseVaultEvents[E]) => {
      const sent = firePageEvent(page, event, payload)
      pendingEvents.add(sent)
      void sent.finally(() => pendingEvents.delete(sent))
    }
    const unsubscribeLocked = host.onLocked((reason) => forward('locked', reason))
    const unsubscribeProgress = host.onProgress((progress) => forward('progress', progress))
    await page.addInitScript({ content: clientInitScript() })
    // CASEVAULT_E2E_LATE_TIMERS=1: every zero-delay timer in the page fires 300 ms late, as on a
    // loaded CI machine. PrimeVue closes lists and moves focus on such timers, so a spec that races
    // them (an Escape or a keystroke that lands before focus comes back) fails every time here
    // instead of once in twenty runs on CI.
    if (process.env.CASEVAULT_E2E_LATE_TIMERS === '1') await page.addInitScript(delayZeroTimers)

    const call = <T>(channel: string, input?: unknown) =>
      host.dispatch(channel, input) as Promise<ApiResult<T>>
    const harness: Harness = {
      dataDir,
      savedFilesDir,
      host,
      call,
      async seedVault() {
        const created = await call<{ recoveryKey: string }>('vault:create', ADMIN)
        if (!created.ok) throw new Error(`seeding the vault failed: ${created.error.code}`)
        // A vault set up properly: its recovery key was written down (else every sign-in shows it again).
        const confirmed = await call('vault:confirmRecoveryKey')
        if (!confirmed.ok) throw new Error(`confirming the recovery key failed: ${confirmed.error.code}`)
        host.lock('user')
        return created.value.recoveryKey
      },
      async addUser(user) {
        const unlocked = await call('vault:unlock', {
          username: ADMIN.username,
          passphrase: ADMIN.passphrase,
        })
        expect(unlocked.ok).toBe(true)
        const created = await call('users:create', user)
        expect(created).toMatchObject({ ok: true })
        host.lock('user')
      },
      lockFromMain(reason) {
        host.lock(reason)
      },
      cancelNextDialog() {
        cancelNext = true
      },
      chooseImportFile(path) {
        importFile = path
      },
      async screenshot(name) {
        mkdirSync(screenshotDir, { recursive: true })
        await page.screenshot({
          path: join(screenshotDir, `${name}.png`),
          fullPage: true,
          animations: 'disabled',
        })
      },
    }

    await use(harness)

    unsubscribeLocked()
    unsubscribeProgress()
    await Promise.all(pendingEvents)
    host.dispose()
    rmSync(dataDir, { recursive: true, force: true })
    // A restore keeps the replaced vault beside the data folder as <folder>.rollback-<date>.
    for (const name of readdirSync(dirname(dataDir))) {
      if (name.startsWith(`${basename(dataDir)}.rollback-`))
        rmSync(join(dirname(dataDir), name), { recursive: true, force: true })
    }
    rmSync(savedFilesDir, { recursive: true, force: true })
  },
})

export { expect }
