import { Badge } from '@mantine/core'
import type { ReactNode } from 'react'

/**
 * Badge tones. Each colour keeps white text at 4.5:1 or more (WCAG AA for the badge's small
 * text); Mantine's default shades for green, orange and yellow do not.
 */
const TONES = {
  positive: 'teal.9',
  negative: 'red.9',
  neutral: 'gray.7',
  info: 'blue.9',
  accent: 'indigo.9',
} as const
export type BadgeTone = keyof typeof TONES

export function StatusBadge({ tone, children }: { tone: BadgeTone; children: ReactNode }) {
  return (
    // max-content: in a crowded table row the badge keeps its whole word instead of an ellipsis.
    <Badge color={TONES[tone]} variant="filled" radius="sm" tt="none" miw="max-content">
      {children}
    </Badge>
  )
}
