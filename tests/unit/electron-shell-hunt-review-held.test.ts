// A reviewing helper's hunt in the Electron shell: the checks that HELD (each passed on the code of
// session 21 and stays as a regression test). Only `electron` is faked; the API host behind it is real.
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { fake } from './support/fake-electron'
import { disposeRunning, ipc, rendererDir, scratch, startOn } from './support/electron-shell'
import { isAllowedRequest, isTrustedRendererUrl } from '../../main/window/security'

vi.mock('electron', async () => (await import('./support/fake-electron')).fakeElectronModule)

afterAll(() => rmSync(scratch, { recursive: true, force: true }))

describe('held: the Electron shell (hunt)', () => {
  beforeEach(() => fake.reset())
  afterEach(() => {
    disposeRunning()
    vi.restoreAllMocks()
  })

  it('a second start on the same folder brings the minimised window back, and says nothing more', async () => {
    const dataDir = mkdtempSync(join(scratch, 'data-'))
    const { window } = await startOn(dataDir, true)
    vi.spyOn(window, 'isMinimized').mockReturnValue(true)
    const restore = vi.spyOn(window, 'restore')
    const focus = vi.spyOn(window, 'focus')
    const calls = fake.dialog.calls.length
    fake.app.emit('second-instance', {}, ['casevault', '--data', dataDir], scratch, {})
    expect(restore).toHaveBeenCalledOnce()
    expect(focus).toHaveBeenCalledOnce()
    expect(fake.dialog.calls.length).toBe(calls)
  })

  it('a new portable data folder (and its missing parents) is created owner-only', async () => {
    const dataDir = join(scratch, 'stick', 'CaseVault', 'data')
    await startOn(dataDir, true)
    expect(existsSync(dataDir)).toBe(true)
    expect(statSync(dataDir).mode & 0o777).toBe(0o700)
    expect(statSync(join(scratch, 'stick')).mode & 0o777).toBe(0o700)
  })

  it('an untrusted sender gets FORBIDDEN and the handler never runs, not even for vault:create', async () => {
    const dataDir = mkdtempSync(join(scratch, 'data-'))
    await startOn(dataDir, true)
    const other = { senderFrame: { url: pathToFileURL(join(rendererDir, 'other.html')).href } }
    const answer = await ipc(
      'vault:create',
      { organisation: 'X', username: 'mallory', displayName: 'M', passphrase: 'x'.repeat(30) },
      other,
    )
    expect(answer).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(existsSync(join(dataDir, 'vault.json'))).toBe(false)
  })

  it('a file URL cannot climb out of the renderer folder with dot segments, encoded or not', () => {
    const base = pathToFileURL(rendererDir).href
    for (const url of [
      `${base}/%2e%2e/main/index.js`,
      `${base}/assets/%2E%2E/%2E%2E/main/index.js`,
      `${base}/assets/..%2f..%2fmain%2findex.js`,
      `${base}/../renderer-evil/index.html`,
      `${base}-evil/index.html`,
    ])
      expect(isAllowedRequest(url, rendererDir), url).toBe(false)
    expect(isAllowedRequest(`${base}/assets/index-abc.js`, rendererDir)).toBe(true)
  })

  it('trusts our index page by its exact file URL only: not a sibling, a prefix or a dot-segment twin', () => {
    const location = { rendererDir }
    const index = pathToFileURL(join(rendererDir, 'index.html')).href
    expect(isTrustedRendererUrl(`${index}#/app/cases`, location)).toBe(true)
    for (const url of [
      pathToFileURL(join(rendererDir, 'index.html.evil')).href,
      pathToFileURL(join(rendererDir, 'assets', 'index.html')).href,
      `${pathToFileURL(rendererDir).href}-evil/index.html`,
      'file://remote-host' + new URL(index).pathname,
      'data:text/html,<script>1</script>',
      'about:blank',
    ])
      expect(isTrustedRendererUrl(url, location), url).toBe(false)
  })
})
