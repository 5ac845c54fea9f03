import { Button, Code, Container, Stack, Text, Title } from '@mantine/core'
import type { ErrorComponentProps } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import { isApiError } from '../api-client'

/** A page that could not render. Says so plainly, offers a reload, and shows the request id if any. */
export function ErrorPage({ error }: ErrorComponentProps) {
  const { t } = useTranslation()
  const requestId = isApiError(error) ? error.requestId : null
  return (
    <Container component="main" size="sm" py={80}>
      <Stack align="flex-start" gap="md">
        <Title order={1}>{t('crash.title')}</Title>
        <Text>{isApiError(error) ? error.message : t('crash.message')}</Text>
        {requestId ? (
          <Text size="sm">
            {t('crash.requestId')} <Code>{requestId}</Code>
          </Text>
        ) : null}
        <Button onClick={() => window.location.reload()}>{t('crash.reload')}</Button>
      </Stack>
    </Container>
  )
}
