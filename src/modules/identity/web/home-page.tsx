import { Card, Group, List, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { IconHistory, IconMailPlus, IconSitemap, IconUsers } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { EmptyState } from '../../../web/ui/empty-state'
import { PageHeader } from '../../../web/ui/page-header'
import { AnchorLink } from '../../../web/ui/router-links'
import { StatusBadge } from '../../../web/ui/status-badge'
import { useMe } from './identity.queries'

/**
 * The landing page after sign-in. It shows only what is true today — who you are, where you
 * belong, where to go — and no figures until the modules that produce them exist.
 */
export function HomePage() {
  const { t } = useTranslation()
  const me = useMe()

  // Worded unlike the navigation entries, so each link name on the page is unique (a screen
  // reader's list of links, and role-based e2e locators, would otherwise find two "Rete").
  const shortcuts = [
    { to: '/network', label: t('home.shortcuts.networkLink'), description: t('home.shortcuts.network'), Icon: IconSitemap },
    { to: '/users', label: t('home.shortcuts.usersLink'), description: t('home.shortcuts.users'), Icon: IconUsers },
    { to: '/invitations', label: t('home.shortcuts.invitationsLink'), description: t('home.shortcuts.invitations'), Icon: IconMailPlus },
    { to: '/audit', label: t('home.shortcuts.auditLink'), description: t('home.shortcuts.audit'), Icon: IconHistory },
  ] as const

  return (
    <>
      <PageHeader title={t('home.title', { name: me.name })} description={t('home.intro')} />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="home-memberships">
          <Stack gap="sm">
            <Group justify="space-between">
              <Title order={2} size="h4" id="home-memberships">
                {t('home.memberships')}
              </Title>
              {me.isNetworkAdmin ? <StatusBadge tone="accent">{t('roles.network_admin')}</StatusBadge> : null}
            </Group>
            {me.memberships.length === 0 ? (
              <EmptyState title={t('home.noMemberships')} description={t('home.noMembershipsHint')} />
            ) : (
              <List listStyleType="none" spacing="xs">
                {me.memberships.map((membership) => (
                  <List.Item key={membership.id}>
                    <AnchorLink to="/network" search={{ unitId: membership.unitId }} fw={600}>
                      {membership.unitName}
                    </AnchorLink>{' '}
                    <Text span c="dimmed" size="sm">
                      ({membership.unitCode}) · {t(`roles.${membership.role}`)}
                    </Text>
                  </List.Item>
                ))}
              </List>
            )}
          </Stack>
        </Card>
        <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="home-shortcuts">
          <Stack gap="sm">
            <Title order={2} size="h4" id="home-shortcuts">
              {t('home.shortcutsTitle')}
            </Title>
            <List listStyleType="none" spacing="sm">
              {shortcuts.map(({ to, label, description, Icon }) => (
                <List.Item key={to} icon={<Icon size={20} aria-hidden="true" />}>
                  <AnchorLink to={to} fw={600}>
                    {label}
                  </AnchorLink>
                  <Text size="sm" c="dimmed">
                    {description}
                  </Text>
                </List.Item>
              ))}
            </List>
          </Stack>
        </Card>
      </SimpleGrid>
    </>
  )
}
