import { Container, Stack, Text, Title } from '@mantine/core'
import { useDocumentTitle } from '@mantine/hooks'
import { useTranslation } from 'react-i18next'
import { ButtonLink } from './router-links'

/** Any address the app does not know. Stands alone, so it has its own main landmark. */
export function NotFoundPage() {
  const { t } = useTranslation()
  useDocumentTitle(`${t('notFound.title')} · ${t('app.name')}`)
  return (
    <Container component="main" size="sm" py={80}>
      <Stack align="flex-start" gap="md">
        <Text c="dimmed" fw={700}>
          404
        </Text>
        <Title order={1}>{t('notFound.title')}</Title>
        <Text>{t('notFound.message')}</Text>
        <ButtonLink to="/">{t('notFound.home')}</ButtonLink>
      </Stack>
    </Container>
  )
}
