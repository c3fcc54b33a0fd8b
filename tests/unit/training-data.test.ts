import { describe, expect, it } from 'vitest'
import { createCaseInput } from '../../main/api/contract/cases'
import { validateSection, type HtcdsSectionId } from '../../main/api/contract/htcds'
import { generateSyntheticCases, INTAKE_WINDOW_DAYS } from '../../main/core/training/synthetic-cases'
import { daysBetween } from '../../main/core/training/synthetic-dates'

const TODAY = new Date('2026-05-01T12:00:00Z')

function issues(section: HtcdsSectionId, record: unknown): string[] {
  const result = validateSection(section, record, { requireCore: false, forNewRecords: true })
  return result.ok ? [] : result.issues.map((issue) => `${section}: ${issue.message}`)
}

describe('synthetic training cases', () => {
  const cases = generateSyntheticCases(500, { seed: 20260501, today: TODAY })

  it('are the same for the same seed and day, and different for another seed', () => {
    expect(generateSyntheticCases(40, { seed: 20260501, today: TODAY })).toEqual(cases.slice(0, 40))
    const other = generateSyntheticCases(40, { seed: 7, today: TODAY })
    expect(other.map((c) => c.input.survivor.prs_SecondName)).not.toEqual(
      cases.slice(0, 40).map((c) => c.input.survivor.prs_SecondName),
    )
  })

  it('pass the HTCDS validation the case service applies, record by record (500 cases)', () => {
    const problems: string[] = []
    for (const synthetic of cases) {
      expect(() => createCaseInput.parse(synthetic.input)).not.toThrow()
      problems.push(
        ...issues('person', synthetic.input.survivor),
        ...issues('victim', synthetic.input.victim),
        ...issues('case', synthetic.input.details),
        ...synthetic.input.events.flatMap((event) => issues('historicEvent', event.record)),
        ...synthetic.perpetrators.flatMap((p) => [
          ...issues('person', p.person),
          ...issues('perpetrator', p.context),
        ]),
      )
    }
    expect(problems).toEqual([])
  })

  it('look like a real caseload: ages incl. minors, origins, exploitation types, ~30% closed', () => {
    const ages = cases.flatMap((c) => {
      const birthdate = c.input.survivor.prs_Birthdate
      return typeof birthdate === 'string' ? [daysBetween(birthdate, c.input.intakeDate) / 365.25] : []
    })
    expect(ages.filter((age) => age < 18).length / ages.length).toBeGreaterThan(0.1)
    expect(ages.filter((age) => age >= 18).length / ages.length).toBeGreaterThan(0.6)
    const types = new Set(
      cases.flatMap((c) => (c.input.victim.vic_TypeOfExploitation as string[] | undefined) ?? []),
    )
    expect([...types]).toEqual(expect.arrayContaining(['ForcedLabour', 'SexualExploitation', 'Servitude']))
    const origins = new Set(cases.map((c) => (c.input.survivor.prs_Citizenship as string[])[0]))
    expect(origins.size).toBeGreaterThan(10)
    const closed = cases.filter((c) => c.status === 'Closed' || c.status === 'ClosedReferred')
    expect(closed.length / cases.length).toBeGreaterThan(0.2)
    expect(closed.length / cases.length).toBeLessThan(0.4)
    expect(closed.every((c) => c.closureReason && c.closedAt)).toBe(true)
  })

  it('name survivors in their country’s language and script', () => {
    const byOrigin = (code: string) =>
      cases.filter((c) => (c.input.survivor.prs_Citizenship as string[])[0] === code)
    const fullName = (c: (typeof cases)[number]) =>
      `${c.input.survivor.prs_FirstName} ${c.input.survivor.prs_SecondName}`
    expect(byOrigin('UA').length).toBeGreaterThan(0)
    for (const c of byOrigin('UA')) expect(fullName(c)).toMatch(/^[\p{Script=Cyrillic}'’ -]+$/u)
    for (const c of byOrigin('TH')) expect(fullName(c)).toMatch(/\p{Script=Thai}/u)
  })

  it('tell a consistent story: intake in the last three years, events in order before intake', () => {
    for (const synthetic of cases) {
      const { intakeDate, events } = synthetic.input
      const age = daysBetween(intakeDate, '2026-05-01')
      expect(age).toBeGreaterThanOrEqual(0)
      expect(age).toBeLessThanOrEqual(INTAKE_WINDOW_DAYS)
      expect(events.length).toBeGreaterThanOrEqual(1)
      expect(events.length).toBeLessThanOrEqual(4)
      const dates = events.map((event) => event.record.hte_Date as string)
      expect([...dates].sort()).toEqual(dates)
      expect(new Set(dates).size).toBe(dates.length)
      expect(dates.every((date) => date <= intakeDate)).toBe(true)
      const commentTimes = synthetic.comments.map((comment) => comment.at)
      expect([...commentTimes].sort()).toEqual(commentTimes)
      expect(commentTimes.every((at) => at.slice(0, 10) >= intakeDate)).toBe(true)
    }
  })

  it('sometimes meet the same perpetrator again in another case', () => {
    const casesPerKey = new Map<string, number>()
    for (const synthetic of cases)
      for (const p of synthetic.perpetrators) casesPerKey.set(p.key, (casesPerKey.get(p.key) ?? 0) + 1)
    expect([...casesPerKey.values()].some((n) => n > 1)).toBe(true)
    expect(cases.every((c) => new Set(c.perpetrators.map((p) => p.key)).size === c.perpetrators.length)).toBe(
      true,
    )
  })
})
