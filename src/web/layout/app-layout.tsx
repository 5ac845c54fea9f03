import { AppShell, Burger, Container, Group } from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import { Outlet, useRouterState } from '@tanstack/react-router'
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import type { Locale } from '../../modules/identity/identity.contract'
import { useMe, useUpdateMe } from '../../modules/identity/web'
import { changeLanguage } from '../i18n/i18n'
import { notifyError } from '../ui/notify'
import { AppNavigation } from './app-navigation'
import { Brand } from './brand'
import { LanguageSwitch } from './language-switch'
import { MAIN_CONTENT_ID, SkipLink } from './skip-link'
import { UserMenu } from './user-menu'

/** The authenticated shell: header (brand, language, user menu), navigation, main content. */
export function AppLayout() {
  const { t } = useTranslation()
  const me = useMe()
  const updateMe = useUpdateMe()
  const [navOpen, nav] = useDisclosure(false)
  useFollowAccountLanguage(me.locale)
  useFocusMainOnNavigation()

  return (
    <AppShell
      header={{ height: 64 }}
      navbar={{ width: 250, breakpoint: 'sm', collapsed: { mobile: !navOpen } }}
      padding="lg"
    >
      <SkipLink />
      <AppShell.Header px="md">
        <Group h="100%" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={navOpen}
              onClick={nav.toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={t('nav.toggle')}
              aria-expanded={navOpen}
              aria-controls="app-navigation"
            />
            <Brand />
          </Group>
          <Group gap="md" wrap="nowrap" align="center">
            <LanguageSwitch
              onChange={(locale) => updateMe.mutate({ locale }, { onError: notifyError })}
            />
            <UserMenu me={me} />
          </Group>
        </Group>
      </AppShell.Header>
      {/* The menu scrolls on its own: on a laptop screen a network admin's entries run past the fold. */}
      <AppShell.Navbar id="app-navigation" p="sm" aria-label={t('nav.label')} style={{ overflowY: 'auto' }}>
        <AppNavigation me={me} onNavigate={nav.close} />
      </AppShell.Navbar>
      <AppShell.Main id={MAIN_CONTENT_ID} tabIndex={-1}>
        <Container size="xl" px={0}>
          <Outlet />
        </Container>
      </AppShell.Main>
    </AppShell>
  )
}

/** The language saved on the account wins when a session starts (e.g. signing in elsewhere). */
function useFollowAccountLanguage(accountLocale: Locale) {
  useEffect(() => {
    void changeLanguage(accountLocale)
  }, [accountLocale])
}

/**
 * After client-side navigation, focus moves to the main region, so keyboard and screen-reader
 * users start at the new page's content as they would after a full page load.
 */
function useFocusMainOnNavigation() {
  const pathname = useRouterState({ select: (state) => state.location.pathname })
  const previous = useRef(pathname)
  useEffect(() => {
    if (previous.current === pathname) return
    previous.current = pathname
    document.getElementById(MAIN_CONTENT_ID)?.focus({ preventScroll: true })
  }, [pathname])
}
