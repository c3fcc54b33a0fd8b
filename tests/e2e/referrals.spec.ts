import { expect, test } from './support/harness'
import { expectNoSeriousA11yViolations, signIn } from './support/app'
import type { Page } from '@playwright/test'
import { caseworkerWithCase, CASEWORKER, dismissToasts } from './support/cases'

// A referral through the real renderer, the real API and a real encrypted vault: consent gates
// sending, every step is kept in the history, and the printout carries only what the consent covers.

test('a caseworker refers a survivor with consent, and the printout leaves out what consent does not cover', async ({
  page,
  harness,
}) => {
  const created = await caseworkerWithCase(page, harness, {
    survivor: {
      prs_FirstName: 'Olena',
      prs_SecondName: 'Kovalenko',
      prs_Birthdate: '2001-07-02',
      prs_Gender: 'Feminine',
      prs_Citizenship: ['UA'],
      prs_MobilePhone: '+380 44 555 0101',
    },
    victim: {
      vic_TraffickingStatus: 'PossibleVictimOfTrafficking',
      vic_TypeOfExploitation: ['ForcedLabour'],
    },
  })

  // From the case's Referrals tab: a new outgoing referral, typed in by keyboard and mouse.
  await page.goto(`/#/app/cases/${created.id}`)
  await page.getByTestId('case-tab-referrals').click()
  await expect(page.getByTestId('case-referrals-none')).toBeVisible()
  await page.getByTestId('referral-new').click()
  await page.getByTestId('referral-organisation').fill('Harbour Legal Aid')
  await page.getByTestId('referral-counterpart').fill('Ines Duarte')
  await page.getByTestId('referral-reason').selectOption('AdditionalServicesRequired')
  await page.getByTestId('referral-urgency').selectOption('priority')
  await page.getByTestId('referral-service-type-Legal').check()
  await page.getByTestId('referral-details').fill('Lawyer needed for the labour court hearing on 2 April.')
  await page.getByTestId('referral-date').fill('2026-03-20')
  await harness.screenshot('referral-form')
  await page.getByTestId('referral-submit').click()

  await expect(page.getByRole('heading', { level: 1 })).toContainText('Referral to Harbour Legal Aid')
  await expect(page.getByTestId('referral-status-draft')).toBeVisible()
  await expect(page.getByTestId('consent-none')).toBeVisible()

  // Sending without consent is refused by main, and the page says why.
  await page.getByTestId('referral-step-sent').click()
  await page.getByTestId('transition-confirm').click()
  await expect(page.getByTestId('transition-error')).toContainText('consent')
  await harness.screenshot('referral-consent-required')
  await page.getByTestId('transition-dialog').getByRole('button', { name: 'Cancel' }).click()
  await expect(page.getByTestId('referral-status-draft')).toBeVisible()

  // Consent: the survivor agrees to share identity and the referral's notes, nothing else.
  await page.getByTestId('consent-record').click()
  await page.getByTestId('consent-purpose').fill('Legal representation at the labour court')
  await page.getByTestId('consent-category-identity').check()
  await page.getByTestId('consent-category-referralNotes').check()
  await page.getByTestId('consent-submit').click()
  await expect(page.getByTestId('consent-in-force')).toContainText('the survivor')

  for (const [step, status] of [
    ['sent', 'sent'],
    ['accepted', 'accepted'],
    ['in_progress', 'in_progress'],
    ['completed', 'completed'],
  ] as const) {
    await page.getByTestId(`referral-step-${step}`).click()
    await page.getByTestId('transition-note').fill(`Step ${step}`)
    await page.getByTestId('transition-confirm').click()
    await expect(page.getByTestId(`referral-status-${status}`)).toBeVisible()
  }
  await expect(page.getByTestId('referral-history').locator('li')).toHaveCount(5)
  await expect(page.locator('[data-testid^="referral-step-"]')).toHaveCount(0)
  await dismissToasts(page)
  await expectNoSeriousA11yViolations(page, 'referral detail')
  await harness.screenshot('referral-detail')

  // The printout: name and referral notes; no birth date, phone, nationality or exploitation.
  await page.getByTestId('referral-print-link').click()
  const printout = page.getByTestId('referral-printout')
  await expect(printout).toContainText('Olena')
  await expect(printout).toContainText('labour court hearing')
  const text = (await printout.textContent()) ?? ''
  for (const outside of ['2001', '+380', 'Ukrain', 'Feminine', 'Forced', 'Possible victim'])
    expect(text, `the printout must not contain ${outside}`).not.toContain(outside)
  await expect(page.getByTestId('print-field-prs_Birthdate')).toHaveCount(0)
  await harness.screenshot('referral-printout')

  // The Referrals screen lists it, and the filter by status finds it.
  await page.getByTestId('nav-referrals').click()
  await page.getByTestId('referral-filter-status').selectOption('completed')
  await expect(page.locator('[data-testid^="referral-row-"]')).toHaveCount(1)
  await page.getByTestId('referral-filter-status').selectOption('draft')
  await expect(page.getByTestId('referrals-none')).toBeVisible()
  await page.getByTestId('referral-filter-status').selectOption('')
  await harness.screenshot('referrals-list')
})

test('a walk-in screened before any case exists is referred straight from the screening', async ({
  page,
  harness,
}) => {
  await harness.seedVault()
  await harness.addUser(CASEWORKER)
  await signIn(page, CASEWORKER)
  const templates = await harness.call<{ id: number; isLatest: boolean }[]>('screening:templates')
  expect(templates.ok).toBe(true)
  if (!templates.ok) return
  const screened = await harness.call<{ id: number }>('screening:createAssessment', {
    templateId: templates.value.find((template) => template.isLatest)!.id,
    assessedOn: '2026-03-10',
    channel: 'walkIn',
    subject: { firstName: 'Maryna', gender: 'Feminine', ageYears: 24, citizenship: 'UA' },
    answers: { historyOfAbuse: 'risk' },
    nextStep: 'referToServices',
  })
  expect(screened.ok).toBe(true)
  if (!screened.ok) return

  await page.goto(`/#/app/screening/${screened.value.id}`)
  await page.getByTestId('screening-refer').click()
  await page.getByTestId('referral-organisation').fill('City Health Clinic')
  await page.getByTestId('referral-reason').selectOption('AdditionalServicesRequired')
  await page.getByTestId('referral-service-type-Health').check()
  await page.getByTestId('referral-submit').click()
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Referral to City Health Clinic')
  await expect(page.getByTestId('referral-status-draft')).toBeVisible()
})

test('a caseworker plans support on a case, then records it as completed', async ({ page, harness }) => {
  const created = await caseworkerWithCase(page, harness)
  await startLegalPlan(page, created.id)
  await page.getByTestId('plan-planned-end').fill('2026-06-30')
  await page.getByTestId('plan-follow-up').fill('2026-04-15')
  await harness.screenshot('support-plan-form')
  await page.getByTestId('plan-submit').click()
  const plan = page.locator('[data-testid^="support-plan-"]').filter({ hasText: 'Representation' }).first()
  await expect(plan).toBeVisible()

  // Finishing a plan needs its actual end date: the form says so at the field.
  await page.locator('[data-testid^="support-plan-edit-"]').first().click()
  await page.getByTestId('plan-status').selectOption('completed')
  await page.getByTestId('plan-submit').click()
  await expect(page.locator('#plan-actual-end-error')).toBeVisible()
  await page.getByTestId('plan-actual-end').fill('2026-06-20')
  await page.getByTestId('plan-submit').click()
  await expect(page.getByTestId('support-plan-dialog')).toHaveCount(0)
  await expect(
    page.locator('[data-testid^="support-plan-"]').filter({ hasText: 'Representation' }).first(),
  ).toBeVisible()
  const plans = await harness.call<{ status: string; actualEndDate: string | null }[]>(
    'referrals:supportPlans',
    {
      caseId: created.id,
    },
  )
  expect(plans).toMatchObject({ ok: true, value: [{ status: 'completed', actualEndDate: '2026-06-20' }] })
  await expectNoSeriousA11yViolations(page, 'support plans tab')
})

test('a date typed and saved with Enter is the date saved: completed when short, refused when not a real date', async ({
  page,
  harness,
}) => {
  const created = await caseworkerWithCase(page, harness)
  await startLegalPlan(page, created.id)
  // Typed the short way and saved with Enter, without leaving the field first.
  await page.getByTestId('plan-follow-up').fill('2026-4-5')
  await page.getByTestId('plan-follow-up').press('Enter')
  await expect(page.getByTestId('support-plan-dialog')).toHaveCount(0)
  const saved = await harness.call<{ followUpDate: string | null }[]>('referrals:supportPlans', {
    caseId: created.id,
  })
  expect(saved).toMatchObject({ ok: true, value: [{ followUpDate: '2026-04-05' }] })

  // A date that does not exist is refused at the field; the plan keeps what it had.
  await page.locator('[data-testid^="support-plan-edit-"]').first().click()
  await page.getByTestId('plan-follow-up').fill('2026-02-30')
  await page.getByTestId('plan-follow-up').press('Enter')
  await expect(page.locator('#plan-follow-up-error')).toContainText('Enter a real date')
  await expect(page.getByTestId('support-plan-dialog')).toBeVisible()
  const kept = await harness.call<{ followUpDate: string | null }[]>('referrals:supportPlans', {
    caseId: created.id,
  })
  expect(kept).toMatchObject({ ok: true, value: [{ followUpDate: '2026-04-05' }] })
})

/** From a case with no support plan yet: a new plan, its type, objectives and start date filled in. */
async function startLegalPlan(page: Page, caseId: number): Promise<void> {
  await page.goto(`/#/app/cases/${caseId}`)
  await page.getByTestId('case-tab-supportPlans').click()
  await expect(page.getByTestId('support-plans-none')).toBeVisible()
  await page.getByTestId('support-plan-new').click()
  await page.getByTestId('plan-type').selectOption('Legal')
  await page.getByTestId('plan-objectives').fill('Representation at the labour court')
  await page.getByTestId('plan-start').fill('2026-03-20')
}
