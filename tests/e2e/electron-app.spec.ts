import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { _electron as electron, expect, test } from '@playwright/test'

// The real app: built main + preload + renderer in a real Electron. Needs the Electron binary,
// which `npm install` downloads; machines without that download skip with a reason.

const root = resolve(import.meta.dirname, '../..')
const electronPackage = join(root, 'node_modules/electron')

/**
 * The binary's path, found the way the electron package does but WITHOUT require('electron'): that
 * call tries to download the binary when it is missing, which hangs on a machine with no network.
 */
function electronBinary(): string | null {
  const pathFile = join(electronPackage, 'path.txt')
  if (!existsSync(pathFile)) return null
  const binary = join(electronPackage, 'dist', readFileSync(pathFile, 'utf8').trim())
  return existsSync(binary) ? binary : null
}

const binary = electronBinary()

test.skip(
  binary === null,
  'Electron binary not installed (node_modules/electron/dist missing) — run where the internet can reach the Electron download',
)

test('the packaged-style app opens one window on the setup screen', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'casevault-electron-'))
  // Root cannot use Chromium's setuid sandbox; the renderer sandbox flags in webPreferences still apply.
  const rootArgs = process.getuid?.() === 0 ? ['--no-sandbox'] : []
  const app = await electron.launch({
    executablePath: binary!,
    args: [...rootArgs, join(root, 'out/main/index.js'), '--data', dataDir],
    cwd: root,
  })
  try {
    const page = await app.firstWindow()
    await expect(page.getByTestId('setup-organisation')).toBeVisible()
    expect(app.windows()).toHaveLength(1)
    // The preload exposed the API and nothing else of Node.
    expect(await page.evaluate(() => typeof window.casevault.vault.status)).toBe('function')
    expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined')
  } finally {
    await app.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
})
