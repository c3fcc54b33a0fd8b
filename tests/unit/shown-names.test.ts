// Names shown to people (a staff member's display name, the organisation's name) refuse control
// characters and bidi overrides. Each test failed on the code before its fix.
import { describe, expect, it } from 'vitest'
import { ADMIN, call, errorCode, tempDir, testHost } from './support/temp-vault'
import { validationMessage } from '../../renderer/src/forms/validation-message'
import { createUserInput } from '../../main/api/contract'

const OVERRIDE = '\u202E'

describe('display names and the organisation name', () => {
  // A display name "Bilal\u202E" reverses whatever follows it on the same line: on the audit
  // screen an actor column reading "Bilal" then shows the next words backwards, and a name can
  // be made to look like another person's. A line break in a name splits CSV and log lines.
  it('refuses a new user whose display name carries a bidi override or a line break, and writes nothing', async () => {
    const { host } = testHost()
    await call(host, 'vault:create', ADMIN)
    for (const displayName of [`Bilal${OVERRIDE}Haddad`, 'Bilal\nHaddad', 'Bilal\u2066Haddad']) {
      expect(
        await errorCode(host, 'users:create', {
          username: 'bilal',
          displayName,
          role: 'caseworker',
          passphrase: 'harbour lantern quietly 58',
        }),
      ).toBe('VALIDATION')
    }
    const users = await call<{ username: string }[]>(host, 'users:list')
    expect(users.map((user) => user.username)).toEqual([ADMIN.username])
  })

  it('keeps names in right-to-left scripts, with their direction marks', async () => {
    const { host } = testHost()
    await call(host, 'vault:create', ADMIN)
    const user = await call<{ displayName: string }>(host, 'users:create', {
      username: 'layla',
      displayName: 'ليلى\u200F حداد',
      role: 'caseworker',
      passphrase: 'harbour lantern quietly 58',
    })
    expect(user.displayName).toBe('ليلى\u200F حداد')
  })

  it('refuses an organisation name with a bidi override when the vault is made', async () => {
    const { host } = testHost(tempDir())
    expect(await errorCode(host, 'vault:create', { ...ADMIN, organisation: `Safe${OVERRIDE} Harbour` })).toBe(
      'VALIDATION',
    )
  })

  it('says in the form what to remove, not "not valid"', () => {
    const parsed = createUserInput.safeParse({
      username: 'bilal',
      displayName: `Bilal${OVERRIDE}`,
      role: 'caseworker',
      passphrase: 'harbour lantern quietly 58',
    })
    expect(parsed.success).toBe(false)
    const issue = parsed.error!.issues.find((each) => each.path[0] === 'displayName')!
    expect(validationMessage(issue, `Bilal${OVERRIDE}`, (key) => key)).toBe('validation.hiddenCharacters')
  })
})
