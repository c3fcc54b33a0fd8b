import { ADMIN, expect, test } from './support/harness'
import { expectNoSeriousA11yViolations, expectUnlockedAs, lock, signIn, unlock } from './support/app'
import { CASEWORKER } from './support/cases'
import { partnerFile, seedDirectory } from './support/directory'

// The service directory for the roles that do not keep it (caseworkers read it, analysts do not
// get it), and its screens checked for accessibility. Keeping it: directory.spec.ts.

const ANALYST = {
  username: 'noor.analyst',
  displayName: 'Noor Rahman',
  role: 'analyst',
  passphrase: 'amber lantern tide 64',
}

test('a caseworker reads the directory without edit controls; an analyst does not get it', async ({
  page,
  harness,
}) => {
  await harness.seedVault()
  await harness.addUser(CASEWORKER)
  await harness.addUser(ANALYST)
  await seedDirectory(harness)

  await signIn(page, CASEWORKER)
  await page.getByTestId('nav-directory').click()
  await expect(page.getByTestId('directory-read-only')).toBeVisible()
  const row = page.getByRole('row').filter({ hasText: 'Residence permit advice' })
  await expect(row).toContainText('Harbour Legal Aid')
  await expect(row).toContainText('Legal')
  for (const testid of [
    'directory-add-organisation',
    'directory-add-service',
    'directory-import',
    'directory-export-json',
    'directory-export-csv',
    'directory-service-edit',
    'directory-service-toggle',
    'directory-organisation-edit',
    'directory-organisation-toggle',
  ]) {
    await expect(page.getByTestId(testid), testid).toHaveCount(0)
  }
  // Main refuses the change whatever the page sends.
  const refused = await page.evaluate(() =>
    window.casevault.directory.saveOrganisation({ name: 'Sneaky Org' }),
  )
  expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  await harness.screenshot('directory-read-only')
  await lock(page)

  await unlock(page, ANALYST.username, ANALYST.passphrase)
  await expectUnlockedAs(page, ANALYST.displayName)
  await expect(page.getByTestId('nav-directory')).toHaveCount(0)
  await page.evaluate(() => {
    window.location.hash = '#/app/directory'
  })
  await expect(page.getByTestId('not-allowed')).toBeVisible()
  await expect(page.getByTestId('directory-services-table')).toHaveCount(0)
  const listed = await page.evaluate(() => window.casevault.directory.listServices({}))
  expect(listed).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
})

test('the directory screens have no serious accessibility violations', async ({ page, harness }) => {
  await harness.seedVault()
  await seedDirectory(harness)
  await signIn(page, ADMIN)
  await page.getByTestId('nav-directory').click()
  await expect(page.getByTestId('directory-service-name')).toHaveCount(1)
  await expectNoSeriousA11yViolations(page, 'directory list')

  await page.getByTestId('directory-add-organisation').click()
  await expect(page.getByTestId('organisation-dialog')).toBeVisible()
  await page.getByTestId('organisation-save').click()
  await expect(page.getByTestId('directory-field-name')).toHaveAttribute('aria-invalid', 'true')
  await expectNoSeriousA11yViolations(page, 'organisation form with an error')
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('organisation-dialog')).toBeHidden()

  await page.getByTestId('directory-service-edit').click()
  await expect(page.getByTestId('service-dialog')).toBeVisible()
  await expectNoSeriousA11yViolations(page, 'service form')
  await page.keyboard.press('Escape')

  await page.getByTestId('directory-import').click()
  await page.getByTestId('directory-import-input').setInputFiles({
    name: 'partner-directory.json',
    mimeType: 'application/json',
    buffer: partnerFile(true),
  })
  await expect(page.getByTestId('directory-import-errors')).toBeVisible()
  await expectNoSeriousA11yViolations(page, 'import report')
})
