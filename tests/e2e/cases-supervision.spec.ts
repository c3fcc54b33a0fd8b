import { ADMIN, expect, test } from './support/harness'
import { signIn } from './support/app'
import { SUPERVISOR, caseworkerWithCase, choose, createCaseByApi, supervisorSignedIn } from './support/cases'

// Following a case over time (events, perpetrators, closing, reopening, history) and deleting one,
// through the real renderer, the real API and a real encrypted vault.

test('a supervisor records events and perpetrators, closes and reopens a case, and reads its history', async ({
  page,
  harness,
}) => {
  await supervisorSignedIn(page, harness)
  const first = await createCaseByApi(harness, {
    intakeDate: '2025-05-06',
    survivor: { prs_FirstName: 'Somchai', prs_SecondName: 'Boonmee', prs_Citizenship: ['TH'] },
    survivorAliases: [],
  })
  const second = await createCaseByApi(harness, {
    intakeDate: '2025-05-20',
    survivor: {},
    survivorAliases: ['Nok'],
  })
  await page.reload()
  await page.getByTestId(`case-row-${first.caseNumber}`).click()
  await expect(page.getByTestId('case-number')).toHaveText(first.caseNumber)

  await page.getByTestId('case-tab-events').click()
  await page.getByTestId('case-edit').click()
  await page.getByTestId('event-add').click()
  const event = page.getByTestId('event-0')
  await choose(page, 'field-hte_Type', 'Recruitment', event)
  await event.getByTestId('field-hte_Date').fill('2024-11-31')
  await event.getByTestId('field-hte_City').click()
  await expect(event.getByText('Enter a real date')).toBeVisible()
  await event.getByTestId('field-hte_Date').fill('2024-11-02')
  await choose(page, 'field-hte_Country', 'Malaysia', event)
  await event.getByTestId('field-hte_City').fill('Johor Bahru')
  await page.getByTestId('case-save').click()
  await expect(page.getByTestId('case-edit')).toBeVisible()
  await expect(page.getByTestId('event-0')).toContainText('Recruitment')
  await expect(page.getByTestId('event-0')).toContainText('Malaysia')
  await expect(page.getByTestId('event-0')).toContainText('Nov 2, 2024')

  await page.getByTestId('case-tab-perpetrators').click()
  await page.getByTestId('perpetrator-add').click()
  const dialog = page.getByTestId('perpetrator-dialog')
  await dialog.getByTestId('field-prs_FirstName').fill('Baba')
  await dialog.getByTestId('field-prs_SecondName').fill('Kano')
  await choose(page, 'field-per_RoleInProcess', 'Transporter', dialog)
  await dialog.getByTestId('perpetrator-save').click()
  await expect(page.getByTestId('perpetrator-row')).toContainText('Baba Kano')
  await expect(page.getByTestId('perpetrator-row')).toContainText('Transporter')

  await page.getByTestId('case-close').click()
  await page.getByTestId('close-status-ClosedReferred').check()
  await page.getByTestId('close-confirm').click()
  await expect(page.getByTestId('close-reason')).toHaveAttribute('aria-invalid', 'true')
  await page.getByTestId('close-reason').fill('Referred to the shelter in Bangkok for long-term support.')
  await page.getByTestId('close-confirm').click()
  await expect(page.getByTestId('case-status')).toContainText('Closed (referred)')
  await expect(page.getByTestId('case-closure-reason')).toContainText('shelter in Bangkok')

  await page.getByTestId('case-reopen').click()
  await page.getByTestId('reopen-reason').fill('He came back asking for help with documents.')
  await page.getByTestId('reopen-confirm').click()
  await expect(page.getByTestId('case-status')).toContainText('Active')
  await page.getByTestId('case-tab-comments').click()
  // Both reasons stay on the timeline: why and to whom it was closed, then why it was reopened.
  await expect(page.getByTestId('comment')).toHaveCount(2)
  await expect(page.getByTestId('comment').first()).toContainText('shelter in Bangkok')
  await expect(page.getByTestId('comment').last()).toContainText('help with documents')

  await page.getByTestId('case-tab-history').click()
  const history = page.getByTestId('history-table')
  await expect(history).toContainText('Case closed')
  await expect(history).toContainText('Case reopened')
  await expect(history).toContainText('Perpetrator added')
  await expect(history).toContainText(SUPERVISOR.username)

  // The same perpetrator turns up in another case: link the known person instead of a duplicate.
  await page.getByTestId('nav-cases').click()
  await page.getByTestId(`case-row-${second.caseNumber}`).click()
  await expect(page.getByTestId('case-survivor-name')).toHaveText('Nok')
  await page.getByTestId('case-tab-perpetrators').click()
  await page.getByTestId('perpetrator-add').click()
  await dialog.getByRole('button', { name: 'Known from another case' }).click()
  await dialog.getByTestId('perpetrator-find').fill('Bab')
  await page.getByRole('option', { name: /Baba Kano/ }).click()
  await dialog.getByTestId('perpetrator-save').click()
  await expect(page.getByTestId('perpetrator-row')).toContainText('Baba Kano')
  await expect(page.getByTestId('perpetrator-row')).toContainText('Also linked to one other case')
  await page.getByRole('button', { name: 'Remove Baba Kano from this case' }).click()
  await page.getByTestId('perpetrator-unlink-dialog-confirm').click()
  await expect(page.getByTestId('perpetrator-row')).toHaveCount(0)
})

test('an administrator deletes a case only after giving a reason and typing its number', async ({
  page,
  harness,
}) => {
  await harness.seedVault()
  await signIn(page, ADMIN)
  const created = await createCaseByApi(harness, {
    intakeDate: '2025-01-09',
    survivor: { prs_FirstName: 'Duplicate', prs_SecondName: 'Entry' },
    survivorAliases: [],
  })
  await page.reload()
  await page.getByTestId(`case-row-${created.caseNumber}`).click()
  await page.getByTestId('case-delete').click()
  const confirm = page.getByTestId('delete-confirm')
  await expect(confirm).toBeDisabled()
  await page.getByTestId('delete-reason-enteredInError').check()
  await page.getByTestId('delete-confirm-number').fill('SHN-2025-99999')
  await expect(confirm).toBeDisabled()
  await page.getByTestId('delete-confirm-number').fill(created.caseNumber)
  await harness.screenshot('case-delete-dialog')
  await confirm.click()
  await expect(page.getByTestId('cases-empty')).toBeVisible()
  expect(await harness.call('cases:get', { id: created.id })).toMatchObject({
    ok: false,
    error: { code: 'NOT_FOUND' },
  })
})

test('the list pages 25 cases at a time and sorts on the server', async ({ page, harness }) => {
  await harness.seedVault()
  await signIn(page, ADMIN)
  const names = ['Zainab', 'Yaw', 'Xiadani', 'Wanjiru', 'Viktor', 'Ulla', 'Tariq', 'Sadia', 'Rosa', 'Quang']
  for (let index = 0; index < 27; index++) {
    await createCaseByApi(harness, {
      intakeDate: `2025-01-${String(index + 1).padStart(2, '0')}`,
      survivor: { prs_FirstName: `${names[index % names.length]} ${index + 1}` },
      survivorAliases: [],
    })
  }
  await page.reload()
  const rows = page.locator('[data-testid^="case-row-"]')
  await expect(rows).toHaveCount(25)
  // Newest intake first by default; the second page holds the two oldest.
  await expect(rows.first()).toContainText('SHN-2025-00027')
  await page.getByRole('button', { name: 'Page 2' }).click()
  await expect(rows).toHaveCount(2)
  await expect(page.getByTestId('case-row-SHN-2025-00001')).toBeVisible()

  await page.getByRole('columnheader', { name: 'Survivor' }).click()
  await expect(rows).toHaveCount(25)
  await expect(rows.first()).toContainText('Quang 10')
})

test('a number field holding what is no number (15-16) stops the save and says so; nothing is dropped', async ({
  page,
  harness,
}) => {
  const created = await caseworkerWithCase(page, harness)
  await page.goto(`/#/app/cases/${created.id}`)
  await page.getByTestId('case-tab-experience').click()
  await page.getByTestId('case-edit').click()
  const age = page.getByTestId('field-vic_AgeWhenTrafficked')
  // The browser keeps "15-16" on screen in a number field but gives the page no value for it.
  await age.click()
  await page.keyboard.type('15-16')
  await page.getByTestId('case-save').click()
  await expect(page.locator('[id$="-vic_AgeWhenTrafficked-error"]')).toHaveText(
    'Enter a single number in digits, for example 16.',
  )
  await expect(page.getByTestId('case-save')).toBeVisible()

  await age.fill('16')
  await page.getByTestId('case-save').click()
  await expect(page.getByTestId('case-edit')).toBeVisible()
  const saved = await harness.call<{ victim: Record<string, unknown> }>('cases:get', { id: created.id })
  expect(saved).toMatchObject({ ok: true, value: { victim: { vic_AgeWhenTrafficked: 16 } } })
})

test('a paste longer than a field takes is refused with a message, never cut short in silence', async ({
  page,
  harness,
}) => {
  const created = await caseworkerWithCase(page, harness)
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'])
  await page.goto(`/#/app/cases/${created.id}`)
  await page.getByTestId('case-tab-comments').click()
  const comment = page.getByTestId('comment-input')
  await comment.fill('Interview notes: ')
  const notes = 'She described the recruitment in detail. '.repeat(500) // 20,500 characters
  await page.evaluate((text) => navigator.clipboard.writeText(text), notes)
  await comment.press('End')
  await comment.press('ControlOrMeta+V')
  await expect(page.locator('.p-toast-message')).toContainText(
    'would hold 20,516 characters, and it takes at most 20,000',
  )
  await expect(comment).toHaveValue('Interview notes: ')
  await harness.screenshot('paste-too-long')

  // What fits is pasted as usual.
  await page.evaluate(() => navigator.clipboard.writeText('She asked for legal advice.'))
  await comment.press('ControlOrMeta+V')
  await expect(comment).toHaveValue('Interview notes: She asked for legal advice.')
})
