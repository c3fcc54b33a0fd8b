// An event added with "Add an event" and left empty is said at the event, before anything is
// sent: it used to be saved as an "Event 2" with no detail at all (a helper's note at stop 20).
import { describe, expect, it } from 'vitest'
import { editCaseFormSchema } from '../../renderer/src/forms/htcds/case-form-schemas'
import { validationMessage } from '../../renderer/src/forms/validation-message'
import { serverIssueMessage } from '../../renderer/src/forms/htcds/server-issues'
import { en } from '../../renderer/src/i18n/en'

const translate = (key: string) =>
  key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], en) as string

const caseValues = (events: unknown[]) => ({
  intakeDate: '2026-03-14',
  survivor: { prs_FirstName: 'Amina' },
  survivorAliases: [],
  victim: {},
  events,
})

describe('an empty event in the edit form', () => {
  it('is refused at its first field with words saying what to do', () => {
    const parsed = editCaseFormSchema(() => '2026-03-14').safeParse(
      caseValues([{ record: { hte_Type: 'Recruitment' } }, { record: { hte_City: '  ' } }]),
    )
    expect(parsed.success).toBe(false)
    const issues = parsed.error!.issues
    expect(issues.map((issue) => issue.path.join('.'))).toEqual(['events.1.record.hte_Type'])
    expect(validationMessage(issues[0]!, undefined, translate)).toBe(en.validation.emptyEvent)
  })

  it('keeps an empty event saved before the rule, so the case can still be edited', () => {
    expect(
      editCaseFormSchema(() => '2026-03-14').safeParse(caseValues([{ id: 4, record: {} }])).success,
    ).toBe(true)
  })

  it('reads main’s refusal of an empty event in the same words', () => {
    expect(serverIssueMessage({ path: 'events.0.hte_Type', code: 'empty_event' }, translate)).toBe(
      en.validation.emptyEvent,
    )
  })
})
