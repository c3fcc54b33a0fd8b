// Starts the real main process (start-app.ts) over the fake `electron` module the calling test
// mocks (support/fake-electron.ts), as a user starts the app: no --data, so the vault lives in its
// folder inside the per-user folder `userData`.
import * as electron from 'electron'
import { join } from 'node:path'
import { startApp, type ElectronModules } from '../../../main/window/start-app'
import { fake } from './fake-electron'
import { tempDir } from './temp-vault'

export async function startWithoutDataFlag(userData: string) {
  fake.app.userData = userData
  const running = await startApp(electron as unknown as ElectronModules, {
    mainDir: join(tempDir(), 'out', 'main'),
    argv: ['casevault'],
    env: {},
    cwd: tempDir(),
  })
  if (!running) throw new Error('app did not start')
  return running
}
