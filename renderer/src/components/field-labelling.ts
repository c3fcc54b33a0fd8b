/**
 * What every labelled field takes (FormField, and the fields built on it): its id (also the
 * input's id and test id), its label, and an optional hint and error shown under it.
 */
export interface FieldLabelling {
  id: string
  label: string
  error?: string | undefined
  hint?: string | undefined
}
