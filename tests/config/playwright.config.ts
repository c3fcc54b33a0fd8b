import { resolve } from 'node:path'
import { defineConfig } from '@playwright/test'

const root = resolve(import.meta.dirname, '../..')
const port = Number(process.env.CASEVAULT_E2E_PORT ?? 4321)

// Chromium from the OS (apt's /usr/bin/chromium); override with CASEVAULT_CHROMIUM. Playwright's own
// browser download is never used. The flags stop Chromium phoning home on a machine with no network.
const chromiumPath = process.env.CASEVAULT_CHROMIUM ?? '/usr/bin/chromium'
const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

export default defineConfig({
  testDir: '../e2e',
  outputDir: resolve(root, 'test-results'),
  // Each test owns its vault folder, so two workers cannot step on each other.
  workers: 2,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  webServer: {
    command: `node tests/e2e/support/serve-static.mjs out/renderer ${port}`,
    cwd: root,
    url: `http://127.0.0.1:${port}/index.html`,
    // The server reads files on every request, so a reused one still serves the fresh build.
    reuseExistingServer: !process.env.CI,
    timeout: 30_000,
  },
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    trace: 'retain-on-failure',
    reducedMotion: 'reduce',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium-harness',
      testIgnore: /electron-app\.spec\.ts$/,
      use: {
        browserName: 'chromium',
        viewport: { width: 1280, height: 820 },
        launchOptions: { executablePath: chromiumPath, args: chromiumArgs },
      },
    },
    {
      name: 'electron',
      testMatch: /electron-app\.spec\.ts$/,
    },
  ],
})
