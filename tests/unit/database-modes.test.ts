// The database of a vault made before its files were created owner-only stays 0644 (readable by
// every account on the computer) until something tightens it (a helper's note, session 21). The
// unlock tightens it now; the test failed before.
import { describe, expect, it } from 'vitest'
import { chmodSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { ADMIN, call, testHost } from './support/temp-vault'

describe.skipIf(process.platform === 'win32')('an older vault’s database file', () => {
  it('is made owner-only when its key opens it', async () => {
    const { host, dataDir } = testHost()
    await call(host, 'vault:create', ADMIN)
    await call(host, 'vault:lock')
    const db = join(dataDir, 'casevault.db')
    chmodSync(db, 0o644)
    await call(host, 'vault:unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase })
    expect(statSync(db).mode & 0o777).toBe(0o600)
  })
})
