import { Alert, Button } from '@mantine/core'
import { IconAlertTriangle } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { isApiError } from '../api-client'

interface QueryErrorProps {
  error: unknown
  onRetry?: () => void
}

/** In place of content that failed to load: the server's (localised) reason and a retry. */
export function QueryError({ error, onRetry }: QueryErrorProps) {
  const { t } = useTranslation()
  const message = isApiError(error) && error.code !== 'NETWORK' ? error.message : t('failure.network')
  return (
    <Alert
      role="alert"
      color="red.9"
      variant="outline"
      title={t('failure.loadTitle')}
      icon={<IconAlertTriangle aria-hidden="true" />}
    >
      {message}
      {onRetry ? (
        <Button variant="default" size="xs" mt="sm" display="block" onClick={onRetry}>
          {t('common.retry')}
        </Button>
      ) : null}
    </Alert>
  )
}
