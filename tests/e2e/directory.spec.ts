import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import type { AuditEntry } from '../../main/api/contract'
import { ADMIN, expect, test } from './support/harness'
import { signIn } from './support/app'
import { choose, dismissToasts } from './support/cases'
import { partnerFile } from './support/directory'

// The service directory through the real renderer, the real API and a real encrypted vault:
// admins keep it (by keyboard too) and exchange it with partners as HSDS 3.0. Caseworkers only read
// it and analysts do not get it at all: directory-roles.spec.ts.

const focusedTestId = (page: Page) =>
  page.evaluate(() => document.activeElement?.closest('[data-testid]')?.getAttribute('data-testid') ?? null)

async function tabTo(page: Page, testid: string): Promise<void> {
  for (let presses = 0; (await focusedTestId(page)) !== testid; presses++) {
    expect(presses, `${testid} is reachable with Tab`).toBeLessThan(30)
    await page.keyboard.press('Tab')
  }
}

test('an admin keeps the directory: adds by keyboard, edits, deactivates, exports and imports HSDS', async ({
  page,
  harness,
}) => {
  await harness.seedVault()
  await signIn(page, ADMIN)
  await page.getByTestId('nav-directory').click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Service directory')
  await expect(page.getByTestId('directory-services-empty')).toBeVisible()
  // No organisation yet, so no service can be added.
  await expect(page.getByTestId('directory-add-service')).toBeDisabled()

  // The organisation by keyboard alone: Tab to the button, Enter, type, pick the type, Enter saves.
  // (Opening a screen puts focus on its heading, so Tab goes on from there.)
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused()
  await tabTo(page, 'directory-add-organisation')
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('organisation-dialog')).toBeVisible()
  await tabTo(page, 'directory-field-name')
  await page.keyboard.type('Casa Segura')
  await tabTo(page, 'directory-field-orgType')
  await page.keyboard.press('Enter')
  await page.keyboard.type('NGO')
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('directory-field-orgType')).toContainText('NGO')
  // The list closes on a timer and hands focus back to the field; wait, or it takes the next keys.
  await expect(page.locator('.p-select-overlay')).toHaveCount(0)
  await tabTo(page, 'directory-field-phone')
  await page.keyboard.type('+351 21 000 1234')
  await tabTo(page, 'directory-field-city')
  await page.keyboard.type('Lisbon')
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('organisation-dialog')).toBeHidden()
  const organisations = page.getByTestId('directory-organisations-table')
  await expect(organisations).toContainText('Casa Segura')
  await expect(organisations).toContainText('Lisbon')

  // The service, with the mouse; a bad email is caught at the field before main sees it.
  await page.getByTestId('directory-add-service').click()
  const dialog = page.getByTestId('service-dialog')
  await dialog.getByTestId('directory-field-name').fill('Emergency shelter')
  await choose(page, 'directory-field-organisationId', 'Casa Segura', dialog)
  await choose(page, 'directory-field-serviceTypes', 'Social Care', dialog)
  await choose(page, 'directory-field-serviceTypes', 'Health', dialog)
  await choose(page, 'directory-field-languages', 'Portuguese', dialog)
  await dialog.getByTestId('directory-field-eligibilityNotes').fill('Women and children, any nationality.')
  await dialog.getByTestId('directory-field-openingHours').fill('Day and night')
  await dialog.getByTestId('directory-field-email').fill('not an address')
  await dialog.getByTestId('directory-field-city').fill('Lisbon')
  await dialog.getByTestId('directory-field-name').scrollIntoViewIfNeeded()
  await dismissToasts(page)
  await harness.screenshot('directory-service-form')
  await dialog.getByTestId('service-save').click()
  await expect(dialog.getByTestId('directory-field-email')).toHaveAttribute('aria-invalid', 'true')
  await expect(dialog.getByTestId('directory-field-email')).toBeFocused()
  await expect(dialog.locator('#directory-email-error')).toContainText('Enter a whole email address')
  await dialog.getByTestId('directory-field-email').fill('shelter@casasegura.example.org')
  await dialog.getByTestId('service-save').click()
  await expect(dialog).toBeHidden()

  const row = page.getByRole('row').filter({ hasText: 'Emergency shelter' })
  await expect(row).toContainText('Casa Segura')
  await expect(row).toContainText('Social Care')
  await expect(row).toContainText('Health')
  await expect(row).toContainText('Portuguese')
  await expect(row).toContainText('Women and children')

  // Edit: the form comes back filled in.
  await row.getByTestId('directory-service-edit').click()
  await expect(dialog.getByTestId('directory-field-name')).toHaveValue('Emergency shelter')
  await expect(dialog.getByTestId('directory-field-email')).toHaveValue('shelter@casasegura.example.org')
  await dialog.getByTestId('directory-field-name').fill('Emergency shelter for women')
  await dialog.getByTestId('service-save').click()
  await expect(dialog).toBeHidden()
  const edited = page.getByRole('row').filter({ hasText: 'Emergency shelter for women' })
  await expect(edited).toBeVisible()

  // Deactivate, hide inactive ones, reactivate.
  await edited.getByTestId('directory-service-toggle').click()
  await expect(edited.getByTestId('directory-service-inactive')).toBeVisible()
  await page.getByTestId('directory-active-only').click()
  await expect(page.getByTestId('directory-services-empty')).toBeVisible()
  await page.getByTestId('directory-active-only').click()
  await expect(edited.getByTestId('directory-service-toggle')).toHaveText('Reactivate')
  await edited.getByTestId('directory-service-toggle').click()
  await expect(edited.getByTestId('directory-service-inactive')).toHaveCount(0)
  await expect(edited.getByTestId('directory-service-toggle')).toHaveText('Deactivate')

  // Export: HSDS 3.0 JSON in the chosen file.
  await dismissToasts(page)
  await page.getByTestId('directory-export-json').click()
  await expect(page.locator('.p-toast-message')).toContainText('Exported 1 organisation and 1 service.')
  const exported = readdirSync(harness.savedFilesDir).filter((name) => name.endsWith('.json'))
  expect(exported).toHaveLength(1)
  const document = JSON.parse(readFileSync(join(harness.savedFilesDir, exported[0]!), 'utf8'))
  expect(document.organizations).toMatchObject([{ name: 'Casa Segura' }])
  expect(document.services).toMatchObject([
    {
      name: 'Emergency shelter for women',
      status: 'active',
      eligibility_description: 'Women and children, any nationality.',
      languages: [{ code: 'pt' }],
      organization: { name: 'Casa Segura' },
    },
  ])

  // Import a partner's file with one bad row: the dry run says where; nothing is written.
  await page.getByTestId('directory-import').click()
  const importDialog = page.getByTestId('directory-import-dialog')
  await importDialog.getByTestId('directory-import-input').setInputFiles({
    name: 'partner-directory.json',
    mimeType: 'application/json',
    buffer: partnerFile(true),
  })
  const errors = importDialog.getByTestId('directory-import-errors')
  await expect(errors).toContainText('services')
  await expect(errors.getByRole('row').nth(1)).toContainText('2')
  await expect(errors).toContainText('email')
  await expect(importDialog.getByTestId('directory-import-run')).toBeDisabled()
  await expect(importDialog).toContainText('One problem')
  await dismissToasts(page)
  await harness.screenshot('directory-import-report')

  // The partner fixes the row (here: leaves it out); the good rows then import.
  await importDialog.getByTestId('directory-import-input').setInputFiles({
    name: 'partner-directory-fixed.json',
    mimeType: 'application/json',
    buffer: partnerFile(false),
  })
  await expect(importDialog.getByTestId('directory-import-summary')).toContainText('Services: 2 read, 2 new')
  await expect(errors).toHaveCount(0)
  await importDialog.getByTestId('directory-import-run').click()
  await expect(importDialog).toBeHidden()
  await expect(page.getByRole('row').filter({ hasText: 'Labour rights clinic' })).toContainText(
    'Lisbon Migrant Support',
  )
  await expect(page.getByRole('row').filter({ hasText: 'Night shelter' })).toBeVisible()
  await expect(page.getByRole('row').filter({ hasText: 'Helpline' })).toHaveCount(0)
  await expect(organisations).toContainText('Lisbon Migrant Support')

  // Search narrows the list.
  await page.getByTestId('directory-search').fill('shelter')
  await expect(page.getByTestId('directory-service-name')).toHaveCount(2)
  await page.getByTestId('directory-search').fill('')
  await expect(page.getByTestId('directory-service-name')).toHaveCount(3)
  await dismissToasts(page)
  await harness.screenshot('directory-list')

  // Each change left an audit row, with ids and counts only.
  const audit = await harness.call<AuditEntry[]>('audit:list', { limit: 100 })
  if (!audit.ok) throw new Error(JSON.stringify(audit.error))
  const actions = audit.value.map((entry) => entry.action)
  for (const action of [
    'directory.organisation_created',
    'directory.service_created',
    'directory.service_updated',
    'directory.service_deactivated',
    'directory.service_reactivated',
    'directory.exported',
    'directory.imported',
  ]) {
    expect(actions, action).toContain(action)
  }
  expect(JSON.stringify(audit.value.filter((entry) => entry.action.startsWith('directory.')))).not.toContain(
    'Casa Segura',
  )
})
