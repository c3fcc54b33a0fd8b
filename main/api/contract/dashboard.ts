import type { AreaSpec } from './method'

export const dashboardContract = {} satisfies AreaSpec
