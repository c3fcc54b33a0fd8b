import { foldForSearch, searchWordMatches } from './search-fold'

const CONTEXT_WORDS = 6

/** A word matches a term by its folded spelling, or by it without apostrophes (as it is indexed). */
function wordMatches(word: string, terms: readonly string[]): boolean {
  const folded = foldForSearch(word)
  const bare = folded.replace(/'/g, '')
  return terms.some((term) => folded.startsWith(term) || bare.startsWith(term))
}

/**
 * A snippet of `text` around its first word whose folded spelling starts with one of `terms`
 * (folded query words), marked [[…]] as FTS5's snippet() marks: for a hit found only through the
 * folded spellings ("Ковалева" for Ковалёва), whose own snippet quoted the folded index, in lower
 * case, not the record as written. Null when no word of `text` matches.
 */
export function foldedSnippet(text: string, terms: readonly string[]): string | null {
  // The words as the index splits them: "Gʻulom" is one word, found as "gulom" too.
  const words = searchWordMatches(text)
  const hits = words.map((word) => wordMatches(word[0], terms))
  const first = hits.indexOf(true)
  if (first < 0) return null
  const from = Math.max(0, first - CONTEXT_WORDS)
  const to = Math.min(words.length - 1, first + CONTEXT_WORDS)
  let out = ''
  let at = words[from]!.index
  for (let index = from; index <= to; index += 1) {
    const word = words[index]!
    out += text.slice(at, word.index)
    out += hits[index] ? `[[${word[0]}]]` : word[0]
    at = word.index + word[0].length
  }
  return `${from > 0 ? '…' : ''}${out}${to < words.length - 1 ? '…' : ''}`
}
