import type { ImportRowError } from '../../api/contract/import'
import type { CaseCandidate } from './case-candidate'
import { rowProblem } from './import-reasons'

type Perpetrator = CaseCandidate['perpetrators'][number]

/**
 * The person behind a perpetrator id, as text that two rows share only when they give the same
 * person. The role in each case (`context`) may differ from case to case and is left out; aliases
 * are a set, whatever order a file lists them in.
 */
function personOf({ person }: Perpetrator): string {
  const record = Object.fromEntries(Object.entries(person.record).sort(([a], [b]) => (a < b ? -1 : 1)))
  return JSON.stringify([
    person.displayName,
    person.birthdate,
    person.gender,
    person.citizenship,
    [...person.aliases].sort(),
    record,
  ])
}

/**
 * One perpetrator id on several rows is one person linked to each of those cases (the writer makes
 * the person once, from the first row). A row that gives that id other details is rejected, naming
 * the row whose details would be kept: merged quietly, it would link its case to someone else.
 */
export function perpetratorKeyConflicts(
  candidates: readonly CaseCandidate[],
  fieldOf: (row: number) => string,
): ImportRowError[] {
  const first = new Map<string, { row: number; person: string }>()
  const errors: ImportRowError[] = []
  for (const candidate of candidates) {
    for (const perpetrator of candidate.perpetrators) {
      if (!perpetrator.key) continue
      const person = personOf(perpetrator)
      const seen = first.get(perpetrator.key)
      if (!seen) first.set(perpetrator.key, { row: candidate.row, person })
      else if (seen.person !== person) {
        errors.push(
          rowProblem(candidate.row, fieldOf(candidate.row), 'perpetratorDiffers', {
            key: perpetrator.key,
            row: seen.row,
          }),
        )
      }
    }
  }
  return errors
}
