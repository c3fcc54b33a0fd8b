// A workbook is unpacked whole into main's memory (ExcelJS): one that says it unpacks to more
// than 1 GB is refused before anything is unpacked, as too large (a reviewing helper measured a
// 400 KB file taking 1.1 GB; a larger bomb would take main down). Failed before: the file was
// unpacked. The sizes are the zip's own statement (zip-inflated-size.ts).
import { describe, expect, it } from 'vitest'
import JSZip from 'jszip'
import { readXlsx } from '../../main/core/import/read-xlsx'
import { zipInflatedSize } from '../../main/core/import/zip-inflated-size'

async function zipOf(files: Record<string, string>): Promise<Uint8Array> {
  const zip = new JSZip()
  for (const [name, text] of Object.entries(files)) zip.file(name, text)
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' })
}

/** Rewrites every central-directory entry's stated unpacked size (as a bomb's would read). */
function stating(bytes: Uint8Array, size: number): Uint8Array {
  const copy = new Uint8Array(bytes)
  const view = new DataView(copy.buffer)
  for (let at = 0; at + 46 <= copy.length; at += 1)
    if (view.getUint32(at, true) === 0x02014b50) view.setUint32(at + 24, size, true)
  return copy
}

describe('what a workbook says it unpacks to', () => {
  it('is read from the zip directory without unpacking', async () => {
    const bytes = await zipOf({ 'a.xml': 'x'.repeat(5000), 'b.xml': 'y'.repeat(300) })
    expect(zipInflatedSize(bytes)).toBe(5300)
    expect(zipInflatedSize(new TextEncoder().encode('caseNumber,intakeDate\n'))).toBeNull()
    expect(zipInflatedSize(stating(bytes, 0xffffffff))).toBe(Infinity)
  })

  it('refuses, as too large, a workbook that unpacks to more than 1 GB, and one with ZIP64 sizes', async () => {
    const bytes = await zipOf({ 'xl/worksheets/sheet1.xml': '<worksheet/>', 'other.xml': '<x/>' })
    for (const size of [0xc0000000, 0xffffffff]) {
      await expect(readXlsx(stating(bytes, size))).rejects.toMatchObject({
        code: 'VALIDATION',
        details: { file: 'too_large' },
      })
    }
  })
})
