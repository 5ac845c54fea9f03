import { Alert, Box, Button, Card, Collapse, Group, List, Radio, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconArrowLeft, IconArrowsExchange, IconGitMerge, IconInfoCircle } from '@tabler/icons-react'
import { useQueryClient } from '@tanstack/react-query'
import { type ReactNode, useId, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { api } from '../../../web/api-client'
import { useFormat } from '../../../web/i18n/format'
import { confirmAction } from '../../../web/ui/confirm'
import { LoadingState } from '../../../web/ui/loading-state'
import { notifyError, notifySuccess } from '../../../web/ui/notify'
import { PageHeader } from '../../../web/ui/page-header'
import { QueryError } from '../../../web/ui/query-error'
import { AnchorLink } from '../../../web/ui/router-links'
import { StatusBadge } from '../../../web/ui/status-badge'
import type { Company } from '../companies.contract'
import type { CompanyMerge } from '../companies.contract'
import { companyKeys, useCompany } from './companies.queries'
import { useMergeCompanies, useMergePreview } from './company-duplicates.queries'
import { isDifferent, mergeRows, type MergeOption, type MergeRow, swapChoices, toMergeChoices } from './merge-fields'

interface MergePageProps {
  survivorId: string
  mergedId: string
  /** Makes the other company the survivor (the URL holds which is which). */
  onSwap: (survivorId: string, mergedId: string) => void
  /** After the merge: usually the surviving company's page. */
  onMerged: (survivorId: string) => void
}

/** `/companies/merge?survivor=…&merged=…`: choose field by field, see what moves, merge. */
export function MergePage(props: MergePageProps) {
  const { t } = useTranslation()
  const survivor = useCompany(props.survivorId)
  const merged = useCompany(props.mergedId)
  const preview = useMergePreview(props.survivorId, props.mergedId)
  const back = (
    <AnchorLink to="/companies/duplicates" size="sm">
      <Group gap={4} component="span">
        <IconArrowLeft size={14} aria-hidden="true" />
        {t('companyDuplicates.mergePage.back')}
      </Group>
    </AnchorLink>
  )
  const header = <PageHeader title={t('companyDuplicates.mergePage.title')} description={t('companyDuplicates.mergePage.description')} back={back} />
  if (survivor.isPending || merged.isPending || preview.isPending) return <LoadingState />
  const error = survivor.error ?? merged.error ?? preview.error
  if (error || !survivor.data || !merged.data || !preview.data) {
    return (
      <>
        {header}
        <QueryError
          error={error}
          onRetry={() => {
            void survivor.refetch()
            void merged.refetch()
            void preview.refetch()
          }}
        />
      </>
    )
  }
  return (
    <>
      {header}
      <MergeForm key={`${props.survivorId}:${props.mergedId}`} {...props} survivor={survivor.data} merged={merged.data} preview={preview.data} />
    </>
  )
}

interface MergeFormProps extends MergePageProps {
  survivor: Company
  merged: Company
  preview: { moves: { name: string; count: number }[]; customFields: { key: string; labelIt: string; labelEn: string }[] }
}

/** Choices survive a swap: the page keeps them here, keyed by field, across remounts. */
const carriedChoices = new Map<string, Record<string, MergeOption>>()

function MergeForm({ survivor, merged, preview, onSwap, onMerged }: MergeFormProps) {
  const { t, i18n } = useTranslation()
  const format = useFormat()
  const queryClient = useQueryClient()
  const merge = useMergeCompanies()
  const [showIdentical, setShowIdentical] = useState(false)
  const identicalId = useId()
  const pairKey = `${survivor.id}:${merged.id}`
  const [choices, setChoices] = useState<Record<string, MergeOption>>(() => carriedChoices.get(pairKey) ?? {})

  const customFields = preview.customFields.map((f) => ({ key: f.key, label: i18n.language === 'en' ? f.labelEn : f.labelIt }))
  const rows = useMemo(
    () => mergeRows(survivor, merged, customFields, t, { number: format.number, money: format.money }),
    // customFields is derived from preview on each render; its content is what matters.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [survivor, merged, preview, t, format.locale],
  )
  const different = rows.filter(isDifferent)
  const identical = rows.filter((row) => !isDifferent(row))
  const inactive = [survivor, merged].some((c) => c.archivedAt !== null)
  const readOnly = !survivor.can.update || !merged.can.update
  const sameCompany = survivor.id === merged.id

  const swap = () => {
    carriedChoices.set(`${merged.id}:${survivor.id}`, swapChoices(choices, rows.map((r) => r.key)))
    onSwap(merged.id, survivor.id)
  }

  const undo = async (mergeId: string, notificationId: string) => {
    notifications.hide(notificationId)
    try {
      const undone = await api.post<CompanyMerge>(`/api/companies/merges/${encodeURIComponent(mergeId)}/undo`)
      await queryClient.invalidateQueries({ queryKey: companyKeys.all })
      notifySuccess(t('companyDuplicates.history.done', { merged: undone.merged.name }))
    } catch (error) {
      notifyError(error)
    }
  }

  const submit = async () => {
    const confirmed = await confirmAction({
      title: t('companyDuplicates.mergePage.confirm.title'),
      message: t('companyDuplicates.mergePage.confirm.message', { merged: merged.name, survivor: survivor.name }),
      confirmLabel: t('companyDuplicates.mergePage.confirm.confirm'),
      danger: true,
    })
    if (!confirmed) return
    merge.mutate(
      { survivorId: survivor.id, mergedId: merged.id, choices: toMergeChoices(choices) },
      {
        onSuccess: (done) => {
          carriedChoices.delete(pairKey)
          const notificationId = `merge-${done.id}`
          notifications.show({
            id: notificationId,
            color: 'teal.9',
            autoClose: 15_000,
            message: (
              <Stack gap={6} align="flex-start">
                <Text size="sm">{t('companyDuplicates.mergePage.done', { merged: done.merged.name, survivor: done.survivor.name })}</Text>
                <Button size="compact-sm" variant="outline" onClick={() => void undo(done.id, notificationId)}>
                  {t('companyDuplicates.mergePage.undo')}
                </Button>
              </Stack>
            ),
          })
          onMerged(done.survivor.id)
        },
        onError: notifyError,
      },
    )
  }

  const setChoice = (key: string, option: MergeOption) => setChoices((current) => ({ ...current, [key]: option }))
  const moves = preview.moves.filter((m) => m.count > 0)

  return (
    <Stack gap="lg">
      {sameCompany ? <Alert color="red.9" variant="outline">{t('companyDuplicates.mergePage.sameCompany')}</Alert> : null}
      {inactive ? <Alert color="red.9" variant="outline">{t('companyDuplicates.mergePage.inactive')}</Alert> : null}
      {readOnly ? <Alert color="blue.9" variant="outline">{t('companyDuplicates.mergePage.readOnly')}</Alert> : null}

      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
        <CompanyHeading company={survivor} role={t('companyDuplicates.mergePage.survivor')} tone="teal" />
        <CompanyHeading company={merged} role={t('companyDuplicates.mergePage.merged')} tone="gray" />
      </SimpleGrid>
      <Group>
        <Button variant="default" leftSection={<IconArrowsExchange size={16} aria-hidden="true" />} onClick={swap}>
          {t('companyDuplicates.mergePage.swap')}
        </Button>
        <Text size="sm" c="dimmed">
          {t('companyDuplicates.mergePage.different', { count: different.length })}
        </Text>
      </Group>

      <Stack gap="sm" aria-label={t('companyDuplicates.mergePage.choicesCaption')} role="group">
        {different.map((row) => (
          <FieldChoice key={row.key} row={row} value={choices[row.key] ?? 'survivor'} onChange={setChoice} survivor={survivor} merged={merged} highlighted />
        ))}
      </Stack>

      {identical.length > 0 ? (
        <Box>
          <Button variant="subtle" onClick={() => setShowIdentical((v) => !v)} aria-expanded={showIdentical} aria-controls={identicalId}>
            {showIdentical ? t('companyDuplicates.mergePage.hideIdentical') : t('companyDuplicates.mergePage.identical', { count: identical.length })}
          </Button>
          <Collapse expanded={showIdentical} id={identicalId}>
            <Stack gap="sm" mt="sm">
              {identical.map((row) => (
                <FieldChoice key={row.key} row={row} value="survivor" onChange={setChoice} survivor={survivor} merged={merged} />
              ))}
            </Stack>
          </Collapse>
        </Box>
      ) : null}

      <Card withBorder radius="md" padding="lg" component="section" aria-labelledby={`${identicalId}-moves`}>
        <Title order={2} size="h4" id={`${identicalId}-moves`} mb="sm">
          {t('companyDuplicates.mergePage.moves')}
        </Title>
        {moves.length === 0 ? (
          <Text c="dimmed">{t('companyDuplicates.mergePage.empty')}</Text>
        ) : (
          <List>
            {moves.map((m) => (
              <List.Item key={m.name}>
                {t('companyDuplicates.mergePage.movesItem', {
                  label: t(`companyDuplicates.mergePage.moveLabels.${m.name}`, { defaultValue: m.name }),
                  count: m.count,
                })}
              </List.Item>
            ))}
          </List>
        )}
      </Card>

      <Group justify="flex-end">
        <Button
          color="red.9"
          leftSection={<IconGitMerge size={16} aria-hidden="true" />}
          loading={merge.isPending}
          disabled={readOnly || inactive || sameCompany}
          onClick={() => void submit()}
        >
          {t('companyDuplicates.mergePage.submit')}
        </Button>
      </Group>
    </Stack>
  )
}

function CompanyHeading({ company, role, tone }: { company: Company; role: string; tone: 'teal' | 'gray' }) {
  const { t } = useTranslation()
  return (
    <Card withBorder radius="md" padding="md">
      <Stack gap={4}>
        <Box>
          <StatusBadge tone={tone === 'teal' ? 'positive' : 'neutral'}>{role}</StatusBadge>
        </Box>
        <AnchorLink to="/companies/$companyId" params={{ companyId: company.id }} fw={700}>
          {company.name}
        </AnchorLink>
        <Text size="sm" c="dimmed">
          {t('companies.detail.subtitle', { vatNumber: company.vatNumber, unit: company.unitName })}
        </Text>
      </Stack>
    </Card>
  )
}

interface FieldChoiceProps {
  row: MergeRow
  value: MergeOption
  onChange: (key: string, option: MergeOption) => void
  survivor: Company
  merged: Company
  highlighted?: boolean
}

function FieldChoice({ row, value, onChange, survivor, merged, highlighted = false }: FieldChoiceProps) {
  const { t } = useTranslation()
  const empty = t('companyDuplicates.mergePage.empty')
  const shown = (v: string | null): ReactNode => (v === null ? <Text span c="dimmed">{empty}</Text> : <Text span style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{v}</Text>)
  const background = highlighted ? 'var(--mantine-color-yellow-0)' : undefined
  if (row.fixed) {
    return (
      <Card withBorder radius="sm" padding="sm" style={{ background }}>
        <Text fw={600} size="sm" mb={4}>
          {row.label}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Box>{shown(row.survivor)}</Box>
          <Box>{shown(row.merged)}</Box>
        </SimpleGrid>
        {row.survivor !== row.merged ? (
          <Group gap={6} mt={6} wrap="nowrap">
            <IconInfoCircle size={16} aria-hidden="true" />
            <Text size="sm" c="dimmed">
              {t('companyDuplicates.mergePage.vatNumberHint')}
            </Text>
          </Group>
        ) : null}
      </Card>
    )
  }
  return (
    <Card withBorder radius="sm" padding="sm" style={{ background }}>
      <Radio.Group label={row.label} value={value} onChange={(next) => onChange(row.key, next as MergeOption)} name={`merge-${row.key}`}>
        <SimpleGrid cols={{ base: 1, sm: 2 }} mt={6}>
          <Radio
            value="survivor"
            label={shown(row.survivor)}
            aria-label={t('companyDuplicates.mergePage.choose', { value: row.survivor ?? empty, company: survivor.name })}
          />
          <Radio
            value="merged"
            label={shown(row.merged)}
            aria-label={t('companyDuplicates.mergePage.choose', { value: row.merged ?? empty, company: merged.name })}
          />
          {row.extra ? (
            <Radio
              value={row.extra}
              label={row.extra === 'union' ? t('companyDuplicates.mergePage.union') : t('companyDuplicates.mergePage.concat')}
            />
          ) : null}
        </SimpleGrid>
      </Radio.Group>
    </Card>
  )
}
