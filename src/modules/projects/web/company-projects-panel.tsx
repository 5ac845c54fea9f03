/** The "Progetti" tab of a company: its projects of support days, and opening a new one (staff). */
import { Button, Checkbox, Group, Modal, NumberInput, Stack, TextInput, Textarea } from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import { useNavigate } from '@tanstack/react-router'
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { isApiError } from '../../../web/api-client'
import { useFormat } from '../../../web/i18n/format'
import { DataTable } from '../../../web/ui/data-table'
import { EmptyState } from '../../../web/ui/empty-state'
import { notifyError, notifySuccess } from '../../../web/ui/notify'
import { AnchorLink } from '../../../web/ui/router-links'
import { StatusBadge } from '../../../web/ui/status-badge'
import type { Company } from '../../companies/companies.contract'
import type { ProjectSummary } from '../projects.contract'
import { PROJECT_STATUS_TONES } from './project-page'
import { useCompanyRoadmapItems, useCreateProject, useProjectsList } from './projects.queries'

export function CompanyProjectsPanel({ company }: { company: Company }) {
  const { t } = useTranslation()
  const format = useFormat()
  const list = useProjectsList({ companyId: company.id })
  const [opened, { open, close }] = useDisclosure(false)
  const days = (value: number) => format.number(value, { maximumFractionDigits: 3 })
  return (
    <Stack>
      {company.can.update && (
        <Group justify="flex-end">
          <Button onClick={open}>{t('projects.create.button')}</Button>
        </Group>
      )}
      <DataTable<ProjectSummary>
        caption={t('projects.panel.caption')}
        rows={list.rows}
        rowKey={(p) => p.id}
        isLoading={list.isLoading}
        error={list.error}
        onRetry={() => void list.refetch()}
        paging={list}
        empty={<EmptyState title={t('projects.panel.empty')} />}
        columns={[
          { id: 'title', header: t('projects.fields.title'), cell: (p) => <AnchorLink to="/projects/$projectId" params={{ projectId: p.id }}>{p.title}</AnchorLink> },
          { id: 'expert', header: t('projects.fields.expert'), cell: (p) => p.expert?.name ?? t('projects.noExpert') },
          { id: 'status', header: t('projects.fields.status'), cell: (p) => <StatusBadge tone={PROJECT_STATUS_TONES[p.status]}>{t(`projects.statuses.${p.status}`)}</StatusBadge> },
          { id: 'days', header: t('projects.fields.logged'), cell: (p) => `${days(p.loggedDays)} / ${days(p.budgetDays)}` },
        ]}
      />
      <Modal opened={opened} onClose={close} title={t('projects.create.title')}>
        <CreateProjectForm companyId={company.id} onDone={close} />
      </Modal>
    </Stack>
  )
}

function CreateProjectForm({ companyId, onDone }: { companyId: string; onDone: () => void }) {
  const { t } = useTranslation()
  const create = useCreateProject()
  const navigate = useNavigate()
  const [title, setTitle] = useState('')
  const [description, setDescription] = useState('')
  const [budget, setBudget] = useState<number | string>(10)
  const [startsOn, setStartsOn] = useState('')
  const [endsOn, setEndsOn] = useState('')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const { locale } = useFormat()
  const roadmap = useCompanyRoadmapItems(companyId).data ?? null
  const [itemIds, setItemIds] = useState<string[]>([])
  const chooseItems = (ids: string[]) => {
    setItemIds(ids)
    // A project usually carries out one roadmap item: its title is a good start.
    const first = roadmap?.items.find((i) => i.id === ids[0])
    if (!title.trim() && first) setTitle(first.title[locale])
  }
  const submit = (event: FormEvent) => {
    event.preventDefault()
    setErrors({})
    const roadmapItems = roadmap
      ? roadmap.items.filter((i) => itemIds.includes(i.id)).map((i) => ({ roadmapId: roadmap.id, itemId: i.id, actionId: i.actionId, title: i.title.it }))
      : []
    create.mutate(
      { companyId, title, description: description || null, roadmapItems, budgetDays: Number(budget), startsOn: startsOn || null, endsOn: endsOn || null },
      {
        onSuccess: (project) => {
          notifySuccess(t('projects.create.created'))
          onDone()
          void navigate({ to: '/projects/$projectId', params: { projectId: project.id } })
        },
        onError: (error) => {
          if (isApiError(error) && error.fields.length) setErrors(Object.fromEntries(error.fields.map((f) => [f.path, f.message])))
          else notifyError(error)
        },
      },
    )
  }
  return (
    <form onSubmit={submit}>
      <Stack>
        {roadmap && roadmap.items.length > 0 ? (
          <Checkbox.Group label={t('projects.create.roadmapItems')} description={t('projects.create.roadmapItemsHint')} value={itemIds} onChange={chooseItems} error={errors['roadmapItems.0']}>
            <Stack gap={6} mt="xs" mah={220} style={{ overflowY: 'auto' }}>
              {roadmap.items
                .filter((i) => i.status !== 'done' && i.status !== 'dropped')
                .map((i) => (
                  <Checkbox key={i.id} value={i.id} label={`${i.title[locale]} · ${i.dimension}`} />
                ))}
            </Stack>
          </Checkbox.Group>
        ) : null}
        <TextInput label={t('projects.fields.title')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} required error={errors.title} />
        <Textarea label={t('projects.fields.description')} value={description} onChange={(e) => setDescription(e.currentTarget.value)} autosize minRows={2} />
        <NumberInput label={t('projects.fields.budget')} value={budget} onChange={setBudget} min={0.5} step={0.5} decimalSeparator="," required error={errors.budgetDays} />
        <Group grow>
          <TextInput type="date" label={t('projects.fields.startsOn')} value={startsOn} onChange={(e) => setStartsOn(e.currentTarget.value)} error={errors.startsOn} />
          <TextInput type="date" label={t('projects.fields.endsOn')} value={endsOn} onChange={(e) => setEndsOn(e.currentTarget.value)} error={errors.endsOn} />
        </Group>
        <Button type="submit" loading={create.isPending}>
          {t('projects.create.submit')}
        </Button>
      </Stack>
    </form>
  )
}
