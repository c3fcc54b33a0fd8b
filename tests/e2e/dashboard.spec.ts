import { expect, test } from './support/harness'
import { expectNoSeriousA11yViolations, expectUnlockedAs, unlock } from './support/app'
import { caseworkerWithCase } from './support/cases'
import type { ReferralDetail } from '../../main/api/contract'

// The dashboard ("Today") through the real renderer and API over a real encrypted vault.

function isoDaysFromToday(days: number): string {
  const date = new Date()
  date.setDate(date.getDate() + days)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
}

test('an overdue follow-up and this week’s follow-up appear on the caseworker’s dashboard', async ({
  page,
  harness,
}) => {
  const created = await caseworkerWithCase(page, harness)
  const referral = (to: string, followUpDate: string) =>
    harness.call<ReferralDetail>('referrals:create', {
      direction: 'outgoing',
      caseId: created.id,
      organisationName: to,
      reason: 'AdditionalServicesRequired',
      servicesRequested: ['Legal'],
      urgency: 'routine',
      referralDate: isoDaysFromToday(-10),
      followUpDate,
    })
  const overdue = await referral('Harbour Legal Aid', isoDaysFromToday(-2))
  const soon = await referral('City Health Clinic', isoDaysFromToday(3))
  expect(overdue.ok && soon.ok).toBe(true)
  if (!overdue.ok) return

  await page.getByTestId('nav-dashboard').click()
  await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible()
  await expect(page.getByTestId('dashboard-overdue-total')).toHaveText('1')
  await expect(page.getByTestId(`dashboard-overdue-referral-${overdue.value.id}`)).toHaveText(
    'Referral to Harbour Legal Aid',
  )
  await expect(page.getByTestId('dashboard-week-total')).toHaveText('1')
  await expect(page.getByTestId('dashboard-cases-total')).toHaveText('1')
  await expect(page.getByTestId('dashboard-awaiting-empty')).toBeVisible()
  // The dashboard shows case numbers, never a survivor's name.
  await expect(page.locator('main')).not.toContainText('Kovalenko')
  await harness.screenshot('dashboard')
  await expectNoSeriousA11yViolations(page, 'dashboard')

  // The overdue item opens its referral.
  await page.getByTestId(`dashboard-overdue-referral-${overdue.value.id}`).click()
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Referral to Harbour Legal Aid')
})

test('a card with more follow-ups than it lists leads to all of them', async ({ page, harness }) => {
  const created = await caseworkerWithCase(page, harness)
  for (let days = 1; days <= 9; days += 1) {
    const made = await harness.call('referrals:create', {
      direction: 'outgoing',
      caseId: created.id,
      organisationName: `Partner ${days}`,
      reason: 'AdditionalServicesRequired',
      servicesRequested: ['Legal'],
      urgency: 'routine',
      referralDate: isoDaysFromToday(-20),
      followUpDate: isoDaysFromToday(-days),
    })
    expect(made.ok).toBe(true)
  }
  await page.getByTestId('nav-dashboard').click()
  await expect(page.getByTestId('dashboard-overdue-total')).toHaveText('9')
  await page.getByTestId('dashboard-overdue-all').focus()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { level: 1, name: 'Overdue follow-ups' })).toBeVisible()
  await expect(page.locator('main li')).toHaveCount(9)
  await expect(page.locator('main')).toContainText('Referral to Partner 9')
  await harness.screenshot('follow-ups')
  await expectNoSeriousA11yViolations(page, 'follow-ups')
})

test('analysts have no dashboard: no nav item, and main refuses the call', async ({ page, harness }) => {
  await harness.seedVault()
  await harness.addUser({
    username: 'eli',
    displayName: 'Eli Navarro',
    role: 'analyst',
    passphrase: 'eli passphrase 123',
  })
  await page.goto('/')
  await unlock(page, 'eli', 'eli passphrase 123')
  await expectUnlockedAs(page, 'Eli Navarro')
  await expect(page.getByTestId('nav-dashboard')).toHaveCount(0)
  const refused = await harness.call('dashboard:summary')
  expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
})
