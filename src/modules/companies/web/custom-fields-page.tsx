/**
 * `/companies/custom-fields`: the network admin defines the custom fields of companies (text,
 * number, date, single and multiple choice). Key and type are fixed once created, since stored
 * values depend on them; labels, options and order can change; a field is archived, not deleted.
 */
import { ActionIcon, Button, Group, Modal, NativeSelect, NumberInput, SimpleGrid, Stack, Switch, Text, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { IconArchive, IconArrowLeft, IconForms, IconPencil, IconPlus, IconRestore, IconTrash } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { DataTable } from '../../../web/ui/data-table'
import { EmptyState } from '../../../web/ui/empty-state'
import { confirmAction } from '../../../web/ui/confirm'
import { FormActions } from '../../../web/ui/form-actions'
import { contractResolver, showSubmitError } from '../../../web/ui/form-errors'
import { notifySuccess } from '../../../web/ui/notify'
import { PageHeader } from '../../../web/ui/page-header'
import { AnchorLink } from '../../../web/ui/router-links'
import { StatusBadge } from '../../../web/ui/status-badge'
import { useMe } from '../../identity/web'
import {
  CUSTOM_FIELD_TYPES,
  CustomFieldCreateInput,
  type CustomFieldDefinition,
  type CustomFieldType,
  CustomFieldUpdateInput,
} from '../companies.contract'
import { useArchiveCustomField, useCreateCustomField, useCustomFields, useUpdateCustomField } from './companies-views.queries'
import { useCustomFieldLabels } from './custom-field-inputs'

interface OptionValues {
  value: string
  it: string
  en: string
}

interface FieldFormValues extends Record<string, unknown> {
  key: string
  labelIt: string
  labelEn: string
  type: CustomFieldType
  options: OptionValues[]
  position: number | string
}

/** Keys and option values are typed as code; their labels stay in the UI font. */
const MONOSPACE_INPUT = { input: { fontFamily: 'var(--mantine-font-family-monospace)' } }

const isChoice = (type: CustomFieldType) => type === 'select' || type === 'multi_select'

function toInput(values: FieldFormValues) {
  return {
    key: values.key.trim(),
    labelIt: values.labelIt,
    labelEn: values.labelEn,
    type: values.type,
    options: isChoice(values.type) ? values.options : undefined,
    position: typeof values.position === 'number' ? values.position : undefined,
  }
}

function isFieldType(value: string): value is CustomFieldType {
  return (CUSTOM_FIELD_TYPES as readonly string[]).includes(value)
}

export function CustomFieldsPage() {
  const { t } = useTranslation()
  const me = useMe()
  const [showArchived, setShowArchived] = useState(false)
  const fields = useCustomFields({ includeArchived: true, enabled: me.isNetworkAdmin })
  const archive = useArchiveCustomField()
  const labels = useCustomFieldLabels()
  const [editing, setEditing] = useState<CustomFieldDefinition | 'new' | null>(null)
  const back = (
    <AnchorLink to="/companies" size="sm">
      <Group gap={4} component="span">
        <IconArrowLeft size={14} aria-hidden="true" />
        {t('companies.detail.back')}
      </Group>
    </AnchorLink>
  )

  if (!me.isNetworkAdmin) {
    return (
      <>
        <PageHeader title={t('companyCustomFields.title')} back={back} />
        <EmptyState title={t('companyCustomFields.adminsOnly')} description={t('companyCustomFields.adminsOnlyHint')} />
      </>
    )
  }

  const rows = (fields.data ?? []).filter((field) => showArchived || field.archivedAt === null)
  const onArchive = async (field: CustomFieldDefinition, archived: boolean) => {
    const name = labels.field(field)
    const confirmed = await confirmAction({
      title: t(archived ? 'companyCustomFields.archive.title' : 'companyCustomFields.restore.title', { name }),
      message: t(archived ? 'companyCustomFields.archive.message' : 'companyCustomFields.restore.message'),
      confirmLabel: t(archived ? 'companyCustomFields.archive.confirm' : 'companyCustomFields.restore.confirm'),
      danger: archived,
    })
    if (!confirmed) return
    archive.mutate(
      { id: field.id, archived },
      { onSuccess: () => notifySuccess(t(archived ? 'companyCustomFields.archive.done' : 'companyCustomFields.restore.done', { name })) },
    )
  }

  return (
    <>
      <PageHeader
        title={t('companyCustomFields.title')}
        description={t('companyCustomFields.description')}
        back={back}
        actions={
          <Button leftSection={<IconPlus size={16} aria-hidden="true" />} onClick={() => setEditing('new')}>
            {t('companyCustomFields.new')}
          </Button>
        }
      />
      <Switch
        label={t('companyCustomFields.showArchived')}
        checked={showArchived}
        onChange={(event) => setShowArchived(event.currentTarget.checked)}
        mb="md"
      />
      <DataTable
        caption={t('companyCustomFields.caption')}
        rows={rows}
        rowKey={(field) => field.id}
        isLoading={fields.isPending}
        error={fields.error}
        onRetry={() => void fields.refetch()}
        empty={
          <EmptyState
            icon={<IconForms aria-hidden="true" />}
            title={t('companyCustomFields.empty')}
            description={t('companyCustomFields.emptyHint')}
          />
        }
        columns={[
          {
            id: 'label',
            header: t('companyCustomFields.columns.label'),
            cell: (field) => (
              <Group gap={6} wrap="nowrap">
                <Text fw={600} size="sm">
                  {labels.field(field)}
                </Text>
                {field.archivedAt ? <StatusBadge tone="neutral">{t('companyCustomFields.archived')}</StatusBadge> : null}
              </Group>
            ),
          },
          {
            id: 'key',
            header: t('companyCustomFields.columns.key'),
            cell: (field) => (
              <Text span ff="monospace" size="sm">
                {field.key}
              </Text>
            ),
          },
          { id: 'type', header: t('companyCustomFields.columns.type'), cell: (field) => t(`companyCustomFields.types.${field.type}`) },
          {
            id: 'options',
            header: t('companyCustomFields.columns.options'),
            cell: (field) => (field.options.length > 0 ? field.options.map((o) => labels.option(o)).join(', ') : '—'),
          },
          { id: 'position', header: t('companyCustomFields.columns.position'), cell: (field) => field.position },
          {
            id: 'actions',
            header: t('common.actions'),
            cell: (field) => (
              <Group gap={4} wrap="nowrap">
                <ActionIcon
                  variant="subtle"
                  color="gray.8"
                  aria-label={t('companyCustomFields.edit', { name: labels.field(field) })}
                  onClick={() => setEditing(field)}
                >
                  <IconPencil size={18} aria-hidden="true" />
                </ActionIcon>
                <ActionIcon
                  variant="subtle"
                  color={field.archivedAt ? 'gray.8' : 'red.9'}
                  aria-label={t(field.archivedAt ? 'companyCustomFields.restore.action' : 'companyCustomFields.archive.action', {
                    name: labels.field(field),
                  })}
                  onClick={() => void onArchive(field, field.archivedAt === null)}
                >
                  {field.archivedAt ? <IconRestore size={18} aria-hidden="true" /> : <IconArchive size={18} aria-hidden="true" />}
                </ActionIcon>
              </Group>
            ),
          },
        ]}
      />
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === 'new' || editing === null ? t('companyCustomFields.new') : t('companyCustomFields.edit', { name: labels.field(editing) })}
        size="lg"
      >
        {editing !== null ? (
          <FieldForm field={editing === 'new' ? undefined : editing} onDone={() => setEditing(null)} />
        ) : null}
      </Modal>
    </>
  )
}

function FieldForm({ field, onDone }: { field?: CustomFieldDefinition; onDone: () => void }) {
  const { t } = useTranslation()
  const create = useCreateCustomField()
  const update = useUpdateCustomField()
  const schema = field ? CustomFieldUpdateInput : CustomFieldCreateInput
  const resolve = contractResolver(schema)
  const form = useForm<FieldFormValues>({
    initialValues: {
      key: field?.key ?? '',
      labelIt: field?.labelIt ?? '',
      labelEn: field?.labelEn ?? '',
      type: field?.type ?? 'text',
      options: field?.options.map((o) => ({ ...o })) ?? [],
      position: field?.position ?? '',
    },
    validate: (values) => {
      const input = toInput(values)
      return resolve(field ? { labelIt: input.labelIt, labelEn: input.labelEn, options: input.options, position: input.position } : input)
    },
  })
  const choice = isChoice(form.values.type)
  const onSubmit = (values: FieldFormValues) => {
    const input = toInput(values)
    const done = (saved: CustomFieldDefinition) => {
      notifySuccess(t('companyCustomFields.saved', { name: saved.labelIt }))
      onDone()
    }
    const onError = (error: unknown) => showSubmitError(form, error)
    if (field) {
      update.mutate(
        { id: field.id, input: { labelIt: input.labelIt, labelEn: input.labelEn, options: input.options, position: input.position } },
        { onSuccess: done, onError },
      )
    } else {
      create.mutate(CustomFieldCreateInput.parse(input), { onSuccess: done, onError })
    }
  }

  return (
    <form noValidate onSubmit={form.onSubmit(onSubmit)}>
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('companyCustomFields.fields.labelIt')} required {...form.getInputProps('labelIt')} />
          <TextInput label={t('companyCustomFields.fields.labelEn')} required {...form.getInputProps('labelEn')} />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('companyCustomFields.fields.key')}
            description={t('companyCustomFields.fields.keyHint')}
            required
            disabled={Boolean(field)}
            autoComplete="off"
            styles={MONOSPACE_INPUT}
            {...form.getInputProps('key')}
          />
          <NativeSelect
            label={t('companyCustomFields.fields.type')}
            description={field ? t('companyCustomFields.fields.typeFixed') : undefined}
            disabled={Boolean(field)}
            data={CUSTOM_FIELD_TYPES.map((type) => ({ value: type, label: t(`companyCustomFields.types.${type}`) }))}
            value={form.values.type}
            onChange={(event) => {
              const type = event.currentTarget.value
              if (isFieldType(type)) form.setFieldValue('type', type)
            }}
          />
        </SimpleGrid>
        <NumberInput
          label={t('common.optional', { label: t('companyCustomFields.fields.position') })}
          description={t('companyCustomFields.fields.positionHint')}
          allowDecimal={false}
          allowNegative={false}
          w={200}
          {...form.getInputProps('position')}
        />
        {choice ? (
          <Stack gap="xs" role="group" aria-label={t('companyCustomFields.fields.options')}>
            <Text fw={500} size="sm">
              {t('companyCustomFields.fields.options')}
            </Text>
            {typeof form.errors.options === 'string' ? (
              <Text c="red.9" size="sm">
                {form.errors.options}
              </Text>
            ) : null}
            {form.values.options.map((_, index) => (
              <Group key={index} align="flex-end" gap="xs" wrap="nowrap">
                <TextInput
                  label={t('companyCustomFields.fields.optionValue', { n: index + 1 })}
                  styles={MONOSPACE_INPUT}
                  {...form.getInputProps(`options.${index}.value`)}
                />
                <TextInput label={t('companyCustomFields.fields.optionIt', { n: index + 1 })} {...form.getInputProps(`options.${index}.it`)} />
                <TextInput label={t('companyCustomFields.fields.optionEn', { n: index + 1 })} {...form.getInputProps(`options.${index}.en`)} />
                <ActionIcon
                  variant="subtle"
                  color="red.9"
                  mb={4}
                  aria-label={t('companyCustomFields.fields.removeOption', { n: index + 1 })}
                  onClick={() => form.removeListItem('options', index)}
                >
                  <IconTrash size={18} aria-hidden="true" />
                </ActionIcon>
              </Group>
            ))}
            <Group>
              <Button
                variant="default"
                size="xs"
                leftSection={<IconPlus size={14} aria-hidden="true" />}
                onClick={() => form.insertListItem('options', { value: '', it: '', en: '' })}
              >
                {t('companyCustomFields.fields.addOption')}
              </Button>
            </Group>
          </Stack>
        ) : null}
        <FormActions
          submitLabel={field ? t('common.saveChanges') : t('companyCustomFields.create')}
          isPending={create.isPending || update.isPending}
          onCancel={onDone}
        />
      </Stack>
    </form>
  )
}
