import { MantineProvider } from '@mantine/core'
import { ModalsProvider } from '@mantine/modals'
import { Notifications } from '@mantine/notifications'
import { type QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { type ReactNode, useMemo } from 'react'
import { I18nextProvider, useTranslation } from 'react-i18next'
import { i18n } from './i18n/i18n'
import { createAppTheme, cssVariablesResolver } from './theme'

/** Everything a page needs around it; shared by the app (main.tsx) and component tests. */
export function AppProviders({ queryClient, children }: { queryClient: QueryClient; children: ReactNode }) {
  return (
    <I18nextProvider i18n={i18n}>
      <ThemedProviders queryClient={queryClient}>{children}</ThemedProviders>
    </I18nextProvider>
  )
}

function ThemedProviders({ queryClient, children }: { queryClient: QueryClient; children: ReactNode }) {
  const { t } = useTranslation()
  const theme = useMemo(() => createAppTheme({ close: t('common.close') }), [t])
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} forceColorScheme="light">
      <QueryClientProvider client={queryClient}>
        <ModalsProvider>
          {/* Shown at once, like dialogs (see theme.ts): no half-transparent text while sliding in. */}
          <Notifications position="top-right" transitionDuration={0} />
          {children}
        </ModalsProvider>
      </QueryClientProvider>
    </MantineProvider>
  )
}
