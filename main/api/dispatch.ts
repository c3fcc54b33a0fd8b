import type { z } from 'zod'
import { contract, type ApiErrorPayload, type ApiResult } from './contract'
import type { Access, MethodSpec } from './contract/method'
import { CaseVaultError } from '../core/errors'
import { classifySqliteError } from '../core/db/connection'
import { classifyFileError } from '../core/file-errors'
import type { HandlerContext } from './handler'
import { unstorableTextPath } from './unstorable-text'
import { vaultHandlers } from './vault'
import { usersHandlers } from './users'
import { auditHandlers } from './audit'
import { casesHandlers } from './cases'
import { backupHandlers } from './backup'
import { exportHandlers } from './export'
import { attachmentsHandlers, commentsHandlers, perpetratorsHandlers } from './case-parts'
import { importHandlers } from './import'
import { screeningHandlers } from './screening'
import { directoryHandlers } from './directory'
import { referralsHandlers } from './referrals'
import { dashboardHandlers } from './dashboard'

type AnyHandler = (ctx: HandlerContext, input: unknown) => unknown
type AnySpec = MethodSpec<z.ZodType, unknown>

const handlers = {
  vault: vaultHandlers,
  users: usersHandlers,
  audit: auditHandlers,
  cases: casesHandlers,
  comments: commentsHandlers,
  attachments: attachmentsHandlers,
  perpetrators: perpetratorsHandlers,
  backup: backupHandlers,
  export: exportHandlers,
  import: importHandlers,
  screening: screeningHandlers,
  directory: directoryHandlers,
  referrals: referralsHandlers,
  dashboard: dashboardHandlers,
}

interface Route {
  spec: AnySpec
  run: AnyHandler
}

/** Every `area:method` channel with its spec and handler, built once from the contract. */
export const routes: ReadonlyMap<string, Route> = new Map(
  Object.entries(contract).flatMap(([area, methods]) =>
    Object.entries(methods as Record<string, AnySpec>).map(([name, spec]) => {
      const areaHandlers = handlers[area as keyof typeof handlers] as unknown as Record<string, AnyHandler>
      const run = areaHandlers[name]
      if (!run) throw new Error(`No handler for ${area}:${name}`)
      return [`${area}:${name}`, { spec, run }] as const
    }),
  ),
)

function toPayload(error: unknown): ApiErrorPayload {
  if (error instanceof CaseVaultError) {
    return { code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) }
  }
  // A lock closed the database under a handler that held its session (its answer is no bug).
  if (error instanceof TypeError && error.message === 'The database connection is not open') {
    return { code: 'LOCKED', message: 'The vault was locked before this was finished.' }
  }
  const classified = classifySqliteError(error) ?? classifyFileError(error)
  if (classified) {
    // The OS's own words name the path (which can name a survivor's file): main's log only.
    if (classified.code !== 'DB_CORRUPT') console.error('[casevault] file error', error)
    return { code: classified.code, message: classified.message }
  }
  // Unknown failures are logged in main only; the renderer gets a code, not a stack or SQL.
  console.error('[casevault] internal error', error)
  return { code: 'INTERNAL', message: 'Something went wrong. Nothing was saved.' }
}

function checkAccess(access: Access, ctx: HandlerContext, channel: string): void {
  if (access === 'public') return
  const session = ctx.vault.session()
  if (!session) throw new CaseVaultError('LOCKED', 'The vault is locked.')
  // Deactivated since this session opened (by an admin in another program on the same folder:
  // the command line, a second computer on a shared drive): the session ends at its next call.
  if (!session.users.isActive(session.user.id)) {
    ctx.vault.lock('user')
    throw new CaseVaultError('USER_DEACTIVATED', 'This account has been deactivated. Ask an administrator.')
  }
  if (access === 'session' || access.includes(session.user.role)) return
  session.audit.append({ actor: session.user.username, action: 'access.denied', details: { channel } })
  throw new CaseVaultError('FORBIDDEN', 'Your role does not allow this.', { channel })
}

/**
 * The trust boundary: finds the route, checks the role, parses the input with zod, runs the
 * handler. Never throws; every failure becomes { ok: false, error }.
 */
export async function dispatch(
  ctx: HandlerContext,
  channel: string,
  input: unknown,
): Promise<ApiResult<unknown>> {
  try {
    const route = typeof channel === 'string' ? routes.get(channel) : undefined
    if (!route) throw new CaseVaultError('NOT_FOUND', 'Unknown API method.')
    checkAccess(route.spec.access, ctx, channel)
    const parsed = route.spec.input.safeParse(input)
    if (!parsed.success) {
      throw new CaseVaultError('VALIDATION', 'Some fields are not valid.', {
        issues: parsed.error.issues.slice(0, 20).map((issue) => ({
          path: issue.path.map(String).join('.'),
          code: issue.code,
          message: issue.message,
        })),
      })
    }
    const unstorable = unstorableTextPath(parsed.data)
    if (unstorable !== null) {
      throw new CaseVaultError('VALIDATION', 'Some fields are not valid.', {
        issues: [
          { path: unstorable, code: 'unstorable_text', message: 'holds a character that cannot be stored' },
        ],
      })
    }
    const value = await route.run(ctx, parsed.data)
    return { ok: true, value }
  } catch (error) {
    return { ok: false, error: toPayload(error) }
  }
}
