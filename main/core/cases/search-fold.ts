/**
 * How names are written differs from how they are typed. An ID document writes "فَاطِمَة" with
 * its vowel marks, "Σοφία" with its accent, "Ковалёва" with ё; a caseworker types "فاطمة",
 * "Σοφια", "Ковалева". The FTS5 tokenizer (unicode61 remove_diacritics 2) folds Latin accents
 * only, so these were not found, and the same trafficker could be recorded twice under two
 * spellings. Both sides of a search (what is indexed, what is typed) go through foldForSearch.
 *
 * Only marks that everyday typing leaves out are removed. Vowel signs that are letters' vowels
 * (Devanagari, Bengali, Thai …) stay: "मीना" and "मना" are different names.
 */

/** Letters typed interchangeably for one another, compared after lower-casing. */
const LETTER_FOLDS: Record<string, string> = {
  ة: 'ه', // ta marbuta, often typed as ha ("فاطمه")
  ى: 'ي', // alef maqsura / ya
  ی: 'ي', // Persian ya / Arabic ya
  ک: 'ك', // Persian kaf / Arabic kaf
  // Letters with a stroke, or without a dot, have no decomposition, so no accent rule folds them:
  // "Walesa" did not find "Wałęsa", nor "Duc" "Đức", on an English keyboard.
  ł: 'l',
  ø: 'o',
  đ: 'd',
  ı: 'i',
  // Lower-casing writes Σ at a word's end as ς: "ΟΔΥΣ" typed in capitals became "οδυς", which
  // begins no "Οδυσσέας". One sigma for both.
  ς: 'σ',
}

// After NFKD: accents on Latin and Greek letters; Arabic harakat, hamza above/below and madda
// (so أ إ آ fold to ا), the superscript alef and Quranic marks; Hebrew points; the tatweel.
const LATIN_GREEK_ACCENTS = /(?<=[\p{Script=Latin}\p{Script=Greek}])[\u0300-\u036f]+/gu
const ARABIC_MARKS = /[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]/g
const HEBREW_POINTS = /[\u0591-\u05bd\u05bf\u05c1\u05c2\u05c4\u05c5\u05c7]/g
// Russian ё is usually written е (keyboards, documents, registries); й, ї, ў stay letters.
const CYRILLIC_YO = /(?<=[еЕ])\u0308/g
const FOLDED_LETTERS = new RegExp(`[${Object.keys(LETTER_FOLDS).join('')}]`, 'g')

/**
 * Invisible where a line may break (soft hyphen, zero-width space, word joiner): a name pasted
 * from a PDF reads "Alexandra" but the tokenizer cut it in two there. ZWNJ/ZWJ stay: they spell
 * Persian and Indic words.
 */
const INVISIBLE = /[\u00ad\u200b\u2060]/g
/**
 * Apostrophes: ' and ’ (keyboards, autocorrect), ʼ (Ukrainian, phone keyboards), ʻ (Uzbek oʻ gʻ).
 * The tokenizer cuts words at the first two and keeps the others as letters, so "Марʼяна" was not
 * found as "Мар'яна". All fold to ' (the survivor key compares names with ' too).
 */
const APOSTROPHE_CLASS = "'\u2019\u02bc\u02bb\uff07"
const APOSTROPHES = new RegExp(`[${APOSTROPHE_CLASS}]`, 'g')

/** Lower case, without the marks, invisibles and letter variants that typing leaves out. Idempotent. */
export function foldForSearch(text: string): string {
  return (
    text
      // Compatibility forms as their letters: full width ("Ｏｌｅｎａ" from an IME), ligatures ("ﬁ").
      .normalize('NFKD')
      .replace(INVISIBLE, '')
      .replace(APOSTROPHES, "'")
      .replace(LATIN_GREEK_ACCENTS, '')
      .replace(ARABIC_MARKS, '')
      .replace(HEBREW_POINTS, '')
      .replace(CYRILLIC_YO, '')
      .normalize('NFC')
      .toLowerCase()
      .replace(FOLDED_LETTERS, (letter) => LETTER_FOLDS[letter]!)
  )
}

// A word: letters with their marks, and numbers, joined by an apostrophe or an invisible.
const WORD_CHAR = '\\p{L}\\p{M}\\p{N}'
const WORD = new RegExp(
  `[${WORD_CHAR}]+(?:[${APOSTROPHE_CLASS}\\u00ad\\u200b\\u2060]+[${WORD_CHAR}]+)*`,
  'gu',
)

/** The words of `text` with where each starts (folded-snippet.ts marks them in place). */
export function searchWordMatches(text: string): RegExpExecArray[] {
  return [...text.matchAll(WORD)]
}

/** Words as written (an apostrophe or invisible inside a word is kept); a search folds them. */
export function searchWords(text: string): string[] {
  return text.match(WORD) ?? []
}

/** Whether a folded word has anything to search for: a lone accent ("\u0301") has nothing. */
export function isSearchable(folded: string): boolean {
  return /[\p{L}\p{N}]/u.test(folded)
}

/**
 * The folded spellings of the words whose fold is more than a change of case: indexed beside the
 * text as written, so a snippet still quotes the record as it was written. A word with an
 * apostrophe is indexed without it too: "Gʻulom" is "Gulom" in passports and spreadsheets.
 */
export function foldedForms(texts: string[]): string {
  const forms = new Set<string>()
  for (const text of texts) {
    for (const word of searchWords(text)) {
      const folded = foldForSearch(word)
      if (!isSearchable(folded)) continue
      if (folded !== word.toLowerCase()) forms.add(folded)
      if (folded.includes("'")) forms.add(folded.replace(/'/g, ''))
    }
  }
  return [...forms].join(' ')
}
