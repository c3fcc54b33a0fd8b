// A JSON case's "referrals" and "supportPlans" (as the full HTCDS JSON export writes them) → drafts
// for casework-check.ts. A file from before referrals were exported has neither: nothing to draft.
import type { CaseworkDraft, CaseworkItem } from './casework-check'
import { reason, type ImportReason } from './import-reasons'

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** Names a field by its JSON path within the case: `referrals.0.consents.1.givenOn`. */
const pathOf =
  (base: string) =>
  (path: string): string =>
    path ? `${base}.${path}` : base

export function jsonCasework(
  source: Record<string, unknown>,
  fail: (field: string, cause: ImportReason) => void,
): CaseworkDraft | undefined {
  if (source.referrals === undefined && source.supportPlans === undefined) return undefined
  const list = (value: unknown, field: string): unknown[] => {
    if (value === undefined || value === null) return []
    if (Array.isArray(value)) return value
    fail(field, reason('expectedList'))
    return []
  }
  const items = (value: unknown, base: string): CaseworkItem[] =>
    list(value, base).map((item, index) => ({ value: item, at: pathOf(`${base}.${index}`) }))
  return {
    referrals: list(source.referrals, 'referrals').map((value, index) => {
      const base = `referrals.${index}`
      const entry = isObject(value) ? value : {}
      return {
        value,
        at: pathOf(base),
        consents: items(entry.consents, `${base}.consents`),
        history: items(entry.history, `${base}.history`),
      }
    }),
    supportPlans: items(source.supportPlans, 'supportPlans'),
  }
}
