import { Alert, Anchor, Box, Button, Drawer, Group, NativeSelect, Stack, Text, Textarea, Title } from '@mantine/core'
import { IconUserStar } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useFormat } from '../../../web/i18n/format'
import { confirmAction } from '../../../web/ui/confirm'
import { DataTable } from '../../../web/ui/data-table'
import { DetailList } from '../../../web/ui/detail-list'
import { EmptyState } from '../../../web/ui/empty-state'
import { FilterBar } from '../../../web/ui/filter-bar'
import { LoadingState } from '../../../web/ui/loading-state'
import { notifyError, notifySuccess } from '../../../web/ui/notify'
import { PageHeader } from '../../../web/ui/page-header'
import { QueryError } from '../../../web/ui/query-error'
import { SearchField } from '../../../web/ui/search-field'
import { StatusBadge } from '../../../web/ui/status-badge'
import { ATECO_2007_SECTIONS } from '../../companies/companies.reference'
import { useProvinces } from '../../territory/web'
import { EXPERT_PROFILE_STATUSES, type ExpertProfile, type ExpertProfileStatus, type ExpertSummary } from '../experts.contract'
import { competenceLabel, competenceOptions, languageLabel } from './expert-labels'
import { ExpertStatusBadge } from './expert-status-badge'
import { expertCvUrl, type ExpertFilters, useExpert, useExpertList, useReviewExpert } from './experts.queries'

interface ExpertsPageProps {
  filters: ExpertFilters
  onFiltersChange: (filters: ExpertFilters) => void
  /** The profile open in the drawer (kept in the URL so it can be linked). */
  openUserId?: string
  onOpen: (userId: string | undefined) => void
}

const AVAILABILITY_STEPS = [2, 4, 6, 8, 10]

function isStatus(value: string): value is ExpertProfileStatus {
  return (EXPERT_PROFILE_STATUSES as readonly string[]).includes(value)
}

/** `/experts`: the pool for staff: search, filters, the profile in a drawer, approve or reject. */
export function ExpertsPage({ filters, onFiltersChange, openUserId, onOpen }: ExpertsPageProps) {
  const { t, i18n } = useTranslation()
  const locale = i18n.resolvedLanguage === 'en' ? 'en' : 'it'
  const list = useExpertList(filters)
  const provinces = useProvinces()
  const hasFilters = Object.values(filters).some((v) => v !== undefined)
  const set = (patch: Partial<ExpertFilters>) => onFiltersChange({ ...filters, ...patch })

  return (
    <>
      <PageHeader title={t('experts.pool.title')} description={t('experts.pool.description')} />
      <FilterBar label={t('experts.pool.filtersLabel')} onClear={hasFilters ? () => onFiltersChange({}) : undefined}>
        <Box w={260} maw="100%">
          <SearchField label={t('experts.pool.searchLabel')} placeholder={t('experts.pool.searchPlaceholder')} value={filters.q ?? ''} onChange={(q) => set({ q: q || undefined })} />
        </Box>
        <NativeSelect
          label={t('experts.pool.filters.status')}
          value={filters.status ?? ''}
          data={[{ value: '', label: t('experts.pool.filters.all') }, ...EXPERT_PROFILE_STATUSES.map((s) => ({ value: s, label: t(`experts.status.${s}`) }))]}
          onChange={(e) => set({ status: isStatus(e.currentTarget.value) ? e.currentTarget.value : undefined })}
        />
        <NativeSelect
          label={t('experts.pool.filters.competence')}
          value={filters.competence ?? ''}
          data={[{ value: '', label: t('experts.pool.filters.all') }, ...competenceOptions(t, locale)]}
          onChange={(e) => set({ competence: e.currentTarget.value || undefined })}
          maw={280}
        />
        <NativeSelect
          label={t('experts.pool.filters.sector')}
          value={filters.sector ?? ''}
          data={[{ value: '', label: t('experts.pool.filters.all') }, ...ATECO_2007_SECTIONS.map((s) => ({ value: s.code, label: `${s.code} · ${locale === 'en' ? s.en : s.it}` }))]}
          onChange={(e) => set({ sector: e.currentTarget.value || undefined })}
          maw={220}
        />
        <NativeSelect
          label={t('experts.pool.filters.province')}
          value={filters.province ?? ''}
          data={[{ value: '', label: t('experts.pool.filters.all') }, ...(provinces.data ?? []).map((p) => ({ value: p.code, label: `${p.name} (${p.code})` }))]}
          onChange={(e) => set({ province: e.currentTarget.value || undefined })}
          maw={200}
        />
        <NativeSelect
          label={t('experts.pool.filters.minAvailability')}
          value={filters.minAvailability === undefined ? '' : String(filters.minAvailability)}
          data={[{ value: '', label: t('experts.pool.filters.anyDays') }, ...AVAILABILITY_STEPS.map((d) => ({ value: String(d), label: t('experts.pool.filters.atLeastDays', { days: d }) }))]}
          onChange={(e) => set({ minAvailability: e.currentTarget.value ? Number(e.currentTarget.value) : undefined })}
        />
      </FilterBar>
      <DataTable
        caption={t('experts.pool.caption')}
        rows={list.rows}
        rowKey={(e) => e.userId}
        isLoading={list.isPending}
        error={list.error}
        onRetry={() => void list.refetch()}
        paging={list}
        minWidth={860}
        empty={
          hasFilters ? (
            <EmptyState title={t('common.noResults')} description={t('common.noResultsHint')} />
          ) : (
            <EmptyState icon={<IconUserStar aria-hidden="true" />} title={t('experts.pool.empty')} description={t('experts.pool.emptyHint')} />
          )
        }
        columns={[
          { id: 'name', header: t('experts.pool.columns.name'), cell: (e) => <NameCell expert={e} onOpen={onOpen} /> },
          { id: 'status', header: t('experts.pool.columns.status'), cell: (e) => <ExpertStatusBadge status={e.status} /> },
          { id: 'competences', header: t('experts.pool.columns.competences'), cell: (e) => <CompetencesCell keys={e.competences} /> },
          { id: 'provinces', header: t('experts.pool.columns.provinces'), cell: (e) => e.provinces.join(', ') || '—' },
          { id: 'availability', header: t('experts.pool.columns.availability'), cell: (e) => t('experts.daysPerMonth', { days: e.availabilityDaysPerMonth }) },
        ]}
      />
      <Drawer opened={Boolean(openUserId)} onClose={() => onOpen(undefined)} position="right" size="lg" title={t('experts.pool.title')} closeButtonProps={{ 'aria-label': t('experts.profile.close') }}>
        {openUserId ? <ExpertProfileView userId={openUserId} /> : null}
      </Drawer>
    </>
  )
}

function NameCell({ expert, onOpen }: { expert: ExpertSummary; onOpen: (userId: string) => void }) {
  const { t } = useTranslation()
  return (
    <Stack gap={2}>
      <Anchor component="button" type="button" fw={600} ta="left" onClick={() => onOpen(expert.userId)} title={t('experts.pool.open', { name: expert.name })}>
        {expert.name}
      </Anchor>
      {expert.headline ? (
        <Text size="xs" c="dimmed">
          {expert.headline}
        </Text>
      ) : null}
      <Group gap={4}>
        {expert.programme ? <StatusBadge tone="accent">{expert.programme}</StatusBadge> : null}
        {expert.outOfWork ? <StatusBadge tone="neutral">{t('experts.outOfWork')}</StatusBadge> : null}
      </Group>
    </Stack>
  )
}

function CompetencesCell({ keys }: { keys: string[] }) {
  const { t, i18n } = useTranslation()
  const locale = i18n.resolvedLanguage === 'en' ? 'en' : 'it'
  if (keys.length === 0) return <>—</>
  const shown = keys.slice(0, 3)
  return (
    <Text size="sm">
      {shown.map((k) => competenceLabel(k, locale)).join(' · ')}
      {keys.length > shown.length ? ` ${t('experts.pool.moreCompetences', { count: keys.length - shown.length })}` : ''}
    </Text>
  )
}

/** One profile as staff read it, with the review controls when the reader may decide. */
export function ExpertProfileView({ userId }: { userId: string }) {
  const { t, i18n } = useTranslation()
  const locale = i18n.resolvedLanguage === 'en' ? 'en' : 'it'
  const format = useFormat()
  const profile = useExpert(userId)
  if (profile.isPending) return <LoadingState />
  if (profile.isError) return <QueryError error={profile.error} onRetry={() => void profile.refetch()} />
  const p = profile.data
  const sections = new Map(ATECO_2007_SECTIONS.map((s) => [s.code, locale === 'en' ? s.en : s.it]))
  return (
    <Stack gap="md">
      <Stack gap={4}>
        <Group gap="sm">
          <Title order={2}>{p.name}</Title>
          <ExpertStatusBadge status={p.status} />
        </Group>
        {p.headline ? <Text>{p.headline}</Text> : null}
        <Group gap={4}>
          {p.programme ? <StatusBadge tone="accent">{p.programme}</StatusBadge> : null}
          {p.outOfWork ? <StatusBadge tone="neutral">{t('experts.outOfWork')}</StatusBadge> : null}
        </Group>
      </Stack>
      {p.bio ? <Text size="sm">{p.bio}</Text> : null}
      <DetailList
        cols={2}
        items={[
          { label: t('experts.profile.kind'), value: t(`experts.kinds.${p.kind}`) },
          { label: t('experts.profile.units'), value: p.units.map((u) => u.name).join(', ') },
          { label: t('experts.profile.availability'), value: t('experts.daysPerMonth', { days: p.availabilityDaysPerMonth }) },
          { label: t('experts.profile.home'), value: p.homeComune ? `${p.homeComune.name} (${p.homeComune.provinceCode})` : null },
          { label: t('experts.profile.provinces'), value: p.provinces.join(', ') },
          { label: t('experts.profile.languages'), value: p.languages.map((l) => languageLabel(l, locale)).join(', ') },
          { label: t('experts.profile.employer'), value: p.employerName ? `${p.employerName}${p.employerVatNumber ? ` · ${p.employerVatNumber}` : ''}` : null },
          { label: t('experts.profile.submittedAt'), value: p.submittedAt ? format.date(p.submittedAt) : null },
        ]}
      />
      <Stack gap={4}>
        <Text size="sm" c="dimmed">
          {t('experts.profile.competences')}
        </Text>
        <Group gap={4}>
          {p.competences.length === 0 ? '—' : p.competences.map((k) => <StatusBadge key={k} tone="info">{competenceLabel(k, locale)}</StatusBadge>)}
        </Group>
      </Stack>
      <DetailList
        items={[
          { label: t('experts.profile.sectors'), value: p.sectors.map((s) => `${s} · ${sections.get(s) ?? ''}`).join('; ') },
          { label: t('experts.profile.ties'), value: p.ties.map((tie) => `${tie.name} (${t(`experts.tieKinds.${tie.kind}`)})`).join('; ') },
          { label: t('experts.profile.cv'), value: p.cv ? <Anchor href={expertCvUrl(p.userId)} download>{p.cv.fileName}</Anchor> : null },
        ]}
      />
      {p.reviewedAt && p.reviewedBy ? (
        <Text size="sm" c="dimmed">
          {t('experts.profile.reviewedBy', { name: p.reviewedBy.name, date: format.date(p.reviewedAt) })}
          {p.reviewNote ? ` — ${p.reviewNote}` : ''}
        </Text>
      ) : null}
      <ReviewControls profile={p} />
    </Stack>
  )
}

function ReviewControls({ profile }: { profile: ExpertProfile }) {
  const { t } = useTranslation()
  const [note, setNote] = useState('')
  const [noteError, setNoteError] = useState<string | null>(null)
  const review = useReviewExpert(profile.userId)
  if (!profile.can.review) {
    return profile.status === 'submitted' ? (
      <Alert color="gray" variant="light">
        {t('experts.review.readOnly')}
      </Alert>
    ) : null
  }
  const canApprove = profile.status === 'submitted' || profile.status === 'rejected'
  const canReject = profile.status === 'submitted' || profile.status === 'approved'
  if (!canApprove && !canReject) return null
  const decide = async (decision: 'approve' | 'reject') => {
    if (decision === 'reject' && !note.trim()) {
      setNoteError(t('experts.review.noteRequired'))
      return
    }
    const ok = await confirmAction({
      title: t(`experts.review.${decision}Title`, { name: profile.name }),
      message: t(`experts.review.${decision}Message`),
      confirmLabel: t(`experts.review.${decision}`),
      danger: decision === 'reject',
    })
    if (!ok) return
    review.mutate(
      { decision, note: note.trim() },
      {
        onSuccess: () => {
          setNote('')
          notifySuccess(t(decision === 'approve' ? 'experts.review.approved' : 'experts.review.rejected'))
        },
        onError: notifyError,
      },
    )
  }
  return (
    <Stack gap="sm" component="section" aria-labelledby="expert-review-title">
      <Title order={3} id="expert-review-title">
        {t('experts.review.title')}
      </Title>
      <Textarea
        label={t('experts.review.note')}
        description={t('experts.review.noteHint')}
        value={note}
        onChange={(e) => {
          setNote(e.currentTarget.value)
          setNoteError(null)
        }}
        error={noteError}
        autosize
        minRows={2}
        maxLength={2000}
      />
      <Group>
        {canApprove ? (
          <Button onClick={() => void decide('approve')} loading={review.isPending && review.variables?.decision === 'approve'}>
            {t('experts.review.approve')}
          </Button>
        ) : null}
        {canReject ? (
          <Button variant="outline" color="red.9" onClick={() => void decide('reject')} loading={review.isPending && review.variables?.decision === 'reject'}>
            {t('experts.review.reject')}
          </Button>
        ) : null}
      </Group>
    </Stack>
  )
}
