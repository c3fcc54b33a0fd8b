// An import writes what its dry run showed, and a mapping problem is one the user can fix on the
// mapping step. Both were found by trying the import as a shelter would use it: a sheet saved
// again between the check and the Import button, and a partner's sheet whose columns clash with
// the mapping saved for the shelter's own.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { expect, test, type Harness } from './support/harness'
import { supervisorSignedIn } from './support/cases'

const lines = (rows: string[]) => rows.join('\r\n') + '\r\n'

async function openImport(page: Page, harness: Harness, file: string) {
  await page.getByTestId('nav-reports').click()
  await page.getByTestId('reports-import').click()
  await expect(page.getByRole('heading', { level: 1, name: 'Import' })).toBeVisible()
  harness.chooseImportFile(file)
  await page.getByTestId('import-choose').click()
  await expect(page.getByTestId('import-dry-run')).toBeVisible()
}

const counted = (page: Page, count: string) =>
  page.getByTestId('import-dry-run').locator(`[data-count="${count}"] dd`)

test('a file saved again after its dry run is not imported unseen: it is checked again first', async ({
  page,
  harness,
}) => {
  await supervisorSignedIn(page, harness)
  const file = join(harness.savedFilesDir, 'intake.csv')
  writeFileSync(
    file,
    lines(['caseNumber,intakeDate,prs_FirstName', 'D-1,2025-06-01,Awa', 'D-2,2025-06-01,Bea']),
  )
  await openImport(page, harness, file)
  await expect(counted(page, 'valid')).toHaveText('2')

  // The sheet is fixed in a spreadsheet and saved again while the dry run is on screen.
  const more = Array.from({ length: 7 }, (_, i) => `E-${i + 1},2025-06-01,Other`)
  writeFileSync(
    file,
    lines(['caseNumber,intakeDate,prs_FirstName', 'D-1,2025-06-01,Awa', 'D-2,2025-06-01,Bea', ...more]),
  )
  await page.getByTestId('import-run').click()
  await expect(page.getByTestId('import-file-changed')).toContainText('nothing was imported')
  expect(await harness.call('cases:list', {})).toMatchObject({ ok: true, value: { total: 0 } })
  // The check on screen is now the file's as it is; importing it imports what it shows.
  await expect(counted(page, 'valid')).toHaveText('9')
  await expect(page.locator('#import-dry-run-heading')).toBeFocused()
  await page.getByTestId('import-run').click()
  await expect(page.getByTestId('import-done-summary')).toHaveText('9 cases were imported.', {
    timeout: 30_000,
  })
})

test('columns that clash with a saved mapping are shown on the mapping step, where one can be chosen', async ({
  page,
  harness,
}) => {
  await supervisorSignedIn(page, harness)
  // The shelter's own sheet: "Name" mapped by hand to First name, imported (the mapping is saved).
  const own = join(harness.savedFilesDir, 'shelter.csv')
  writeFileSync(own, lines(['caseNumber,intakeDate,Name', 'A-1,2025-06-01,Awa']))
  await openImport(page, harness, own)
  await page.getByTestId('import-map-Name').selectOption('prs_FirstName')
  await page.getByTestId('import-recheck').click()
  await expect(counted(page, 'valid')).toHaveText('1')
  await page.getByTestId('import-run').click()
  await expect(page.getByTestId('import-done-summary')).toHaveText('1 case was imported.', {
    timeout: 30_000,
  })

  // A partner's sheet has "Name" (the full name) and "First Name": both reach First name.
  const partner = join(harness.savedFilesDir, 'partner.csv')
  writeFileSync(partner, lines(['caseNumber,intakeDate,Name,First Name', 'B-1,2025-06-02,Bea Santos,Bea']))
  await openImport(page, harness, partner)
  await expect(page.getByTestId('import-error')).toHaveCount(0)
  await expect(page.getByTestId('import-map-Name')).toHaveValue('prs_FirstName')
  await expect(page.getByTestId('import-map-First Name')).toHaveValue('')
  await page.getByTestId('import-ignored').locator('summary').click()
  await expect(page.getByTestId('import-ignored')).toContainText('column Name already fills this field')

  // The user takes First Name instead, by keyboard, and checks again: focus lands on the new result.
  await page.getByTestId('import-map-Name').selectOption('')
  await page.getByTestId('import-map-First Name').selectOption('prs_FirstName')
  await page.getByTestId('import-recheck').focus()
  await page.keyboard.press('Enter')
  await expect(page.locator('#import-dry-run-heading')).toBeFocused()
  await expect(counted(page, 'valid')).toHaveText('1')
  await page.getByTestId('import-run').click()
  await expect(page.getByTestId('import-done-summary')).toHaveText('1 case was imported.', {
    timeout: 30_000,
  })
  // The case has the first name from the column chosen: "Bea", not "Bea Santos".
  const hits = await harness.call('cases:search', { query: 'B-1' })
  expect(hits).toMatchObject({ ok: true, value: [{ caseNumber: 'B-1' }] })
  const id = (hits as { value: { id: number }[] }).value[0]!.id
  expect(await harness.call('cases:get', { id })).toMatchObject({
    ok: true,
    value: { survivor: { record: { prs_FirstName: 'Bea' } } },
  })
})
