import { Box, Container, Group, Paper } from '@mantine/core'
import { Outlet } from '@tanstack/react-router'
import { Brand } from './brand'
import { LanguageSwitch } from './language-switch'
import { MAIN_CONTENT_ID, SkipLink } from './skip-link'

/** The frame of the pages used before signing in: brand, language switch, one centred card. */
export function PublicLayout() {
  return (
    <>
      <SkipLink />
      <Box component="header" px="md" py="sm" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
        <Group justify="space-between" align="center">
          <Brand />
          <LanguageSwitch />
        </Group>
      </Box>
      <Container component="main" id={MAIN_CONTENT_ID} tabIndex={-1} size={480} py={48}>
        <Paper withBorder shadow="sm" p="xl" radius="md">
          <Outlet />
        </Paper>
      </Container>
    </>
  )
}
