import { createI18n } from 'vue-i18n'
import { en, type MessageSchema } from './en'

export function createAppI18n() {
  return createI18n<[MessageSchema], 'en', false>({
    legacy: false,
    locale: 'en',
    fallbackLocale: 'en',
    messages: { en },
  })
}
