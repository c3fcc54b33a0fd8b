import type { AreaHandlers } from './handler'
import type { usersContract } from './contract/users'

export const usersHandlers: AreaHandlers<typeof usersContract> = {
  list: (ctx) => ctx.userService.list(ctx.session),
  create: (ctx, input) => ctx.userService.create(ctx.session, input),
  deactivate: (ctx, input) => ctx.userService.deactivate(ctx.session, input.username),
  resetPassphrase: (ctx, input) =>
    ctx.userService.resetPassphrase(ctx.session, input.username, input.newPassphrase),
}
