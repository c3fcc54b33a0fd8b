import type { AreaHandlers } from './handler'
import type { screeningContract } from './contract/screening'

export const screeningHandlers: AreaHandlers<typeof screeningContract> = {}
