import { Anchor, Badge, Button, Group, SimpleGrid, Stack, Text } from '@mantine/core'
import { IconArchive, IconArrowLeft, IconHistory, IconPencil, IconRestore } from '@tabler/icons-react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { isApiError } from '../../../web/api-client'
import { useFormat } from '../../../web/i18n/format'
import { useOptionalLabel } from '../../../web/i18n/optional-label'
import { confirmAction } from '../../../web/ui/confirm'
import { DetailCard, DetailTabs, type DetailPanel } from '../../../web/ui/detail-card'
import { DetailList } from '../../../web/ui/detail-list'
import { EmptyState } from '../../../web/ui/empty-state'
import { LoadingState } from '../../../web/ui/loading-state'
import { notifySuccess } from '../../../web/ui/notify'
import { PageHeader } from '../../../web/ui/page-header'
import { QueryError } from '../../../web/ui/query-error'
import { AnchorLink, ButtonLink } from '../../../web/ui/router-links'
import { StatusBadge } from '../../../web/ui/status-badge'
import { useMe } from '../../identity/web'
import { comuneLabel } from '../../territory/web'
import type { Company } from '../companies.contract'
import { useArchiveCompany, useCompany, useRestoreCompany } from './companies.queries'
import { CompanyDuplicateNotice } from './company-duplicate-notice'
import { STAGE_TONES, useAtecoSectionLabel } from './company-labels'
import { CustomFieldsSection } from './custom-field-inputs'

/** A tab another module adds to this page (the shell composes them: src/web/company-panels.tsx). */
export type CompanyPanel = DetailPanel<Company>

/** `/companies/$companyId`: everything the hub knows about one company, and what can be done to it. */
export function CompanyDetailPage({ companyId, panels = [] }: { companyId: string; panels?: readonly CompanyPanel[] }) {
  const { t } = useTranslation()
  const company = useCompany(companyId)
  const back = (
    <AnchorLink to="/companies" size="sm">
      <Group gap={4} component="span">
        <IconArrowLeft size={14} aria-hidden="true" />
        {t('companies.detail.back')}
      </Group>
    </AnchorLink>
  )

  if (company.isPending) return <LoadingState />
  if (isApiError(company.error, 'NOT_FOUND')) {
    return (
      <>
        <PageHeader title={t('companies.detail.notFound')} back={back} />
        <EmptyState title={t('companies.detail.notFound')} description={t('companies.detail.notFoundHint')} />
      </>
    )
  }
  if (company.error) {
    return (
      <>
        <PageHeader title={t('companies.title')} back={back} />
        <QueryError error={company.error} onRetry={() => void company.refetch()} />
      </>
    )
  }
  return <CompanyDetail company={company.data} back={back} panels={panels} />
}

/** A website as typed ("www.example.it") becomes a link that leaves the app. */
function websiteHref(website: string): string {
  return /^https?:\/\//i.test(website) ? website : `https://${website}`
}

function CompanyDetail({ company, back, panels }: { company: Company; back: ReactNode; panels: readonly CompanyPanel[] }) {
  const { t } = useTranslation()
  const format = useFormat()
  const me = useMe()
  const label = useOptionalLabel()
  const sectionLabel = useAtecoSectionLabel()
  const archive = useArchiveCompany(company.id)
  const restore = useRestoreCompany(company.id)
  const isArchived = company.archivedAt !== null
  // The activity log is read by network admins and by managers of the company's unit (audit policy).
  const canReadHistory = me.isNetworkAdmin || me.managedUnitIds.includes(company.unitId)
  const money = (amount: number | null) => (amount === null ? null : format.money(amount))

  const onArchive = async () => {
    const confirmed = await confirmAction({
      title: t('companies.archive.title', { name: company.name }),
      message: t('companies.archive.message'),
      confirmLabel: t('companies.archive.confirm'),
      danger: true,
    })
    if (confirmed) archive.mutate(undefined, { onSuccess: () => notifySuccess(t('companies.archive.done', { name: company.name })) })
  }

  const onRestore = async () => {
    const confirmed = await confirmAction({
      title: t('companies.restore.title', { name: company.name }),
      message: t('companies.restore.message'),
      confirmLabel: t('companies.restore.confirm'),
    })
    if (confirmed) restore.mutate(undefined, { onSuccess: () => notifySuccess(t('companies.restore.done', { name: company.name })) })
  }

  const section = company.atecoSection ? sectionLabel(company.atecoSection) : undefined
  const place = company.comune
    ? `${comuneLabel(company.comune)}, ${label(`regions.${company.comune.regionCode}`, company.comune.regionName)}`
    : null
  const sizeNote =
    company.sizeOverride !== null
      ? t('companies.detail.sizeOverridden', {
          derived: company.sizeDerived ? t(`companies.sizes.${company.sizeDerived}`) : t('companies.detail.sizeUnknown'),
        })
      : t('companies.detail.sizeFromFigures')

  return (
    <>
      <PageHeader
        title={company.name}
        description={t('companies.detail.subtitle', { vatNumber: company.vatNumber, unit: company.unitName })}
        back={back}
        actions={
          company.can.update ? (
            isArchived ? (
              <Button
                variant="default"
                leftSection={<IconRestore size={16} aria-hidden="true" />}
                loading={restore.isPending}
                onClick={() => void onRestore()}
              >
                {t('companies.detail.restore')}
              </Button>
            ) : (
              <>
                <ButtonLink
                  to="/companies/$companyId/edit"
                  params={{ companyId: company.id }}
                  leftSection={<IconPencil size={16} aria-hidden="true" />}
                >
                  {t('companies.detail.edit')}
                </ButtonLink>
                <Button
                  variant="outline"
                  color="red.9"
                  leftSection={<IconArchive size={16} aria-hidden="true" />}
                  loading={archive.isPending}
                  onClick={() => void onArchive()}
                >
                  {t('companies.detail.archive')}
                </Button>
              </>
            )
          ) : null
        }
      />
      <Group gap="xs" mb="lg" aria-label={t('companies.detail.badges')} role="group">
        {company.size ? <StatusBadge tone="info">{t(`companies.sizes.${company.size}`)}</StatusBadge> : null}
        {company.isCooperative ? <StatusBadge tone="accent">{t('companies.detail.cooperative')}</StatusBadge> : null}
        <StatusBadge tone={STAGE_TONES[company.stage]}>{t(`companies.stages.${company.stage}`)}</StatusBadge>
        {isArchived && company.archivedAt ? (
          <StatusBadge tone="neutral">
            {t('companies.detail.archivedOn', { date: format.date(company.archivedAt) })}
          </StatusBadge>
        ) : null}
      </Group>
      <CompanyDuplicateNotice company={company} />

      <DetailTabs item={company} overviewLabel={t('companies.detail.overviewTab')} panels={panels}>
          <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
            <DetailCard title={t('companies.form.sections.identity')}>
              <DetailList
                cols={2}
                items={[
                  { label: t('companies.fields.vatNumber'), value: company.vatNumber },
                  { label: t('companies.fields.taxCode'), value: company.taxCode },
                  { label: t('companies.fields.legalForm'), value: company.legalForm ? t(`companies.legalForms.${company.legalForm}`) : null },
                  { label: t('companies.fields.isCooperative'), value: company.isCooperative ? t('common.yes') : t('common.no') },
                  {
                    label: t('companies.fields.atecoCode'),
                    value: company.atecoCode ? (
                      <>
                        {company.atecoCode}
                        {company.atecoSection ? (
                          <Text span size="sm" c="dimmed" display="block">
                            {t('companies.form.atecoSection', { code: company.atecoSection, label: section ?? '' })}
                          </Text>
                        ) : null}
                      </>
                    ) : null,
                  },
                  { label: t('companies.fields.foundingYear'), value: company.foundingYear === null ? null : String(company.foundingYear) },
                ]}
              />
            </DetailCard>

            <DetailCard title={t('companies.form.sections.size')}>
              <DetailList
                cols={2}
                items={[
                  { label: t('companies.fields.employees'), value: company.employees === null ? null : format.number(company.employees) },
                  { label: t('companies.fields.turnover'), value: money(company.turnover) },
                  { label: t('companies.fields.balanceSheetTotal'), value: money(company.balanceSheetTotal) },
                  {
                    label: t('companies.fields.size'),
                    value: company.size ? (
                      <>
                        {t(`companies.sizes.${company.size}`)}
                        <Text span size="sm" c="dimmed" display="block">
                          {sizeNote}
                        </Text>
                      </>
                    ) : null,
                  },
                ]}
              />
            </DetailCard>

            <DetailCard title={t('companies.form.sections.place')}>
              <DetailList
                cols={2}
                items={[
                  { label: t('companies.fields.address'), value: company.address },
                  { label: t('companies.fields.place'), value: place },
                ]}
              />
            </DetailCard>

            <DetailCard title={t('companies.form.sections.contacts')}>
              <DetailList
                cols={2}
                items={[
                  {
                    label: t('companies.fields.website'),
                    value: company.website ? <Anchor href={websiteHref(company.website)}>{company.website}</Anchor> : null,
                  },
                  { label: t('companies.fields.pec'), value: company.pec ? <Anchor href={`mailto:${company.pec}`}>{company.pec}</Anchor> : null },
                  { label: t('companies.fields.email'), value: company.email ? <Anchor href={`mailto:${company.email}`}>{company.email}</Anchor> : null },
                  { label: t('companies.fields.phone'), value: company.phone ? <Anchor href={`tel:${company.phone.replace(/\s/g, '')}`}>{company.phone}</Anchor> : null },
                ]}
              />
            </DetailCard>
          </SimpleGrid>

          <Stack gap="lg" mt="lg">
            <CustomFieldsSection company={company} />

            <DetailCard title={t('companies.form.sections.other')}>
              <DetailList
                cols={3}
                items={[
                  { label: t('companies.fields.unit'), value: company.unitName },
                  { label: t('companies.fields.stage'), value: t(`companies.stages.${company.stage}`) },
                  {
                    label: t('companies.fields.tags'),
                    value:
                      company.tags.length === 0 ? null : (
                        <Group gap={6} component="span">
                          {company.tags.map((tag) => (
                            <Badge key={tag} variant="outline" color="gray.7" tt="none" component="span">
                              {tag}
                            </Badge>
                          ))}
                        </Group>
                      ),
                  },
                  { label: t('companies.detail.createdAt'), value: format.date(company.createdAt) },
                  { label: t('companies.detail.updatedAt'), value: format.dateTime(company.updatedAt) },
                ]}
              />
            </DetailCard>

            <DetailCard title={t('companies.fields.description')}>
              <LongText text={company.description} empty={t('companies.detail.noDescription')} />
            </DetailCard>

            <DetailCard title={t('companies.fields.notes')}>
              <LongText text={company.notes} empty={t('companies.detail.noNotes')} />
            </DetailCard>

            {canReadHistory ? (
              <DetailCard title={t('companies.detail.activity')}>
                <AnchorLink to="/audit" search={{ entityType: 'company', entityId: company.id }}>
                  <Group gap={6} component="span">
                    <IconHistory size={16} aria-hidden="true" />
                    {t('companies.detail.auditTrail')}
                  </Group>
                </AnchorLink>
              </DetailCard>
            ) : null}
          </Stack>
      </DetailTabs>
    </>
  )
}


/** Free text as written, line breaks included. */
function LongText({ text, empty }: { text: string | null; empty: string }) {
  if (!text) return <Text c="dimmed">{empty}</Text>
  return <Text style={{ whiteSpace: 'pre-wrap' }}>{text}</Text>
}
