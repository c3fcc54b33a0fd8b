/// <reference types="vite/client" />
import type { CaseVaultClient } from '../../preload/build-api'

declare global {
  interface Window {
    /** Exposed by the preload (contextBridge); in e2e tests by the harness's init script. */
    casevault: CaseVaultClient
  }
}

export {}
