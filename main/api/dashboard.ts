import type { AreaHandlers } from './handler'
import type { dashboardContract } from './contract/dashboard'

export const dashboardHandlers: AreaHandlers<typeof dashboardContract> = {}
