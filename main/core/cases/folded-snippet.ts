import { foldForSearch } from './search-fold'

const WORD = /[\p{L}\p{M}\p{N}]+/gu
const CONTEXT_WORDS = 6

/**
 * A snippet of `text` around its first word whose folded spelling starts with one of `terms`
 * (folded query words), marked [[…]] as FTS5's snippet() marks: for a hit found only through the
 * folded spellings ("Ковалева" for Ковалёва), whose own snippet quoted the folded index, in lower
 * case, not the record as written. Null when no word of `text` matches.
 */
export function foldedSnippet(text: string, terms: readonly string[]): string | null {
  const words = [...text.matchAll(WORD)]
  const hits = words.map((word) => terms.some((term) => foldForSearch(word[0]).startsWith(term)))
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
