import type { SearchDocument } from './case-search'

/** A person as stored: the name and the aliases' JSON array. */
export interface StoredNames {
  display_name: string
  aliases: string
}

/**
 * What the case search indexes for one case: the survivor's name and aliases, the perpetrators'
 * names and aliases, and the comments (the timeline). One definition for the index of one case
 * (case-service's reindex) and for the rebuild of every case (search-rebuild.ts), so both find
 * the same words.
 */
export function searchDocument(
  caseNumber: string,
  survivor: StoredNames,
  perpetrators: readonly StoredNames[],
  comments: readonly { body: string }[],
): SearchDocument {
  return {
    caseNumber,
    names: [survivor, ...perpetrators].flatMap((person) => [
      person.display_name,
      ...(JSON.parse(person.aliases) as string[]),
    ]),
    notes: comments.map((comment) => comment.body),
  }
}
