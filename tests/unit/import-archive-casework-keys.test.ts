// An HTCDS CSV archive edited by hand: its casework tables join a consent or a status change to its
// referral by case number, and case numbers are compared by caseNumberKey everywhere. (Found by a
// reviewing helper: a consent keyed shs-… for a referral keyed SHS-… rejected the whole case.)
import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { staffedHost } from './support/case-fixtures'
import { untar } from './support/export-files'
import { fileWith } from './support/import-fixtures'
import { exportPlain, importInto, vaultWithCasework } from './support/casework-fixtures'
import { tarBundle } from '../../main/core/export/tar-bundle'

describe('an archive whose casework rows give the case number in other capitals', () => {
  it('a consent keyed shs-… joins its referral keyed SHS-…, and the case imports whole', async () => {
    const source = await vaultWithCasework()
    const exported = await exportPlain(source.host, 'htcds-csv')
    const files = await untar(readFileSync(exported.file!))
    const number = source.story.caseNumber
    const consents = files.get('referral-consents.csv')!.toString('utf8')
    expect(consents).toContain(number)
    files.set('referral-consents.csv', Buffer.from(consents.split(number).join(number.toLowerCase())))
    const entries = [...files].map(([name, content]) => ({ name, content }))
    const file = fileWith(Buffer.concat(await tarBundle(entries, new Date())), 'edited.tar')

    const target = await staffedHost('dana')
    const { preview } = await importInto(target, file, 'htcds-csv', true)
    expect(preview.report?.errors).toEqual([])
    expect(preview.report).toMatchObject({ read: 2, valid: 2, rejected: 0 })
  })
})
