export function time<T>(work: () => T): { ms: number; value: T } {
  const started = performance.now()
  const value = work()
  return { ms: performance.now() - started, value }
}

export async function timeAsync<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now()
  const value = await work()
  return { ms: performance.now() - started, value }
}

export interface Percentiles {
  p50: number
  p95: number
}

/** Runs `work` `runs` times after a few untimed warm-up runs; nearest-rank percentiles in ms. */
export function percentiles(runs: number, work: (run: number) => unknown): Percentiles {
  for (let run = 0; run < Math.min(10, runs); run += 1) work(run)
  const samples: number[] = []
  for (let run = 0; run < runs; run += 1) samples.push(time(() => work(run)).ms)
  samples.sort((a, b) => a - b)
  const rank = (p: number) => samples[Math.max(0, Math.ceil(p * samples.length) - 1)]!
  return { p50: rank(0.5), p95: rank(0.95) }
}

/** Progress on stderr (about every 10%), so stdout stays the result table. */
export function progress(label: string): (done: number, total: number) => void {
  let last = 0
  return (done, total) => {
    if (done - last >= Math.max(1000, Math.round(total / 10)) || done === total) {
      last = done
      process.stderr.write(`  ${label}: ${done}/${total} cases\n`)
    }
  }
}

/** A fixed-width table: first column left-aligned, the rest right-aligned. */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((_, column) =>
    Math.max(...[header, ...rows].map((row) => (row[column] ?? '').length)),
  )
  const line = (row: string[]) =>
    row
      .map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!)))
      .join('  ')
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n')
}

export const ms = (value: number) => value.toFixed(value < 10 ? 2 : 1)
export const ratio = (encrypted: number, plain: number) => `${(encrypted / plain).toFixed(2)}×`
