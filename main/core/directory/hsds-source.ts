import type { DirectoryImportError, HsdsFormat } from '../../api/contract/directory'
import type { HsdsObject } from './hsds-json'

/** One HSDS object and where the user finds it: `services` item 3, or organizations.csv row 4. */
export interface Positioned {
  table: string
  row: number
  object: HsdsObject
}

/** What an HSDS file holds, whatever its form, before any check. */
export interface HsdsSource {
  format: HsdsFormat
  organizations: Positioned[]
  services: Positioned[]
  /** Problems found while reading (a CSV that cannot be read to its end…): the import then writes nothing. */
  errors: DirectoryImportError[]
  notes: string[]
}

export interface PickedFile {
  name: string
  content: Uint8Array
}

/** Far more than any partner network's directory; a bigger file is refused whole. */
export const MAX_HSDS_OBJECTS = 20_000
