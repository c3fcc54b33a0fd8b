import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { CaseDetail } from '../../main/api/contract'
import { expect, test } from './support/harness'
import { expectNoSeriousA11yViolations, signIn } from './support/app'
import { CASEWORKER, choose, createCaseByApi, dismissToasts, tinyPdf } from './support/cases'

// Case records through the real renderer, the real API and a real encrypted vault.

const CASE_NUMBER = /^SHN-\d{4}-\d{5}$/

test('a caseworker registers a survivor, finds the case by alias, comments, attaches a file and edits it', async ({
  page,
  harness,
}) => {
  await harness.seedVault()
  await harness.addUser(CASEWORKER)
  await signIn(page, CASEWORKER)
  await expect(page.getByTestId('cases-empty')).toBeVisible()

  await page.getByTestId('new-case-button').click()
  // Step 1 by keyboard alone: Tab to the intake date, type it, Enter goes to the next step.
  const focused = () => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null)
  for (let presses = 0; (await focused()) !== 'field-intakeDate'; presses++) {
    expect(presses, 'the intake date is reachable with Tab').toBeLessThan(10)
    await page.keyboard.press('Tab')
  }
  await page.keyboard.press('ControlOrMeta+a')
  await page.keyboard.type('2025-03-14')
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('wizard-step-title')).toContainText('Survivor')

  // Neither a name nor an alias: the step says what it needs, at the name field.
  await page.getByTestId('wizard-next').click()
  await expect(page.getByTestId('field-prs_FirstName')).toHaveAttribute('aria-invalid', 'true')
  await expect(page.locator('#new-prs_FirstName-error')).toContainText('known by')

  await page.getByTestId('field-prs_FirstName').fill('Amina')
  await page.getByTestId('field-prs_SecondName').fill('Yusuf')
  await page.getByTestId('survivor-aliases').fill('Mimi')
  await page.keyboard.press('Enter')
  // The calendar works by keyboard too: open it from its button, pick the focused day. (No arrow
  // key here: at the edge of a week row PrimeVue's arrows change the month, so a step that works
  // on a Wednesday fails on a Saturday.)
  await page.getByTestId('field-prs_Birthdate').focus()
  await page.keyboard.press('Tab')
  await page.keyboard.press('Enter')
  await expect(page.locator('#new-prs_Birthdate-calendar')).toBeVisible()
  await page.keyboard.press('Enter')
  await expect(page.locator('#new-prs_Birthdate-calendar')).toBeHidden()
  await expect(page.getByTestId('field-prs_Birthdate')).toHaveValue(/^\d{4}-\d{2}-\d{2}$/)
  await page.getByTestId('field-prs_Birthdate').fill('2004-06-01')
  await choose(page, 'field-prs_Gender', 'Feminine')
  await choose(page, 'field-prs_Citizenship', 'Nigeria')
  await page.getByTestId('field-prs_Birthdate').click()
  await harness.screenshot('case-wizard-survivor')
  await page.getByTestId('wizard-next').click()

  await expect(page.getByTestId('wizard-step-title')).toContainText('Trafficking experience')
  await choose(page, 'field-vic_TypeOfExploitation', 'Forced labour')
  // Going back keeps what was typed on every step.
  await page.getByTestId('wizard-back').click()
  await expect(page.getByTestId('field-prs_FirstName')).toHaveValue('Amina')
  await page.getByTestId('wizard-next').click()
  await expect(page.getByTestId('field-vic_TypeOfExploitation')).toContainText('Forced labour')
  await page.getByTestId('wizard-next').click()
  await expect(page.getByTestId('wizard-step-title')).toContainText('Review')
  await expect(page.getByText('Amina', { exact: true })).toBeVisible()
  await page.getByTestId('wizard-save').click()

  const caseNumber = page.getByTestId('case-number')
  await expect(caseNumber).toHaveText(CASE_NUMBER)
  const number = (await caseNumber.textContent())!.trim()
  await expect(page.getByTestId('case-status')).toContainText('Active')
  await expect(page.getByTestId('case-intake-date')).toHaveText('Mar 14, 2025')
  await expect(page.getByTestId('value-prs_Gender')).toContainText('Feminine')
  await expect(page.getByTestId('value-aliases')).toContainText('Mimi')

  // The list shows it; a second case makes the list and the search worth looking at.
  await createCaseByApi(harness, {
    intakeDate: '2025-04-02',
    survivor: {
      prs_FirstName: 'Tomás',
      prs_SecondName: 'Reyes',
      prs_Gender: 'Masculine',
      prs_Citizenship: ['MX'],
    },
    survivorAliases: [],
  })
  await page.getByTestId('nav-cases').click()
  await expect(page.getByTestId(`case-row-${number}`)).toContainText('Amina Yusuf')
  await expect(page.getByTestId('cases-table')).toContainText('Tomás Reyes')
  await dismissToasts(page)
  await harness.screenshot('cases-list')

  // Rows take focus: the arrow keys move between them and Enter opens one.
  await page.locator('[data-testid^="case-row-"]').first().focus()
  await page.keyboard.press('ArrowDown')
  await expect(page.getByTestId(`case-row-${number}`)).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('case-number')).toHaveText(number)
  await page.getByTestId('nav-cases').click()

  // Found by alias; arrow key and Enter open it.
  await page.getByTestId('case-search').fill('Mimi')
  const hit = page.getByTestId('case-search-result')
  await expect(hit).toHaveCount(1)
  await expect(hit).toContainText(number)
  await expect(hit.locator('mark')).toHaveText('Mimi')
  await page.getByTestId('case-search').press('ArrowDown')
  await page.getByTestId('case-search').press('Enter')
  await expect(page.getByTestId('case-number')).toHaveText(number)

  await page.getByTestId('case-tab-comments').click()
  await page.getByTestId('comment-input').fill('First meeting at the shelter. She asked for legal advice.')
  await page.getByTestId('comment-add').click()
  await expect(page.getByTestId('comment')).toContainText('legal advice')

  await page.getByTestId('case-tab-attachments').click()
  await page.getByTestId('attachment-input').setInputFiles({
    name: 'referral-letter.pdf',
    mimeType: 'application/pdf',
    buffer: tinyPdf(),
  })
  const row = page.getByTestId('attachment-row')
  await expect(row).toContainText('referral-letter.pdf')
  await expect(row).toContainText('PDF document')
  // A program is refused whatever it is called.
  await page.getByTestId('attachment-input').setInputFiles({
    name: 'photo.jpg',
    mimeType: 'image/jpeg',
    buffer: Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00'), Buffer.alloc(256, 0)]),
  })
  await expect(page.getByTestId('attachment-error')).toContainText('cannot be attached')
  await expect(row).toHaveCount(1)
  await page.getByTestId('attachment-save').click()
  const saved = join(harness.savedFilesDir, 'referral-letter.pdf')
  await expect.poll(() => existsSync(saved)).toBe(true)
  expect(readFileSync(saved).equals(tinyPdf())).toBe(true)
  await dismissToasts(page)
  await harness.screenshot('case-attachments')
  await page.getByTestId('attachment-remove').click()
  await page.getByTestId('attachment-remove-dialog-confirm').click()
  await expect(row).toHaveCount(0)

  // Edit the survivor; someone else saves first; the edits stay and the person chooses what next.
  await page.getByTestId('case-tab-survivor').click()
  await page.getByTestId('case-edit').click()
  await page.getByTestId('field-prs_MiddleName').fill('Grace')
  await page.evaluate(
    async (id) => {
      const loaded = await window.casevault.cases.get({ id })
      if (!loaded.ok) throw new Error('get failed')
      const current: CaseDetail = loaded.value
      const saved = await window.casevault.cases.update({
        id,
        version: current.version,
        intakeDate: current.intakeDate,
        survivor: { ...current.survivor.record, prs_MobilePhone: '+234 800 000 0000' },
        survivorAliases: current.survivor.aliases,
        victim: current.victim,
        details: current.details,
        events: current.events,
      })
      if (!saved.ok) throw new Error('the other save failed')
    },
    Number(page.url().split('/').at(-1)),
  )
  await page.getByTestId('case-save').click()
  await expect(page.getByTestId('conflict-message')).toContainText('Someone else saved this case')
  await expect(page.getByTestId('field-prs_MiddleName')).toHaveValue('Grace')
  await dismissToasts(page)
  await harness.screenshot('case-conflict')

  // Leaving with unsaved edits asks first.
  await page.getByTestId('nav-cases').click()
  await expect(page.getByTestId('unsaved-dialog')).toBeVisible()
  await page.getByTestId('unsaved-stay').click()
  await expect(page.getByTestId('field-prs_MiddleName')).toHaveValue('Grace')

  await page.getByTestId('conflict-reload').click()
  await expect(page.getByTestId('value-prs_MobilePhone')).toContainText('+234 800 000 0000')
  await page.getByTestId('case-edit').click()
  await page.getByTestId('field-prs_MiddleName').fill('Grace')
  await page.getByTestId('case-save').click()
  await expect(page.getByTestId('value-prs_MiddleName')).toContainText('Grace')
  await expect(page.getByTestId('case-survivor-name')).toHaveText('Amina Grace Yusuf')
  await dismissToasts(page)
  await harness.screenshot('case-detail')
})

test('the case list, the wizard and the case screens have no serious accessibility violations', async ({
  page,
  harness,
}) => {
  await harness.seedVault()
  await harness.addUser(CASEWORKER)
  await signIn(page, CASEWORKER)
  await expect(page.getByTestId('cases-empty')).toBeVisible()
  await expectNoSeriousA11yViolations(page, 'empty case list')

  const created = await createCaseByApi(harness, {
    intakeDate: '2025-02-11',
    survivor: { prs_FirstName: 'Amina', prs_Gender: 'Feminine', prs_Citizenship: ['NG'] },
    survivorAliases: ['Mimi'],
    victim: { vic_TypeOfExploitation: ['SexualExploitation'] },
    events: [{ record: { hte_Type: 'Transit', hte_Country: 'LY' } }],
  })
  await page.reload()
  await expect(page.getByTestId(`case-row-${created.caseNumber}`)).toBeVisible()
  await page.getByTestId('case-search').fill('Mimi')
  await expect(page.getByTestId('case-search-result')).toHaveCount(1)
  await expectNoSeriousA11yViolations(page, 'case list with search results')

  await page.getByTestId('new-case-button').click()
  await expectNoSeriousA11yViolations(page, 'wizard intake')
  await page.getByRole('button', { name: 'Choose a date from the calendar' }).click()
  await expect(page.locator('#new-intake-date-calendar')).toBeVisible()
  await expectNoSeriousA11yViolations(page, 'calendar')
  await page.keyboard.press('Escape')
  await expect(page.locator('#new-intake-date-calendar')).toBeHidden()
  await page.getByTestId('wizard-next').click()
  await page.getByTestId('wizard-next').click()
  await expect(page.getByTestId('field-prs_FirstName')).toHaveAttribute('aria-invalid', 'true')
  await expectNoSeriousA11yViolations(page, 'wizard survivor with an error')
  await page.getByTestId('field-prs_FirstName').fill('Ada')
  // Closing the window with unsaved work asks first (the browser shows its own question).
  expect(
    await page.evaluate(() => {
      const event = new Event('beforeunload', { cancelable: true })
      window.dispatchEvent(event)
      return event.defaultPrevented
    }),
  ).toBe(true)
  await page.getByTestId('wizard-next').click()
  await expectNoSeriousA11yViolations(page, 'wizard experience')
  await page.getByTestId('wizard-next').click()
  await expectNoSeriousA11yViolations(page, 'wizard review')
  await page.getByTestId('wizard-cancel').click()
  await expect(page.getByTestId('unsaved-dialog')).toBeVisible()
  await expectNoSeriousA11yViolations(page, 'unsaved changes dialog')
  await page.getByTestId('unsaved-leave').click()

  await page.getByTestId(`case-row-${created.caseNumber}`).click()
  await expect(page.getByTestId('case-number')).toHaveText(created.caseNumber)
  await expectNoSeriousA11yViolations(page, 'case detail')
  for (const tab of ['experience', 'events', 'perpetrators', 'comments', 'attachments', 'history']) {
    await page.getByTestId(`case-tab-${tab}`).click()
    await expectNoSeriousA11yViolations(page, `case ${tab} tab`)
  }
  // Caseworkers are told why there is no history, rather than shown an error.
  await expect(page.getByTestId('history-not-allowed')).toBeVisible()
  await page.getByTestId('case-edit').click()
  await page.getByTestId('case-tab-survivor').click()
  await expectNoSeriousA11yViolations(page, 'case edit form')
})
