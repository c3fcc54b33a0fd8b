import { useI18n } from 'vue-i18n'

/** A sniffed media type (main decides it from the content, not the file name) in plain words. */
export function useMediaTypeLabel(): (mediaType: string) => string {
  const { t } = useI18n()
  return (mediaType) => {
    if (mediaType === 'application/pdf') return t('attachments.types.pdf')
    if (mediaType.startsWith('image/')) return t('attachments.types.image')
    if (mediaType.startsWith('audio/')) return t('attachments.types.audio')
    if (mediaType === 'text/plain') return t('attachments.types.text')
    if (mediaType.includes('spreadsheet')) return t('attachments.types.spreadsheet')
    if (mediaType.includes('wordprocessing') || mediaType.includes('opendocument.text')) {
      return t('attachments.types.document')
    }
    return mediaType
  }
}
