import type { AreaHandlers } from './handler'
import type { dashboardContract } from './contract/dashboard'
import { createDashboardService } from '../core/dashboard/dashboard-service'

export const dashboardHandlers: AreaHandlers<typeof dashboardContract> = {
  summary: (ctx) => createDashboardService(ctx.session).summary(),
}
