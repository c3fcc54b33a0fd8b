/// <reference types="vite/client" />
import type { CaseVaultClient } from '../../preload/build-api'

declare global {
  /** package.json's version, put in by Vite's `define` (electron.vite.config.ts). */
  const __APP_VERSION__: string
  interface Window {
    /** Exposed by the preload (contextBridge); in e2e tests by the harness's init script. */
    casevault: CaseVaultClient
  }
}

export {}
