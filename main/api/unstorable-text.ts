// Text arrives over IPC as UTF-16 and is stored as UTF-8. A lone surrogate (half of an emoji, cut
// by a paste or sent by a hostile renderer) cannot be written as UTF-8: the SQLite driver turns
// it into "�" without a word, so a survivor's name read back differently from what was typed,
// and her case record (JSON, kept as sent) and her listed name (a column, changed) disagreed.
// A NUL character cuts C strings short on the way to files and tools. Both are refused whole.

/** Passphrases are never stored as text (Argon2 reads their bytes): an old one must still unlock. */
const NOT_STORED = /passphrase$/i

// eslint-disable-next-line no-control-regex -- finding NUL is the point
const BAD_CHARACTER = /\u0000/u

// A high surrogate not followed by a low one, or a low one not preceded by a high one (no `u`
// flag: with it, the pattern would see code points and never a half).
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

function unstorable(text: string): boolean {
  return LONE_SURROGATE.test(text) || BAD_CHARACTER.test(text)
}

/**
 * The path of the first string in a parsed IPC input that cannot be stored as sent, or null.
 * Iterative, as the input may hold a deep record (a section record's values are not shaped).
 */
export function unstorableTextPath(input: unknown): string | null {
  const pending: { value: unknown; path: string[] }[] = [{ value: input, path: [] }]
  while (pending.length > 0) {
    const { value, path } = pending.pop()!
    if (typeof value === 'string') {
      if (unstorable(value)) return path.join('.')
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => pending.push({ value: item, path: [...path, String(index)] }))
    } else if (value !== null && typeof value === 'object' && !ArrayBuffer.isView(value)) {
      for (const [key, item] of Object.entries(value)) {
        if (unstorable(key)) return [...path, key].join('.')
        if (!(typeof item === 'string' && NOT_STORED.test(key)))
          pending.push({ value: item, path: [...path, key] })
      }
    }
  }
  return null
}
