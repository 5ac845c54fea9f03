import { NativeSelect } from '@mantine/core'
import { IconLanguage } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { LOCALES, type Locale } from '../../modules/identity/identity.contract'
import { changeLanguage, currentLocale } from '../i18n/i18n'
import { isLocale } from '../i18n/locale'

/** Each language is named in itself, so a user lost in the other language still finds theirs. */
const LANGUAGE_NAMES: Record<Locale, string> = { it: 'Italiano', en: 'English' }

interface LanguageSwitchProps {
  /** Called after the UI switched, e.g. to remember the choice on the user's account. */
  onChange?: (locale: Locale) => void
}

/** A native select: the most robust control for keyboards, screen readers and touch. */
export function LanguageSwitch({ onChange }: LanguageSwitchProps) {
  const { t } = useTranslation()
  return (
    <NativeSelect
      label={t('language.label')}
      size="xs"
      w={130}
      leftSection={<IconLanguage size={16} aria-hidden="true" />}
      data={LOCALES.map((locale) => ({ value: locale, label: LANGUAGE_NAMES[locale] }))}
      value={currentLocale()}
      onChange={(event) => {
        const locale = event.currentTarget.value
        if (!isLocale(locale)) return
        void changeLanguage(locale).then(() => onChange?.(locale))
      }}
    />
  )
}
