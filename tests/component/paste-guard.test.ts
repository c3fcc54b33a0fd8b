import { describe, expect, it } from 'vitest'
import { lengthAfterPaste } from '../../renderer/src/composables/paste-guard'

describe('how long a field would be after a paste', () => {
  it('replaces the selection, and counts a pasted CRLF as the one line end the field keeps', () => {
    const field = { value: 'Interview notes: draft', selectionStart: 17, selectionEnd: 22 }
    expect(lengthAfterPaste(field, 'final')).toBe(22)
    expect(lengthAfterPaste(field, 'line one\r\nline two')).toBe(17 + 17)
    expect(lengthAfterPaste({ ...field, selectionStart: 22 }, '!')).toBe(23)
  })

  it('does not count trailing white space, which the browser may cut without losing anything', () => {
    expect(lengthAfterPaste({ value: '', selectionStart: 0, selectionEnd: 0 }, '2025 \r\n')).toBe(4)
    expect(lengthAfterPaste({ value: '', selectionStart: 0, selectionEnd: 0 }, ' 2025')).toBe(5)
  })

  it('appends where a field reports no selection', () => {
    expect(lengthAfterPaste({ value: 'abc', selectionStart: null, selectionEnd: null }, 'de')).toBe(5)
  })
})
