import { Button, Center, Group, Stack, Text, Timeline, Title } from '@mantine/core'
import { IconRoute } from '@tabler/icons-react'
import type { ParseKeys } from 'i18next'
import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { api } from '../../../web/api-client'
import { useFormat } from '../../../web/i18n/format'
import { EmptyState } from '../../../web/ui/empty-state'
import { useKeysetList, type KeysetPage } from '../../../web/ui/keyset-list'
import { LoadingState } from '../../../web/ui/loading-state'
import { QueryError } from '../../../web/ui/query-error'
import { AnchorLink } from '../../../web/ui/router-links'
import { StatusBadge } from '../../../web/ui/status-badge'
import type { CompanyJourneyEntry } from '../companies.contract'
import { companyKeys } from './companies.queries'
import { STAGE_TONES } from './company-labels'

function useCompanyJourney(companyId: string) {
  return useKeysetList([...companyKeys.all, 'journey', companyId], (cursor, signal) =>
    api.get<KeysetPage<CompanyJourneyEntry>>(`/api/companies/${companyId}/journey`, { query: { cursor, limit: 25 }, signal }),
  )
}

/**
 * The "Percorso" tab: everything every module reported about the company's journey (interactions,
 * assessments, roadmaps, projects, support days), newest first, with the stage each one evidences.
 * Each line is the reporting module's own string (`summary.key`), so this panel knows none of them.
 */
export function CompanyJourneyPanel({ company }: { company: { id: string } }) {
  const { t, i18n } = useTranslation()
  const format = useFormat()
  const journey = useCompanyJourney(company.id)
  const titleId = useId()

  // Keys come from the reporting modules: checked with exists() first, so each is one of ours.
  const describe = (entry: CompanyJourneyEntry): string => {
    if (entry.summary && i18n.exists(entry.summary.key)) return t(entry.summary.key as ParseKeys, entry.summary.params)
    const source = `companyActivity.journey.sources.${entry.sourceType}`
    return i18n.exists(source) ? t(source as ParseKeys) : entry.sourceType
  }

  let body
  if (journey.isPending) body = <LoadingState />
  else if (journey.error) body = <QueryError error={journey.error} onRetry={() => void journey.refetch()} />
  else if (journey.rows.length === 0) {
    body = <EmptyState icon={<IconRoute aria-hidden="true" />} title={t('companyActivity.journey.empty')} description={t('companyActivity.journey.emptyHint')} />
  } else {
    body = (
      <>
        <Timeline bulletSize={14} lineWidth={2} aria-labelledby={titleId} component="ol" style={{ listStyle: 'none', padding: 0 }}>
          {journey.rows.map((entry) => (
            <Timeline.Item key={entry.id} component="li">
              <Group gap="xs" wrap="wrap">
                <StatusBadge tone={STAGE_TONES[entry.stage]}>{t(`companies.stages.${entry.stage}`)}</StatusBadge>
                <Text size="sm" c="gray.7">
                  <time dateTime={entry.occurredAt}>{format.dateTime(entry.occurredAt)}</time>
                </Text>
              </Group>
              <Text mt={4}>
                {/* href is a path the server built from the app's routes */}
                {entry.summary?.href ? <AnchorLink to={entry.summary.href as '/'}>{describe(entry)}</AnchorLink> : describe(entry)}
              </Text>
            </Timeline.Item>
          ))}
        </Timeline>
        {journey.hasNextPage ? (
          <Center mt="md">
            <Button variant="default" loading={journey.isFetchingNextPage} onClick={() => void journey.fetchNextPage()}>
              {t('companyActivity.journey.loadMore')}
            </Button>
          </Center>
        ) : null}
      </>
    )
  }
  return (
    <Stack gap="md">
      <Title order={2} size="h4" id={titleId}>
        {t('companyActivity.journey.title')}
      </Title>
      <Text size="sm" c="gray.7">
        {t('companyActivity.journey.hint')}
      </Text>
      {body}
    </Stack>
  )
}
