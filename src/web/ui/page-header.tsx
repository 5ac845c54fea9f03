import { Group, Stack, Text, Title } from '@mantine/core'
import { useDocumentTitle } from '@mantine/hooks'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

interface PageHeaderProps {
  /** The page's one h1; also the browser tab title (WCAG 2.4.2 Page Titled). */
  title: string
  description?: ReactNode
  /** Shown above the title, e.g. a link back to the list. */
  back?: ReactNode
  actions?: ReactNode
}

export function PageHeader({ title, description, back, actions }: PageHeaderProps) {
  const { t } = useTranslation()
  useDocumentTitle(`${title} · ${t('app.name')}`)
  return (
    <Group justify="space-between" align="flex-end" mb="lg" gap="md" wrap="wrap">
      <Stack gap={4}>
        {back}
        <Title order={1}>{title}</Title>
        {description ? <Text c="dimmed">{description}</Text> : null}
      </Stack>
      {actions ? <Group gap="sm">{actions}</Group> : null}
    </Group>
  )
}
