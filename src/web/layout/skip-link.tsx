import { useTranslation } from 'react-i18next'

export const MAIN_CONTENT_ID = 'main-content'

/** The first focusable element of every page: jumps over header and navigation (WCAG 2.4.1). */
export function SkipLink() {
  const { t } = useTranslation()
  return (
    <a className="skip-link" href={`#${MAIN_CONTENT_ID}`}>
      {t('app.skipToContent')}
    </a>
  )
}
