import type { Page } from '@playwright/test'
import type { ApiResult, CaseDetail, CreateCaseInput } from '../../../main/api/contract'
import { expect, type Harness } from './harness'
import { signIn } from './app'

// Steps the case specs share, done the way a person does them.

export const CASEWORKER = {
  username: 'kofi.caseworker',
  displayName: 'Kofi Mensah',
  role: 'caseworker',
  passphrase: 'copper kettle meadow 17',
}

export const SUPERVISOR = {
  username: 'lena.supervisor',
  displayName: 'Lena Haddad',
  role: 'supervisor',
  passphrase: 'violet harbour candle 8',
}

/** Picks an option of a PrimeVue Select or MultiSelect by its label (typing into the filter if it has one). */
export async function choose(
  page: Page,
  testid: string,
  label: string,
  scope = page.locator('body'),
): Promise<void> {
  const field = scope.getByTestId(testid)
  const several = (await field.getAttribute('data-pc-name')) === 'multiselect'
  await field.click()
  const overlay = page.locator('.p-select-overlay, .p-multiselect-overlay').last()
  const filter = overlay.locator('input[role="searchbox"], .p-select-filter, .p-multiselect-filter').first()
  const hasFilter = (await filter.count()) > 0
  if (hasFilter) await filter.fill(label)
  await overlay.getByRole('option', { name: label, exact: true }).click()
  // A Select closes by itself (a moment later, on a timer). A MultiSelect stays open for more
  // choices: Escape closes it, pressed where the MultiSelect hears it. Pressed on the page instead,
  // it reaches the dialog around the field, which closes and takes the half-filled form with it —
  // that was a flaky failure under load, when focus had briefly left the overlay.
  if (several) await (hasFilter ? filter : field.locator('input').first()).press('Escape')
  await expect(overlay).toBeHidden()
}

/** Creates a case straight through the API, as the user signed in on the page. */
export async function createCaseByApi(harness: Harness, input: CreateCaseInput): Promise<CaseDetail> {
  const created = (await harness.call<CaseDetail>('cases:create', input)) as ApiResult<CaseDetail>
  if (!created.ok) throw new Error(`creating a case failed: ${JSON.stringify(created.error)}`)
  return created.value
}

/**
 * The start of most caseworker specs: a vault with its admin and the caseworker, the caseworker
 * signed in on the page, and one case of theirs (Olena's, unless `input` says otherwise).
 */
export async function caseworkerWithCase(
  page: Page,
  harness: Harness,
  input: Partial<CreateCaseInput> = {},
): Promise<CaseDetail> {
  await harness.seedVault()
  await harness.addUser(CASEWORKER)
  await signIn(page, CASEWORKER)
  return createCaseByApi(harness, {
    intakeDate: '2026-03-14',
    survivor: { prs_FirstName: 'Olena', prs_SecondName: 'Kovalenko' },
    survivorAliases: [],
    ...input,
  })
}

/** The start of the supervisor specs: a vault with its admin and the supervisor, signed in on the page. */
export async function supervisorSignedIn(page: Page, harness: Harness): Promise<void> {
  await harness.seedVault()
  await harness.addUser(SUPERVISOR)
  await signIn(page, SUPERVISOR)
}

/** A one-page PDF, small but real enough for main's content sniffing. */
export function tinyPdf(): Buffer {
  return Buffer.from(
    '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
      '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  )
}

/** Closes the toasts, so full-page screenshots show the page rather than old notices over it. */
export async function dismissToasts(page: Page): Promise<void> {
  const closers = page.locator('.p-toast-close-button')
  // A toast may time out between counting and clicking: try briefly, then look again.
  for (let attempt = 0; attempt < 20 && (await closers.count()) > 0; attempt++) {
    await closers
      .first()
      .click({ timeout: 1000 })
      .catch(() => undefined)
  }
  await expect(closers).toHaveCount(0)
}
