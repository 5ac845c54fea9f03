import type { ParseKeys } from 'i18next'
import { useTranslation } from 'react-i18next'

/**
 * Labels for values the server may extend without the web app knowing (audit entity types, field
 * names in a diff): translated when a key exists, otherwise shown as sent, never as a raw key.
 */
export function useOptionalLabel() {
  const { t, i18n } = useTranslation()
  return (key: string, fallback: string): string =>
    // Checked with exists() first, so the key is known to be one of ours.
    i18n.exists(key) ? t(key as ParseKeys) : fallback
}
