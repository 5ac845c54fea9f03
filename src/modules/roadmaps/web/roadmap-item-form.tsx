/**
 * The dialog that adds or edits one roadmap item: from the action catalogue (title, dimension and
 * horizon follow the action) or written by hand; owner, dates, status and a note.
 */
import { Button, Group, Modal, NativeSelect, Select, Stack, Textarea, TextInput } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { DMA_DIMENSION_IDS, type DmaDimensionId, type DmaInstrumentId } from '../../assessments/assessments.contract'
import { getDmaInstrument } from '../../assessments/assessments.reference'
import { useFormat } from '../../../web/i18n/format'
import { ROADMAP_ITEM_STATUSES, type RoadmapItemStatus, type RoadmapRecordItem } from '../roadmaps.contract'
import { actionDimensions, actionInstruments, DEFAULT_ACTION_CATALOGUE, ROADMAP_HORIZONS, type RoadmapHorizon } from '../roadmaps.reference'
import { useRoadmapCatalogue } from './catalogue.queries'

/** An item being edited: a new one has no id until the server gives it one. */
export type EditableItem = Omit<RoadmapRecordItem, 'id'> & { id?: string; key: string }

interface ItemFormProps {
  instrumentId: DmaInstrumentId
  item: EditableItem | null
  opened: boolean
  onClose: () => void
  onSubmit: (item: EditableItem) => void
}

export function RoadmapItemForm({ instrumentId, item, opened, onClose, onSubmit }: ItemFormProps) {
  const { t } = useTranslation()
  return (
    <Modal opened={opened} onClose={onClose} title={item ? t('roadmapRecords.item.editTitle') : t('roadmapRecords.item.addTitle')} size="lg">
      {opened ? <ItemFields key={item?.key ?? 'new'} instrumentId={instrumentId} item={item} onCancel={onClose} onSubmit={onSubmit} /> : null}
    </Modal>
  )
}

function ItemFields({ instrumentId, item, onCancel, onSubmit }: { instrumentId: DmaInstrumentId; item: EditableItem | null; onCancel: () => void; onSubmit: (item: EditableItem) => void }) {
  const { t } = useTranslation()
  const { locale } = useFormat()
  const instrument = getDmaInstrument(instrumentId)
  // The catalogue in force (network admins edit it); the built-in one until it has loaded.
  const catalogue = useRoadmapCatalogue().data ?? DEFAULT_ACTION_CATALOGUE
  const actions = catalogue.actions.filter((a) => actionInstruments(a).includes(instrumentId))
  const [actionId, setActionId] = useState<string | null>(item?.actionId ?? null)
  const [title, setTitle] = useState(item ? item.title[locale] : '')
  const [dimension, setDimension] = useState<DmaDimensionId>(item?.dimension ?? 'D1')
  const [horizon, setHorizon] = useState<RoadmapHorizon>(item?.horizon ?? 'quick')
  const [owner, setOwner] = useState(item?.owner ?? '')
  const [startOn, setStartOn] = useState(item?.startOn ?? '')
  const [dueOn, setDueOn] = useState(item?.dueOn ?? '')
  const [status, setStatus] = useState<RoadmapItemStatus>(item?.status ?? 'planned')
  const [note, setNote] = useState(item?.note ?? '')
  const [errors, setErrors] = useState<{ title?: string | undefined; dueOn?: string | undefined }>({})

  const chooseAction = (id: string | null) => {
    setActionId(id)
    const action = actions.find((a) => a.id === id)
    if (!action) return
    setTitle(action.title[locale])
    setHorizon(action.horizon)
    setDimension(actionDimensions(action, instrument)[0] ?? 'D1')
  }

  const submit = () => {
    const next: typeof errors = {}
    if (!title.trim()) next.title = t('roadmapRecords.item.titleRequired')
    if (startOn && dueOn && dueOn < startOn) next.dueOn = t('roadmapRecords.item.datesOrder')
    setErrors(next)
    if (next.title || next.dueOn) return
    const action = actions.find((a) => a.id === actionId)
    // The other language keeps the catalogue's words unless the title was rewritten by hand.
    const localized = action && title.trim() === action.title[locale] ? { ...action.title } : item && title.trim() === item.title[locale] ? item.title : { it: title.trim(), en: title.trim() }
    onSubmit({
      key: item?.key ?? crypto.randomUUID(),
      ...(item?.id ? { id: item.id } : {}),
      actionId,
      title: localized,
      dimension,
      horizon,
      moves: item?.actionId === actionId ? (item?.moves ?? []) : [],
      reason: item?.actionId === actionId ? (item?.reason ?? null) : null,
      priority: item?.priority ?? 0,
      owner: owner.trim() || null,
      startOn: startOn || null,
      dueOn: dueOn || null,
      status,
      note: note.trim() || null,
    })
  }

  return (
    <Stack gap="sm">
      <Select
        label={t('roadmapRecords.item.action')}
        description={t('roadmapRecords.item.actionHint')}
        data={actions.map((a) => ({ value: a.id, label: a.title[locale] }))}
        value={actionId}
        onChange={chooseAction}
        searchable
        clearable
        nothingFoundMessage={t('roadmapRecords.item.noAction')}
      />
      <TextInput label={t('roadmapRecords.item.title')} value={title} onChange={(e) => { setTitle(e.currentTarget.value); setErrors({ ...errors, title: undefined }) }} error={errors.title} required maxLength={300} />
      <Group grow>
        <NativeSelect
          label={t('roadmapRecords.item.dimension')}
          value={dimension}
          onChange={(e) => setDimension(e.currentTarget.value as DmaDimensionId)}
          data={DMA_DIMENSION_IDS.map((id) => ({ value: id, label: `${id} · ${instrument.dimensions.find((d) => d.id === id)?.name[locale] ?? id}` }))}
        />
        <NativeSelect
          label={t('roadmapRecords.item.horizon')}
          value={horizon}
          onChange={(e) => setHorizon(e.currentTarget.value as RoadmapHorizon)}
          data={ROADMAP_HORIZONS.map((h) => ({ value: h, label: t(`roadmapRecords.horizons.${h}`) }))}
        />
      </Group>
      <Group grow>
        <TextInput label={t('roadmapRecords.item.owner')} value={owner} onChange={(e) => setOwner(e.currentTarget.value)} maxLength={120} />
        <NativeSelect
          label={t('roadmapRecords.item.status')}
          value={status}
          onChange={(e) => setStatus(e.currentTarget.value as RoadmapItemStatus)}
          data={ROADMAP_ITEM_STATUSES.map((s) => ({ value: s, label: t(`roadmapRecords.itemStatuses.${s}`) }))}
        />
      </Group>
      <Group grow>
        <TextInput type="date" label={t('roadmapRecords.item.startOn')} value={startOn} onChange={(e) => setStartOn(e.currentTarget.value)} />
        <TextInput type="date" label={t('roadmapRecords.item.dueOn')} value={dueOn} onChange={(e) => setDueOn(e.currentTarget.value)} error={errors.dueOn} />
      </Group>
      <Textarea label={t('roadmapRecords.item.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={2} maxLength={2000} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
        <Button onClick={submit}>{t('roadmapRecords.item.apply')}</Button>
      </Group>
    </Stack>
  )
}
