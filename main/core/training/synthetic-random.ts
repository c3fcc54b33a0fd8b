/** A weighted choice: the value and its relative weight (weights need not sum to anything). */
export type Weighted<T> = readonly (readonly [T, number])[]

/**
 * Small seeded PRNG (sfc32, seeded through splitmix32) with the draws the generator needs. Not for
 * anything secret: it exists so the same seed always gives the same synthetic vault.
 */
export class SeededRandom {
  private a: number
  private b: number
  private c: number
  private d: number

  constructor(seed: number) {
    let state = seed >>> 0
    const split = () => {
      state = (state + 0x9e3779b9) >>> 0
      let z = state
      z = Math.imul(z ^ (z >>> 16), 0x21f0aaad)
      z = Math.imul(z ^ (z >>> 15), 0x735a2d97)
      return (z ^ (z >>> 15)) >>> 0
    }
    this.a = split()
    this.b = split()
    this.c = split()
    this.d = split()
    for (let i = 0; i < 12; i += 1) this.next()
  }

  /** Uniform in [0, 1). */
  next(): number {
    const t = (((this.a + this.b) >>> 0) + this.d) >>> 0
    this.d = (this.d + 1) >>> 0
    this.a = this.b ^ (this.b >>> 9)
    this.b = (this.c + (this.c << 3)) >>> 0
    this.c = ((this.c << 21) | (this.c >>> 11)) >>> 0
    this.c = (this.c + t) >>> 0
    return t / 4294967296
  }

  /** Uniform integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1))
  }

  /** A fresh 31-bit seed, e.g. for a faker instance. */
  seed(): number {
    return this.int(1, 0x7fffffff)
  }

  chance(probability: number): boolean {
    return this.next() < probability
  }

  pick<T>(values: readonly T[]): T {
    if (values.length === 0) throw new Error('pick from an empty list')
    return values[Math.floor(this.next() * values.length)]!
  }

  weighted<T>(choices: Weighted<T>): T {
    const total = choices.reduce((sum, [, weight]) => sum + weight, 0)
    let roll = this.next() * total
    for (const [value, weight] of choices) {
      roll -= weight
      if (roll < 0) return value
    }
    return choices[choices.length - 1]![0]
  }

  /** `count` distinct values, drawn by weight without replacement (fewer if the list is shorter). */
  weightedDistinct<T>(choices: Weighted<T>, count: number): T[] {
    const left = [...choices]
    const drawn: T[] = []
    while (drawn.length < count && left.length > 0) {
      const value = this.weighted(left)
      drawn.push(value)
      left.splice(
        left.findIndex(([candidate]) => candidate === value),
        1,
      )
    }
    return drawn
  }
}
