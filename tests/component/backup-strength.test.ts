import { describe, expect, it } from 'vitest'
import { passphraseScore } from '../../main/core/backup/passphrase-strength'
import { backupStrengthEstimator, isStrongEnough } from '../../renderer/src/forms/backup-strength'

// The meter must not let through what main refuses (WEAK_PASSPHRASE), nor hold back what main takes.
describe('the backup passphrase meter', () => {
  const userInputs = ['amina.admin', 'Safe Harbour Network']
  const samples = [
    'password1234',
    'Safe Harbour Network',
    'amina.admin2026',
    'qwertyuiopasdf',
    'correct horse battery staple',
    'lantern orchard river 42',
    'quiet walnut ferry orbit 1987 maple',
    'Tr0ub4dor&3xyz',
  ]

  it.each(samples)('scores %j exactly as main does', async (passphrase) => {
    const estimate = await backupStrengthEstimator()
    expect(estimate(passphrase, userInputs).score).toBe(passphraseScore(passphrase, userInputs))
  })

  it('counts nothing as strong before the estimator has rated it, and nothing under 12 characters', () => {
    expect(isStrongEnough('quiet walnut ferry orbit', null)).toBe(false)
    expect(isStrongEnough('x7#Qv!9zLp2', { score: 4, warning: null, suggestions: [] })).toBe(false)
    expect(isStrongEnough('x7#Qv!9zLp2@', { score: 4, warning: null, suggestions: [] })).toBe(true)
  })
})
