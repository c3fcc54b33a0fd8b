/**
 * Whole-number keys (below 2^53) to slots, in open addressing over typed arrays: no object per
 * entry and no Map bookkeeping, for the grouping the search repeats most.
 */
export class SlotTable {
  private readonly keys: Float64Array
  private readonly slots: Int32Array
  private readonly mask: number

  constructor(expected: number) {
    let capacity = 16
    while (capacity < expected * 2) capacity *= 2
    this.keys = new Float64Array(capacity).fill(-1)
    this.slots = new Int32Array(capacity)
    this.mask = capacity - 1
  }

  private find(key: number): number {
    const { keys, mask } = this
    // Low and high 32 bits mixed, so that keys differing only in their top digits spread too.
    let at = Math.imul((key >>> 0) ^ Math.imul(Math.floor(key / 4294967296), 0x9e3779b1), 0x85ebca6b) & mask
    while (keys[at] !== -1 && keys[at] !== key) at = (at + 1) & mask
    return at
  }

  get(key: number): number | undefined {
    const at = this.find(key)
    return this.keys[at] === key ? this.slots[at] : undefined
  }

  set(key: number, slot: number): void {
    const at = this.find(key)
    this.keys[at] = key
    this.slots[at] = slot
  }
}
