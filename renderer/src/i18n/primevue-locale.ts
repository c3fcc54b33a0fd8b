import type { Translate } from '../forms/validation-message'

function names(locale: string, options: Intl.DateTimeFormatOptions, dates: Date[]): string[] {
  const format = new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' })
  return dates.map((date) => format.format(date))
}

// 2023-01-01 was a Sunday: PrimeVue's day lists start on Sunday.
const week = Array.from({ length: 7 }, (_, day) => new Date(Date.UTC(2023, 0, 1 + day)))
const year = Array.from({ length: 12 }, (_, month) => new Date(Date.UTC(2023, month, 1)))

/**
 * PrimeVue's own words (paginator, calendar, empty lists, close buttons) from our messages, and
 * day and month names from the browser for the reader's locale. PrimeVue fills {0} and {page}
 * itself, so those are passed through the messages as values.
 */
export function primeVueLocale(t: Translate, locale: string) {
  return {
    clear: t('primevue.clear'),
    today: t('primevue.today'),
    emptyMessage: t('primevue.emptyMessage'),
    emptyFilterMessage: t('primevue.emptyFilterMessage'),
    emptySearchMessage: t('primevue.emptyFilterMessage'),
    emptySelectionMessage: t('primevue.emptySelectionMessage'),
    searchMessage: t('primevue.searchMessage', { count: '{0}' }),
    selectionMessage: t('primevue.selectionMessage', { count: '{0}' }),
    chooseYear: t('primevue.chooseYear'),
    chooseMonth: t('primevue.chooseMonth'),
    chooseDate: t('primevue.chooseDate'),
    prevDecade: t('primevue.prevDecade'),
    nextDecade: t('primevue.nextDecade'),
    prevYear: t('primevue.prevYear'),
    nextYear: t('primevue.nextYear'),
    prevMonth: t('primevue.prevMonth'),
    nextMonth: t('primevue.nextMonth'),
    dayNames: names(locale, { weekday: 'long' }, week),
    dayNamesShort: names(locale, { weekday: 'short' }, week),
    dayNamesMin: names(locale, { weekday: 'short' }, week),
    monthNames: names(locale, { month: 'long' }, year),
    monthNamesShort: names(locale, { month: 'short' }, year),
    aria: {
      close: t('common.close'),
      pageLabel: t('primevue.pageLabel', { page: '{page}' }),
      firstPageLabel: t('primevue.firstPageLabel'),
      lastPageLabel: t('primevue.lastPageLabel'),
      nextPageLabel: t('primevue.nextPageLabel'),
      prevPageLabel: t('primevue.prevPageLabel'),
      selectAll: t('primevue.selectAll'),
      unselectAll: t('primevue.unselectAll'),
      listLabel: t('primevue.listLabel'),
    },
  }
}
