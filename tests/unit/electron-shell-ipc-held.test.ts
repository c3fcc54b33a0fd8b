// Security review of the Electron shell: the checks that HELD (each passes on the current code and
// stays as a regression test). The renderer is treated as hostile throughout: anything it can
// send, name or trigger is tried against the real main process over the faked `electron`.
// This part: IPC answers our own page only and validates everything; files go only where the user
// picked. The window, the session and the CSP are checked in electron-shell-window-held.test.ts,
// the preload in electron-shell-preload-held.test.ts.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, symlinkSync } from 'node:fs'
import { basename, join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { isTrustedRendererUrl } from '../../main/window/security'
import { LOCKED_EVENT_CHANNEL, PROGRESS_EVENT_CHANNEL } from '../../main/api/contract/channels'
import { rollbackPrefix } from '../../main/core/backup/beside-data-folder'
import { fake } from './support/fake-electron'
import { ADMIN } from './support/temp-vault'
import { survivorCase } from './support/case-fixtures'
import {
  disposeRunning,
  indexUrl,
  ipc,
  plaintextExport,
  rendererDir,
  scratch,
  startOn,
  startUnlocked,
} from './support/electron-shell'

vi.mock('electron', async () => (await import('./support/fake-electron')).fakeElectronModule)

afterAll(() => rmSync(scratch, { recursive: true, force: true }))

describe('held: IPC answers our own page only, and validates everything', () => {
  beforeEach(() => fake.reset())
  afterEach(() => {
    disposeRunning()
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
    disposeRunning()
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
    fake.dialog.savePath = join(folder, 'evil.desktop.txt')
    fake.dialog.calls.length = 0
    expect(await ipc('attachments:saveAs', { id: added.value.id })).toMatchObject({ ok: true, value: true })
    const options = fake.dialog.calls[0]!.at(-1) as { defaultPath: string }
    // Bare, and with the extension of its content (text): a .desktop file would run on a click.
    expect(options.defaultPath).toBe('evil.desktop.txt')
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
