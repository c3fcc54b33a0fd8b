// Backup files under attack and under accident: checks a reviewing helper made that held up. Kept
// as regression tests: every flipped byte, cut or appended tail of a real backup is refused with a
// coded error, and a restore of one leaves the live vault as it was.
import { describe, expect, it } from 'vitest'
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { generateX25519Identity, identityToRecipient } from 'age-encryption'
import { createdVault, tempDir } from './support/temp-vault'
import { verifyBackup } from '../../main/core/backup/verify-backup'
import { restoreBackup } from '../../main/core/backup/restore-backup'
import { createBackup } from '../../main/core/backup/create-backup'
import { codeOf, liveBytes, PASSPHRASE, vaultAndBackup } from './support/backup-attack-fixtures'

const macLineEnd = (bytes: Buffer) => bytes.indexOf(0x0a, bytes.indexOf('\n--- ') + 1)

async function codesOf(variants: Buffer[], credentials: Parameters<typeof verifyBackup>[1]) {
  const dir = tempDir()
  const codes = new Set<string>()
  for (const [index, bytes] of variants.entries()) {
    const file = join(dir, `variant-${index}.cvbackup`)
    writeFileSync(file, bytes)
    codes.add(await codeOf(verifyBackup(file, credentials)))
  }
  return codes
}

describe('a real backup changed by one byte, cut or lengthened (held up)', () => {
  it('every flipped byte of the header, the nonce and the payload is refused with a code', async () => {
    const { out } = await vaultAndBackup()
    const bytes = readFileSync(out)
    const headerEnd = macLineEnd(bytes)
    const positions = new Set<number>()
    for (let at = 0; at <= headerEnd + 20; at += 1) positions.add(at) // header, MAC, nonce, first tag
    for (let step = 0; step < 30; step += 1) positions.add(Math.floor(((bytes.length - 1) * step) / 29))
    const variants = [...positions].map((at) => {
      const copy = Buffer.from(bytes)
      copy[at]! ^= 0x01
      return copy
    })
    // A flipped salt or work factor derives another key: no different from a wrong passphrase.
    expect([...(await codesOf(variants, { passphrase: PASSPHRASE }))].sort()).toEqual([
      'BACKUP_DAMAGED',
      'WRONG_PASSPHRASE',
    ])
  })

  it('a file cut at any length, or with bytes after its end, is damaged', async () => {
    const { out } = await vaultAndBackup()
    const bytes = readFileSync(out)
    const headerEnd = macLineEnd(bytes) + 1
    const chunk = 64 * 1024 + 16
    const cuts = [0, 1, 21, 50, headerEnd - 1, headerEnd, headerEnd + 15, headerEnd + 16, headerEnd + 20]
    cuts.push(headerEnd + 16 + chunk, headerEnd + 16 + 2 * chunk, bytes.length - 17, bytes.length - 1)
    const variants = [
      ...cuts.map((length) => bytes.subarray(0, length)),
      ...[1, 16, 17, chunk, 70_000].map((extra) => Buffer.concat([bytes, Buffer.alloc(extra)])),
      Buffer.concat([bytes, bytes]),
    ]
    expect([...(await codesOf(variants, { passphrase: PASSPHRASE }))]).toEqual(['BACKUP_DAMAGED'])
  })

  it('a restore of a changed backup leaves the live vault byte for byte, and no staging folder', async () => {
    const { vault, out } = await vaultAndBackup()
    vault.lock('user')
    const before = liveBytes(vault)
    const bytes = readFileSync(out)
    const dir = tempDir()
    for (const at of [5, macLineEnd(bytes) - 3, macLineEnd(bytes) + 5, Math.floor(bytes.length / 2)]) {
      const copy = Buffer.from(bytes)
      copy[at]! ^= 0x01
      const file = join(dir, `flip-${at}.cvbackup`)
      writeFileSync(file, copy)
      expect(await codeOf(restoreBackup(vault.dataDir, file, { passphrase: PASSPHRASE }))).toBe(
        'BACKUP_DAMAGED',
      )
    }
    const cut = join(dir, 'cut.cvbackup')
    writeFileSync(cut, bytes.subarray(0, bytes.length - 1))
    expect(await codeOf(restoreBackup(vault.dataDir, cut, { passphrase: PASSPHRASE }))).toBe('BACKUP_DAMAGED')
    expect(liveBytes(vault).equals(before)).toBe(true)
    expect(readdirSync(dirname(vault.dataDir)).filter((name) => name.includes('.restore-'))).toEqual([])
  })
})

describe('a backup made to the organisation’s public keys only (held up)', () => {
  it('verifies and restores with the private key; a flipped byte is refused, the live vault untouched', async () => {
    const { vault } = await createdVault({ dataDir: join(tempDir(), 'data') })
    const identity = await generateX25519Identity()
    const out = join(tempDir(), 'keys.cvbackup')
    const key = vault.databaseKeyCopy()
    await createBackup(
      vault.session()!,
      vault.dataDir,
      out,
      { recipients: [await identityToRecipient(identity)] },
      {
        appVersion: 'test',
        databaseKey: key,
      },
    )
    key.fill(0)
    expect(await codeOf(verifyBackup(out, { identity }))).toBe('OK')
    vault.lock('user')
    const before = liveBytes(vault)
    const bytes = readFileSync(out)
    const damaged = join(tempDir(), 'flipped.cvbackup')
    const copy = Buffer.from(bytes)
    copy[Math.floor(bytes.length * 0.7)]! ^= 0x80
    writeFileSync(damaged, copy)
    expect(await codeOf(restoreBackup(vault.dataDir, damaged, { identity }))).toBe('BACKUP_DAMAGED')
    expect(liveBytes(vault).equals(before)).toBe(true)
    const restored = await restoreBackup(vault.dataDir, out, { identity })
    expect(restored.rollbackDir).not.toBeNull()
    expect(restored.counts.users).toBe(1)
  })
})
