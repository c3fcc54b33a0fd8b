import type { Page } from '@playwright/test'
import { expect, test } from './support/harness'
import { expectNoSeriousA11yViolations, signIn } from './support/app'
import { CASEWORKER, choose, dismissToasts, supervisorSignedIn } from './support/cases'

// Screening (risk and vulnerability assessments) through the real renderer, API and encrypted vault.

function daysAgo(days: number): string {
  return new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10)
}

async function answer(page: Page, question: string, choice: string): Promise<void> {
  await page.getByTestId(`answer-${question}-${choice}`).check()
}

test('a walk-in is screened, the screening becomes a case, and the case shows it over time', async ({
  page,
  harness,
}) => {
  await harness.seedVault()
  await harness.addUser(CASEWORKER)
  await signIn(page, CASEWORKER)

  await page.getByTestId('nav-screening').click()
  await expect(page.getByTestId('screening-empty')).toBeVisible()
  await expectNoSeriousA11yViolations(page, 'screening list (empty)')
  await page.getByTestId('new-screening-button').click()

  // The walk-in (six weeks ago): minimal details, then the shipped HTCDS / DoMV template's questions.
  await page.getByTestId('screening-date').fill(daysAgo(42))
  await page.getByTestId('subject-first-name').fill('Maryna')
  await page.getByTestId('subject-alias').fill('Mari')
  await choose(page, 'subject-gender', 'Feminine')
  await page.getByTestId('subject-age').fill('24')
  await choose(page, 'subject-citizenship', 'Ukraine')
  await expect(page.getByTestId('screening-result')).toContainText('Low')
  await answer(page, 'historyOfAbuse', 'risk')
  await answer(page, 'householdDebt', 'risk')
  await answer(page, 'legalStatus', 'risk')
  await answer(page, 'age', 'protective')
  await page.getByTestId('answer-individualNotes').fill('Came with a friend from the market.')
  // 3 + 2 + 2 risk, 2 protective: score 5, medium; the next step follows the suggestion.
  await expect(page.getByTestId('screening-result')).toContainText('Medium')
  await expect(page.getByTestId('result-individual')).toContainText('2 (weight 5)')
  await expect(page.getByTestId('next-step')).toContainText('Refer to services')
  await answer(page, 'environmentConflict', 'risk')
  await expect(page.getByTestId('screening-result')).toContainText('High')
  await expect(page.getByTestId('next-step')).toContainText('Open a case')
  await harness.screenshot('screening-form')
  await expectNoSeriousA11yViolations(page, 'screening form')
  await page.getByTestId('screening-save').click()

  // The saved screening: facts, result and answers; not linked yet.
  await expect(page.getByTestId('screening-person')).toContainText('Maryna')
  await expect(page.getByTestId('screening-next-step')).toHaveText('Open a case')
  await expect(page.getByTestId('answered-historyOfAbuse')).toContainText('Risk factor')
  await expect(page.getByTestId('answered-individualNotes')).toContainText('Came with a friend')
  await dismissToasts(page)
  await harness.screenshot('screening-detail')
  await expectNoSeriousA11yViolations(page, 'screening detail')

  // "Create case from this screening": one step, the person becomes the case's survivor.
  await page.getByTestId('screening-convert').click()
  await page.getByTestId('convert-dialog-confirm').click()
  await expect(page.getByTestId('case-number')).toHaveText(/^SHN-\d{4}-\d{5}$/)
  await expect(page.getByTestId('case-screening-tab')).toBeVisible()
  await expect(page.getByTestId('case-screening-table')).toContainText('High')
  await expect(page.getByTestId('answered-historyOfAbuse')).toContainText('Risk factor')
  await expect(page.getByTestId('answered-householdDebt')).toContainText('Risk factor')
  await page.getByTestId('case-tab-survivor').click()
  await expect(page.getByTestId('value-prs_Gender')).toContainText('Feminine')
  await expect(page.getByTestId('value-aliases')).toContainText('Mari')

  // A later screening for the same case: the tab charts how the factors changed.
  await page.getByTestId('case-tab-screening').click()
  await page.getByTestId('case-new-screening').click()
  await expect(page.getByTestId('screening-subject')).toHaveCount(0)
  await answer(page, 'historyOfAbuse', 'risk')
  await answer(page, 'safePlaceTonight', 'yes')
  await answer(page, 'householdIncome', 'protective')
  await answer(page, 'healthServices', 'protective')
  await page.getByTestId('screening-save').click()
  await expect(page.getByTestId('screening-case-link')).toBeVisible()
  await page.getByTestId('screening-case-link').click()
  await page.getByTestId('case-tab-screening').click()
  await expect(page.getByTestId('screening-trend-chart')).toBeVisible()
  await expect(page.getByTestId('case-screening-table').locator('tbody tr')).toHaveCount(2)
  await dismissToasts(page)
  await harness.screenshot('screening-case-tab')
  await expectNoSeriousA11yViolations(page, 'case screening tab')
})

test('a hotline screening by keyboard alone, with a judgement that differs, then the print view', async ({
  page,
  harness,
}) => {
  await harness.seedVault()
  await harness.addUser(CASEWORKER)
  await signIn(page, CASEWORKER)
  await page.getByTestId('nav-screening').click()
  await page.getByTestId('new-screening-button').click()
  await expect(page.getByTestId('question-age')).toBeVisible()

  // The focused element's test id, or its id (a Select's focusable part carries the input id).
  const focused = () =>
    page.evaluate(() => {
      const element = document.activeElement
      return element?.getAttribute('data-testid') ?? element?.id ?? ''
    })
  async function tabTo(testid: string | RegExp): Promise<void> {
    for (let presses = 0; ; presses++) {
      const now = await focused()
      if (typeof testid === 'string' ? now === testid : testid.test(now)) return
      expect(presses, `${String(testid)} is reachable with Tab`).toBeLessThan(120)
      await page.keyboard.press('Tab')
    }
  }
  await tabTo('subject-alias')
  await page.keyboard.type('Caller 7')
  // A radio group is one Tab stop; Space picks the first choice, the arrows move between choices.
  await tabTo(/^answer-immediateDanger-/)
  await page.keyboard.press('Space')
  await expect(page.getByTestId('answer-immediateDanger-yes')).toBeChecked()
  await tabTo(/^answer-legalStatus-/)
  await page.keyboard.press('Space')
  await page.keyboard.press('ArrowRight')
  await expect(page.getByTestId('answer-legalStatus-protective')).toBeChecked()
  await expect(page.getByTestId('screening-result')).toContainText('critical question')

  // The screener judges medium: the form then asks why, and will not save without a reason.
  await tabTo('judgement-level')
  await page.keyboard.press('Enter')
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('judgement-level')).toContainText('Medium')
  // The list closes on a timer and then hands focus back to the field: wait for it, or that late
  // focus lands in the middle of what is typed next.
  await expect(page.locator('.p-select-overlay')).toHaveCount(0)
  await tabTo('screening-save')
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('judgement-reason')).toBeFocused()
  await expect(page.locator('#judgement-reason-error')).toContainText('Say why')
  await page.keyboard.type('Caller is already in a shelter; danger was last week.')
  await tabTo('screening-save')
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('screening-reason')).toContainText('already in a shelter')
  await expect(page.getByTestId('screening-facts')).toContainText('Medium')

  await page.getByTestId('screening-print-link').focus()
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('screening-print')).toContainText('Confidential')
  await expect(page.getByTestId('screening-print-button')).toBeVisible()
  await dismissToasts(page)
  await page.emulateMedia({ media: 'print' })
  await expect(page.getByTestId('screening-print-button')).toBeHidden()
  await expect(page.getByTestId('nav-screening')).toBeHidden()
  await harness.screenshot('screening-print')
  await page.emulateMedia({ media: 'screen' })

  // The list: filter to screenings not linked to a case.
  await page.getByTestId('nav-screening').click()
  await expect(page.getByTestId('screening-table')).toContainText('Caller 7')
  await choose(page, 'screening-filter-linked', 'Linked to a case')
  await expect(page.getByTestId('screening-none-match')).toBeVisible()
  await choose(page, 'screening-filter-linked', 'Not linked')
  await expect(page.getByTestId('screening-table')).toContainText('Caller 7')
  await harness.screenshot('screening-list')
})

test('a supervisor saves a new template version; old screenings keep theirs', async ({ page, harness }) => {
  await supervisorSignedIn(page, harness)
  await page.getByTestId('nav-screening').click()
  await page.getByRole('link', { name: 'Screening templates' }).click()
  await expect(page.getByTestId('template-version-1')).toBeVisible()
  await page.getByTestId('template-edit').click()
  await page.getByTestId('add-question-community').click()
  const added = page.locator('[data-testid^="tq-community-"]').last()
  await added
    .getByLabel('Question', { exact: true })
    .fill('Are recruiters known to be active in the community?')
  await added.getByLabel('Key', { exact: true }).fill('recruiterActivity')
  await page.getByTestId('template-save').click()
  await expect(page.getByTestId('template-version-2')).toBeVisible()
  await expect(page.getByTestId('preview-recruiterActivity')).toBeVisible()
  await dismissToasts(page)
  await harness.screenshot('screening-templates')
  await expectNoSeriousA11yViolations(page, 'screening templates')
})
