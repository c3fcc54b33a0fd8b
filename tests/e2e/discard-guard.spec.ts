import { ADMIN, expect, test } from './support/harness'
import { expectNoSeriousA11yViolations, signIn } from './support/app'

// One Escape too many must not throw away a half-filled form (the mechanism behind a CI flake,
// and for a person: a lost referral). Untouched dialogs still close at once.

test('a half-filled form asks before Escape throws it away; an untouched one closes at once', async ({
  page,
  harness,
}) => {
  await harness.seedVault()
  await signIn(page, ADMIN)
  await page.getByTestId('nav-directory').click()

  const dialog = page.getByTestId('organisation-dialog')
  const question = page.getByTestId('unsaved-dialog')
  // Untouched: Escape closes, no question.
  await page.getByTestId('directory-add-organisation').click()
  await expect(dialog).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await expect(question).toHaveCount(0)

  // Typed: Escape asks; "Stay" has the focus, so Enter keeps the work.
  await page.getByTestId('directory-add-organisation').click()
  await dialog.getByTestId('directory-field-name').fill('Casa Segura')
  await page.keyboard.press('Escape')
  await expect(question).toBeVisible()
  await expect(page.getByTestId('unsaved-stay')).toBeFocused()
  await harness.screenshot('discard-question')
  await expectNoSeriousA11yViolations(page, 'discard question')
  await page.keyboard.press('Enter')
  await expect(question).toBeHidden()
  await expect(dialog.getByTestId('directory-field-name')).toHaveValue('Casa Segura')

  // A second Escape on the question keeps the form too.
  await page.keyboard.press('Escape')
  await expect(question).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(question).toBeHidden()
  await expect(dialog.getByTestId('directory-field-name')).toHaveValue('Casa Segura')

  // Cancel asks as well; leaving closes the form, and it opens empty next time.
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await page.getByTestId('unsaved-leave').click()
  await expect(dialog).toBeHidden()
  await page.getByTestId('directory-add-organisation').click()
  await expect(dialog.getByTestId('directory-field-name')).toHaveValue('')
})
