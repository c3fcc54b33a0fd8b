import type { AreaHandlers } from './handler'
import type { casesContract } from './contract/cases'
import { caseServicesFor } from './case-services'

export const casesHandlers: AreaHandlers<typeof casesContract> = {
  create: (ctx, input) => caseServicesFor(ctx.session).cases.create(input),
  update: (ctx, input) => caseServicesFor(ctx.session).cases.update(input),
  get: (ctx, input) => caseServicesFor(ctx.session).cases.get(input.id),
  list: (ctx, input) => caseServicesFor(ctx.session).cases.list(input),
  search: (ctx, input) => caseServicesFor(ctx.session).cases.search(input.query, input.limit),
  close: (ctx, input) => caseServicesFor(ctx.session).cases.close(input),
  reopen: (ctx, input) => caseServicesFor(ctx.session).cases.reopen(input),
  delete: (ctx, input) => caseServicesFor(ctx.session).cases.delete(input.id, input.reason),
}
