/**
 * How an import compares case numbers for duplicates: without regard to capitals. CV-2025-001 and
 * cv-2025-001 are one case to the people who type them; compared exactly, a partner's sheet in
 * lower case was imported as a second record of every survivor already in the vault.
 */
export const caseNumberKey = (caseNumber: string): string => caseNumber.toLowerCase()
