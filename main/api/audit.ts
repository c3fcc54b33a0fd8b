import type { AreaHandlers } from './handler'
import { historyTargets } from '../core/referrals/referral-audit-target'
import type { auditContract } from './contract/audit'

export const auditHandlers: AreaHandlers<typeof auditContract> = {
  list: (ctx, input) =>
    ctx.session.audit.list(
      input.limit,
      input.beforeId,
      input.target === undefined ? undefined : historyTargets(ctx.session.db, input.target),
    ),
  verify: (ctx) => {
    const result = ctx.session.audit.verify()
    ctx.session.audit.append({
      actor: ctx.session.user.username,
      action: 'audit.verified',
      details: { ok: result.ok, checkedRows: result.checkedRows },
    })
    return result
  },
}
