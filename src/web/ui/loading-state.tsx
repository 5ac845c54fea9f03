import { Center, Loader, VisuallyHidden } from '@mantine/core'
import { useTranslation } from 'react-i18next'

/** A spinner that screen readers announce as "Loading…" (role=status is a polite live region). */
export function LoadingState({ label }: { label?: string }) {
  const { t } = useTranslation()
  return (
    <Center py="xl" role="status">
      <Loader size="md" aria-hidden="true" />
      <VisuallyHidden>{label ?? t('common.loading')}</VisuallyHidden>
    </Center>
  )
}
