import { ADMIN, call, testHost } from './temp-vault'
import type { CaseDetail, CreateCaseInput } from '../../../main/api/contract'

export const CASEWORKER = {
  username: 'bilal',
  displayName: 'Bilal Haddad',
  role: 'caseworker',
  passphrase: 'bilal passphrase 1',
}
export const OTHER_CASEWORKER = {
  username: 'chen',
  displayName: 'Chen Wei',
  role: 'caseworker',
  passphrase: 'chen passphrase 12',
}
export const SUPERVISOR = {
  username: 'dana',
  displayName: 'Dana Petrova',
  role: 'supervisor',
  passphrase: 'dana passphrase 12',
}
export const ANALYST = {
  username: 'eli',
  displayName: 'Eli Navarro',
  role: 'analyst',
  passphrase: 'eli passphrase 123',
}

export function survivorCase(overrides: Partial<CreateCaseInput> = {}): CreateCaseInput {
  return {
    intakeDate: '2026-03-14',
    survivor: {
      prs_FirstName: 'Olena',
      prs_SecondName: 'Kovalenko',
      prs_Birthdate: '2001-07-02',
      prs_Gender: 'Feminine',
      prs_Citizenship: ['UA'],
    },
    survivorAliases: ['Lena'],
    victim: {
      vic_TraffickingStatus: 'PossibleVictimOfTrafficking',
      vic_TypeOfExploitation: ['ForcedLabour'],
    },
    events: [{ record: { hte_Type: 'Recruitment', hte_Date: '2025-11-01', hte_Country: 'UA' } }],
    ...overrides,
  }
}

/** A vault with an admin, two caseworkers, a supervisor and an analyst; unlocked as `as`. */
export async function staffedHost(as: string = ADMIN.username) {
  const { host, dataDir, files } = testHost()
  const { recoveryKey } = await call<{ recoveryKey: string }>(host, 'vault:create', ADMIN)
  for (const user of [CASEWORKER, OTHER_CASEWORKER, SUPERVISOR, ANALYST])
    await call(host, 'users:create', user)
  await signInAs(host, as)
  return { host, dataDir, recoveryKey, files }
}

const passphrases: Record<string, string> = Object.fromEntries(
  [ADMIN, CASEWORKER, OTHER_CASEWORKER, SUPERVISOR, ANALYST].map((user) => [user.username, user.passphrase]),
)

export async function signInAs(host: Awaited<ReturnType<typeof testHost>>['host'], username: string) {
  await call(host, 'vault:lock')
  await call(host, 'vault:unlock', { username, passphrase: passphrases[username] })
}

export async function createCase(
  host: Awaited<ReturnType<typeof testHost>>['host'],
  input: CreateCaseInput = survivorCase(),
) {
  return call<CaseDetail>(host, 'cases:create', input)
}
