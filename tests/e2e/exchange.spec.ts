import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import type { CreateCaseInput } from '../../main/api/contract'
import { ADMIN, expect, test, type Harness } from './support/harness'
import { expectNoSeriousA11yViolations, expectUnlockedAs, signIn, unlock } from './support/app'
import { SUPERVISOR, createCaseByApi } from './support/cases'

// Exports and imports through the real renderer, the real API and a real encrypted vault. The
// harness answers main's save dialog with a temp folder and its open dialog with the file a test
// names (support/harness.ts). Passphrase-encrypted exports run age's scrypt for real.

const EXPORT_PASSPHRASE = 'quiet walnut ferry orbit 1987 maple'
const ANALYST = {
  username: 'noor.analyst',
  displayName: 'Noor Rahman',
  role: 'analyst',
  passphrase: 'amber lantern tide 64',
}

/** Cases alike enough that most rows survive k = 5, and one that must be generalised away. */
function survivorCase(index: number): CreateCaseInput {
  const rare = index === 0
  return {
    intakeDate: `2024-0${(index % 6) + 1}-1${index % 9}`,
    survivor: {
      prs_FirstName: `Survivor${index}`,
      prs_Gender: rare ? 'Masculine' : 'Feminine',
      prs_Citizenship: [rare ? 'PE' : 'NG'],
      prs_Birthdate: rare ? '1960-05-05' : '2000-03-0' + ((index % 9) + 1),
    },
    survivorAliases: [],
    victim: { vic_TypeOfExploitation: ['SexualExploitation'] },
  }
}

async function seedCases(harness: Harness, count: number): Promise<void> {
  const unlocked = await harness.call('vault:unlock', {
    username: ADMIN.username,
    passphrase: ADMIN.passphrase,
  })
  expect(unlocked.ok).toBe(true)
  for (let index = 0; index < count; index++) await createCaseByApi(harness, survivorCase(index))
  harness.lockFromMain('user')
}

async function openExport(page: Page, user: { username: string; passphrase: string; displayName: string }) {
  await signIn(page, user)
  await page.getByTestId('nav-reports').click()
  await expect(page.getByRole('heading', { level: 1, name: 'Reports' })).toBeVisible()
  await expectNoSeriousA11yViolations(page, 'reports')
  await page.getByTestId('reports-export').click()
  await expect(page.getByRole('heading', { level: 1, name: 'Export' })).toBeVisible()
}

test('an admin exports HTCDS JSON encrypted with a passphrase; plaintext only after the warning', async ({
  page,
  harness,
}) => {
  await harness.seedVault()
  await seedCases(harness, 2)
  await openExport(page, ADMIN)
  await expect(page.getByTestId('export-format-htcds-json')).toBeChecked()

  await page.getByTestId('export-passphrase').fill(EXPORT_PASSPHRASE)
  await page.getByTestId('export-passphrase-confirm').fill(EXPORT_PASSPHRASE)
  await expect(page.getByTestId('backup-strength')).toContainText(/Strength [34] of 4/)
  await page.getByTestId('export-run').click()
  const result = page.getByTestId('export-result')
  await expect(result).toContainText('The export was saved to:', { timeout: 30_000 })
  await expect(page.getByTestId('export-rows')).toHaveText('2 cases.')
  await expect(page.getByTestId('export-encrypted')).toContainText('The file is encrypted')
  const file = (await page.getByTestId('export-file').textContent())!.trim()
  expect(file.startsWith(harness.savedFilesDir)).toBe(true)
  expect(file).toMatch(/\.json\.age$/)
  // An age file: its header, and none of the survivors' names in clear.
  const bytes = readFileSync(file)
  expect(bytes.subarray(0, 21).toString()).toBe('age-encryption.org/v1')
  expect(bytes.includes(Buffer.from('Survivor1'))).toBe(false)
  await expect(page.getByTestId('export-passphrase')).toHaveValue('')
  await harness.screenshot('export')

  // Unencrypted: a dialog first, which says what that means and keeps the focus inside it.
  await page.getByTestId('export-plaintext').click()
  const dialog = page.getByTestId('plaintext-dialog')
  await expect(dialog).toContainText('Anyone who gets this file can read it')
  await expect(page.getByTestId('plaintext-cancel')).toBeFocused()
  await expect(page.getByTestId('plaintext-confirm')).toBeDisabled()
  for (let presses = 0; presses < 6; presses++) {
    await page.keyboard.press('Tab')
    expect(await dialog.evaluate((element) => element.contains(document.activeElement))).toBe(true)
  }
  await harness.screenshot('export-plaintext-warning')
  await expectNoSeriousA11yViolations(page, 'export plaintext warning')
  await page.keyboard.press('Escape')
  await expect(dialog).toHaveCount(0)

  await page.getByTestId('export-plaintext').click()
  await page.getByTestId('plaintext-understood').check()
  await page.getByTestId('plaintext-confirm').click()
  await expect(page.getByTestId('export-encrypted')).toContainText('NOT encrypted', { timeout: 30_000 })
  const plain = (await page.getByTestId('export-file').textContent())!.trim()
  expect(plain).toMatch(/\.json$/)
  const exported = JSON.parse(readFileSync(plain, 'utf8')) as { cases: unknown[] }
  expect(exported.cases).toHaveLength(2)
  await expectNoSeriousA11yViolations(page, 'export')
})

test('an analyst exports de-identified CSV and reads what k-anonymity did', async ({ page, harness }) => {
  await harness.seedVault()
  await harness.addUser(ANALYST)
  await seedCases(harness, 12)
  await openExport(page, ANALYST)
  await expect(page.getByTestId('export-analyst-note')).toBeVisible()
  await expect(page.getByTestId('export-format-htcds-json')).toHaveCount(0)
  await expect(page.getByTestId('export-format-deidentified-csv')).toBeChecked()
  await expect(page.getByTestId('export-k')).toHaveValue('5')
  // Main refuses full records to an analyst, whatever the page sends.
  const refused = await page.evaluate(() =>
    window.casevault.export.run({ format: 'htcds-json', protection: { plaintext: true, confirmed: true } }),
  )
  expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })

  await page.getByTestId('export-scope-from-year').fill('2024')
  await page.getByTestId('export-scope-to-year').fill('2024')
  await page.getByTestId('export-passphrase').fill(EXPORT_PASSPHRASE)
  await page.getByTestId('export-passphrase-confirm').fill(EXPORT_PASSPHRASE)
  await expect(page.getByTestId('export-run')).toBeEnabled()
  await page.getByTestId('export-passphrase-confirm').press('Enter')
  await expect(page.getByTestId('export-result')).toContainText('The export was saved to:', {
    timeout: 30_000,
  })
  const report = page.getByTestId('deidentification-report')
  await expect(report.getByTestId('report-k')).toContainText('at least 5 rows (k = 5)')
  await expect(report).toContainText('Cases read: 12.')
  await expect(report).toContainText('citizenship')
  const file = (await page.getByTestId('export-file').textContent())!.trim()
  expect(file).toMatch(/deidentified-csv-.*\.csv\.age$/)
  expect(readFileSync(file).subarray(0, 21).toString()).toBe('age-encryption.org/v1')
  await harness.screenshot('export-deidentified')
  await expectNoSeriousA11yViolations(page, 'de-identified export')
})

test('a supervisor imports a CSV: the dry run shows the bad row, the good rows go in', async ({
  page,
  harness,
}) => {
  await harness.seedVault()
  await harness.addUser(SUPERVISOR)
  const csv = [
    'caseNumber,status,intakeDate,prs_FirstName,prs_SecondName,prs_Gender,Notes',
    'IMP-2025-00001,Active,2025-06-01,Awa,Diallo,Feminine,',
    'IMP-2025-00002,Active,2025-06-02,Bea,Santos,X,',
    'IMP-2025-00003,Active,2025-06-03,Chidi,Okeke,Masculine,',
  ].join('\r\n')
  const file = join(harness.savedFilesDir, 'intake.csv')
  writeFileSync(file, `${csv}\r\n`)

  await signIn(page, SUPERVISOR)
  await page.getByTestId('nav-reports').click()
  await page.getByTestId('reports-import').click()
  await expect(page.getByRole('heading', { level: 1, name: 'Import' })).toBeVisible()

  // A cancelled open dialog reads nothing.
  harness.chooseImportFile(null)
  await page.getByTestId('import-choose').click()
  await expect(page.getByTestId('import-cancelled')).toBeVisible()

  harness.chooseImportFile(file)
  await page.getByTestId('import-choose').focus()
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('import-file-name')).toHaveText('File: intake.csv')
  const dryRun = page.getByTestId('import-dry-run')
  await expect(dryRun.locator('[data-count="read"] dd')).toHaveText('3')
  await expect(dryRun.locator('[data-count="valid"] dd')).toHaveText('2')
  await expect(dryRun.locator('[data-count="rejected"] dd')).toHaveText('1')
  await expect(dryRun.locator('[data-count="duplicates"] dd')).toHaveText('0')
  const errorRow = page.getByTestId('import-errors').locator('tbody tr')
  await expect(errorRow).toHaveCount(1)
  await expect(errorRow.locator('td').nth(0)).toHaveText('3')
  await expect(errorRow.locator('td').nth(1)).toHaveText('prs_Gender')
  await expect(page.getByTestId('import-map-Notes')).toHaveValue('')
  await expect(page.getByTestId('import-map-prs_Gender')).toHaveValue('prs_Gender')
  // Nothing is written by the dry run.
  expect(await harness.call('cases:list', {})).toMatchObject({ ok: true, value: { total: 0 } })
  await harness.screenshot('import-dry-run')
  await expectNoSeriousA11yViolations(page, 'import dry run')

  await page.getByTestId('import-run').click()
  await expect(page.getByTestId('import-done-summary')).toHaveText('2 cases were imported.', {
    timeout: 30_000,
  })
  await expect(page.getByTestId('import-final').locator('[data-count="imported"] dd')).toHaveText('2')
  await harness.screenshot('import-done')
  await page.getByTestId('import-go-to-cases').click()
  await expect(page.getByTestId('case-row-IMP-2025-00001')).toBeVisible()
  await expect(page.getByTestId('case-row-IMP-2025-00003')).toBeVisible()
  await expect(page.getByTestId('case-row-IMP-2025-00002')).toHaveCount(0)

  // The same file again: every row is now a duplicate (or the bad one).
  await page.getByTestId('nav-reports').click()
  await page.getByTestId('reports-import').click()
  await page.getByTestId('import-choose').click()
  await expect(page.getByTestId('import-dry-run').locator('[data-count="duplicates"] dd')).toHaveText('2')
  await expect(page.getByTestId('import-run')).toBeDisabled()

  // A big file: checking it shows main's progress, and Cancel stops it. Big enough (~6 s to check)
  // that the check cannot finish between the bar appearing and the click on Cancel.
  const rows = Array.from({ length: 500_000 }, (_, i) => `BIG-${i},2025-06-01,Name${i}`)
  const big = join(harness.savedFilesDir, 'big.csv')
  writeFileSync(big, ['caseNumber,intakeDate,prs_FirstName', ...rows].join('\r\n'))
  harness.chooseImportFile(big)
  await page.getByTestId('import-choose').click()
  await expect(page.getByTestId('import-progress')).toBeVisible()
  await page.getByTestId('import-cancel').click()
  await expect(page.getByTestId('import-error')).toHaveText(
    'Cancelled. Nothing was written and nothing was changed.',
  )
})

test('a caseworker finds no export or import under Reports, and the routes send them away', async ({
  page,
  harness,
}) => {
  await harness.seedVault()
  await harness.addUser({
    ...SUPERVISOR,
    username: 'kofi.cw',
    displayName: 'Kofi Mensah',
    role: 'caseworker',
  })
  await page.goto('/')
  await unlock(page, 'kofi.cw', SUPERVISOR.passphrase)
  await expectUnlockedAs(page, 'Kofi Mensah')
  await page.getByTestId('nav-reports').click()
  await expect(page.getByTestId('reports-none')).toBeVisible()
  await expect(page.getByTestId('reports-export')).toHaveCount(0)
  await page.evaluate(() => (location.hash = '#/app/reports/import'))
  await expect(page.getByRole('heading', { level: 1, name: 'Not allowed' })).toBeVisible()
})
