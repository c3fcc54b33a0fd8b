import { randomInt } from 'node:crypto'
import { rmSync } from 'node:fs'
import { resolve } from 'node:path'
import { Vault } from '../core/vault/vault'
import { databasePath, headerPath, readHeader } from '../core/vault/vault-header'
import { CaseVaultError } from '../core/errors'
import { createUserService } from '../core/users/user-service'
import { fillWithSyntheticCases, MAX_TRAINING_CASES } from '../core/training/fill-vault'
import type { CaseworkCounts } from '../core/training/fill-casework'
import { displayNameSchema } from '../api/contract/common'
import type { Role } from '../api/contract/roles'
import { checkedOption, checkedUsername, type CliIo } from './io'
import { assertVaultOrEmptyFolder, newVaultPassphrase } from './vault-folder-input'

export const TRAINING_ORGANISATION = 'Training vault — synthetic data'
export const TRAINING_BANNER = 'TRAINING VAULT — all data is synthetic'

export interface TrainingValues {
  data?: string | undefined
  user?: string | undefined
  cases?: string | undefined
  seed?: string | undefined
  'display-name'?: string | undefined
}

const STAFF: { username: string; displayName: string; role: Role }[] = [
  { username: 'caseworker1', displayName: 'Caseworker One (training)', role: 'caseworker' },
  { username: 'caseworker2', displayName: 'Caseworker Two (training)', role: 'caseworker' },
  { username: 'caseworker3', displayName: 'Caseworker Three (training)', role: 'caseworker' },
  { username: 'supervisor1', displayName: 'Supervisor (training)', role: 'supervisor' },
]

function wholeNumber(value: string, flag: string, min: number, max: number): number {
  const number = /^\d{1,10}$/.test(value) ? Number(value) : NaN
  if (!(number >= min && number <= max))
    throw new Error(`--${flag} must be a whole number from ${min} to ${max}`)
  return number
}

function present(value: string | undefined, flag: string): string {
  if (!value) throw new Error(`missing --${flag}`)
  return value
}

/** What the generator wrote besides cases, one line per screen it fills. */
export function caseworkLines(counts: CaseworkCounts | null): string[] {
  if (!counts) return []
  const { directory, screenings, referrals } = counts
  const total = Object.values(referrals).reduce((sum, n) => sum + n, 0)
  return [
    `directory: ${directory.organisations} organisations (${directory.inactiveOrganisations} inactive), ` +
      `${directory.services} services (${directory.inactiveServices} inactive)`,
    `screenings: ${screenings.linked} linked to cases (${screenings.casesScreenedRepeatedly} cases screened repeatedly), ` +
      `${screenings.walkIns} walk-ins without a case`,
    `referrals: ${total} (${Object.entries(referrals)
      .map(([status, n]) => `${status} ${n}`)
      .join(', ')}; ${counts.referralsFromScreenings} from screenings)`,
    `support plans: ${counts.supportPlans} (${counts.supportPlansFromReferrals} from referrals)`,
  ]
}

/** The staff accounts, renamed if the admin already took one of the names. */
function staffFor(admin: string) {
  return STAFF.map((member) =>
    member.username.toLowerCase() === admin.toLowerCase()
      ? { ...member, username: `training-${member.username}` }
      : member,
  )
}

/**
 * `training`: a NEW vault (real, calibrated Argon2) filled with synthetic cases, for teaching and
 * demos. Extra staff share the admin's passphrase — acceptable only because nothing in it is real —
 * and the passphrase is never printed.
 */
export async function training(values: TrainingValues, io: CliIo): Promise<number> {
  const dataDir = resolve(present(values.data, 'data'))
  const username = checkedUsername(present(values.user, 'user'))
  const displayName = checkedOption(
    values['display-name'] ?? username,
    'display-name',
    'from 1 to 120 characters, without line breaks or invisible characters',
    (value) => displayNameSchema.safeParse(value),
  )
  const count = wholeNumber(present(values.cases, 'cases'), 'cases', 1, MAX_TRAINING_CASES)
  const seed =
    values.seed === undefined ? randomInt(1, 2 ** 31 - 1) : wholeNumber(values.seed, 'seed', 0, 2 ** 31 - 1)
  const vault = new Vault({ dataDir })
  // Before the passphrase and Argon2: an existing vault is never touched.
  if (vault.exists()) throw new CaseVaultError('VAULT_EXISTS', 'A vault already exists in this folder.')
  assertVaultOrEmptyFolder(dataDir, 'a new or empty folder')
  const passphrase = await newVaultPassphrase(io)

  const started = performance.now()
  const { recoveryKey, session } = await vault.create({
    organisation: TRAINING_ORGANISATION,
    username,
    displayName,
    passphrase,
  })
  const staff = staffFor(username)
  let filled
  try {
    const users = createUserService(vault)
    const created = []
    for (const member of staff) created.push(await users.create(session, { ...member, passphrase }))
    const step = Math.max(1000, Math.ceil(count / 10 / 1000) * 1000)
    filled = fillWithSyntheticCases(session, count, {
      seed,
      assignees: created.filter((user) => user.role === 'caseworker').map((user) => user.id),
      onProgress: (done, total) => {
        if (total >= 10_000 && (done % step === 0 || done === total))
          io.err(`training: ${done}/${total} cases`)
      },
    })
  } catch (error) {
    vault.lock('user')
    // This command made the vault files a moment ago: a half-filled training vault is removed.
    for (const path of [headerPath(dataDir), ...['', '-wal', '-shm'].map((s) => databasePath(dataDir) + s)])
      rmSync(path, { force: true })
    throw error
  }
  vault.lock('user')
  const seconds = (performance.now() - started) / 1000
  const { kdf } = readHeader(dataDir)

  const names = (role: Role) =>
    staff.filter((member) => member.role === role).map((member) => member.username)
  io.out(`Created training vault in ${dataDir} for ${username} (admin) in ${seconds.toFixed(1)} s`)
  io.out(`Argon2id: m=${kdf.memoryKiB} KiB, t=${kdf.iterations}, p=${kdf.parallelism}`)
  io.out(
    `Staff accounts: ${names('caseworker').join(', ')} (caseworker), ${names('supervisor').join(', ')} (supervisor)` +
      ` — each signs in with the same passphrase as ${username}.`,
  )
  io.out(`seed: ${seed} (same seed, same day: same cases)`)
  io.out(`Recovery key: ${recoveryKey}`)
  io.out(
    'Write the recovery key down and keep it offline: it is the only way in if every passphrase is lost.',
  )
  io.out(`cases: ${filled.cases}`)
  for (const line of caseworkLines(filled.casework)) io.out(line)
  io.out(TRAINING_BANNER)
  return 0
}
