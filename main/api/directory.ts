import type { AreaHandlers } from './handler'
import type { directoryContract } from './contract/directory'

export const directoryHandlers: AreaHandlers<typeof directoryContract> = {}
