import type { z } from 'zod'
import type { AreaSpec, MethodSpec, OutputOf } from './contract/method'
import type { Vault } from '../core/vault/vault'
import type { VaultSession } from '../core/vault/vault-session'
import type { UserService } from '../core/users/user-service'
import type { FileAccess } from './file-access'
import type { Operations } from './operations'

/** What every handler receives. `session` throws LOCKED when read while locked. */
export interface HandlerContext {
  readonly vault: Vault
  readonly userService: UserService
  readonly session: VaultSession
  readonly files: FileAccess
  /** The built export worker, or null: full-record exports then read in main (api/export.ts). */
  readonly exportWorker: URL | string | null
  /** Long operations (backup, check…): progress to the window, and Cancel. */
  readonly operations: Operations
}

type HandlerFor<S> =
  S extends MethodSpec<infer I, unknown>
    ? (ctx: HandlerContext, input: z.output<I>) => OutputOf<S> | Promise<OutputOf<S>>
    : never

/** One handler per method of an area; the compiler rejects a missing or mistyped one. */
export type AreaHandlers<A extends AreaSpec> = { [M in keyof A]: HandlerFor<A[M]> }
