import { ThemeIcon } from '@mantine/core'
import {
  IconCalendarEvent,
  IconFileText,
  IconMail,
  IconMapPin,
  IconNote,
  IconPhone,
  IconTimeline,
  IconUsersGroup,
} from '@tabler/icons-react'
import { INTERACTION_KINDS, type InteractionKind } from '../interactions.contract'

const ICONS: Record<InteractionKind, typeof IconPhone> = {
  call: IconPhone,
  email: IconMail,
  meeting: IconUsersGroup,
  visit: IconMapPin,
  event: IconCalendarEvent,
  note: IconNote,
  document: IconFileText,
}

/** Colours with white icons at ≥ 3:1 (WCAG non-text contrast). */
const COLORS: Record<InteractionKind, string> = {
  call: 'blue.8',
  email: 'indigo.8',
  meeting: 'teal.9',
  visit: 'green.9',
  event: 'grape.8',
  note: 'gray.7',
  document: 'orange.9',
}

export function isInteractionKind(value: string): value is InteractionKind {
  return (INTERACTION_KINDS as readonly string[]).includes(value)
}

/** The icon of an entry's kind (decorative: the kind is also written next to it). */
export function InteractionKindIcon({ kind }: { kind: string }) {
  const Icon = isInteractionKind(kind) ? ICONS[kind] : IconTimeline
  return (
    <ThemeIcon size={36} radius="xl" color={isInteractionKind(kind) ? COLORS[kind] : 'gray.7'} aria-hidden="true">
      <Icon size={20} stroke={1.7} />
    </ThemeIcon>
  )
}
