// A second user, a vault made through the API, and the refusal code of a vault call: shared by the
// vault security checks (vault-slots-held.test.ts, vault-sessions-held.test.ts).
import { ADMIN, call, tempDir, testHost } from './temp-vault'
import { CaseVaultError } from '../../../main/core/errors'

export const BILAL = {
  username: 'bilal',
  displayName: 'Bilal Haddad',
  role: 'caseworker',
  passphrase: 'bilal passphrase 1',
}

export async function adminHost(dataDir = tempDir()) {
  const { host } = testHost(dataDir)
  await call(host, 'vault:create', ADMIN)
  return { host, dataDir }
}

export async function codeOf(promise: Promise<unknown>): Promise<string> {
  return promise.then(
    () => 'OK',
    (error: unknown) => (error instanceof CaseVaultError ? error.code : `RAW:${String(error)}`),
  )
}

export const wiped = (key: Buffer) => key.every((byte) => byte === 0)
