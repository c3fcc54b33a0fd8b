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
import { readHeader } from '../../main/core/vault/vault-header'
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

/** A vault of `organisation`, as a file name and rotation know it. */
const vaultOf = (organisation: string, vaultId = '5b0c9d8e-1f2a-4b3c-8d4e-5f6a7b8c9d0e') => ({
  organisation,
  vaultId,
})

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
    const owner = vaultOf(ADMIN.organisation, readHeader(vault.dataDir).vaultId)
    const earlier = autoBackupFileName(owner, new Date(2026, 0, 1, 9, 0, 0))
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
    // The same vault id for both: only the organisation's name tells their backups apart here.
    const theirNames = [0, 1, 2].map((hour) =>
      autoBackupFileName(vaultOf(theirs), new Date(2026, 10, 27, hour)),
    )
    const ourNames = [3, 4].map((hour) => autoBackupFileName(vaultOf(ours), new Date(2026, 10, 27, hour)))
    filesWritten(folder, [...theirNames, ...ourNames])
    expect(await rotateAutoBackups(folder, vaultOf(ours), 1)).toEqual([ourNames[0]])
    expect(readdirSync(folder)).toEqual(expect.arrayContaining(theirNames))
  })

  // Names from before vault tags (an earlier CaseVault's, ASCII-only or not) say nothing of which
  // vault wrote them: any may be another vault's only backup, so rotation leaves them to a person.
  it('leaves backups named by an earlier CaseVault (no vault tag) alone, and keeps the newest K of its own', async () => {
    const folder = tempDir()
    const legacy = [
      'CaseVault-Fundacio-n-Esperanza-auto-2026-11-01-090000.cvbackup',
      'CaseVault-Fundación-Esperanza-auto-2026-11-02-090000.cvbackup',
    ]
    const current = [3, 4, 5].map((day) =>
      autoBackupFileName(vaultOf('Fundación Esperanza'), new Date(2026, 10, day, 9)),
    )
    filesWritten(folder, [...legacy, ...current])
    expect(await rotateAutoBackups(folder, vaultOf('Fundación Esperanza'), 2)).toEqual([current[0]])
    expect(readdirSync(folder).sort()).toEqual([...legacy, ...current.slice(1)].sort())
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
