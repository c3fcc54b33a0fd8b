export interface SnippetPart {
  text: string
  match: boolean
}

/**
 * Splits a search snippet into plain and matched parts. Main marks matches with [[ ]]; the view
 * renders matched parts in <mark> through text interpolation, so the record's text is never HTML.
 */
export function snippetParts(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = []
  let rest = snippet
  while (rest.length > 0) {
    const open = rest.indexOf('[[')
    const close = open === -1 ? -1 : rest.indexOf(']]', open + 2)
    if (open === -1 || close === -1) {
      parts.push({ text: rest, match: false })
      break
    }
    if (open > 0) parts.push({ text: rest.slice(0, open), match: false })
    const matched = rest.slice(open + 2, close)
    if (matched) parts.push({ text: matched, match: true })
    rest = rest.slice(close + 2)
  }
  return parts
}
