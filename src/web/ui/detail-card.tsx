import { Card, Stack, Tabs, Title } from '@mantine/core'
import { type ReactNode, useId } from 'react'

/** A titled card of a detail page; the heading names the region for assistive technology. */
export function DetailCard({ title, children }: { title: string; children: ReactNode }) {
  const titleId = useId()
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby={titleId}>
      <Stack gap="md">
        <Title order={2} size="h4" id={titleId}>
          {title}
        </Title>
        {children}
      </Stack>
    </Card>
  )
}

/**
 * A tab that a module higher up adds to a record's page (contacts and the timeline on a company,
 * the timeline on a contact): the lower module cannot import it, so the shell passes it in (ADR 0014).
 */
export interface DetailPanel<T> {
  id: string
  /** Already translated. */
  label: string
  render: (item: T) => ReactNode
}

/** The record's own overview as the first tab, then the tabs other modules add. */
export function DetailTabs<T>({ item, overviewLabel, panels, children }: { item: T; overviewLabel: string; panels: readonly DetailPanel<T>[]; children: ReactNode }) {
  return (
    <Tabs defaultValue="overview" keepMounted={false}>
      <Tabs.List mb="lg">
        <Tabs.Tab value="overview">{overviewLabel}</Tabs.Tab>
        {panels.map((panel) => (
          <Tabs.Tab key={panel.id} value={panel.id}>
            {panel.label}
          </Tabs.Tab>
        ))}
      </Tabs.List>
      {panels.map((panel) => (
        <Tabs.Panel key={panel.id} value={panel.id}>
          {panel.render(item)}
        </Tabs.Panel>
      ))}
      <Tabs.Panel value="overview">{children}</Tabs.Panel>
    </Tabs>
  )
}
