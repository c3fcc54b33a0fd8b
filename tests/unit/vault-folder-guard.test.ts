// Nothing the user saves may land in the vault's own data folder or a rollback copy of it. Found by
// trying the Backup screen as a shelter manager would: a backup saved over casevault.db (the save
// dialog's "Replace?" answered yes) destroyed the vault, and one saved inside the data folder was
// deleted with the rollback copies after the next restore.
import { mkdirSync, symlinkSync } from 'node:fs'
import { basename, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { isInVaultFolder } from '../../main/core/vault/vault-folder-guard'
import { ADMIN, call, errorCode, folderFileAccess, tempDir, testHost } from './support/temp-vault'
import { survivorCase } from './support/case-fixtures'
import type { CasePage } from '../../main/api/contract'

const PASS = 'quiet walnut ferry orbit 1987 maple'

describe('isInVaultFolder', () => {
  const parent = tempDir()
  const dataDir = join(parent, 'CaseVault')
  mkdirSync(dataDir)
  mkdirSync(join(parent, 'CaseVault.rollback-2026-11-28T10-00-00-000Z'))
  mkdirSync(join(parent, 'CaseVault backups'))
  symlinkSync(dataDir, join(parent, 'link-to-vault'))

  it('is true for the folder, anything in it (existing or not), a rollback copy and a link to the folder', () => {
    expect(isInVaultFolder(dataDir, dataDir)).toBe(true)
    expect(isInVaultFolder(join(dataDir, 'casevault.db'), dataDir)).toBe(true)
    expect(isInVaultFolder(join(dataDir, 'new', 'b.cvbackup'), dataDir)).toBe(true)
    expect(
      isInVaultFolder(join(parent, 'CaseVault.rollback-2026-11-28T10-00-00-000Z', 'b.cvbackup'), dataDir),
    ).toBe(true)
    expect(isInVaultFolder(join(parent, 'link-to-vault', 'casevault.db'), dataDir)).toBe(true)
    expect(isInVaultFolder(join(dataDir, '..', 'CaseVault', 'x'), dataDir)).toBe(true)
  })

  it('is false beside it, in a folder whose name only starts the same, and above it', () => {
    expect(isInVaultFolder(join(parent, 'b.cvbackup'), dataDir)).toBe(false)
    expect(isInVaultFolder(join(parent, 'CaseVault backups', 'b.cvbackup'), dataDir)).toBe(false)
    expect(isInVaultFolder(join(parent, 'CaseVault2'), dataDir)).toBe(false)
    expect(isInVaultFolder(parent, dataDir)).toBe(false)
  })
})

describe('saving into the vault folder, through the API', () => {
  async function hostSavingTo(place: (dataDir: string) => string) {
    const dataDir = join(tempDir(), 'data')
    const access = folderFileAccess(tempDir())
    access.files.chooseSaveLocation = async (name) => join(place(dataDir), name)
    access.files.chooseFolder = async () => place(dataDir)
    const { host } = testHost(dataDir, access)
    await call(host, 'vault:create', ADMIN)
    await call(host, 'cases:create', survivorCase())
    return { host, dataDir, access }
  }

  it('a backup over casevault.db is refused before anything is written; the vault still opens', async () => {
    const { host, dataDir, access } = await hostSavingTo((dir) => dir)
    access.files.chooseSaveLocation = async () => join(dataDir, 'casevault.db')
    expect(await errorCode(host, 'backup:create', { passphrase: PASS })).toBe('FILE_IN_VAULT_FOLDER')
    await call(host, 'vault:lock')
    await call(host, 'vault:unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase })
    expect((await call<CasePage>(host, 'cases:list', {})).total).toBe(1)
  })

  it('a backup, an export and the automatic backup folder in the data folder are refused', async () => {
    const { host } = await hostSavingTo((dir) => dir)
    expect(await errorCode(host, 'backup:create', { passphrase: PASS })).toBe('FILE_IN_VAULT_FOLDER')
    expect(
      await errorCode(host, 'export:run', {
        format: 'htcds-json',
        protection: { plaintext: true, confirmed: true },
        scope: {},
      }),
    ).toBe('FILE_IN_VAULT_FOLDER')
    expect(await errorCode(host, 'backup:chooseAutoFolder')).toBe('FILE_IN_VAULT_FOLDER')
  })

  it('a folder beside the data folder is fine', async () => {
    const { host, dataDir } = await hostSavingTo((dir) => {
      const beside = join(dir, '..', 'backups')
      mkdirSync(beside, { recursive: true })
      return beside
    })
    const made = await call<{ file: string }>(host, 'backup:create', { passphrase: PASS })
    expect(made.file).toBe(join(dataDir, '..', 'backups', basename(made.file)))
  })
})
