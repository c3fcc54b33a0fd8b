// A passphrase with accents can reach main as two different strings that look the same: "é" as
// one code point (NFC, what most keyboards type) or as "e" plus a combining accent (NFD, found in
// text copied on a Mac or from some documents and password managers). A key derived from one
// form does not open what the other locked, so a survivor's records could be lost to the way a
// keyboard spelled a letter. New secrets are therefore derived from the NFC form; opening tries
// the NFC form first, then the other forms, for what was locked before this rule (or by a tool
// that does not normalise, like the age command line).

/** The form every new passphrase is derived from. */
export function canonicalPassphrase(passphrase: string): string {
  return passphrase.normalize('NFC')
}

/**
 * The forms to try when opening, canonical first. Only a passphrase with accented letters has more
 * than one, and each extra form costs one more key derivation on a wrong passphrase.
 */
export function passphraseForms(passphrase: string): string[] {
  return [...new Set([passphrase.normalize('NFC'), passphrase, passphrase.normalize('NFD')])]
}
