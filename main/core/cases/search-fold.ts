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

/** Letters typed interchangeably for one another (Arabic script). */
const LETTER_FOLDS: Record<string, string> = {
  ة: 'ه', // ta marbuta, often typed as ha ("فاطمه")
  ى: 'ي', // alef maqsura / ya
  ی: 'ي', // Persian ya / Arabic ya
  ک: 'ك', // Persian kaf / Arabic kaf
}

// After NFD: accents on Latin and Greek letters; Arabic harakat, hamza above/below and madda
// (so أ إ آ fold to ا), the superscript alef and Quranic marks; Hebrew points; the tatweel.
const LATIN_GREEK_ACCENTS = /(?<=[\p{Script=Latin}\p{Script=Greek}])[\u0300-\u036f]+/gu
const ARABIC_MARKS = /[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]/g
const HEBREW_POINTS = /[\u0591-\u05bd\u05bf\u05c1\u05c2\u05c4\u05c5\u05c7]/g
// Russian ё is usually written е (keyboards, documents, registries); й, ї, ў stay letters.
const CYRILLIC_YO = /(?<=[еЕ])\u0308/g
const FOLDED_LETTERS = new RegExp(`[${Object.keys(LETTER_FOLDS).join('')}]`, 'g')

/** Lower case, without the marks and letter variants that typing leaves out. Idempotent. */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(LATIN_GREEK_ACCENTS, '')
    .replace(ARABIC_MARKS, '')
    .replace(HEBREW_POINTS, '')
    .replace(CYRILLIC_YO, '')
    .normalize('NFC')
    .toLowerCase()
    .replace(FOLDED_LETTERS, (letter) => LETTER_FOLDS[letter]!)
}

/** Words as the index cuts them: letters with their marks, and numbers. */
export function searchWords(text: string): string[] {
  return text
    .normalize('NFKC')
    .split(/[^\p{L}\p{M}\p{N}]+/u)
    .filter((word) => word.length > 0)
}

/**
 * The folded spellings of the words whose fold is more than a change of case: indexed beside the
 * text as written, so a snippet still quotes the record as it was written.
 */
export function foldedForms(texts: string[]): string {
  const forms = new Set<string>()
  for (const text of texts) {
    for (const word of searchWords(text)) {
      const folded = foldForSearch(word)
      if (folded !== word.toLowerCase()) forms.add(folded)
    }
  }
  return [...forms].join(' ')
}
