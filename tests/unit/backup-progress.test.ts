import { readdirSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { generateX25519Identity, identityToRecipient } from 'age-encryption'
import { ADMIN, call, errorCode, folderFileAccess, tempDir, testHost } from './support/temp-vault'
import { CASEWORKER, createCase, staffedHost } from './support/case-fixtures'
import { createOperations } from '../../main/api/operations'
import type { BackupResult, OperationProgress } from '../../main/api/contract'

async function adminHost() {
  const access = folderFileAccess(tempDir())
  const { host } = testHost(tempDir(), access)
  await call(host, 'vault:create', ADMIN)
  await createCase(host)
  const recipient = await identityToRecipient(await generateX25519Identity())
  return { host, folder: access.folder, recipient }
}

function recordProgress(host: Awaited<ReturnType<typeof adminHost>>['host']) {
  const seen: OperationProgress[] = []
  host.onProgress((progress) => seen.push(progress))
  return seen
}

describe('backup progress and cancel', () => {
  it('reports the snapshot, then encryption from 0 to 1, then done', async () => {
    const { host, recipient } = await adminHost()
    const seen = recordProgress(host)
    await call<BackupResult>(host, 'backup:create', { recipients: [recipient] })
    expect(seen.every((progress) => progress.operation === 'backup')).toBe(true)
    expect(seen[0]).toEqual({ operation: 'backup', stage: 'snapshot', fraction: null })
    const encrypt = seen
      .filter((progress) => progress.stage === 'encrypt')
      .map((progress) => progress.fraction!)
    expect(encrypt.length).toBeGreaterThan(0)
    expect([...encrypt].sort((a, b) => a - b)).toEqual(encrypt)
    expect(seen.at(-1)).toEqual({ operation: 'backup', stage: 'done', fraction: 1 })
  })

  it('cancels a running backup: CANCELLED, and no file (not even a partial one) is left', async () => {
    const { host, folder, recipient } = await adminHost()
    // Cancel the moment encryption starts, the way the Cancel button reaches main mid-way.
    host.onProgress((progress) => {
      if (progress.stage === 'encrypt') void host.dispatch('backup:cancel', undefined)
    })
    expect(await errorCode(host, 'backup:create', { recipients: [recipient] })).toBe('CANCELLED')
    expect(readdirSync(folder)).toEqual([])
    // Nothing was recorded as a backup, and the next one runs normally.
    expect((await call<{ lastBackupAt: string | null }>(host, 'backup:status')).lastBackupAt).toBeNull()
  })

  it('reports decryption then the checks while verifying', async () => {
    const { host, recipient } = await adminHost()
    const identity = await generateX25519Identity()
    await call(host, 'backup:create', { recipients: [recipient, await identityToRecipient(identity)] })
    const seen = recordProgress(host)
    await call(host, 'backup:verify', { identity })
    const stages = seen.map((progress) => progress.stage)
    expect(stages[0]).toBe('decrypt')
    expect(stages).toContain('check')
    expect(seen.find((progress) => progress.stage === 'check')!.fraction).toBeNull()
    expect(seen.at(-1)).toEqual({ operation: 'verify', stage: 'done', fraction: 1 })
  })

  // A backup and a check can run at once (two panels of one screen). Cancel under the check
  // stopped the backup: main cancelled whichever it found first. The screen now names its own.
  it('cancels only the operation named: a check’s Cancel leaves a running backup alone', async () => {
    const { host, folder, recipient } = await adminHost()
    const answers: unknown[] = []
    host.onProgress((progress) => {
      if (progress.stage === 'encrypt' && answers.length === 0)
        answers.push(host.dispatch('backup:cancel', 'verify'))
    })
    const made = await call<BackupResult>(host, 'backup:create', { recipients: [recipient] })
    expect(await Promise.all(answers)).toEqual([{ ok: true, value: false }])
    expect(readdirSync(folder)).toHaveLength(1)
    expect(made.file).toBeTruthy()
    expect(await errorCode(host, 'backup:cancel', 'export')).toBe('VALIDATION')
  })

  it('answers false when nothing runs, and is for administrators only', async () => {
    const { host } = await adminHost()
    expect(await call(host, 'backup:cancel')).toBe(false)
    const staffed = await staffedHost(CASEWORKER.username)
    expect(await errorCode(staffed.host, 'backup:cancel')).toBe('FORBIDDEN')
  })
})

describe('operations registry', () => {
  it('runs one operation of a kind at a time and turns an abort into CANCELLED', async () => {
    const operations = createOperations(() => undefined)
    let release = () => {}
    const first = operations.run('export', (signal) => {
      return new Promise<string>((resolve, reject) => {
        release = () => resolve('finished')
        signal.addEventListener('abort', () => reject(new Error('stream aborted')))
      })
    })
    await expect(operations.run('export', async () => 'second')).rejects.toMatchObject({ code: 'CONFLICT' })
    expect(await operations.run('import', async () => 'other kinds run')).toBe('other kinds run')
    expect(operations.cancel('export')).toBe(true)
    await expect(first).rejects.toMatchObject({ code: 'CANCELLED' })
    expect(operations.isRunning('export')).toBe(false)
    release()
  })

  it('throttles progress within a stage but always sends a stage change', async () => {
    const sent: OperationProgress[] = []
    let now = 0
    const operations = createOperations(
      (progress) => sent.push(progress),
      () => now,
    )
    await operations.run('backup', async (_signal, report) => {
      report('encrypt', 0.1)
      now += 10
      report('encrypt', 0.2) // dropped: 10 ms later, same stage
      now += 200
      report('encrypt', 0.5)
      report('check', null) // a new stage goes out at once
    })
    expect(sent.map((progress) => [progress.stage, progress.fraction])).toEqual([
      ['encrypt', 0.1],
      ['encrypt', 0.5],
      ['check', null],
      ['done', 1],
    ])
  })
})

describe('export progress and cancel', () => {
  it('reports reading then encryption, and a cancelled export leaves no file', async () => {
    const { host, folder, recipient } = await adminHost()
    const seen = recordProgress(host)
    const exported = await call<{ file: string }>(host, 'export:run', {
      format: 'htcds-json',
      protection: { recipients: [recipient] },
    })
    expect(readdirSync(folder)).toHaveLength(1)
    expect(seen.map((progress) => progress.stage)).toEqual(
      expect.arrayContaining(['read', 'encrypt', 'done']),
    )
    expect(seen.every((progress) => progress.operation === 'export')).toBe(true)
    expect(exported.file).toMatch(/\.age$/)

    host.onProgress((progress) => {
      if (progress.stage === 'encrypt') void host.dispatch('export:cancel', undefined)
    })
    expect(
      await errorCode(host, 'export:run', { format: 'htcds-json', protection: { recipients: [recipient] } }),
    ).toBe('CANCELLED')
    expect(readdirSync(folder)).toHaveLength(1)
  })
})
