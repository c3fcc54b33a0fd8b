import type { AreaSpec } from './method'

export const directoryContract = {} satisfies AreaSpec
