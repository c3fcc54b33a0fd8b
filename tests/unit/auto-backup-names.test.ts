// Automatic backups' names and their rotation, where organisations share a backup folder, names
// are long or not in Latin script, or the PC's clock was wrong. Found by a reviewing helper (each
// failed before).
import { describe, expect, it } from 'vitest'
import { existsSync, readdirSync, utimesSync, writeFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { generateX25519Identity, identityToRecipient } from 'age-encryption'
import {
  ADMIN,
  call,
  createdVault,
  folderFileAccess,
  tempDir,
  testHost,
  testVault,
} from './support/temp-vault'
import { autoBackupFileName, rotateAutoBackups, runAutoBackup } from '../../main/core/backup/auto-backup'
import { organisationSlug } from '../../main/core/file-name-slug'
import type { BackupResult } from '../../main/api/contract'

/** An automatic backup of the vault in `vault` to a new folder, keeping `keep`. */
async function autoBackup(
  vault: ReturnType<typeof testVault>,
  folder: string,
  keep: number,
  organisation: string,
) {
  const key = vault.databaseKeyCopy()
  try {
    return await runAutoBackup(
      vault.session()!,
      vault.dataDir,
      {
        enabled: true,
        folder,
        recipients: [await identityToRecipient(await generateX25519Identity())],
        keep,
      },
      { appVersion: 'test', databaseKey: key, organisation },
    )
  } finally {
    key.fill(0)
  }
}

/** Files with those names in `folder`, each written an hour after the one before. */
function filesWritten(folder: string, names: string[]): void {
  names.forEach((name, index) => {
    writeFileSync(join(folder, name), 'x')
    const at = new Date(Date.UTC(2026, 10, 1, index))
    utimesSync(join(folder, name), at, at)
  })
}

describe('automatic backup rotation', () => {
  it('never removes the backup it has just written, even when an older one has a later file time', async () => {
    // The clock ran a year ahead (a dead CMOS battery) and was corrected: backups made meanwhile
    // carry file times in the "future".
    const { vault } = await createdVault({ dataDir: join(tempDir(), 'data') })
    const folder = tempDir()
    const earlier = autoBackupFileName(ADMIN.organisation, new Date(2026, 0, 1, 9, 0, 0))
    writeFileSync(join(folder, earlier), 'made while the clock was wrong')
    const future = new Date(Date.now() + 365 * 24 * 3600 * 1000)
    utimesSync(join(folder, earlier), future, future)
    const outcome = await autoBackup(vault, folder, 1, ADMIN.organisation)
    expect(existsSync(outcome.file)).toBe(true)
    expect(outcome.removed).toEqual([earlier])
    expect(readdirSync(folder)).toEqual([basename(outcome.file)])
  })

  // Found by reviewing helpers: Cyrillic names both became "vault"; dropping every mark made the
  // Devanagari "साथ" and "साथी" one name.
  it.each([
    ['Надія — притулок', 'Свобода для жінок'],
    ['साथ', 'साथी'],
  ])('of %s never removes the backups of %s in the same folder', async (ours, theirs) => {
    const folder = tempDir()
    const theirNames = [0, 1, 2].map((hour) => autoBackupFileName(theirs, new Date(2026, 10, 27, hour)))
    const ourNames = [3, 4].map((hour) => autoBackupFileName(ours, new Date(2026, 10, 27, hour)))
    filesWritten(folder, [...theirNames, ...ourNames])
    expect(await rotateAutoBackups(folder, ours, 1)).toEqual([ourNames[0]])
    expect(readdirSync(folder)).toEqual(expect.arrayContaining(theirNames))
  })

  it('counts backups named by an earlier CaseVault (ASCII-only names) as this organisation’s', async () => {
    const folder = tempDir()
    const legacy = [1, 2].map((day) => `CaseVault-Fundacio-n-Esperanza-auto-2026-11-0${day}-090000.cvbackup`)
    const current = [3, 4].map((day) => autoBackupFileName('Fundación Esperanza', new Date(2026, 10, day, 9)))
    filesWritten(folder, [...legacy, ...current])
    await rotateAutoBackups(folder, 'Fundación Esperanza', 2)
    expect(readdirSync(folder).sort()).toEqual([...current].sort())
  })
})

describe('file names for any organisation name the vault accepts', () => {
  it('keep letters of any script, drop accents and marks, and are cut to 60 characters', () => {
    expect(organisationSlug('Надія — притулок')).toBe('Надія-притулок')
    expect(organisationSlug('Safe Harbour Shelter')).toBe('Safe-Harbour-Shelter')
    expect(organisationSlug('Café / Refuge')).toBe('Cafe-Refuge')
    expect(organisationSlug('—/—')).toBe('vault')
    expect([...organisationSlug('x '.repeat(100))].length).toBeLessThanOrEqual(60)
    expect(organisationSlug('x '.repeat(100))).not.toMatch(/-$/)
    expect(organisationSlug('साथी')).not.toBe(organisationSlug('साथ'))
    expect(Buffer.byteLength(organisationSlug('𠀀𠀁𠀂𠀃𠀄'.repeat(14)))).toBeLessThanOrEqual(120)
  })

  it.each([
    [
      'a name of 200 characters',
      (
        'Regional Coalition of Shelters for the Protection, Recovery and Reintegration of Survivors ' +
        'of Human Trafficking, Forced Labour and Sexual Exploitation in South-East Europe, the Western Balkans and Moldova'
      ).slice(0, 200),
    ],
    ['a name of 70 letters of 4 bytes each', '𠀀𠀁𠀂𠀃𠀄𠀅𠀆𠀇𠀈𠀉'.repeat(7)],
  ])('back up by hand and automatically for %s', async (_, long) => {
    const access = folderFileAccess(tempDir())
    const { host } = testHost(join(tempDir(), 'data'), access)
    await call(host, 'vault:create', { ...ADMIN, organisation: long })
    const made = await call<BackupResult>(host, 'backup:create', {
      passphrase: 'velvet compass hums over eleven salt marshes',
    })
    expect(existsSync(made.file!)).toBe(true)
    await call(host, 'vault:lock')
    host.dispose()

    const vault = testVault({ dataDir: join(tempDir(), 'data') })
    await vault.create({ ...ADMIN, organisation: long })
    const folder = tempDir()
    const outcome = await autoBackup(vault, folder, 3, long)
    expect(existsSync(outcome.file)).toBe(true)
    expect(readdirSync(folder)).toHaveLength(1)
    expect(Buffer.byteLength(basename(outcome.file))).toBeLessThanOrEqual(255 - 21) // room for the temporary name
  })
})
