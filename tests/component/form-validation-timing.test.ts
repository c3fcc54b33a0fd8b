import { describe, expect, it } from 'vitest'
import { lazyThenEager } from '../../renderer/src/forms/typed-schema'

describe('when a form field is checked', () => {
  it('does not flag an untouched empty field on blur (the layout must not jump under the pointer)', () => {
    expect(lazyThenEager({ errors: [], dirty: false })).toEqual({
      validateOnModelUpdate: false,
      validateOnBlur: false,
    })
  })

  it('checks a field the user typed in when it loses focus, then on every keystroke once it shows an error', () => {
    expect(lazyThenEager({ errors: [], dirty: true })).toEqual({
      validateOnModelUpdate: false,
      validateOnBlur: true,
    })
    expect(lazyThenEager({ errors: ['Required'], dirty: true })).toEqual({
      validateOnModelUpdate: true,
      validateOnBlur: true,
    })
  })
})
