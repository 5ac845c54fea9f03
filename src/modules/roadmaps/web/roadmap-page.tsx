/**
 * A stored roadmap (issue 5, "Roadmaps"): gaps per dimension, the timeline by horizon, the items
 * (reorder, edit, add, remove, status) saved together as a new version, the versions with what
 * changed, sending for sign-off, the re-assessment (T1) date and the PDF.
 */
import { ActionIcon, Alert, Badge, Button, Card, Group, Modal, NativeSelect, Progress, Stack, Table, Text, Textarea, TextInput, Title, Tooltip, VisuallyHidden } from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import { IconArrowDown, IconArrowUp, IconFileTypePdf, IconPencil, IconPlus, IconSend, IconTrash } from '@tabler/icons-react'
import { useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { getDmaInstrument } from '../../assessments/assessments.reference'
import { useFormat } from '../../../web/i18n/format'
import { confirmAction } from '../../../web/ui/confirm'
import { EmptyState } from '../../../web/ui/empty-state'
import { LoadingState } from '../../../web/ui/loading-state'
import { notifyError, notifySuccess } from '../../../web/ui/notify'
import { PageHeader } from '../../../web/ui/page-header'
import { QueryError } from '../../../web/ui/query-error'
import { AnchorLink } from '../../../web/ui/router-links'
import { StatusBadge, type BadgeTone } from '../../../web/ui/status-badge'
import { ROADMAP_ITEM_STATUSES, type Roadmap, type RoadmapItemStatus, type RoadmapStatus } from '../roadmaps.contract'
import { RoadmapItemForm, type EditableItem } from './roadmap-item-form'
import { RoadmapTimeline } from './roadmap-timeline'
import { useRoadmap, useRoadmapDiff, useSaveRoadmap, useSendRoadmapForSignoff, useSetRoadmapT1 } from './roadmaps.queries'

export const ROADMAP_STATUS_TONES: Record<RoadmapStatus, BadgeTone> = { draft: 'neutral', awaiting_signoff: 'info', signed: 'positive', archived: 'neutral' }
const ITEM_TONES: Record<RoadmapItemStatus, BadgeTone> = { planned: 'neutral', in_progress: 'info', done: 'positive', dropped: 'neutral' }

/** "3 of 11 items done" with a bar, dropped items left out (lists of roadmaps). */
export function RoadmapProgressCell({ progress }: { progress: Roadmap['progress'] }) {
  const { t } = useTranslation()
  const counted = progress.total - progress.dropped
  return (
    <>
      <Text size="sm">{t('roadmapRecords.progress.summary', { done: progress.done, total: counted })}</Text>
      <Progress value={counted ? (progress.done / counted) * 100 : 0} size="sm" color="teal.8" aria-label={t('roadmapRecords.progress.title')} />
    </>
  )
}

function editable(roadmap: Roadmap): EditableItem[] {
  return roadmap.items.map((item) => ({ ...item, key: item.id }))
}

export function RoadmapPage({ id }: { id: string }) {
  const { t } = useTranslation()
  const query = useRoadmap(id)
  if (query.isPending) return <LoadingState />
  if (query.error) return <QueryError error={query.error} onRetry={() => void query.refetch()} />
  const roadmap = query.data
  return (
    <>
      <PageHeader
        title={t('roadmapRecords.page.title', { company: roadmap.company.name })}
        description={
          <Group gap="xs" component="span">
            <StatusBadge tone={ROADMAP_STATUS_TONES[roadmap.status]}>{t(`roadmapRecords.statuses.${roadmap.status}`)}</StatusBadge>
            <span>{t('roadmapRecords.page.subtitle', { version: roadmap.version, stage: roadmap.assessment.stage })}</span>
            {roadmap.expert ? <span>· {t('roadmapRecords.page.expert', { name: roadmap.expert.name })}</span> : null}
          </Group>
        }
        back={
          <AnchorLink to="/companies/$companyId" params={{ companyId: roadmap.company.id }} size="sm">
            ← {roadmap.company.name}
          </AnchorLink>
        }
        actions={<HeaderActions roadmap={roadmap} />}
      />
      <RoadmapBody key={`${roadmap.id}:${roadmap.version}`} roadmap={roadmap} />
    </>
  )
}

function HeaderActions({ roadmap }: { roadmap: Roadmap }) {
  const { t } = useTranslation()
  const [opened, { open, close }] = useDisclosure(false)
  return (
    <>
      <Button component="a" variant="default" leftSection={<IconFileTypePdf size={16} aria-hidden="true" />} href={`/api/roadmaps/${roadmap.id}/report.pdf?locale=it`}>
        {t('roadmapRecords.page.pdfIt')}
      </Button>
      <Button component="a" variant="default" href={`/api/roadmaps/${roadmap.id}/report.pdf?locale=en`} lang="en">
        PDF (English)
      </Button>
      {roadmap.can.sendForSignoff ? (
        <Button leftSection={<IconSend size={16} aria-hidden="true" />} onClick={open}>
          {t('roadmapRecords.signoff.send')}
        </Button>
      ) : null}
      <SignoffModal roadmap={roadmap} opened={opened} onClose={close} />
    </>
  )
}

function SignoffModal({ roadmap, opened, onClose }: { roadmap: Roadmap; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation()
  const send = useSendRoadmapForSignoff(roadmap.id)
  const [email, setEmail] = useState(roadmap.signoff.email ?? '')
  const [locale, setLocale] = useState<'it' | 'en'>('it')
  const [message, setMessage] = useState('')
  const [error, setError] = useState<string | null>(null)
  const submit = async () => {
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim())) {
      setError(t('roadmapRecords.signoff.emailInvalid'))
      return
    }
    setError(null)
    try {
      await send.mutateAsync({ email: email.trim(), locale, ...(message.trim() ? { message: message.trim() } : {}) })
      notifySuccess(t('roadmapRecords.signoff.sent', { email: email.trim() }))
      onClose()
    } catch (err) {
      notifyError(err)
    }
  }
  return (
    <Modal opened={opened} onClose={onClose} title={t('roadmapRecords.signoff.title')}>
      <Stack gap="sm">
        <Text size="sm">{t('roadmapRecords.signoff.explain', { version: roadmap.version })}</Text>
        <TextInput label={t('roadmapRecords.signoff.email')} type="email" value={email} onChange={(e) => setEmail(e.currentTarget.value)} error={error} required />
        <NativeSelect
          label={t('roadmapRecords.signoff.language')}
          value={locale}
          onChange={(e) => setLocale(e.currentTarget.value === 'en' ? 'en' : 'it')}
          data={[
            { value: 'it', label: 'Italiano' },
            { value: 'en', label: 'English' },
          ]}
        />
        <Textarea label={t('roadmapRecords.signoff.message')} value={message} onChange={(e) => setMessage(e.currentTarget.value)} maxLength={1000} autosize minRows={2} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button loading={send.isPending} onClick={() => void submit()}>
            {t('roadmapRecords.signoff.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}

function RoadmapBody({ roadmap }: { roadmap: Roadmap }) {
  const { t } = useTranslation()
  const format = useFormat()
  const instrument = getDmaInstrument(roadmap.instrumentId)
  const [items, setItems] = useState<EditableItem[]>(() => editable(roadmap))
  const [dirty, setDirty] = useState(false)
  const [editing, setEditing] = useState<EditableItem | null>(null)
  const [formOpened, form] = useDisclosure(false)
  const [note, setNote] = useState('')
  const save = useSaveRoadmap(roadmap.id)
  const canEdit = roadmap.can.edit

  // Leaving with unsaved edits asks first (the browser's own prompt).
  useEffect(() => {
    if (!dirty) return
    const warn = (event: BeforeUnloadEvent) => event.preventDefault()
    window.addEventListener('beforeunload', warn)
    return () => window.removeEventListener('beforeunload', warn)
  }, [dirty])

  const change = (next: EditableItem[]) => {
    setItems(next)
    setDirty(true)
  }
  const move = (index: number, delta: number) => {
    const next = [...items]
    const [moved] = next.splice(index, 1)
    if (!moved) return
    next.splice(index + delta, 0, moved)
    change(next)
  }
  const remove = async (item: EditableItem) => {
    const ok = await confirmAction({
      title: t('roadmapRecords.items.removeTitle'),
      message: t('roadmapRecords.items.removeMessage', { title: item.title[format.locale] }),
      confirmLabel: t('roadmapRecords.items.remove'),
      danger: true,
    })
    if (ok) change(items.filter((i) => i.key !== item.key))
  }
  const submitItem = (item: EditableItem) => {
    change(items.some((i) => i.key === item.key) ? items.map((i) => (i.key === item.key ? item : i)) : [...items, item])
    form.close()
  }
  const saveAll = async () => {
    try {
      await save.mutateAsync({
        baseVersion: roadmap.version,
        items: items.map(({ key: _key, ...item }) => item),
        ...(note.trim() ? { note: note.trim() } : {}),
      })
      notifySuccess(t('roadmapRecords.items.saved', { version: roadmap.version + 1 }))
    } catch (err) {
      notifyError(err)
    }
  }
  const progress = useMemo(() => {
    const counted = items.filter((i) => i.status !== 'dropped')
    return { done: counted.filter((i) => i.status === 'done').length, total: counted.length }
  }, [items])
  const origin = roadmap.createdAt.slice(0, 10)

  return (
    <Stack gap="xl">
      {roadmap.status === 'signed' ? (
        <Alert color="teal" variant="outline" title={t('roadmapRecords.signoff.signedTitle')}>
          {t('roadmapRecords.signoff.signedText', {
            name: roadmap.signoff.signerRole ? `${roadmap.signoff.signerName ?? ''} (${roadmap.signoff.signerRole})` : (roadmap.signoff.signerName ?? ''),
            date: roadmap.signoff.signedAt ? format.dateTime(roadmap.signoff.signedAt) : '',
            version: roadmap.signoff.signedVersion ?? roadmap.version,
          })}
        </Alert>
      ) : roadmap.status === 'awaiting_signoff' ? (
        <Alert color="blue" variant="outline" title={t('roadmapRecords.signoff.awaitingTitle')}>
          {t('roadmapRecords.signoff.awaitingText', { email: roadmap.signoff.email ?? '', date: roadmap.signoff.sentAt ? format.dateTime(roadmap.signoff.sentAt) : '' })}
        </Alert>
      ) : roadmap.signoff.signedVersion ? (
        <Alert color="gray" variant="outline" title={t('roadmapRecords.signoff.resignTitle')}>
          {t('roadmapRecords.signoff.resignText', { version: roadmap.signoff.signedVersion })}
        </Alert>
      ) : null}

      <Group align="flex-start" gap="xl" wrap="wrap">
        <Card withBorder padding="md" style={{ flex: '1 1 22rem' }}>
          <Title order={2} size="h4" mb="xs" id="roadmap-gaps-title">
            {t('roadmapRecords.gaps.title')}
          </Title>
          <Table aria-labelledby="roadmap-gaps-title">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('roadmapRecords.gaps.dimension')}</Table.Th>
                <Table.Th ta="right">{t('roadmapRecords.gaps.score')}</Table.Th>
                <Table.Th ta="right">{t('roadmapRecords.gaps.target')}</Table.Th>
                <Table.Th ta="right">{t('roadmapRecords.gaps.gap')}</Table.Th>
                <Table.Th ta="right">{t('roadmapRecords.gaps.importance')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {roadmap.gaps.map((g) => (
                <Table.Tr key={g.dimension}>
                  <Table.Td>
                    {g.dimension} · {instrument.dimensions.find((d) => d.id === g.dimension)?.name[format.locale]}
                  </Table.Td>
                  <Table.Td ta="right">{format.number(g.score, { maximumFractionDigits: 1 })}</Table.Td>
                  <Table.Td ta="right">{format.number(g.target, { maximumFractionDigits: 1 })}</Table.Td>
                  <Table.Td ta="right">{format.number(g.gap, { maximumFractionDigits: 1 })}</Table.Td>
                  <Table.Td ta="right">{g.importance}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
        <Card withBorder padding="md" style={{ flex: '1 1 16rem' }}>
          <Title order={2} size="h4" mb="xs">
            {t('roadmapRecords.progress.title')}
          </Title>
          <Text size="sm" mb={6}>
            {t('roadmapRecords.progress.summary', { done: progress.done, total: progress.total })}
          </Text>
          <Progress value={progress.total ? (progress.done / progress.total) * 100 : 0} aria-label={t('roadmapRecords.progress.title')} color="teal.8" />
          <T1Editor roadmap={roadmap} />
        </Card>
      </Group>

      <RoadmapTimeline items={items.map((item) => ({ ...item, id: item.id ?? item.key }))} origin={origin} />

      <Stack gap="sm">
        <Group justify="space-between" align="flex-end">
          <Title order={2} size="h4" id="roadmap-items-title">
            {t('roadmapRecords.items.title', { count: items.length })}
          </Title>
          {canEdit ? (
            <Button
              variant="default"
              leftSection={<IconPlus size={16} aria-hidden="true" />}
              onClick={() => {
                setEditing(null)
                form.open()
              }}
            >
              {t('roadmapRecords.items.add')}
            </Button>
          ) : null}
        </Group>
        {items.length === 0 ? (
          <EmptyState title={t('roadmapRecords.items.empty')} description={canEdit ? t('roadmapRecords.items.emptyHint') : undefined} />
        ) : (
          <Stack component="ol" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} aria-labelledby="roadmap-items-title">
            {items.map((item, index) => (
              <Card component="li" key={item.key} withBorder padding="sm">
                <Group justify="space-between" align="flex-start" wrap="nowrap">
                  <Stack gap={4} style={{ minWidth: 0 }}>
                    <Text fw={600}>
                      {index + 1}. {item.title[format.locale]}
                    </Text>
                    <Group gap="xs">
                      <Badge variant="outline" color="gray.8" radius="sm" tt="none">
                        {item.dimension}
                      </Badge>
                      <Badge variant="outline" color="indigo.9" radius="sm" tt="none">
                        {t(`roadmapRecords.horizons.${item.horizon}`)}
                      </Badge>
                      <StatusBadge tone={ITEM_TONES[item.status]}>{t(`roadmapRecords.itemStatuses.${item.status}`)}</StatusBadge>
                      {item.priority > 0 ? <Text size="xs" c="gray.7">{t('roadmapRecords.items.priority', { value: format.number(item.priority, { maximumFractionDigits: 2 }) })}</Text> : null}
                      {item.owner ? <Text size="xs" c="gray.7">{t('roadmapRecords.items.owner', { name: item.owner })}</Text> : null}
                      {item.dueOn ? <Text size="xs" c="gray.7">{t('roadmapRecords.items.due', { date: format.date(item.dueOn) })}</Text> : null}
                    </Group>
                    {item.reason ? (
                      <Text size="sm" c="gray.7">
                        {item.reason.text[format.locale]}
                      </Text>
                    ) : null}
                    {item.moves.length > 0 ? (
                      <Text size="xs" c="gray.7">
                        {t('roadmapRecords.items.moves', { items: item.moves.flatMap((m) => m.items).join(', ') })}
                      </Text>
                    ) : null}
                    {item.note ? <Text size="sm">{item.note}</Text> : null}
                  </Stack>
                  {canEdit ? (
                    <Group gap={4} wrap="nowrap">
                      <NativeSelect
                        aria-label={t('roadmapRecords.items.statusOf', { title: item.title[format.locale] })}
                        size="xs"
                        w={130}
                        value={item.status}
                        onChange={(e) => change(items.map((i) => (i.key === item.key ? { ...i, status: e.currentTarget.value as RoadmapItemStatus } : i)))}
                        data={ROADMAP_ITEM_STATUSES.map((s) => ({ value: s, label: t(`roadmapRecords.itemStatuses.${s}`) }))}
                      />
                      <Tooltip label={t('roadmapRecords.items.up')}>
                        <ActionIcon variant="subtle" color="gray.8" disabled={index === 0} onClick={() => move(index, -1)} aria-label={t('roadmapRecords.items.upOf', { title: item.title[format.locale] })}>
                          <IconArrowUp size={16} aria-hidden="true" />
                        </ActionIcon>
                      </Tooltip>
                      <Tooltip label={t('roadmapRecords.items.down')}>
                        <ActionIcon variant="subtle" color="gray.8" disabled={index === items.length - 1} onClick={() => move(index, 1)} aria-label={t('roadmapRecords.items.downOf', { title: item.title[format.locale] })}>
                          <IconArrowDown size={16} aria-hidden="true" />
                        </ActionIcon>
                      </Tooltip>
                      <Tooltip label={t('roadmapRecords.items.edit')}>
                        <ActionIcon
                          variant="subtle"
                          color="gray.8"
                          onClick={() => {
                            setEditing(item)
                            form.open()
                          }}
                          aria-label={t('roadmapRecords.items.editOf', { title: item.title[format.locale] })}
                        >
                          <IconPencil size={16} aria-hidden="true" />
                        </ActionIcon>
                      </Tooltip>
                      <Tooltip label={t('roadmapRecords.items.remove')}>
                        <ActionIcon variant="subtle" color="red.9" onClick={() => void remove(item)} aria-label={t('roadmapRecords.items.removeOf', { title: item.title[format.locale] })}>
                          <IconTrash size={16} aria-hidden="true" />
                        </ActionIcon>
                      </Tooltip>
                    </Group>
                  ) : null}
                </Group>
              </Card>
            ))}
          </Stack>
        )}
        {canEdit && dirty ? (
          <Card withBorder padding="md" bg="yellow.0" role="region" aria-label={t('roadmapRecords.items.unsaved')}>
            <Stack gap="xs">
              <Text fw={600}>{t('roadmapRecords.items.unsaved')}</Text>
              <Text size="sm">{roadmap.status === 'draft' ? t('roadmapRecords.items.saveHint') : t('roadmapRecords.items.saveResign')}</Text>
              <TextInput label={t('roadmapRecords.items.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} maxLength={500} />
              <Group>
                <Button loading={save.isPending} onClick={() => void saveAll()}>
                  {t('roadmapRecords.items.save')}
                </Button>
                <Button
                  variant="default"
                  onClick={() => {
                    setItems(editable(roadmap))
                    setDirty(false)
                  }}
                >
                  {t('roadmapRecords.items.discard')}
                </Button>
              </Group>
            </Stack>
          </Card>
        ) : null}
      </Stack>

      <Versions roadmap={roadmap} />
      <RoadmapItemForm instrumentId={roadmap.instrumentId} item={editing} opened={formOpened} onClose={form.close} onSubmit={submitItem} />
    </Stack>
  )
}

function T1Editor({ roadmap }: { roadmap: Roadmap }) {
  const { t } = useTranslation()
  const format = useFormat()
  const setT1 = useSetRoadmapT1(roadmap.id)
  const [value, setValue] = useState(roadmap.t1DueOn ?? '')
  const apply = async (dueOn: string | null) => {
    try {
      await setT1.mutateAsync(dueOn)
      notifySuccess(t('roadmapRecords.t1.saved'))
    } catch (err) {
      notifyError(err)
    }
  }
  return (
    <Stack gap={6} mt="md">
      <Text fw={600}>{t('roadmapRecords.t1.title')}</Text>
      <Text size="sm">
        {roadmap.t1DueOn ? t('roadmapRecords.t1.due', { date: format.date(roadmap.t1DueOn) }) : t('roadmapRecords.t1.none')}{' '}
        {roadmap.t1DueOnManual ? t('roadmapRecords.t1.manual') : t('roadmapRecords.t1.derived')}
      </Text>
      {roadmap.can.edit ? (
        <Group align="flex-end" gap="xs">
          <TextInput type="date" size="xs" label={t('roadmapRecords.t1.set')} value={value} onChange={(e) => setValue(e.currentTarget.value)} />
          <Button size="xs" variant="default" disabled={!value} loading={setT1.isPending} onClick={() => void apply(value)}>
            {t('roadmapRecords.t1.apply')}
          </Button>
          {roadmap.t1DueOnManual ? (
            <Button size="xs" variant="subtle" onClick={() => void apply(null)}>
              {t('roadmapRecords.t1.reset')}
            </Button>
          ) : null}
        </Group>
      ) : null}
    </Stack>
  )
}

function Versions({ roadmap }: { roadmap: Roadmap }) {
  const { t } = useTranslation()
  const format = useFormat()
  const [compare, setCompare] = useState<number | null>(null)
  return (
    <Stack gap="xs">
      <Title order={2} size="h4" id="roadmap-versions-title">
        {t('roadmapRecords.versions.title')}
      </Title>
      <Table aria-labelledby="roadmap-versions-title">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('roadmapRecords.versions.version')}</Table.Th>
            <Table.Th>{t('roadmapRecords.versions.kind')}</Table.Th>
            <Table.Th>{t('roadmapRecords.versions.by')}</Table.Th>
            <Table.Th>{t('roadmapRecords.versions.at')}</Table.Th>
            <Table.Th>{t('roadmapRecords.versions.note')}</Table.Th>
            <Table.Th>
              <VisuallyHidden>{t('roadmapRecords.versions.compare')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {roadmap.versions.map((v) => (
            <Table.Tr key={v.version}>
              <Table.Td>
                {v.version}
                {roadmap.signoff.signedVersion === v.version ? ` · ${t('roadmapRecords.versions.signed')}` : ''}
              </Table.Td>
              <Table.Td>{t(`roadmapRecords.versions.kinds.${v.kind}`)}</Table.Td>
              <Table.Td>{v.createdBy?.name ?? '—'}</Table.Td>
              <Table.Td>{format.dateTime(v.createdAt)}</Table.Td>
              <Table.Td>{v.note ?? ''}</Table.Td>
              <Table.Td>
                {v.version > 1 ? (
                  <Button size="xs" variant="subtle" onClick={() => setCompare(v.version)}>
                    {t('roadmapRecords.versions.compareWith', { version: v.version - 1 })}
                  </Button>
                ) : null}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <DiffModal roadmapId={roadmap.id} to={compare} onClose={() => setCompare(null)} />
    </Stack>
  )
}

function DiffModal({ roadmapId, to, onClose }: { roadmapId: string; to: number | null; onClose: () => void }) {
  const { t } = useTranslation()
  const { locale } = useFormat()
  const diff = useRoadmapDiff(roadmapId, (to ?? 2) - 1, to ?? 2, to !== null)
  const value = (field: string, v: unknown) => {
    if (v === null || v === undefined || v === '') return '—'
    if (field === 'title' && typeof v === 'object') return (v as Record<string, string>)[locale] ?? ''
    if (field === 'status') return t(`roadmapRecords.itemStatuses.${v as RoadmapItemStatus}`)
    if (field === 'horizon') return t(`roadmapRecords.horizons.${v as 'quick'}`)
    return String(v)
  }
  return (
    <Modal opened={to !== null} onClose={onClose} title={t('roadmapRecords.versions.diffTitle', { from: (to ?? 2) - 1, to: to ?? 2 })} size="lg">
      {diff.isPending ? (
        <LoadingState />
      ) : diff.error ? (
        <QueryError error={diff.error} onRetry={() => void diff.refetch()} />
      ) : (
        <Stack gap="sm">
          {diff.data.added.length + diff.data.removed.length + diff.data.changed.length === 0 ? <Text>{t('roadmapRecords.versions.noChanges')}</Text> : null}
          {diff.data.added.map((item) => (
            <Text key={item.id} c="teal.9">
              + {t('roadmapRecords.versions.added', { title: item.title[locale] })}
            </Text>
          ))}
          {diff.data.removed.map((item) => (
            <Text key={item.id} c="red.9">
              − {t('roadmapRecords.versions.removed', { title: item.title[locale] })}
            </Text>
          ))}
          {diff.data.changed.map((change) => (
            <Stack key={change.id} gap={2}>
              <Text fw={600}>{change.title[locale]}</Text>
              {change.fields.map((f) => (
                <Text key={f.field} size="sm">
                  {t(`roadmapRecords.versions.fields.${f.field as 'status'}`)}: {value(f.field, f.before)} → {value(f.field, f.after)}
                </Text>
              ))}
            </Stack>
          ))}
        </Stack>
      )}
    </Modal>
  )
}
