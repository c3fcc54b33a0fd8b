import type { AreaHandlers } from './handler'
import type { referralsContract } from './contract/referrals'

export const referralsHandlers: AreaHandlers<typeof referralsContract> = {}
