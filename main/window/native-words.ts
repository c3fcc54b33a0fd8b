import { nativeMessages } from '../../renderer/src/i18n/en/native'

export type NativeWords = typeof nativeMessages.native

/**
 * The words of the system dialogs main opens, from the renderer's message catalog, so that no
 * user-facing string lives outside it. The app speaks one language today (the renderer's i18n
 * locale is 'en'); a second catalog would be picked here by the same locale.
 */
export function nativeWords(): NativeWords {
  return nativeMessages.native
}
