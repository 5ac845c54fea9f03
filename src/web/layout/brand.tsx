import { Group, Text } from '@mantine/core'
import { IconBuildingBridge2 } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { AnchorLink } from '../ui/router-links'

export function Brand() {
  const { t } = useTranslation()
  return (
    <AnchorLink to="/" underline="never" c="inherit">
      <Group gap={8} wrap="nowrap">
        <IconBuildingBridge2 size={26} aria-hidden="true" color="var(--mantine-color-blue-8)" />
        <Text fw={700} fz="lg">
          {t('app.name')}
        </Text>
      </Group>
    </AnchorLink>
  )
}
