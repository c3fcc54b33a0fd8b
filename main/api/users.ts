import type { AreaHandlers } from './handler'
import type { usersContract } from './contract/users'

export const usersHandlers: AreaHandlers<typeof usersContract> = {
  list: (ctx) => ctx.userService.list(ctx.session),
  // Names and roles only: supervisors assign cases but do not administer accounts.
  assignable: (ctx) =>
    ctx.userService
      .list(ctx.session)
      .filter((user) => user.active && user.role !== 'analyst')
      .map(({ id, displayName, role }) => ({ id, displayName, role })),
  // Names, roles and whether active only, as assignable: the case list's "Assigned to" filter.
  caseHolders: (ctx) => ctx.userService.caseHolders(ctx.session),
  create: (ctx, input) => ctx.userService.create(ctx.session, input),
  deactivate: (ctx, input) => ctx.userService.deactivate(ctx.session, input.username),
  resetPassphrase: (ctx, input) =>
    ctx.userService.resetPassphrase(ctx.session, input.username, input.newPassphrase),
}
