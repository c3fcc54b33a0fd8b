import { createHash } from 'node:crypto'
import { codeLabel } from '../../api/contract/htcds'

/**
 * A UUID derived from names (SHA-256, RFC 9562 version 8 layout). HSDS wants a UUID on every
 * object; an organisation's phone or address has no row of its own here, so its id is derived
 * from the owner's id: the same directory exported twice gives the same ids, and partners who
 * re-import it update instead of duplicating.
 */
export function stableUuid(...parts: string[]): string {
  const hex = createHash('sha256')
    .update(JSON.stringify(['casevault-hsds', ...parts]))
    .digest('hex')
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16)
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
export const isUuid = (value: unknown): value is string => typeof value === 'string' && UUID.test(value)

/**
 * HTCDS codes travel as HSDS attributes with taxonomy terms: HSDS's conformance rules say to use
 * its own terms (attribute → taxonomy_term) where they suffice, before any extra property.
 */
export interface HtcdsTaxonomy {
  /** The HTCDS code list. */
  list: 'org_Type' | 'spl_Type'
  id: string
  name: string
  description: string
}

export const HTCDS_TAXONOMIES = {
  org_Type: {
    list: 'org_Type',
    id: stableUuid('taxonomy', 'org_Type'),
    name: 'HTCDS org_Type',
    description:
      'Organisation types of the Human Trafficking Case Data Standard (HTCDS) v2.0, code list org_Type.',
  },
  spl_Type: {
    list: 'spl_Type',
    id: stableUuid('taxonomy', 'spl_Type'),
    name: 'HTCDS spl_Type',
    description:
      'Support plan types of the Human Trafficking Case Data Standard (HTCDS) v2.0, code list spl_Type.',
  },
} as const satisfies Record<string, HtcdsTaxonomy>

export const HTCDS_TAXONOMY_VERSION = '2.0'

/** The taxonomy_term for one HTCDS code (same id in every export of every CaseVault). */
export function htcdsTerm(taxonomy: HtcdsTaxonomy, code: string) {
  return {
    id: stableUuid('taxonomy_term', taxonomy.list, code),
    code,
    name: codeLabel(taxonomy.list, code) ?? code,
    description: `${taxonomy.name}: ${codeLabel(taxonomy.list, code) ?? code}`,
    taxonomy: taxonomy.name,
    taxonomy_id: taxonomy.id,
  }
}

/**
 * The one property HSDS has no term for: whether an organisation is active (services have a
 * `status`, organisations do not). Carried as an additional property, as HSDS allows.
 */
export const ORGANISATION_ACTIVE_EXTENSION = 'casevault_active'
