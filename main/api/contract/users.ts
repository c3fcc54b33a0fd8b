import { z } from 'zod'
import { method } from './method'
import { roleSchema, type Role } from './roles'
import { displayNameSchema, passphraseSchema, usernameSchema } from './common'

export interface SessionUser {
  id: number
  username: string
  displayName: string
  role: Role
}

export interface UserSummary extends SessionUser {
  active: boolean
  createdAt: string
}

export const createUserInput = z.object({
  username: usernameSchema,
  displayName: displayNameSchema,
  role: roleSchema,
  passphrase: passphraseSchema,
})
export type CreateUserInput = z.infer<typeof createUserInput>

export const usernameInput = z.object({ username: usernameSchema })

export const resetPassphraseInput = z.object({ username: usernameSchema, newPassphrase: passphraseSchema })
export type ResetPassphraseInput = z.infer<typeof resetPassphraseInput>

/** Someone a case can be assigned to: active admins, supervisors and caseworkers. */
export interface Assignee {
  id: number
  displayName: string
  role: Role
}

/** Someone the case list can be filtered by: an assignee, or a deactivated account holding cases. */
export interface CaseHolder extends Assignee {
  active: boolean
}

export const usersContract = {
  list: method(z.undefined(), ['admin']).returns<UserSummary[]>(),
  assignable: method(z.undefined(), ['admin', 'supervisor']).returns<Assignee[]>(),
  caseHolders: method(z.undefined(), ['admin', 'supervisor']).returns<CaseHolder[]>(),
  create: method(createUserInput, ['admin']).returns<UserSummary>(),
  deactivate: method(usernameInput, ['admin']).returns<UserSummary>(),
  resetPassphrase: method(resetPassphraseInput, ['admin']).returns<void>(),
}
