import type { VaultSession } from '../vault/vault-session'
import { createCaseRepository } from '../cases/case-repository'
import { createCaseSearch } from '../cases/case-search'
import { caseNumberPrefix, formatCaseNumber } from '../cases/case-number'
import { caseNumberKey, vaultCaseNumberKeys } from '../cases/case-number-key'
import type { CaseCandidate } from './case-candidate'
import { createImportRepository } from './import-repository'
import { createCaseworkWriter } from './casework-writer'
import { createScreeningWriter } from './screening-writer'

const WRITE_PROGRESS_EVERY = 500

/**
 * Inserts checked cases (with their referrals and support plans: casework-writer.ts; their
 * screenings: screening-writer.ts), indexed by
 * the case module's own search index. Call it inside
 * the import's single transaction: it does no checking of its own, and a failure anywhere must
 * roll back every case before it. (The case service's bulk path is admin-only and always numbers
 * cases itself; an import keeps the file's case numbers and marks where each case came from.)
 * Every row is new, so rows are only added (import-repository.ts), never replaced; the case module's
 * search index writes the index row, and its repository hands out the organisation's numbers.
 */
export function createImportWriter(session: VaultSession) {
  const repository = createCaseRepository(session.db)
  const imports = createImportRepository(session.db)
  const search = createCaseSearch(session.db)
  // Prepared only when a case brings screenings (most imports have none).
  let screenings: ReturnType<typeof createScreeningWriter> | null = null

  return {
    /** What insertAll wrote of the cases' screenings (for the import's audit row). */
    screeningCounts(): { screenings: number; screeningTemplatesCreated: number } {
      return screenings?.counts() ?? { screenings: 0, screeningTemplatesCreated: 0 }
    },

    /**
     * Returns the ids of the new cases, in the candidates' order. `onProgress` hears how many are
     * in, every WRITE_PROGRESS_EVERY cases (the caller throttles what reaches the window).
     */
    insertAll(candidates: readonly CaseCandidate[], onProgress?: (done: number) => void): number[] {
      const organisation = session.settings.organisation() ?? 'CaseVault'
      const ownPrefix = caseNumberPrefix(session.settings.caseNumberPrefix(), organisation)
      const isTraining = session.settings.isTrainingVault()
      const createdBy = session.user.id
      const now = session.clock().toISOString()
      // Numbers the file itself uses are never handed to another row of the same file, in any
      // capitals; nor are those in the vault (read once, when a number is first handed out).
      const reserved = new Set(candidates.flatMap((c) => (c.caseNumber ? [caseNumberKey(c.caseNumber)] : [])))
      const numbersInVault = vaultCaseNumberKeys(session.db)
      const lastUsed = new Map<string, number>()
      const perpetratorIds = new Map<string, { id: number; names: string[] }>()
      // Prepared only when a case brings referrals or plans (most imports have none).
      let casework: ReturnType<typeof createCaseworkWriter> | null = null

      const taken = (caseNumber: string) =>
        reserved.has(caseNumberKey(caseNumber)) || numbersInVault.has(caseNumber)
      function ownNumber(year: number): string {
        let caseNumber = formatCaseNumber(ownPrefix, year, repository.nextSequence(year))
        while (taken(caseNumber))
          caseNumber = formatCaseNumber(ownPrefix, year, repository.nextSequence(year))
        return caseNumber
      }
      // Imported de-identified records get a prefix of their own, outside the organisation's sequence.
      function prefixedNumber(prefix: string, year: number): string {
        const stem = `${prefix}-${year}`
        let last = lastUsed.get(stem) ?? imports.lastNumber(prefix, year)
        let caseNumber: string
        do caseNumber = formatCaseNumber(prefix, year, ++last)
        while (taken(caseNumber))
        lastUsed.set(stem, last)
        return caseNumber
      }

      return candidates.map((candidate, index) => {
        if (onProgress && index % WRITE_PROGRESS_EVERY === 0) onProgress(index)
        const year = Number(candidate.intakeDate.slice(0, 4))
        const caseNumber =
          candidate.caseNumber ??
          (candidate.numberPrefix ? prefixedNumber(candidate.numberPrefix, year) : ownNumber(year))
        numbersInVault.add(caseNumber)
        const survivorId = imports.insertPerson(candidate.person, now)
        const caseId = imports.insertCase(
          candidate,
          { caseNumber, organisation, survivorId, isTraining, createdBy },
          now,
        )
        imports.addExploitationTypes(caseId, candidate.exploitationTypes)
        imports.addEvents(caseId, candidate.events)
        for (const comment of candidate.comments) imports.insertComment(caseId, comment)
        const names = [candidate.person.displayName, ...candidate.person.aliases]
        for (const perpetrator of candidate.perpetrators) {
          // The same key twice in one file is one person linked to several cases.
          let person = perpetrator.key ? perpetratorIds.get(perpetrator.key) : undefined
          if (!person) {
            person = {
              id: imports.insertPerson(perpetrator.person, now),
              names: [perpetrator.person.displayName, ...perpetrator.person.aliases],
            }
            if (perpetrator.key) perpetratorIds.set(perpetrator.key, person)
          }
          imports.linkPerpetrator(caseId, person.id, perpetrator.context)
          names.push(...person.names)
        }
        // Screenings first: a referral names the screening it was made from.
        let screeningIds = new Map<string, number>()
        if (candidate.screenings) {
          screenings ??= createScreeningWriter(
            session,
            now,
            candidates.map((one) => one.screenings),
          )
          screeningIds = screenings.insert(caseId, candidate.screenings)
        }
        if (candidate.casework) {
          casework ??= createCaseworkWriter(session.db, createdBy, now)
          casework.insert(caseId, candidate.casework, screeningIds)
        }
        search.add(caseId, { caseNumber, names, notes: candidate.comments.map((comment) => comment.body) })
        return caseId
      })
    },
  }
}
