import type { AreaSpec } from './method'

export const screeningContract = {} satisfies AreaSpec
