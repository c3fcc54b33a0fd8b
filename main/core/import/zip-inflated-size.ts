// What a workbook (a zip) says it unpacks to, read from its central directory before anything is
// unpacked. ExcelJS unpacks the whole workbook into memory: a 400 KB file that unpacks to 400 MB
// took 1.1 GB of main's memory (a reviewing helper's measurement), and one that unpacks to
// gigabytes would take main down with it. The sizes come from the file and a hostile one can
// understate them; this stops the workbooks that state them, which is what zip tools write.

const END_OF_DIRECTORY = 0x06054b50
const DIRECTORY_ENTRY = 0x02014b50
/** ZIP64 marks a size too large for 32 bits with all ones (no case sheet comes near). */
const ZIP64_MARK = 0xffffffff

/**
 * The total unpacked size the zip states: Infinity when it uses ZIP64 sizes, null when it has no
 * readable directory (no zip: ExcelJS then says it is no workbook).
 */
export function zipInflatedSize(bytes: Uint8Array): number | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  // The end record is in the last 22 bytes plus a comment of at most 65,535.
  const earliest = Math.max(0, bytes.length - 22 - 0xffff)
  let end = -1
  for (let at = bytes.length - 22; at >= earliest; at -= 1) {
    if (view.getUint32(at, true) === END_OF_DIRECTORY) {
      end = at
      break
    }
  }
  if (end < 0) return null
  const entries = view.getUint16(end + 10, true)
  let at = view.getUint32(end + 16, true)
  let total = 0
  for (let i = 0; i < entries; i += 1) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== DIRECTORY_ENTRY) return null
    const size = view.getUint32(at + 24, true)
    if (size === ZIP64_MARK) return Infinity
    total += size
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true)
  }
  return total
}
