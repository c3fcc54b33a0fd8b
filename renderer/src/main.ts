import { createApp } from 'vue'
import { createPinia } from 'pinia'
import PrimeVue from 'primevue/config'
import ToastService from 'primevue/toastservice'
import Aura from '@primeuix/themes/aura'
import App from './App.vue'
import { createAppI18n } from './i18n'
import { primeVueLocale } from './i18n/primevue-locale'
import { createAppRouter } from './router'
import { useVaultStore } from './stores/vault'
import './styles/app.css'
import './styles/cases.css'

// PrimeVue: its inputs, dialogs (focus trap, Escape to close), toasts and DataTable follow
// WAI-ARIA patterns and work by keyboard; it is well kept and bundles with no CDN (icons are
// inline SVG, the theme is injected as <style>, which the CSP allows for styles only).
// Version 4 on purpose: it is MIT; version 5 needs a commercial licence key and shows a banner.
const app = createApp(App)
const pinia = createPinia()
const i18n = createAppI18n()
const router = createAppRouter()
const { t } = i18n.global

app.use(pinia)
app.use(i18n)
app.use(PrimeVue, {
  // Light scheme only for now: the app's own styles are not yet tuned for dark mode.
  theme: { preset: Aura, options: { darkModeSelector: '.casevault-dark' } },
  locale: primeVueLocale(t, i18n.global.locale.value),
})
app.use(ToastService)
app.use(router)

// Main locks on idle, suspend and screen lock: the store forgets the session, we show the unlock screen.
useVaultStore(pinia).listenForLocks(() => {
  void router.replace({ name: 'unlock' })
})

app.mount('#app')
