import { vi } from 'vitest'

/**
 * Main's clocks, moved by a test: the wall clock (Date.now: dates, file names) and the monotonic
 * one (performance.now: the idle lock and the operations it watches). Both pass together; only
 * the wall clock can be set back, as a person or a time server does.
 */
export function movableClocks() {
  const realDate = Date.now
  const realMonotonic = performance.now.bind(performance)
  const moved = { wall: 0, monotonic: 0 }
  const date = vi.spyOn(Date, 'now').mockImplementation(() => realDate() + moved.wall)
  const monotonic = vi.spyOn(performance, 'now').mockImplementation(() => realMonotonic() + moved.monotonic)
  return {
    pass(ms: number) {
      moved.wall += ms
      moved.monotonic += ms
    },
    setBack(ms: number) {
      moved.wall -= ms
    },
    restore() {
      date.mockRestore()
      monotonic.mockRestore()
    },
  }
}
