// A recording fake of the slice of `electron` that main uses. Every fake keeps what main asked of
// it, so tests read back the exact window options, session handlers and IPC channels installed.
export type Listener = (...args: unknown[]) => unknown
export class Emitter {
  listeners = new Map<string, Listener[]>()
  on(name: string, listener: Listener) {
    this.listeners.set(name, [...(this.listeners.get(name) ?? []), listener])
    return this
  }
  once(name: string, listener: Listener) {
    return this.on(name, listener)
  }
  emit(name: string, ...args: unknown[]) {
    for (const listener of this.listeners.get(name) ?? []) listener(...args)
  }
}

class FakeWebContents extends Emitter {
  windowOpenHandler: Listener | null = null
  sent: Array<[string, unknown]> = []
  setWindowOpenHandler(handler: Listener) {
    this.windowOpenHandler = handler
  }
  send(channel: string, payload: unknown) {
    this.sent.push([channel, payload])
  }
}

export class FakeBrowserWindow extends Emitter {
  static instances: FakeBrowserWindow[] = []
  webContents = new FakeWebContents()
  loadedFile: string | null = null
  loadedUrl: string | null = null
  constructor(public options: Record<string, unknown>) {
    super()
    FakeBrowserWindow.instances.push(this)
    // Electron emits this for every new webContents, before the page loads.
    app.emit('web-contents-created', {}, this.webContents)
  }
  loadFile(file: string) {
    this.loadedFile = file
    return Promise.resolve()
  }
  loadURL(url: string) {
    this.loadedUrl = url
    return Promise.resolve()
  }
  show() {}
  destroyed = false
  isDestroyed() {
    return this.destroyed
  }
  destroy() {
    this.destroyed = true
  }
  isMinimized() {
    return false
  }
  restore() {}
  focus() {}
}

export const app = Object.assign(new Emitter(), {
  isPackaged: false,
  hasLock: true,
  userData: '',
  quit: () => {},
  exit: () => {},
  enableSandbox: () => {},
  requestSingleInstanceLock: () => app.hasLock,
  whenReady: () => Promise.resolve(),
  getPath: (name: string) => (name === 'userData' ? app.userData : `/nonexistent/${name}`),
})
export const session = {
  defaultSession: {
    headersListener: null as Listener | null,
    requestListener: null as Listener | null,
    permissionRequest: null as Listener | null,
    permissionCheck: null as Listener | null,
    devicePermission: null as Listener | null,
    webRequest: {
      onHeadersReceived(listener: Listener) {
        session.defaultSession.headersListener = listener
      },
      onBeforeRequest(listener: Listener) {
        session.defaultSession.requestListener = listener
      },
    },
    setPermissionRequestHandler(handler: Listener) {
      session.defaultSession.permissionRequest = handler
    },
    setPermissionCheckHandler(handler: Listener) {
      session.defaultSession.permissionCheck = handler
    },
    setDevicePermissionHandler(handler: Listener) {
      session.defaultSession.devicePermission = handler
    },
    spellCheckerEnabled: true,
    spellCheckerLanguages: null as string[] | null,
    setSpellCheckerEnabled(enabled: boolean) {
      session.defaultSession.spellCheckerEnabled = enabled
    },
    setSpellCheckerLanguages(languages: string[]) {
      session.defaultSession.spellCheckerLanguages = languages
    },
    sessionListeners: new Map<string, Listener[]>(),
    on(name: string, listener: Listener) {
      const listeners = session.defaultSession.sessionListeners
      listeners.set(name, [...(listeners.get(name) ?? []), listener])
      return session.defaultSession
    },
  },
}

export const ipcMain = {
  handlers: new Map<string, Listener>(),
  handle: (c: string, h: Listener) => ipcMain.handlers.set(c, h),
}

export const powerMonitor = Object.assign(new Emitter(), { getSystemIdleTime: () => 42 })

/** Back to a fresh, unpackaged app that holds the single-instance lock. */
const DEFAULT_SAVE_PATH = '/tmp/casevault-fake-dialog/picked.pdf'

export function resetFakeElectron(): void {
  dialog.savePath = DEFAULT_SAVE_PATH
  dialog.openPaths = []
  dialog.messageBoxAnswer = 1
  FakeBrowserWindow.instances = []
  app.listeners.clear()
  app.isPackaged = false
  app.hasLock = true
  powerMonitor.listeners.clear()
  ipcMain.handlers.clear()
  Object.assign(session.defaultSession, {
    headersListener: null,
    requestListener: null,
    permissionRequest: null,
    permissionCheck: null,
    devicePermission: null,
    spellCheckerEnabled: true,
    spellCheckerLanguages: null,
    sessionListeners: new Map(),
  })
}

/**
 * Records file dialogs and answers as if the user picked `savePath` (a path under /tmp unless a
 * test sets one) or `openPaths` (none: cancelled).
 */
export const dialog = {
  calls: [] as unknown[][],
  savePath: DEFAULT_SAVE_PATH,
  openPaths: [] as string[],
  async showSaveDialog(...args: unknown[]) {
    dialog.calls.push(args)
    return { canceled: false, filePath: dialog.savePath }
  },
  async showOpenDialog(...args: unknown[]) {
    dialog.calls.push(args)
    return { canceled: dialog.openPaths.length === 0, filePaths: dialog.openPaths }
  },
  /** The leave question's answer: 0 leaves, 1 stays. */
  messageBoxAnswer: 1,
  showMessageBoxSync(...args: unknown[]) {
    dialog.calls.push(args)
    return dialog.messageBoxAnswer
  },
  async showMessageBox(...args: unknown[]) {
    dialog.calls.push(args)
    return { response: dialog.messageBoxAnswer, checkboxChecked: false }
  },
}

/** What `vi.mock('electron', …)` returns. */
export const fakeElectronModule = {
  app,
  BrowserWindow: FakeBrowserWindow,
  session,
  ipcMain,
  powerMonitor,
  dialog,
}
export const fake = { ...fakeElectronModule, reset: resetFakeElectron }
