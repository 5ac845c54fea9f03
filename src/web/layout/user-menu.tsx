import { ActionIcon, Avatar, Menu, Text } from '@mantine/core'
import { IconApi, IconLogout, IconUserCircle } from '@tabler/icons-react'
import { Link, useNavigate } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import type { Me } from '../../modules/identity/identity.contract'
import { useSignOut } from '../../modules/identity/web'

function initialsOf(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean)
  const first = parts[0]?.[0] ?? ''
  const last = parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? '') : ''
  return (first + last).toUpperCase() || '?'
}

export function UserMenu({ me }: { me: Me }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const signOut = useSignOut()

  return (
    <Menu position="bottom-end" width={260} shadow="md">
      <Menu.Target>
        <ActionIcon variant="subtle" size={40} radius="xl" aria-label={t('userMenu.label')}>
          <Avatar color="blue.9" variant="filled" radius="xl" size={36} aria-hidden="true">
            {initialsOf(me.name)}
          </Avatar>
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <Text size="sm" fw={600} c="var(--mantine-color-text)" truncate>
            {me.name}
          </Text>
          <Text size="xs" c="dimmed" truncate>
            {me.email}
          </Text>
        </Menu.Label>
        <Menu.Item component={Link} to="/profile" leftSection={<IconUserCircle size={16} aria-hidden="true" />}>
          {t('nav.profile')}
        </Menu.Item>
        {me.isNetworkAdmin ? (
          <Menu.Item
            component="a"
            href="/api/docs"
            leftSection={<IconApi size={16} aria-hidden="true" />}
          >
            {t('userMenu.apiDocs')}
          </Menu.Item>
        ) : null}
        <Menu.Divider />
        <Menu.Item
          leftSection={<IconLogout size={16} aria-hidden="true" />}
          onClick={() =>
            signOut.mutate(undefined, {
              onSettled: () => void navigate({ to: '/login', search: {} }),
            })
          }
        >
          {t('userMenu.signOut')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  )
}
