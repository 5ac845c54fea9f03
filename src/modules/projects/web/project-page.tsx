/**
 * /projects/$id — one project: header with budget and status, the burn-down (chart and the same
 * figures as a table), milestones, the support-day ledger (log, correct, send for confirmation,
 * approve) and, for staff while the project is open, the expert matching with its breakdown.
 */
import { Alert, Button, Checkbox, Group, Modal, NativeSelect, NumberInput, Paper, SegmentedControl, SimpleGrid, Stack, Table, Text, TextInput, Textarea, Title, VisuallyHidden } from '@mantine/core'
import { IconAlertTriangle, IconPencil, IconTrash } from '@tabler/icons-react'
import { useMemo, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { isApiError } from '../../../web/api-client'
import { useFormat } from '../../../web/i18n/format'
import { confirmAction } from '../../../web/ui/confirm'
import { EmptyState } from '../../../web/ui/empty-state'
import { LoadingState } from '../../../web/ui/loading-state'
import { notifyError, notifySuccess } from '../../../web/ui/notify'
import { PageHeader } from '../../../web/ui/page-header'
import { QueryError } from '../../../web/ui/query-error'
import { AnchorLink } from '../../../web/ui/router-links'
import { StatusBadge, type BadgeTone } from '../../../web/ui/status-badge'
import { EChart } from '../../assessments/web'
import { LineChart } from 'echarts/charts'
import { use as registerEcharts } from 'echarts/core'
import { EXPERT_MATCH_MAX_LIMIT, type ConfirmationStatus, type Milestone, type Project, type ProjectStatus, type SupportDayEntry } from '../projects.contract'
import { burnDownOption } from './projects-charts'
import { ProjectActions } from './project-actions'
import { MilestoneEditForm } from './project-edit-form'
import {
  useAddMilestone,
  useApproveEntry,
  useAssignExpert,
  useBurnDown,
  useDeleteMilestone,
  useExpertMatches,
  useLogEntry,
  useProject,
  useProjectEntries,
  useSendConfirmation,
  useUpdateMilestone,
} from './projects.queries'

// The shared EChart registers the components it draws with (grid, legend, tooltip); the burn-down adds lines.
registerEcharts([LineChart])

export const PROJECT_STATUS_TONES: Record<ProjectStatus, BadgeTone> = { planned: 'neutral', active: 'info', completed: 'positive', cancelled: 'neutral' }
export const CONFIRMATION_TONES: Record<ConfirmationStatus, BadgeTone> = { pending: 'accent', confirmed: 'positive', disputed: 'negative' }

/** Today as the Italian calendar has it (the server refuses days after it). */
function today(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome' }).format(new Date())
}

export function ProjectPage({ id }: { id: string }) {
  const { t } = useTranslation()
  const format = useFormat()
  const project = useProject(id)
  if (project.isLoading) return <LoadingState />
  if (project.error || !project.data) return <QueryError error={project.error} onRetry={() => void project.refetch()} />
  const p = project.data
  const days = (value: number) => format.number(value, { maximumFractionDigits: 3 })
  return (
    <>
      <PageHeader
        title={p.title}
        description={t('projects.budgetLine', { logged: days(p.loggedDays), budget: days(p.budgetDays), remaining: days(p.remainingDays) })}
        actions={<ProjectActions project={p} />}
      />
      <Stack gap="lg">
        <Paper withBorder p="md">
          <SimpleGrid cols={{ base: 2, sm: 4 }}>
            <Fact label={t('projects.fields.status')} value={<StatusBadge tone={PROJECT_STATUS_TONES[p.status]}>{t(`projects.statuses.${p.status}`)}</StatusBadge>} />
            <Fact label={t('projects.fields.company')} value={<AnchorLink to="/companies/$companyId" params={{ companyId: p.companyId }}>{p.companyName}</AnchorLink>} />
            <Fact label={t('projects.fields.expert')} value={p.expert?.name ?? t('projects.noExpert')} />
            <Fact label={t('projects.fields.budget')} value={days(p.budgetDays)} />
            <Fact label={t('projects.fields.logged')} value={days(p.loggedDays)} />
            <Fact label={t('projects.fields.confirmed')} value={days(p.confirmedDays)} />
            <Fact label={t('projects.fields.approved')} value={days(p.approvedDays)} />
            <Fact label={t('projects.fields.remaining')} value={days(p.remainingDays)} />
            <Fact label={t('projects.fields.startsOn')} value={p.startsOn ? format.date(p.startsOn) : '—'} />
            <Fact label={t('projects.fields.endsOn')} value={p.endsOn ? format.date(p.endsOn) : '—'} />
          </SimpleGrid>
          {p.description && <Text mt="sm">{p.description}</Text>}
          {p.roadmapItems.length > 0 && (
            <Text mt="sm" size="sm">
              {t('projects.fields.roadmapItems')}: {p.roadmapItems.map((r) => r.title).join(' · ')}
            </Text>
          )}
          {p.outcome && (
            <Text mt="sm" size="sm">
              {t('projects.fields.outcome')}: {p.outcome}
              {p.expertRating ? ` · ${t('projects.fields.rating')}: ${p.expertRating}` : ''}
            </Text>
          )}
        </Paper>
        <BurnDownSection project={p} />
        <MilestonesSection project={p} />
        <LedgerSection project={p} />
        {p.can.assign && <MatchingSection project={p} />}
      </Stack>
    </>
  )
}

function Fact({ label, value }: { label: string; value: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <div>{value}</div>
    </div>
  )
}

function BurnDownSection({ project }: { project: Project }) {
  const { t } = useTranslation()
  const format = useFormat()
  const burnDown = useBurnDown(project.id)
  const labels = { logged: t('projects.fields.logged'), confirmed: t('projects.fields.confirmed'), approved: t('projects.fields.approved'), budget: t('projects.burndown.budget') }
  const option = useMemo(() => (burnDown.data ? burnDownOption(burnDown.data, labels, format.date) : null), [burnDown.data, labels.logged, format.locale]) // eslint-disable-line react-hooks/exhaustive-deps
  const days = (value: number) => format.number(value, { maximumFractionDigits: 3 })
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="burndown-title">
      <Title order={2} size="h3" id="burndown-title" mb="sm">
        {t('projects.burndown.title')}
      </Title>
      {burnDown.isLoading ? (
        <LoadingState />
      ) : burnDown.error || !burnDown.data ? (
        <QueryError error={burnDown.error} onRetry={() => void burnDown.refetch()} />
      ) : burnDown.data.points.length === 0 ? (
        <Text c="dimmed">{t('projects.burndown.empty')}</Text>
      ) : (
        <>
          {option && <EChart option={option} label={t('projects.burndown.chartLabel', { budget: days(burnDown.data.budgetDays) })} height={280} testId="burndown-chart" />}
          <Table.ScrollContainer minWidth={480}>
            <Table striped>
              <caption>
                <VisuallyHidden>{t('projects.burndown.tableCaption')}</VisuallyHidden>
              </caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('projects.burndown.date')}</Table.Th>
                  <Table.Th scope="col">{t('projects.fields.logged')}</Table.Th>
                  <Table.Th scope="col">{t('projects.fields.confirmed')}</Table.Th>
                  <Table.Th scope="col">{t('projects.fields.approved')}</Table.Th>
                  <Table.Th scope="col">{t('projects.fields.remaining')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {burnDown.data.points.map((point) => (
                  <Table.Tr key={point.date}>
                    <Table.Td>{format.date(point.date)}</Table.Td>
                    <Table.Td>{days(point.logged)}</Table.Td>
                    <Table.Td>{days(point.confirmed)}</Table.Td>
                    <Table.Td>{days(point.approved)}</Table.Td>
                    <Table.Td>{days(point.remaining)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      )}
    </Paper>
  )
}

function MilestonesSection({ project }: { project: Project }) {
  const { t } = useTranslation()
  const format = useFormat()
  const add = useAddMilestone(project.id)
  const update = useUpdateMilestone(project.id)
  const remove = useDeleteMilestone(project.id)
  const [title, setTitle] = useState('')
  const [dueOn, setDueOn] = useState('')
  const [editing, setEditing] = useState<Milestone | null>(null)
  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (!title.trim()) return
    add.mutate({ title: title.trim(), dueOn: dueOn || null }, { onSuccess: () => (setTitle(''), setDueOn('')), onError: notifyError })
  }
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="milestones-title">
      <Title order={2} size="h3" id="milestones-title" mb="sm">
        {t('projects.milestones.title')}
      </Title>
      {project.milestones.length === 0 ? (
        <Text c="dimmed">{t('projects.milestones.empty')}</Text>
      ) : (
        <Stack gap="xs">
          {project.milestones.map((m) => (
            <Group key={m.id} justify="space-between">
              <Checkbox
                label={`${m.title}${m.dueOn ? ` · ${format.date(m.dueOn)}` : ''}`}
                checked={Boolean(m.doneAt)}
                disabled={!project.can.update}
                onChange={(e) => update.mutate({ milestoneId: m.id, input: { done: e.currentTarget.checked } }, { onError: notifyError })}
              />
              {project.can.update && (
                <Group gap={4} wrap="nowrap">
                  <Button variant="subtle" size="xs" aria-label={t('projects.milestones.edit', { title: m.title })} onClick={() => setEditing(m)}>
                    <IconPencil size={16} aria-hidden="true" />
                  </Button>
                  <Button
                    variant="subtle"
                    color="red"
                    size="xs"
                    aria-label={t('projects.milestones.remove', { title: m.title })}
                    onClick={() =>
                      void confirmAction({ title: t('projects.milestones.remove', { title: m.title }), message: t('projects.milestones.removeConfirm', { title: m.title }), confirmLabel: t('projects.milestones.removeAction'), danger: true }).then(
                        (ok) => ok && remove.mutate(m.id, { onError: notifyError }),
                      )
                    }
                  >
                    <IconTrash size={16} aria-hidden="true" />
                  </Button>
                </Group>
              )}
            </Group>
          ))}
        </Stack>
      )}
      {project.can.update && (
        <form onSubmit={submit}>
          <Group mt="sm" align="flex-end">
            <TextInput label={t('projects.milestones.titleField')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} required />
            <TextInput type="date" label={t('projects.milestones.due')} value={dueOn} onChange={(e) => setDueOn(e.currentTarget.value)} />
            <Button type="submit" variant="default" loading={add.isPending}>
              {t('projects.milestones.add')}
            </Button>
          </Group>
        </form>
      )}
      <Modal opened={Boolean(editing)} onClose={() => setEditing(null)} title={editing ? t('projects.milestones.editTitle', { title: editing.title }) : ''}>
        {editing && <MilestoneEditForm projectId={project.id} milestone={editing} onDone={() => setEditing(null)} />}
      </Modal>
    </Paper>
  )
}

/** The log-entry form: days or hours; a refusal (budget, dates) is shown in words beside the form. */
export function LogEntryForm({ project, correcting, onDone }: { project: Project; correcting?: SupportDayEntry; onDone?: () => void }) {
  const { t } = useTranslation()
  const log = useLogEntry(project.id)
  const [workedOn, setWorkedOn] = useState(correcting?.workedOn ?? today())
  const [unit, setUnit] = useState<'days' | 'hours'>('days')
  const [amount, setAmount] = useState<number | string>(correcting ? '' : 1)
  const [activity, setActivity] = useState('')
  const [outcome, setOutcome] = useState('')
  const [refusal, setRefusal] = useState<string | null>(null)
  const submit = (event: FormEvent) => {
    event.preventDefault()
    setRefusal(null)
    const value = typeof amount === 'number' ? amount : Number(String(amount).replace(',', '.'))
    log.mutate(
      {
        workedOn,
        ...(unit === 'days' ? { days: value } : { hours: value }),
        activity,
        outcome: outcome || null,
        ...(correcting ? { correctsEntryId: correcting.id } : {}),
      },
      {
        onSuccess: () => {
          notifySuccess(correcting ? t('projects.correction.done') : t('projects.entry.logged'))
          setActivity('')
          setOutcome('')
          onDone?.()
        },
        onError: (error) => {
          if (isApiError(error) && (error.code === 'CONFLICT' || error.code === 'VALIDATION')) {
            setRefusal(error.fields.length ? error.fields.map((f) => f.message).join(' ') : error.message)
          } else notifyError(error)
        },
      },
    )
  }
  return (
    <form onSubmit={submit} aria-label={correcting ? t('projects.correction.title', { seq: correcting.seq }) : t('projects.entry.title')}>
      <Stack gap="sm">
        {correcting && <Text size="sm">{t('projects.correction.explain')}</Text>}
        {refusal && (
          <Alert color="red" icon={<IconAlertTriangle size={18} aria-hidden="true" />} title={t('projects.entry.refused')} role="alert">
            {refusal}
          </Alert>
        )}
        <Group align="flex-end" grow>
          <TextInput type="date" label={t('projects.entry.workedOn')} value={workedOn} max={today()} onChange={(e) => setWorkedOn(e.currentTarget.value)} required />
          {!correcting && (
            <div>
              <Text size="sm" fw={500} id={`unit-${project.id}`}>
                {t('projects.entry.unit')}
              </Text>
              <SegmentedControl
                aria-labelledby={`unit-${project.id}`}
                value={unit}
                onChange={(v) => setUnit(v === 'hours' ? 'hours' : 'days')}
                data={[
                  { value: 'days', label: t('projects.entry.unitDays') },
                  { value: 'hours', label: t('projects.entry.unitHours') },
                ]}
              />
            </div>
          )}
          <NumberInput
            label={correcting ? t('projects.correction.change') : unit === 'days' ? t('projects.entry.days') : t('projects.entry.hours')}
            value={amount}
            onChange={setAmount}
            decimalSeparator=","
            step={unit === 'days' ? 0.5 : 1}
            min={correcting ? -100 : 0}
            required
          />
        </Group>
        <Textarea label={correcting ? t('projects.correction.reason') : t('projects.entry.activity')} value={activity} onChange={(e) => setActivity(e.currentTarget.value)} required autosize minRows={2} />
        {!correcting && <Textarea label={t('projects.entry.outcome')} value={outcome} onChange={(e) => setOutcome(e.currentTarget.value)} autosize minRows={1} />}
        <Group>
          <Button type="submit" loading={log.isPending}>
            {correcting ? t('projects.correction.submit') : t('projects.entry.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}

function LedgerSection({ project }: { project: Project }) {
  const { t } = useTranslation()
  const format = useFormat()
  const entries = useProjectEntries(project.id)
  const approve = useApproveEntry(project.id)
  const [correcting, setCorrecting] = useState<SupportDayEntry | null>(null)
  const [sending, setSending] = useState<SupportDayEntry | null>(null)
  const days = (value: number) => format.number(value, { maximumFractionDigits: 3, signDisplay: 'auto' })
  const bySeq = new Map((entries.data?.items ?? []).map((e) => [e.id, e.seq]))
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="ledger-title">
      <Title order={2} size="h3" id="ledger-title" mb="sm">
        {t('projects.ledger.title')}
      </Title>
      {project.can.logEntry && (
        <Paper withBorder p="sm" mb="md">
          <Title order={3} size="h4" mb="xs">
            {t('projects.entry.title')}
          </Title>
          <LogEntryForm project={project} />
        </Paper>
      )}
      {entries.isLoading ? (
        <LoadingState />
      ) : entries.error || !entries.data ? (
        <QueryError error={entries.error} onRetry={() => void entries.refetch()} />
      ) : entries.data.items.length === 0 ? (
        <EmptyState title={t('projects.ledger.empty')} />
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table striped verticalSpacing="sm">
            <caption>
              <VisuallyHidden>{t('projects.ledger.caption')}</VisuallyHidden>
            </caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('projects.ledger.seq')}</Table.Th>
                <Table.Th scope="col">{t('projects.ledger.date')}</Table.Th>
                <Table.Th scope="col">{t('projects.ledger.duration')}</Table.Th>
                <Table.Th scope="col">{t('projects.ledger.activity')}</Table.Th>
                <Table.Th scope="col">{t('projects.ledger.status')}</Table.Th>
                <Table.Th scope="col">{t('projects.ledger.approval')}</Table.Th>
                <Table.Th scope="col">
                  <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {entries.data.items.map((entry) => (
                <Table.Tr key={entry.id}>
                  <Table.Td>{entry.seq}</Table.Td>
                  <Table.Td>{format.date(entry.workedOn)}</Table.Td>
                  <Table.Td>
                    {t('projects.days', { value: days(entry.days) })}
                    {entry.hours !== null && (
                      <Text size="xs" c="dimmed">
                        {t('projects.ledger.hours', { hours: format.number(entry.hours) })}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{entry.activity}</Text>
                    {entry.outcome && (
                      <Text size="xs" c="dimmed">
                        {entry.outcome}
                      </Text>
                    )}
                    {entry.correctsEntryId && <Text size="xs">{t('projects.ledger.correctionOf', { seq: bySeq.get(entry.correctsEntryId) ?? '?' })}</Text>}
                    {entry.correctedBy.length > 0 && <Text size="xs">{t('projects.ledger.correctedBy', { seqs: entry.correctedBy.join(', ') })}</Text>}
                  </Table.Td>
                  <Table.Td>
                    <StatusBadge tone={CONFIRMATION_TONES[entry.confirmationStatus]}>{t(`projects.confirmation.${entry.confirmationStatus}`)}</StatusBadge>
                    {entry.confirmerName && entry.confirmationStatus === 'confirmed' && <Text size="xs">{t('projects.ledger.confirmedBy', { name: entry.confirmerName })}</Text>}
                    {entry.disputeNote && <Text size="xs">{t('projects.ledger.disputeNote', { note: entry.disputeNote })}</Text>}
                    {entry.confirmationStatus === 'pending' && entry.confirmationEmail && (
                      <Text size="xs" c="dimmed">
                        {t('projects.ledger.sentTo', { email: entry.confirmationEmail })}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {entry.approvedAt ? (
                      <StatusBadge tone="positive">{t('projects.ledger.approvedOn', { date: format.date(entry.approvedAt) })}</StatusBadge>
                    ) : (
                      <Text size="sm" c="dimmed">
                        {t('projects.ledger.notApproved')}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap" role="group" aria-label={t('projects.ledger.actionsFor', { seq: entry.seq })}>
                      {project.can.sendConfirmation && entry.confirmationStatus === 'pending' && (
                        <Button size="xs" variant="default" onClick={() => setSending(entry)}>
                          {entry.confirmationSentAt ? t('projects.ledger.resendConfirmation') : t('projects.ledger.sendConfirmation')}
                        </Button>
                      )}
                      {project.can.approve && entry.confirmationStatus === 'confirmed' && !entry.approvedAt && (
                        <Button
                          size="xs"
                          loading={approve.isPending}
                          onClick={() =>
                            void confirmAction({
                              title: t('projects.ledger.approve'),
                              message: t('projects.ledger.approveConfirm', { seq: entry.seq, days: days(entry.days), name: entry.confirmerName ?? '' }),
                              confirmLabel: t('projects.ledger.approve'),
                            }).then((ok) => ok && approve.mutate(entry.id, { onSuccess: () => notifySuccess(t('projects.ledger.approved')), onError: notifyError }))
                          }
                        >
                          {t('projects.ledger.approve')}
                        </Button>
                      )}
                      {(project.can.logEntry || (project.status === 'completed' && project.can.sendConfirmation)) && !entry.correctsEntryId && entry.confirmationStatus !== 'disputed' && (
                        <Button size="xs" variant="subtle" onClick={() => setCorrecting(entry)}>
                          {t('projects.ledger.correct')}
                        </Button>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Modal opened={Boolean(correcting)} onClose={() => setCorrecting(null)} title={correcting ? t('projects.correction.title', { seq: correcting.seq }) : ''}>
        {correcting && <LogEntryForm project={project} correcting={correcting} onDone={() => setCorrecting(null)} />}
      </Modal>
      <SendConfirmationModal projectId={project.id} entry={sending} onClose={() => setSending(null)} />
    </Paper>
  )
}

function SendConfirmationModal({ projectId, entry, onClose }: { projectId: string; entry: SupportDayEntry | null; onClose: () => void }) {
  const { t } = useTranslation()
  const send = useSendConfirmation(projectId)
  const [email, setEmail] = useState(entry?.confirmationEmail ?? '')
  const [locale, setLocale] = useState<'it' | 'en'>('it')
  return (
    <Modal opened={Boolean(entry)} onClose={onClose} title={entry ? t('projects.send.title', { seq: entry.seq }) : ''}>
      {entry && (
        <form
          onSubmit={(event) => {
            event.preventDefault()
            send.mutate(
              { entryId: entry.id, input: { email, locale } },
              {
                onSuccess: () => {
                  notifySuccess(t('projects.ledger.sent', { email }))
                  onClose()
                },
                onError: notifyError,
              },
            )
          }}
        >
          <Stack>
            <Text size="sm">{t('projects.send.explain')}</Text>
            <TextInput type="email" label={t('projects.send.email')} value={email} onChange={(e) => setEmail(e.currentTarget.value)} required />
            <NativeSelect
              label={t('projects.send.locale')}
              value={locale}
              data={[
                { value: 'it', label: 'Italiano' },
                { value: 'en', label: 'English' },
              ]}
              onChange={(e) => setLocale(e.currentTarget.value === 'en' ? 'en' : 'it')}
            />
            <Button type="submit" loading={send.isPending}>
              {t('projects.send.submit')}
            </Button>
          </Stack>
        </form>
      )}
    </Modal>
  )
}

function MatchingSection({ project }: { project: Project }) {
  const { t } = useTranslation()
  const format = useFormat()
  // The best 50 by default; staff may ask for the longest list the server gives.
  const [limit, setLimit] = useState<number | undefined>(undefined)
  const matches = useExpertMatches(project.id, true, limit)
  const assign = useAssignExpert(project.id)
  const detail = (code: string, params: Record<string, string | number>) => t(`projects.matching.detail.${code}`, { ...params, defaultValue: code })
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="matching-title">
      <Title order={2} size="h3" id="matching-title" mb="xs">
        {t('projects.matching.title')}
      </Title>
      <Text size="sm" mb="sm">
        {t('projects.matching.explain')}
      </Text>
      {matches.isLoading ? (
        <LoadingState />
      ) : matches.error || !matches.data ? (
        <QueryError error={matches.error} onRetry={() => void matches.refetch()} />
      ) : (
        <>
          <Text size="sm" mb="sm" c="dimmed">
            {matches.data.roadmapId || matches.data.assessmentId
              ? t(matches.data.roadmapId ? 'projects.matching.gapsRoadmap' : 'projects.matching.gaps', {
                  gaps: Object.entries(matches.data.gaps).map(([d, g]) => `${d} ${format.number(g, { maximumFractionDigits: 1 })}`).join(', '),
                })
              : t('projects.matching.noAssessment')}
          </Text>
          {matches.data.eligibleTotal + matches.data.excludedTotal > 0 && (
            <Group gap="sm" mb="sm">
              <Text size="sm" aria-live="polite">
                {matches.data.items.length < matches.data.eligibleTotal
                  ? t('projects.matching.top', { count: matches.data.items.length, total: matches.data.eligibleTotal })
                  : t('projects.matching.all', { count: matches.data.eligibleTotal })}
                {matches.data.excludedTotal > 0 && ` · ${t('projects.matching.excludedCount', { count: matches.data.excludedTotal })}`}
              </Text>
              {matches.data.items.length < matches.data.eligibleTotal && matches.data.limit < EXPERT_MATCH_MAX_LIMIT && (
                <Button size="xs" variant="default" loading={matches.isFetching} onClick={() => setLimit(EXPERT_MATCH_MAX_LIMIT)}>
                  {t('projects.matching.more', { count: Math.min(EXPERT_MATCH_MAX_LIMIT, matches.data.eligibleTotal) })}
                </Button>
              )}
            </Group>
          )}
          {matches.data.items.length + matches.data.excluded.length === 0 ? (
            <EmptyState title={t('projects.matching.empty')} />
          ) : (
            <Table.ScrollContainer minWidth={760}>
              <Table striped verticalSpacing="sm">
                <caption>
                  <VisuallyHidden>{t('projects.matching.caption')}</VisuallyHidden>
                </caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('projects.matching.expert')}</Table.Th>
                    <Table.Th scope="col">{t('projects.matching.score')}</Table.Th>
                    <Table.Th scope="col">{t('projects.matching.breakdown')}</Table.Th>
                    <Table.Th scope="col">
                      <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {[...matches.data.items, ...matches.data.excluded].map((m) => (
                    <Table.Tr key={m.userId}>
                      <Table.Td>
                        <Text fw={500}>{m.name}</Text>
                        <Text size="xs" c="dimmed">
                          {t('projects.matching.workload', { committed: format.number(m.committedDaysPerMonth, { maximumFractionDigits: 1 }), availability: format.number(m.availabilityDaysPerMonth) })}
                        </Text>
                      </Table.Td>
                      <Table.Td>{m.excluded ? <StatusBadge tone="negative">{t('projects.matching.excluded')}</StatusBadge> : format.number(m.score, { maximumFractionDigits: 1 })}</Table.Td>
                      <Table.Td>
                        {m.excluded ? (
                          <Text size="sm">{detail(m.excluded.code, m.excluded.params)}</Text>
                        ) : (
                          <Stack gap={0}>
                            {m.factors.map((f) => (
                              <Text size="xs" key={f.key}>
                                <strong>{t(`projects.matching.factors.${f.key}`, { defaultValue: f.key })}</strong> {format.number(f.points, { maximumFractionDigits: 1 })}/{format.number(f.weight)} · {detail(f.detail.code, f.detail.params)}
                              </Text>
                            ))}
                          </Stack>
                        )}
                      </Table.Td>
                      <Table.Td>
                        {project.expert?.id === m.userId ? (
                          <StatusBadge tone="positive">{t('projects.matching.current')}</StatusBadge>
                        ) : (
                          !m.excluded && (
                            <Button
                              size="xs"
                              aria-label={t('projects.matching.assignLabel', { name: m.name })}
                              loading={assign.isPending}
                              onClick={() => assign.mutate(m.userId, { onSuccess: () => notifySuccess(t('projects.matching.assigned')), onError: notifyError })}
                            >
                              {t('projects.matching.assign')}
                            </Button>
                          )
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </>
      )}
    </Paper>
  )
}
