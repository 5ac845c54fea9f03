/**
 * The roadmap as a timeline by horizon (Gantt-like): one row per item, a bar from its start to its
 * due date (or, without dates, across its horizon: quick wins in the first 6 months, medium term
 * 6–18, long term 18–36, counted from the roadmap's creation), coloured by status. Every bar says
 * its dates and status in words for screen readers; the item list beside it holds the same data.
 */
import { Box, Group, Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useFormat } from '../../../web/i18n/format'
import type { RoadmapRecordItem } from '../roadmaps.contract'
import { ROADMAP_HORIZONS } from '../roadmaps.reference'

const HORIZON_MONTHS = { quick: [0, 6], medium: [6, 18], long: [18, 36] } as const
const STATUS_COLOURS = { planned: 'var(--mantine-color-gray-5)', in_progress: 'var(--mantine-color-blue-7)', done: 'var(--mantine-color-teal-8)', dropped: 'var(--mantine-color-gray-3)' } as const

function addMonths(iso: string, months: number): string {
  const date = new Date(`${iso.slice(0, 10)}T12:00:00Z`)
  date.setUTCMonth(date.getUTCMonth() + months)
  return date.toISOString().slice(0, 10)
}

function monthsBetween(from: string, to: string): number {
  const a = new Date(`${from.slice(0, 10)}T12:00:00Z`)
  const b = new Date(`${to.slice(0, 10)}T12:00:00Z`)
  return (b.getUTCFullYear() - a.getUTCFullYear()) * 12 + (b.getUTCMonth() - a.getUTCMonth()) + (b.getUTCDate() - a.getUTCDate()) / 30
}

/** Start and end of an item's bar, as dates. */
export function itemSpan(item: Pick<RoadmapRecordItem, 'horizon' | 'startOn' | 'dueOn'>, origin: string): { start: string; end: string } {
  const [from, to] = HORIZON_MONTHS[item.horizon]
  const start = item.startOn ?? addMonths(origin, from)
  const end = item.dueOn ?? (item.startOn ? addMonths(item.startOn, to - from) : addMonths(origin, to))
  return { start, end: end < start ? start : end }
}

export function RoadmapTimeline({ items, origin }: { items: readonly RoadmapRecordItem[]; origin: string }) {
  const { t } = useTranslation()
  const format = useFormat()
  const spans = items.map((item) => ({ item, ...itemSpan(item, origin) }))
  const last = spans.reduce((max, s) => (s.end > max ? s.end : max), addMonths(origin, 12))
  const total = Math.max(12, Math.ceil(monthsBetween(origin, last)))
  const ticks = Array.from({ length: Math.floor(total / 6) + 1 }, (_, i) => i * 6)
  const monthLabel = new Intl.DateTimeFormat(format.locale === 'it' ? 'it-IT' : 'en-GB', { month: 'short', year: '2-digit', timeZone: 'UTC' })
  const pct = (date: string) => `${Math.min(100, Math.max(0, (monthsBetween(origin, date) / total) * 100))}%`

  return (
    <Stack gap="xs">
      <Title order={2} size="h4" id="roadmap-timeline-title">
        {t('roadmapRecords.timeline.title')}
      </Title>
      <Text size="sm" c="gray.7">
        {t('roadmapRecords.timeline.hint')}
      </Text>
      <Box style={{ display: 'grid', gridTemplateColumns: 'minmax(10rem, 2fr) 5fr', columnGap: 12, rowGap: 6 }} aria-labelledby="roadmap-timeline-title" role="list">
        <div aria-hidden="true" />
        <Box pos="relative" h={18} aria-hidden="true">
          {ticks.map((m) => (
            <Text key={m} size="xs" c="gray.7" pos="absolute" style={{ left: `${(m / total) * 100}%`, transform: m === 0 ? undefined : m >= total ? 'translateX(-100%)' : 'translateX(-50%)', whiteSpace: 'nowrap' }}>
              {monthLabel.format(new Date(`${addMonths(origin, m)}T12:00:00Z`))}
            </Text>
          ))}
        </Box>
        {ROADMAP_HORIZONS.flatMap((horizon) =>
          spans
            .filter((s) => s.item.horizon === horizon)
            .map(({ item, start, end }) => (
              <Box key={item.id} role="listitem" style={{ display: 'contents' }}>
                <Text size="sm" lineClamp={2} title={item.title[format.locale]}>
                  {items.indexOf(item) + 1}. {item.title[format.locale]}
                </Text>
                <Box pos="relative" h={20} bg="gray.0" style={{ borderRadius: 4 }}>
                  <Box
                    pos="absolute"
                    top={3}
                    h={14}
                    aria-label={t('roadmapRecords.timeline.bar', { horizon: t(`roadmapRecords.horizons.${horizon}`), start: format.date(start), end: format.date(end), status: t(`roadmapRecords.itemStatuses.${item.status}`) })}
                    role="img"
                    style={{
                      left: pct(start),
                      width: `max(4px, calc(${pct(end)} - ${pct(start)}))`,
                      background: STATUS_COLOURS[item.status],
                      borderRadius: 3,
                      opacity: item.status === 'dropped' ? 0.6 : 1,
                    }}
                  />
                </Box>
              </Box>
            )),
        )}
      </Box>
      <Group gap="md" aria-hidden="true">
        {(['planned', 'in_progress', 'done', 'dropped'] as const).map((s) => (
          <Group key={s} gap={6}>
            <Box w={12} h={12} style={{ background: STATUS_COLOURS[s], borderRadius: 2 }} />
            <Text size="xs">{t(`roadmapRecords.itemStatuses.${s}`)}</Text>
          </Group>
        ))}
      </Group>
    </Stack>
  )
}
