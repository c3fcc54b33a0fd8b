// The directory specs' shared data: a partner network's HSDS file and a directory seeded through
// the API.
import type { DirectoryOrganisation, DirectoryService } from '../../../main/api/contract'
import { ADMIN, expect, type Harness } from './harness'

const PARTNER_ORG = '6f1c2a4e-8b1d-4c7e-9a35-2d0f4b6e8a11'
function partnerService(id: string, name: string, extra: Record<string, unknown> = {}) {
  return {
    id,
    organization_id: PARTNER_ORG,
    name,
    status: 'active',
    languages: [{ code: 'pt' }],
    ...extra,
  }
}
/** A partner network's HSDS 3.0 file: one organisation, three services, the second one broken. */
export function partnerFile(withBadRow: boolean): Buffer {
  const services = [
    partnerService('0b7e4c1a-52d3-4f0e-8a6b-1c9d2e3f4a01', 'Labour rights clinic', {
      eligibility_description: 'Workers recruited abroad.',
    }),
    ...(withBadRow
      ? [partnerService('0b7e4c1a-52d3-4f0e-8a6b-1c9d2e3f4a02', 'Helpline', { email: 'call us any time' })]
      : []),
    partnerService('0b7e4c1a-52d3-4f0e-8a6b-1c9d2e3f4a03', 'Night shelter'),
  ]
  return Buffer.from(
    JSON.stringify({
      organizations: [{ id: PARTNER_ORG, name: 'Lisbon Migrant Support', description: 'Partner NGO.' }],
      services,
    }),
  )
}

/** An organisation and a service saved straight through the API, as an admin while seeding. */
export async function seedDirectory(harness: Harness): Promise<{ service: DirectoryService }> {
  expect(
    await harness.call('vault:unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase }),
  ).toMatchObject({ ok: true })
  const organisation = await harness.call<DirectoryOrganisation>('directory:saveOrganisation', {
    name: 'Harbour Legal Aid',
    orgType: 'LegalService',
    city: 'Porto',
    country: 'PT',
  })
  if (!organisation.ok) throw new Error(JSON.stringify(organisation.error))
  const service = await harness.call<DirectoryService>('directory:saveService', {
    organisationId: organisation.value.id,
    name: 'Residence permit advice',
    serviceTypes: ['Legal'],
    languages: ['pt', 'en'],
    eligibilityNotes: 'Adults identified as possible victims.',
    phone: '+351 22 000 0000',
    city: 'Porto',
  })
  if (!service.ok) throw new Error(JSON.stringify(service.error))
  harness.lockFromMain('user')
  return { service: service.value }
}
