import type { AreaSpec } from './method'

export const referralsContract = {} satisfies AreaSpec
