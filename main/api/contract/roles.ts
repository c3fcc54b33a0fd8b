import { z } from 'zod'

export const roles = ['admin', 'supervisor', 'caseworker', 'analyst'] as const
export const roleSchema = z.enum(roles)
export type Role = z.infer<typeof roleSchema>
