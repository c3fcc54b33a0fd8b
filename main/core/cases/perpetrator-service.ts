import { CaseVaultError, invalidField } from '../errors'
import { latestIntakeDate } from '../../api/contract/dates'
import { wipeWriteAheadLog } from '../db/connection'
import type { VaultSession } from '../vault/vault-session'
import type { CasePerpetrator, PerpetratorMatch } from '../../api/contract/case-parts'
import { personDisplayName, validateSections } from './case-record'
import { createCaseRepository, type PersonFields } from './case-repository'
import { toFtsQuery } from './case-search'
import { foldForSearch } from './search-fold'

interface PerpetratorRow {
  person_id: number
  display_name: string
  record: string
  aliases: string
  context: string
  other_case_count: number
  updated_at: string
}

function rowToPerpetrator(row: PerpetratorRow): CasePerpetrator {
  return {
    personId: row.person_id,
    displayName: row.display_name,
    person: JSON.parse(row.record) as Record<string, unknown>,
    aliases: JSON.parse(row.aliases) as string[],
    context: JSON.parse(row.context) as Record<string, unknown>,
    otherCaseCount: row.other_case_count,
    updatedAt: row.updated_at,
  }
}

export interface PerpetratorInput {
  person: Record<string, unknown>
  aliases: string[]
  context: Record<string, unknown>
}

/**
 * Validates a perpetrator's person (prs_) and case context (per_) records. Throws VALIDATION.
 * `latestDay` (a form's save): a birthdate may not lie after it; "2099" was saved and shown on
 * every case linked to that person.
 */
export function perpetratorFields(
  input: PerpetratorInput,
  latestDay?: string,
): {
  person: PersonFields
  context: Record<string, unknown>
} {
  const [person = {}, context = {}] = validateSections([
    { path: 'person', section: 'person', record: input.person },
    { path: 'context', section: 'perpetrator', record: input.context },
  ])
  const birthdate = person['prs_Birthdate']
  if (latestDay && typeof birthdate === 'string' && birthdate > latestDay)
    throw invalidField('person.prs_Birthdate', 'in the future', 'date_in_future')
  const displayName = personDisplayName(person, input.aliases) ?? UNNAMED
  return {
    person: {
      kind: 'perpetrator',
      displayName,
      birthdate: null,
      gender: null,
      citizenship: null,
      aliases: input.aliases,
      record: person,
    },
    context,
  }
}

/**
 * The name a perpetrator nobody could name is stored under (HTCDS allows him: "the driver"). The
 * finder never offers one: each is a different man, and linking one merged two strangers.
 */
const UNNAMED = 'Unknown'
// Separators and brackets at either end of a typed word ("Zarubin, Viktor"); anything else is
// matched as written (an apostrophe, a hyphen, even a % or _).
const EDGE_PUNCTUATION = /^[,;:.!?"“”«»()[\]{}]+|[,;:.!?"“”«»()[\]{}]+$/gu

/** Perpetrators are persons linked to cases (many-to-many) with a per-case context (per_ fields). */
export function createPerpetratorService(session: VaultSession, reindex: (caseId: number) => void) {
  const repository = createCaseRepository(session.db)
  const select = `SELECT p.id AS person_id, p.display_name, p.record, p.aliases, cp.context, p.updated_at,
      (SELECT count(*) FROM case_perpetrators o WHERE o.person_id = p.id AND o.case_id <> cp.case_id) AS other_case_count
    FROM case_perpetrators cp JOIN persons p ON p.id = cp.person_id`
  const list = session.db.prepare<[number], PerpetratorRow>(
    `${select} WHERE cp.case_id = ? ORDER BY p.display_name`,
  )
  const one = session.db.prepare<[number, number], PerpetratorRow>(
    `${select} WHERE cp.case_id = ? AND cp.person_id = ?`,
  )
  const link = session.db.prepare(
    'INSERT INTO case_perpetrators (case_id, person_id, context) VALUES (?, ?, ?)',
  )
  const setContext = session.db.prepare(
    'UPDATE case_perpetrators SET context = ? WHERE case_id = ? AND person_id = ?',
  )
  const unlink = session.db.prepare('DELETE FROM case_perpetrators WHERE case_id = ? AND person_id = ?')
  const casesOfPerson = session.db
    .prepare<[number], number>('SELECT case_id FROM case_perpetrators WHERE person_id = ? ORDER BY case_id')
    .pluck()
  const isPerpetrator = session.db.prepare<[number], { id: number }>(
    "SELECT id FROM persons WHERE id = ? AND kind = 'perpetrator'",
  )
  const linkCount = session.db.prepare<[number], { n: number }>(
    'SELECT count(*) AS n FROM case_perpetrators WHERE person_id = ?',
  )
  const deletePerson = session.db.prepare('DELETE FROM persons WHERE id = ?')
  // Names are compared folded (search-fold.ts), aliases too, one by one (not their JSON text, where
  // a quote is escaped): "Mikhail Sokolov" recorded with ё or an accent, or only under an alias
  // such as Misha "Boss", is still offered before a second record is made for him.
  session.db.function('search_fold', { deterministic: true }, (text: unknown) =>
    typeof text === 'string' ? foldForSearch(text) : text,
  )
  // Every word typed must be in the name or an alias (`?` 1: a JSON list of LIKE patterns), so
  // "Zarubin Viktor" and "Viktor Zarubin" find "Viktor Ivanovich Zarubin", as the case search
  // does: the whole text as one substring found nobody, and he was recorded a second time. Names
  // whose words begin with the typed words come first (`?` 2: one pattern per word against the
  // names with every line break and hyphen made a space): "li na" offers Li Na before Alina,
  // Angelina and Carolina, however many of them sort before her.
  // `hay` holds the folded name and aliases, one per line (a word never spans two).
  const findByWords = session.db.prepare<
    [string, string],
    { person_id: number; display_name: string; case_count: number }
  >(
    `WITH c AS (
       SELECT p.id, p.display_name, search_fold(p.display_name) || char(10) ||
         coalesce((SELECT group_concat(search_fold(a.value), char(10)) FROM json_each(p.aliases) a), '') AS hay
       FROM persons p WHERE p.kind = 'perpetrator' AND p.display_name <> '${UNNAMED}')
     SELECT c.id AS person_id, c.display_name,
       (SELECT count(*) FROM case_perpetrators cp WHERE cp.person_id = c.id) AS case_count
     FROM c WHERE NOT EXISTS (SELECT 1 FROM json_each(?) w WHERE c.hay NOT LIKE w.value ESCAPE '\\')
     ORDER BY (SELECT count(*) FROM json_each(?) s
               WHERE ' ' || replace(replace(c.hay, char(10), ' '), '-', ' ') LIKE s.value ESCAPE '\\') DESC,
       c.display_name
     LIMIT 20`,
  )

  function audit(action: string, caseId: number, personId: number): void {
    session.audit.append({
      actor: session.user.username,
      action,
      target: `case:${caseId}`,
      details: { personId },
    })
  }

  function get(caseId: number, personId: number): CasePerpetrator {
    const row = one.get(caseId, personId)
    if (!row) throw new CaseVaultError('NOT_FOUND', 'This person is not linked to this case.')
    return rowToPerpetrator(row)
  }

  return {
    list(caseId: number): CasePerpetrator[] {
      return list.all(caseId).map(rowToPerpetrator)
    },

    add(
      caseId: number,
      input: PerpetratorInput & { existingPersonId?: number | undefined },
    ): CasePerpetrator {
      const { person, context } = perpetratorFields(input, latestIntakeDate(session.clock()))
      const personId = session.db.transaction(() => {
        let id = input.existingPersonId
        if (id !== undefined) {
          if (!isPerpetrator.get(id)) throw new CaseVaultError('NOT_FOUND', 'No such perpetrator.')
          if (one.get(caseId, id))
            throw new CaseVaultError('CONFLICT', 'This person is already linked to this case.')
        } else {
          id = repository.insertPerson(person, session.clock().toISOString())
        }
        link.run(caseId, id, JSON.stringify(context))
        reindex(caseId)
        audit('perpetrator.linked', caseId, id)
        return id
      })()
      return get(caseId, personId)
    },

    update(
      caseId: number,
      personId: number,
      input: PerpetratorInput & { updatedAt: string },
    ): CasePerpetrator {
      const before = get(caseId, personId)
      // A stored birthdate is not judged again: one saved before the rule kept his role in another
      // case from being saved, over a date the caseworker never typed.
      const birthdateChanged = before.person['prs_Birthdate'] !== input.person['prs_Birthdate']
      const { person, context } = perpetratorFields(
        input,
        birthdateChanged ? latestIntakeDate(session.clock()) : undefined,
      )
      session.db.transaction(() => {
        // Checked inside the transaction: what was read and what is written are the same version.
        const current = get(caseId, personId)
        if (current.updatedAt !== input.updatedAt)
          throw new CaseVaultError('CONFLICT', 'Someone else changed this person after you opened it.', {
            stale: true,
            currentUpdatedAt: current.updatedAt,
          })
        repository.updatePerson(personId, person, session.clock().toISOString())
        setContext.run(JSON.stringify(context), caseId, personId)
        // One person, linked to several cases: each is searched (and its history read) under the
        // new details, not only the case the edit came through (found by a reviewing helper).
        for (const linked of casesOfPerson.all(personId)) {
          reindex(linked)
          audit('perpetrator.updated', linked, personId)
        }
      })()
      return get(caseId, personId)
    },

    /** Unlinks; a person linked to no other case is deleted (no orphaned personal data). */
    unlink(caseId: number, personId: number): void {
      get(caseId, personId)
      const erased = session.db.transaction(() => {
        unlink.run(caseId, personId)
        const last = linkCount.get(personId)!.n === 0
        if (last) deletePerson.run(personId)
        reindex(caseId)
        audit('perpetrator.unlinked', caseId, personId)
        return last
      })()
      // As for a deleted case or a removed file: the erased record's pages left the database but
      // stayed readable in the write-ahead log, with a staff passphrase, until the next checkpoint.
      if (erased) wipeWriteAheadLog(session.db)
    },

    find(query: string): PerpetratorMatch[] {
      if (!toFtsQuery(query)) return []
      // Split at spaces; punctuation at a word's edges goes ("Zarubin, Viktor"), what is typed
      // inside a word is matched as written (n_a is no n, a).
      const words = foldForSearch(query)
        .split(/\s+/u)
        .map((word) => word.replace(EDGE_PUNCTUATION, ''))
        .filter((word) => word !== '')
      if (words.length === 0) return []
      const escaped = words.map((word) => word.replace(/[\\%_]/g, (char) => `\\${char}`))
      return findByWords
        .all(
          JSON.stringify(escaped.map((word) => `%${word}%`)),
          JSON.stringify(escaped.map((word) => `% ${word}%`)),
        )
        .map((row) => ({ personId: row.person_id, displayName: row.display_name, caseCount: row.case_count }))
    },
  }
}
