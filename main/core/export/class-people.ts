// Counting the people in a class of released rows, not its rows (k-anonymity.ts).

/**
 * The survivor a row is about. k-anonymity promises that each person hides among k people: a
 * survivor registered twice made a class of 5 rows from 4 people, released as if 5. With it, a
 * class counts its distinct people; without it, its rows.
 */
export type PersonOf<R> = (row: R) => number | undefined

export function peoplePerClass<R>(
  rows: readonly R[],
  key: (index: number) => number | string,
  personOf: PersonOf<R>,
): Map<number | string, number> {
  const members = new Map<number | string, R[]>()
  rows.forEach((row, index) => {
    const class_ = key(index)
    const list = members.get(class_)
    if (list) list.push(row)
    else members.set(class_, [row])
  })
  return new Map([...members].map(([class_, list]) => [class_, countPeople(list, personOf)]))
}

/** Distinct people among rows; a row whose person is not known counts as one of its own. */
export function countPeople<R>(rows: readonly R[], personOf: PersonOf<R> | undefined): number {
  if (!personOf) return rows.length
  const known = new Set<number>()
  let unknown = 0
  for (const row of rows) {
    const person = personOf(row)
    if (person === undefined) unknown += 1
    else known.add(person)
  }
  return known.size + unknown
}
