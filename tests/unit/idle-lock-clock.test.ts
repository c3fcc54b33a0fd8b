// The idle lock reads a monotonic clock, not the wall clock (failed before its fix). After an
// export the administrator watched, the computer's clock was set back an hour (a wrong time
// zone corrected, a time server answering): host.ts counted idle time from the export's end on
// the wall clock, which was now an hour in the future, so the vault stayed open, unattended,
// until the clock caught up.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { ADMIN, call, tempDir, testHost } from './support/temp-vault'
import { createCase } from './support/case-fixtures'
import { movableClocks } from './support/movable-clocks'

afterEach(() => {
  vi.restoreAllMocks()
})

describe('the idle lock after the computer’s clock was set back', () => {
  it('still locks once the idle time has passed', async () => {
    const clocks = movableClocks()
    const { host } = testHost(tempDir())
    await call(host, 'vault:create', ADMIN)
    await createCase(host)
    let checked: Promise<void> | null = null
    host.onProgress((progress) => {
      // Two minutes after the admin clicked Export, the export still moving: it is work.
      if (progress.operation === 'export' && progress.stage !== 'done' && checked === null) {
        clocks.pass(2 * 60_000)
        checked = host.checkIdle(2 * 60)
      }
    })
    await call(host, 'export:run', { format: 'htcds-json', protection: { plaintext: true, confirmed: true } })
    await checked
    expect(checked).not.toBeNull()
    // The clock is set back an hour; then nobody touches the computer for 41 minutes.
    clocks.setBack(60 * 60_000)
    clocks.pass(41 * 60_000)
    await host.checkIdle(41 * 60)
    const state = (await call<{ state: string }>(host, 'vault:status')).state
    host.dispose()
    expect(state).toBe('locked')
  })
})
