import { SimpleGrid, Text } from '@mantine/core'
import type { ReactNode } from 'react'

export interface DetailItem {
  label: string
  value: ReactNode
}

/**
 * Label/value pairs as a description list (<dl>), so assistive technology reads each value with
 * its label. Empty values read as a dash rather than disappearing.
 */
export function DetailList({ items, cols = 1 }: { items: DetailItem[]; cols?: 1 | 2 | 3 }) {
  return (
    <SimpleGrid component="dl" cols={{ base: 1, sm: cols }} spacing="md" verticalSpacing="xs" m={0}>
      {items.map((item) => (
        <div key={item.label}>
          <Text component="dt" size="sm" c="dimmed">
            {item.label}
          </Text>
          {/* Long unbroken values (a website, an email) wrap instead of running into the next column. */}
          <Text component="dd" m={0} style={{ overflowWrap: 'anywhere' }}>
            {item.value === null || item.value === undefined || item.value === '' ? '—' : item.value}
          </Text>
        </div>
      ))}
    </SimpleGrid>
  )
}
