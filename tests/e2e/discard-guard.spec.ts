import type { DirectoryOrganisation } from '../../main/api/contract'
import { ADMIN, expect, test } from './support/harness'
import { expectNoSeriousA11yViolations, signIn } from './support/app'
import { caseworkerWithCase } from './support/cases'

// One Escape too many must not throw away a half-filled form (the mechanism behind a CI flake,
// and for a person: a lost referral). Untouched dialogs still close at once, and an Escape meant
// for an open list or calendar inside the form closes only that.

test('a half-filled service form asks before Escape throws it away; an untouched one closes at once', async ({
  page,
  harness,
}) => {
  await harness.seedVault()
  expect(
    await harness.call('vault:unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase }),
  ).toMatchObject({ ok: true })
  const organisation = await harness.call<DirectoryOrganisation>('directory:saveOrganisation', {
    name: 'Casa Segura',
    orgType: 'NGO',
    city: 'Lisbon',
    country: 'PT',
  })
  expect(organisation.ok).toBe(true)
  harness.lockFromMain('user')
  await signIn(page, ADMIN)
  await page.getByTestId('nav-directory').click()

  const dialog = page.getByTestId('service-dialog')
  const question = page.getByTestId('discard-dialog')
  const name = dialog.getByTestId('directory-field-name')

  // Untouched: Escape closes, no question.
  await page.getByTestId('directory-add-service').click()
  await expect(dialog).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await expect(question).toHaveCount(0)

  await page.getByTestId('directory-add-service').click()
  await name.fill('Emergency shelter')
  // Escape in an open list closes only the list.
  await dialog.getByTestId('directory-field-serviceTypes').click()
  const list = page.locator('.p-multiselect-overlay')
  await expect(list).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(list).toBeHidden()
  await expect(question).toHaveCount(0)
  await expect(dialog).toBeVisible()

  // Typed: Escape asks; "Keep editing" has the focus, so Enter keeps the work and the focus goes
  // back where it was.
  await name.click()
  await page.keyboard.press('Escape')
  await expect(question).toBeVisible()
  await expect(question).toContainText('Discard the changes?')
  await expect(page.getByTestId('discard-keep')).toBeFocused()
  await harness.screenshot('discard-question')
  await expectNoSeriousA11yViolations(page, 'discard question')
  await page.keyboard.press('Enter')
  await expect(question).toBeHidden()
  await expect(name).toHaveValue('Emergency shelter')
  await expect(name).toBeFocused()

  // Escape twice by habit: the second one answers the question with "Keep editing".
  await page.keyboard.press('Escape')
  await expect(question).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(question).toBeHidden()
  await expect(dialog).toBeVisible()
  await expect(name).toHaveValue('Emergency shelter')

  // Discard, by keyboard alone: the form closes, and it opens empty next time.
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('discard-keep')).toBeFocused()
  // PrimeVue focuses the dialog's autofocus button again when its opening animation ends; a Tab
  // pressed before that (a loaded machine) is undone by it. Wait for the question to have opened.
  await expect(page.locator('.p-dialog-enter-active')).toHaveCount(0)
  await page.keyboard.press('Tab')
  await expect(page.getByTestId('discard-confirm')).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(question).toBeHidden()
  await expect(dialog).toBeHidden()
  await page.getByTestId('directory-add-service').click()
  await expect(name).toHaveValue('')
})

test('in a half-written referral, Escape in the date calendar closes only the calendar; Cancel asks', async ({
  page,
  harness,
}) => {
  const created = await caseworkerWithCase(page, harness, {
    survivor: { prs_FirstName: 'Olena', prs_Gender: 'Feminine' },
    victim: { vic_TraffickingStatus: 'PossibleVictimOfTrafficking' },
  })
  await page.goto(`/#/app/cases/${created.id}`)
  await page.getByTestId('case-tab-referrals').click()

  const dialog = page.getByTestId('referral-form-dialog')
  const question = page.getByTestId('discard-dialog')
  await page.getByTestId('referral-new').click()
  await page.getByTestId('referral-details').fill('Lawyer needed for the labour court hearing.')

  // The calendar beside the referral date, by keyboard: it opens on a day, Escape closes it.
  // As above: PrimeVue moves the focus to the form's first field when its opening animation ends.
  // And the form scrolls to bring the button into view; PrimeVue's calendar closes on a scroll, so
  // an Enter pressed before that scroll's event (a loaded CI machine) opened it and closed it at once.
  // Wait for both to be over, as a person's keystroke would be.
  await expect(page.locator('.p-dialog-enter-active')).toHaveCount(0)
  const calendarButton = dialog.getByRole('button', { name: 'Choose a date from the calendar' }).first()
  await calendarButton.scrollIntoViewIfNeeded()
  await calendarButton.focus()
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))))
  await page.keyboard.press('Enter')
  const calendar = page.getByRole('dialog', { name: 'Calendar' })
  await expect(calendar).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(calendar).toBeHidden()
  await expect(question).toHaveCount(0)
  await expect(dialog).toBeVisible()
  await expect(calendarButton).toBeFocused()

  // Cancel with typed details asks; Keep editing keeps them.
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await expect(question).toBeVisible()
  await page.getByTestId('discard-keep').click()
  await expect(question).toBeHidden()
  await expect(page.getByTestId('referral-details')).toHaveValue(
    'Lawyer needed for the labour court hearing.',
  )
  await page.getByTestId('discard-keep').waitFor({ state: 'detached' })
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await page.getByTestId('discard-confirm').click()
  await expect(dialog).toBeHidden()
})
