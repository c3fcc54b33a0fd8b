import type { z } from 'zod'
import type { ApiResult } from './errors'
import type { AreaSpec, MethodSpec, OutputOf } from './method'
import { vaultContract } from './vault'
import { usersContract } from './users'
import { auditContract } from './audit'
import { casesContract } from './cases'
import { backupContract } from './backup'
import { exportContract } from './export'
import { attachmentsContract, commentsContract, perpetratorsContract } from './case-parts'
import { importContract } from './import'
import { screeningContract } from './screening'
import { directoryContract } from './directory'
import { referralsContract } from './referrals'
import { dashboardContract } from './dashboard'

export * from './errors'
export * from './roles'
export * from './common'
export * from './vault'
export * from './users'
export * from './audit'
export * from './cases'
export * from './backup'
export * from './export'
export * from './case-parts'
export * from './import'
export * from './screening'
export * from './directory'
export * from './referrals'
export * from './dashboard'
export * from './dates'
export * from './progress'
export type { Access, MethodSpec } from './method'

/** The whole API: area → method → (input schema, access, result type). */
export const contract = {
  vault: vaultContract,
  users: usersContract,
  audit: auditContract,
  cases: casesContract,
  comments: commentsContract,
  attachments: attachmentsContract,
  perpetrators: perpetratorsContract,
  backup: backupContract,
  export: exportContract,
  import: importContract,
  screening: screeningContract,
  directory: directoryContract,
  referrals: referralsContract,
  dashboard: dashboardContract,
} satisfies Record<string, AreaSpec>

export type Contract = typeof contract
export type Area = keyof Contract

/** What the renderer sees on window.casevault: one async function per method. */
export type CaseVaultApi = {
  [A in Area]: {
    [M in keyof Contract[A]]: Contract[A][M] extends MethodSpec<infer I, unknown>
      ? undefined extends z.input<I>
        ? (input?: z.input<I>) => Promise<ApiResult<OutputOf<Contract[A][M]>>>
        : (input: z.input<I>) => Promise<ApiResult<OutputOf<Contract[A][M]>>>
      : never
  }
}

/** Events main pushes to the renderer (preload exposes `on<Event>` returning an unsubscribe). */
/** Why the vault locked; `page-crashed`: the window's page died and was loaded again (page-crash.ts). */
export type VaultLockedReason = 'user' | 'idle' | 'suspend' | 'screen-lock' | 'page-crashed'
