import type { z } from 'zod'
import type { Role } from './roles'

/**
 * Who may call a method. 'public' works while the vault is locked (status, unlock…);
 * 'session' needs any unlocked user; a role list is checked in main before the handler runs.
 */
export type Access = 'public' | 'session' | readonly Role[]

export interface MethodSpec<I extends z.ZodType, O> {
  readonly input: I
  readonly access: Access
  /** Phantom: carries the result type for the derived client and handler types. */
  readonly output?: O
}

export function method<I extends z.ZodType>(input: I, access: Access) {
  return {
    returns<O>(): MethodSpec<I, O> {
      return { input, access }
    },
  }
}

export type AreaSpec = Record<string, MethodSpec<z.ZodType, unknown>>

export type OutputOf<M> = M extends MethodSpec<z.ZodType, infer O> ? O : never
