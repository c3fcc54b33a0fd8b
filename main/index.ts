// Electron entry point: wires the real `electron` module into startApp (main/window/start-app.ts),
// which holds the lifecycle and is unit-tested with a faked `electron`.
import { dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import { app, BrowserWindow, dialog, ipcMain, powerMonitor, session } from 'electron'
import { startApp } from './window/start-app'

startApp(
  { app, BrowserWindow, dialog, ipcMain, powerMonitor, session },
  {
    mainDir: dirname(fileURLToPath(import.meta.url)),
    argv: process.argv,
    env: process.env,
    cwd: process.cwd(),
  },
).catch((error: unknown) => {
  // A half-started app (no window, or an API without its hardening) must not stay running.
  console.error('CaseVault failed to start:', error)
  app.exit(1)
})
