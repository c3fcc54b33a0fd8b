// Electron entry point: wires the real `electron` module into startApp (main/window/start-app.ts),
// which holds the lifecycle and is unit-tested with a faked `electron`.
import { dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import { app, BrowserWindow, dialog, ipcMain, powerMonitor, session } from 'electron'
import { startApp } from './window/start-app'
import { startFailureText } from './window/start-failure'

startApp(
  { app, BrowserWindow, dialog, ipcMain, powerMonitor, session },
  {
    mainDir: dirname(fileURLToPath(import.meta.url)),
    argv: process.argv,
    env: process.env,
    cwd: process.cwd(),
  },
).catch((error: unknown) => {
  // A half-started app (no window, or an API without its hardening) must not stay running; and it
  // says why, in a box (safe before 'ready'), since nobody reads stderr after a double-click.
  console.error('CaseVault failed to start:', error)
  const { title, content } = startFailureText(error)
  try {
    dialog.showErrorBox(title, content)
  } finally {
    app.exit(1)
  }
})
