/**
 * `/roadmaps/catalogue`: the action catalogue roadmaps are drafted from (ADR 0025). Everyone signed
 * in reads it, with search and filters (questionnaire, dimension, horizon, EDIH service type);
 * network admins edit or add actions, each save publishing a new catalogue version that the server
 * checks like the built-in one (references into the questionnaires, prerequisites, cycles).
 */
import { ActionIcon, Button, Checkbox, Group, Modal, MultiSelect, NativeSelect, NumberInput, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { IconListCheck, IconPencil, IconPlus } from '@tabler/icons-react'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { DataTable } from '../../../web/ui/data-table'
import { EmptyState } from '../../../web/ui/empty-state'
import { FilterBar } from '../../../web/ui/filter-bar'
import { FormActions } from '../../../web/ui/form-actions'
import { showSubmitError } from '../../../web/ui/form-errors'
import { notifySuccess } from '../../../web/ui/notify'
import { PageHeader } from '../../../web/ui/page-header'
import { useMe } from '../../identity/web'
import { DMA_DIMENSION_IDS, DMA_INSTRUMENT_IDS, type DmaInstrumentId } from '../../assessments/assessments.contract'
import { getDmaInstrument } from '../../assessments/assessments.reference'
import type { RoadmapCatalogue } from '../roadmaps.contract'
import {
  ACTION_TAGS,
  actionDimensions,
  EDIH_SERVICE_TYPES,
  FUNDING_INSTRUMENTS,
  HORIZON_LABELS,
  ROADMAP_HORIZONS,
  SERVICE_TYPE_LABELS,
  type ActionTag,
  type CatalogueAction,
  type EdihServiceType,
  type FundingInstrumentId,
  type RoadmapHorizon,
} from '../roadmaps.reference'
import { useRoadmapCatalogue, useSaveCatalogueAction } from './catalogue.queries'

type Action = RoadmapCatalogue['actions'][number]

function useLocale(): 'it' | 'en' {
  const { i18n } = useTranslation()
  return (i18n.resolvedLanguage ?? i18n.language) === 'en' ? 'en' : 'it'
}

const INSTRUMENTS = Object.fromEntries(DMA_INSTRUMENT_IDS.map((id) => [id, getDmaInstrument(id)])) as Record<DmaInstrumentId, ReturnType<typeof getDmaInstrument>>

function dimensionsOf(action: Action, instrument: DmaInstrumentId) {
  return actionDimensions(action as CatalogueAction, INSTRUMENTS[instrument])
}

/** Whole euros, always grouped (Intl leaves 4-digit Italian numbers ungrouped: "3000–15.000" reads oddly). */
const euro = (value: number, locale: 'it' | 'en') => Math.round(value).toString().replace(/\B(?=(\d{3})+(?!\d))/g, locale === 'it' ? '.' : ',')

export function RoadmapCataloguePage() {
  const { t } = useTranslation()
  const locale = useLocale()
  const me = useMe()
  const catalogue = useRoadmapCatalogue()
  const [search, setSearch] = useState('')
  const [instrument, setInstrument] = useState<'' | DmaInstrumentId>('')
  const [dimension, setDimension] = useState('')
  const [horizon, setHorizon] = useState('')
  const [serviceType, setServiceType] = useState('')
  const [editing, setEditing] = useState<Action | 'new' | null>(null)

  const actions = useMemo(() => catalogue.data?.actions ?? [], [catalogue.data])
  const rows = useMemo(() => {
    const needle = search.trim().toLowerCase()
    return actions.filter((action) => {
      if (needle && ![action.id, action.title.it, action.title.en, action.description.it, action.description.en].some((text) => text.toLowerCase().includes(needle))) return false
      const instruments = instrument ? [instrument] : DMA_INSTRUMENT_IDS
      if (!instruments.some((i) => (action.moves[i]?.length ?? 0) > 0)) return false
      if (dimension && !instruments.some((i) => dimensionsOf(action, i).includes(dimension as never))) return false
      if (horizon && action.horizon !== horizon) return false
      if (serviceType && action.serviceType !== serviceType) return false
      return true
    })
  }, [actions, search, instrument, dimension, horizon, serviceType])
  const filtered = Boolean(search || instrument || dimension || horizon || serviceType)
  const clear = () => {
    setSearch('')
    setInstrument('')
    setDimension('')
    setHorizon('')
    setServiceType('')
  }
  const data = catalogue.data
  const versionLine = data
    ? `${t('roadmapCatalogue.version', { id: data.id })} (${data.source === 'built-in' ? t('roadmapCatalogue.builtIn') : t('roadmapCatalogue.lastEdit', { name: data.createdByName ?? '—', note: data.note ?? '' })})`
    : null

  return (
    <>
      <PageHeader
        title={t('roadmapCatalogue.title')}
        description={t('roadmapCatalogue.description')}
        actions={
          me.isNetworkAdmin ? (
            <Button leftSection={<IconPlus size={16} aria-hidden="true" />} onClick={() => setEditing('new')} disabled={!data}>
              {t('roadmapCatalogue.new')}
            </Button>
          ) : null
        }
      />
      {versionLine ? (
        <Text size="sm" c="dimmed" mb="sm">
          {versionLine}
        </Text>
      ) : null}
      <FilterBar label={t('roadmapCatalogue.filters')} onClear={filtered ? clear : undefined}>
        <TextInput label={t('roadmapCatalogue.search')} placeholder={t('roadmapCatalogue.searchPlaceholder')} value={search} onChange={(e) => setSearch(e.currentTarget.value)} />
        <NativeSelect
          label={t('roadmapCatalogue.instrument')}
          value={instrument}
          onChange={(e) => setInstrument(e.currentTarget.value as '' | DmaInstrumentId)}
          data={[{ value: '', label: t('roadmapCatalogue.all') }, ...DMA_INSTRUMENT_IDS.map((id) => ({ value: id, label: t(`roadmapCatalogue.instruments.${id}`) }))]}
        />
        <NativeSelect
          label={t('roadmapCatalogue.dimension')}
          value={dimension}
          onChange={(e) => setDimension(e.currentTarget.value)}
          data={[
            { value: '', label: t('roadmapCatalogue.all') },
            ...DMA_DIMENSION_IDS.map((d) => ({ value: d, label: `${d} ${INSTRUMENTS[instrument || 'eu-dma-sme'].dimensions.find((x) => x.id === d)?.name[locale] ?? ''}` })),
          ]}
        />
        <NativeSelect
          label={t('roadmapCatalogue.horizon')}
          value={horizon}
          onChange={(e) => setHorizon(e.currentTarget.value)}
          data={[{ value: '', label: t('roadmapCatalogue.all') }, ...ROADMAP_HORIZONS.map((h) => ({ value: h, label: HORIZON_LABELS[h][locale] }))]}
        />
        <NativeSelect
          label={t('roadmapCatalogue.serviceType')}
          value={serviceType}
          onChange={(e) => setServiceType(e.currentTarget.value)}
          data={[{ value: '', label: t('roadmapCatalogue.all') }, ...EDIH_SERVICE_TYPES.map((s) => ({ value: s, label: SERVICE_TYPE_LABELS[s][locale] }))]}
        />
      </FilterBar>
      {data ? (
        <Text size="sm" mb="xs" aria-live="polite">
          {t('roadmapCatalogue.count', { count: rows.length, total: actions.length })}
        </Text>
      ) : null}
      <DataTable
        caption={t('roadmapCatalogue.caption')}
        rows={rows}
        rowKey={(action) => action.id}
        isLoading={catalogue.isPending}
        error={catalogue.error}
        onRetry={() => void catalogue.refetch()}
        empty={<EmptyState icon={<IconListCheck aria-hidden="true" />} title={t('roadmapCatalogue.empty')} description={t('roadmapCatalogue.emptyHint')} />}
        columns={[
          {
            id: 'action',
            header: t('roadmapCatalogue.columns.action'),
            cell: (action) => (
              <Stack gap={2}>
                <Text fw={600} size="sm">
                  {action.title[locale]}
                </Text>
                <Text size="xs" c="dimmed" ff="monospace">
                  {action.id}
                </Text>
                <Text size="xs">{action.description[locale]}</Text>
              </Stack>
            ),
          },
          {
            id: 'dimensions',
            header: t('roadmapCatalogue.columns.dimensions'),
            cell: (action) =>
              DMA_INSTRUMENT_IDS.filter((i) => (action.moves[i]?.length ?? 0) > 0)
                .map((i) => `${t(`roadmapCatalogue.instruments.${i}`)} ${dimensionsOf(action, i).join(', ')}`)
                .join(' · '),
          },
          { id: 'horizon', header: t('roadmapCatalogue.columns.horizon'), cell: (action) => HORIZON_LABELS[action.horizon][locale] },
          { id: 'serviceType', header: t('roadmapCatalogue.columns.serviceType'), cell: (action) => SERVICE_TYPE_LABELS[action.serviceType][locale] },
          { id: 'cost', header: t('roadmapCatalogue.columns.cost'), cell: (action) => `${euro(action.cost.min, locale)}–${euro(action.cost.max, locale)} €` },
          ...(me.isNetworkAdmin
            ? [
                {
                  id: 'edit',
                  header: t('common.actions'),
                  cell: (action: Action) => (
                    <ActionIcon variant="subtle" color="gray.8" aria-label={t('roadmapCatalogue.edit', { name: action.title[locale] })} onClick={() => setEditing(action)}>
                      <IconPencil size={18} aria-hidden="true" />
                    </ActionIcon>
                  ),
                },
              ]
            : []),
        ]}
      />
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === 'new' || editing === null ? t('roadmapCatalogue.new') : t('roadmapCatalogue.edit', { name: editing.title[locale] })}
        size="xl"
      >
        {editing !== null && data ? <ActionForm action={editing === 'new' ? undefined : editing} catalogue={data} onDone={() => setEditing(null)} /> : null}
      </Modal>
    </>
  )
}

interface ActionFormValues extends Record<string, unknown> {
  id: string
  titleIt: string
  titleEn: string
  descriptionIt: string
  descriptionEn: string
  horizon: RoadmapHorizon
  effortLevel: string
  daysMin: number | string
  daysMax: number | string
  costMin: number | string
  costMax: number | string
  serviceType: EdihServiceType
  funding: string[]
  tags: string[]
  prerequisites: string[]
  moves: string
  note: string
}

const num = (value: number | string) => (typeof value === 'number' ? value : Number(value))

function ActionForm({ action, catalogue, onDone }: { action?: Action; catalogue: RoadmapCatalogue; onDone: () => void }) {
  const { t } = useTranslation()
  const locale = useLocale()
  const save = useSaveCatalogueAction()
  const required = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? t('roadmapCatalogue.form.required') : null)
  const form = useForm<ActionFormValues>({
    initialValues: {
      id: action?.id ?? '',
      titleIt: action?.title.it ?? '',
      titleEn: action?.title.en ?? '',
      descriptionIt: action?.description.it ?? '',
      descriptionEn: action?.description.en ?? '',
      horizon: action?.horizon ?? 'quick',
      effortLevel: String(action?.effort.level ?? 2),
      daysMin: action?.effort.personDays.min ?? 1,
      daysMax: action?.effort.personDays.max ?? 5,
      costMin: action?.cost.min ?? 0,
      costMax: action?.cost.max ?? 5000,
      serviceType: action?.serviceType ?? 'test-before-invest',
      funding: [...(action?.funding ?? [])],
      tags: [...(action?.tags ?? [])],
      prerequisites: [...(action?.prerequisites ?? [])],
      moves: JSON.stringify(action?.moves ?? { 'eu-dma-sme': [] }, null, 2),
      note: '',
    },
    validate: {
      id: required,
      titleIt: required,
      titleEn: required,
      descriptionIt: required,
      descriptionEn: required,
      note: required,
      moves: (value) => {
        try {
          JSON.parse(value)
          return null
        } catch {
          return t('roadmapCatalogue.form.movesInvalid')
        }
      },
    },
  })

  const onSubmit = form.onSubmit((values) => {
    const input = {
      action: {
        id: values.id.trim(),
        title: { it: values.titleIt, en: values.titleEn },
        description: { it: values.descriptionIt, en: values.descriptionEn },
        moves: JSON.parse(values.moves) as Action['moves'],
        prerequisites: values.prerequisites,
        horizon: values.horizon,
        effort: { level: Number(values.effortLevel) as 1 | 2 | 3 | 4 | 5, personDays: { min: num(values.daysMin), max: num(values.daysMax) } },
        cost: { min: num(values.costMin), max: num(values.costMax) },
        serviceType: values.serviceType,
        funding: values.funding as FundingInstrumentId[],
        tags: values.tags as ActionTag[],
      },
      note: values.note,
      baseVersion: catalogue.id,
    }
    save.mutate(
      { isNew: !action, input },
      {
        onSuccess: (next) => {
          notifySuccess(t('roadmapCatalogue.form.saved', { id: next.id }))
          onDone()
        },
        onError: (error) => showSubmitError(form, error),
      },
    )
  })

  const others = catalogue.actions.filter((a) => a.id !== action?.id).map((a) => ({ value: a.id, label: `${a.title[locale]} (${a.id})` }))
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack>
        <TextInput label={t('roadmapCatalogue.form.id')} description={t('roadmapCatalogue.form.idHint')} disabled={Boolean(action)} withAsterisk styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }} {...form.getInputProps('id')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('roadmapCatalogue.form.titleIt')} withAsterisk {...form.getInputProps('titleIt')} />
          <TextInput label={t('roadmapCatalogue.form.titleEn')} withAsterisk {...form.getInputProps('titleEn')} />
          <Textarea label={t('roadmapCatalogue.form.descriptionIt')} withAsterisk autosize minRows={2} {...form.getInputProps('descriptionIt')} />
          <Textarea label={t('roadmapCatalogue.form.descriptionEn')} withAsterisk autosize minRows={2} {...form.getInputProps('descriptionEn')} />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <NativeSelect label={t('roadmapCatalogue.horizon')} data={ROADMAP_HORIZONS.map((h) => ({ value: h, label: HORIZON_LABELS[h][locale] }))} {...form.getInputProps('horizon')} />
          <NativeSelect label={t('roadmapCatalogue.serviceType')} data={EDIH_SERVICE_TYPES.map((s) => ({ value: s, label: SERVICE_TYPE_LABELS[s][locale] }))} {...form.getInputProps('serviceType')} />
          <NativeSelect label={t('roadmapCatalogue.form.effort')} data={['1', '2', '3', '4', '5']} {...form.getInputProps('effortLevel')} />
          <NumberInput label={t('roadmapCatalogue.form.daysMin')} min={0} {...form.getInputProps('daysMin')} />
          <NumberInput label={t('roadmapCatalogue.form.daysMax')} min={0} {...form.getInputProps('daysMax')} />
          <span />
          <NumberInput label={t('roadmapCatalogue.form.costMin')} min={0} thousandSeparator="." decimalSeparator="," {...form.getInputProps('costMin')} />
          <NumberInput label={t('roadmapCatalogue.form.costMax')} min={0} thousandSeparator="." decimalSeparator="," {...form.getInputProps('costMax')} />
        </SimpleGrid>
        <Checkbox.Group label={t('roadmapCatalogue.form.funding')} {...form.getInputProps('funding')}>
          <Group mt={4}>
            {FUNDING_INSTRUMENTS.map((f) => (
              <Checkbox key={f.id} value={f.id} label={f.name[locale]} />
            ))}
          </Group>
        </Checkbox.Group>
        <Checkbox.Group label={t('roadmapCatalogue.form.tags')} {...form.getInputProps('tags')}>
          <Group mt={4}>
            {ACTION_TAGS.map((tag) => (
              <Checkbox key={tag} value={tag} label={tag} />
            ))}
          </Group>
        </Checkbox.Group>
        <MultiSelect label={t('roadmapCatalogue.form.prerequisites')} data={others} searchable {...form.getInputProps('prerequisites')} />
        <Textarea
          label={t('roadmapCatalogue.form.moves')}
          description={t('roadmapCatalogue.form.movesHint')}
          autosize
          minRows={4}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
          {...form.getInputProps('moves')}
        />
        <TextInput label={t('roadmapCatalogue.form.note')} description={t('roadmapCatalogue.form.noteHint')} withAsterisk {...form.getInputProps('note')} />
        <FormActions submitLabel={t('roadmapCatalogue.form.save')} isPending={save.isPending} onCancel={onDone} />
      </Stack>
    </form>
  )
}
