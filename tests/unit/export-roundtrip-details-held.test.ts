// Round trips (export → import into a new vault → equal records) that held up when tried. This
// half: statuses, users, a second import of the same file, an empty vault, the two formats against
// each other, and random text in referrals and plans; random records of every HTCDS field kind are
// in export-roundtrip-random-held.test.ts. (Written by a reviewing helper.)
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { survivorCase } from './support/case-fixtures'
import { csv, FLAT_HEADER, flatRow, footprint, importer } from './support/import-fixtures'
import { FORMATS, comparable, exportTo, newSession, roundTrip, textValue } from './support/export-roundtrip'
import { caseServicesFor } from '../../main/api/case-services'
import {
  closeCaseInput,
  createCaseInput,
  createReferralInput,
  createSupportPlanInput,
  recordConsentInput,
  referralFollowUpInput,
  reopenCaseInput,
  transitionReferralInput,
} from '../../main/api/contract'
import { referralServicesFor } from '../../main/api/referrals'
import { readFullCases } from '../../main/core/export/full-records'

describe('round trip details that held', () => {
  it.each(FORMATS)(
    '%s: a FollowUp case (from a partner file), a ClosedReferred one and a reopened one keep their status',
    async (format) => {
      const source = await newSession()
      await importer(source)(csv([FLAT_HEADER, flatRow(1, { status: 'FollowUp' })]), {
        format: 'htcds-csv',
        dryRun: false,
      })
      const { cases } = caseServicesFor(source)
      const referred = cases.create(createCaseInput.parse(survivorCase()))
      cases.close(
        closeCaseInput.parse({
          id: referred.id,
          version: 1,
          status: 'ClosedReferred',
          reason: 'Referred to\r\n"Harbour", =legal aid',
        }),
      )
      const reopened = cases.create(createCaseInput.parse(survivorCase()))
      cases.close(closeCaseInput.parse({ id: reopened.id, version: 1, status: 'Closed', reason: 'Moved' }))
      cases.reopen(reopenCaseInput.parse({ id: reopened.id, version: 2, reason: 'Came back' }))

      const { target, report } = await roundTrip(source, format)
      expect(report).toMatchObject({ read: 3, imported: 3, rejected: 0 })
      const after = comparable(readFullCases(target.db, {}))
      expect(after).toEqual(comparable(readFullCases(source.db, {})))
      expect(after.map((one) => [one.status, one.closureReason])).toEqual([
        ['FollowUp', null],
        ['ClosedReferred', 'Referred to\r\n"Harbour", =legal aid'],
        ['Active', null],
      ])
      // The reasons given for closing and reopening stay on the case's timeline.
      expect(after[2]!.comments.map((comment) => comment.body)).toEqual(['Moved', 'Came back'])
    },
  )

  it.each(FORMATS)(
    '%s: cases stay with their caseworkers by user name when the new vault gave them other ids',
    async (format) => {
      const at = '2025-01-01T00:00:00.000Z'
      const source = await newSession()
      const staff = ['bilal', 'chen', 'dana'].map((username) =>
        source.users.insert({ username, displayName: `${username} name`, role: 'caseworker' }, at),
      )
      const { cases, comments } = caseServicesFor(source)
      for (const user of staff) {
        const made = cases.create(createCaseInput.parse(survivorCase({ assignedUserId: user.id })))
        source.db
          .prepare(
            'INSERT INTO case_comments (case_id, author_user_id, body, created_at) VALUES (?, ?, ?, ?)',
          )
          .run(made.id, user.id, `note by ${user.username}`, '2025-03-01T10:00:00.000Z')
        comments.add(made.id, 'note by the admin')
      }
      const target = await newSession()
      // Other ids, other order, and a display name that is another's user name.
      for (const username of ['zed', 'dana', 'chen', 'bilal'])
        target.users.insert(
          { username, displayName: username === 'zed' ? 'bilal' : `${username} name`, role: 'caseworker' },
          at,
        )
      const { report } = await roundTrip(source, format, target)
      expect(report).toMatchObject({ imported: 3, rejected: 0 })
      const after = comparable(readFullCases(target.db, {}))
      expect(after).toEqual(comparable(readFullCases(source.db, {})))
      expect(after.map((one) => one.assignedTo)).toEqual(['bilal', 'chen', 'dana'])
    },
  )

  it.each(FORMATS)(
    '%s: importing the same export a second time adds nothing and names every duplicate',
    async (format) => {
      const source = await newSession()
      const { cases } = caseServicesFor(source)
      cases.create(createCaseInput.parse(survivorCase()))
      cases.create(createCaseInput.parse(survivorCase({ intakeDate: '2025-02-02' })))
      const file = await exportTo(source, format)
      const target = await newSession()
      await importer(target)(file, { format, dryRun: false })
      const before = readFullCases(target.db, {})
      const { persons, cases: caseCount, events, search } = footprint(target)
      const { report } = await importer(target)(file, { format, dryRun: false })
      expect(report).toMatchObject({ read: 2, imported: 0, rejected: 2, duplicates: 2 })
      expect(report.errors.map((error) => error.code)).toEqual(['numberInVault', 'numberInVault'])
      expect(readFullCases(target.db, {})).toEqual(before)
      expect(footprint(target)).toMatchObject({ persons, cases: caseCount, events, search })
    },
  )

  it.each(FORMATS)(
    '%s: the export of a vault with no cases imports as nothing, without an error',
    async (format) => {
      const source = await newSession()
      const target = await newSession()
      const { report } = await importer(target)(await exportTo(source, format), { format, dryRun: false })
      expect(report).toMatchObject({ read: 0, imported: 0, rejected: 0, errorCount: 0 })
      expect(readFullCases(target.db, {})).toEqual([])
    },
  )

  it('the CSV archive and the JSON document of one vault import as the same records', async () => {
    const source = await newSession()
    const { cases, comments, perpetrators } = caseServicesFor(source)
    const one = cases.create(
      createCaseInput.parse(
        survivorCase({
          survivor: { prs_FirstName: '=Nguyễn', prs_SecondName: 'Mai; "M"', prs_Gender: 'Feminine' },
          survivorAliases: ['-Mai', 'M; N', "'quoted'"],
        }),
      ),
    )
    const two = cases.create(createCaseInput.parse(survivorCase()))
    const viktor = perpetrators.add(one.id, {
      person: { prs_FirstName: 'Viktor' },
      aliases: ['The Boss', 'V; K'],
      context: { per_RoleInProcess: ['Exploiter'], per_RoleDetails: 'Ran the\r\nworkshop' },
    })
    perpetrators.add(two.id, { existingPersonId: viktor.personId, person: {}, aliases: [], context: {} })
    perpetrators.add(two.id, { person: {}, aliases: [], context: { per_Organisation: '@crew' } })
    comments.add(one.id, '+ called back, "twice"')
    const viaJson = (await roundTrip(source, 'htcds-json')).target
    const viaCsv = (await roundTrip(source, 'htcds-csv')).target
    expect(comparable(readFullCases(viaCsv.db, {}))).toEqual(comparable(readFullCases(viaJson.db, {})))
    expect(comparable(readFullCases(viaJson.db, {}))).toEqual(comparable(readFullCases(source.db, {})))
  })

  it.each(FORMATS)(
    '%s: case numbers of a partner file with unusual characters keep their spelling, and new ones skip them',
    async (format) => {
      const source = await newSession()
      const numbers = ['Ñandú/7 b.2', '00123', 'ＡＢ-1', 'کیس-۱۲', 'SSS-2025-00001']
      const { report: seeded } = await importer(source)(
        csv([FLAT_HEADER, ...numbers.map((caseNumber, n) => flatRow(n + 1, { caseNumber }))]),
        { format: 'htcds-csv', dryRun: false },
      )
      expect(seeded).toMatchObject({ imported: numbers.length })
      const { target, report } = await roundTrip(source, format)
      expect(report).toMatchObject({ imported: numbers.length, rejected: 0 })
      expect(comparable(readFullCases(target.db, {}))).toEqual(comparable(readFullCases(source.db, {})))
      // The vault's own numbering (Safe Harbour Shelter: SHS, here SSS… is not its prefix) goes on.
      const made = caseServicesFor(target).cases.create(
        createCaseInput.parse(survivorCase({ intakeDate: '2025-06-01' })),
      )
      expect(numbers).not.toContain(made.caseNumber)
    },
  )

  it.each(FORMATS)(
    '%s: random text in referrals, consents, status notes and plans comes back equal',
    async (format) => {
      const text = (max: number) => textValue(max)
      await fc.assert(
        fc.asyncProperty(
          fc.record({
            organisation: text(200),
            counterpart: text(200),
            details: text(20_000),
            givenByName: text(200),
            purpose: text(2000),
            note: text(2000),
            outcome: text(20_000),
            objectives: text(20_000),
            actionPlan: text(20_000),
          }),
          async (words) => {
            const source = await newSession()
            const made = caseServicesFor(source).cases.create(createCaseInput.parse(survivorCase()))
            const { referrals, supportPlans } = referralServicesFor(source)
            let referral = referrals.create(
              createReferralInput.parse({
                direction: 'outgoing',
                caseId: made.id,
                organisationName: words.organisation,
                counterpartCaseworker: words.counterpart,
                reason: 'AdditionalServicesRequired',
                details: words.details,
                servicesRequested: ['Legal'],
                urgency: 'priority',
                referralDate: '2026-03-20',
              }),
            )
            referral = referrals.recordConsent(
              recordConsentInput.parse({
                referralId: referral.id,
                givenBy: 'guardian',
                givenByName: words.givenByName,
                givenOn: '2026-03-19',
                purpose: words.purpose,
                categories: ['identity'],
              }),
            )
            referral = referrals.transition(
              transitionReferralInput.parse({
                id: referral.id,
                version: referral.version,
                to: 'sent',
                on: '2026-03-21',
                note: words.note,
              }),
            )
            referrals.setFollowUp(
              referralFollowUpInput.parse({
                id: referral.id,
                version: referral.version,
                followUpDate: '2026-04-01',
                outcome: words.outcome,
              }),
            )
            supportPlans.create(
              createSupportPlanInput.parse({
                caseId: made.id,
                referralId: referral.id,
                type: 'Legal',
                objectives: words.objectives,
                actionPlan: words.actionPlan,
                startDate: '2026-03-22',
              }),
            )
            const { target, report } = await roundTrip(source, format)
            expect(report.errors).toEqual([])
            expect(report).toMatchObject({ imported: 1 })
            expect(comparable(readFullCases(target.db, {}))).toEqual(comparable(readFullCases(source.db, {})))
          },
        ),
        { numRuns: 12, seed: 7 },
      )
    },
    60_000,
  )
})
