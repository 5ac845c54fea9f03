/**
 * Tools of the companies list beside the filters: the column chooser and the bulk actions on the
 * selected rows (add or remove a tag, move to a unit, export). Bulk changes ask for confirmation.
 */
import { Button, Checkbox, Group, Menu, Modal, NativeSelect, Paper, Popover, Stack, Text, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { IconChevronDown, IconColumns, IconDownload, IconTag, IconTagOff, IconTransfer, IconX } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { isApiError } from '../../../web/api-client'
import { confirmAction } from '../../../web/ui/confirm'
import { FormActions } from '../../../web/ui/form-actions'
import { notifyError, notifySuccess } from '../../../web/ui/notify'
import type { BulkAction } from '../companies.contract'
import { useBulkCompanies } from './companies-views.queries'

export interface ColumnChoice {
  id: string
  label: string
  /** Always shown (the name, which links to the company). */
  fixed?: boolean
}

export function ColumnChooser({ columns, visible, onChange }: { columns: ColumnChoice[]; visible: string[]; onChange: (ids: string[]) => void }) {
  const { t } = useTranslation()
  return (
    // Not in a portal: the checkboxes follow the button in the tab order.
    <Popover position="bottom-end" width={280} shadow="md" withinPortal={false}>
      <Popover.Target>
        <Button variant="default" leftSection={<IconColumns size={16} aria-hidden="true" />}>
          {t('companyViews.columns.button')}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Checkbox.Group
          label={t('companyViews.columns.label')}
          value={visible}
          // The chosen columns keep the table's order, whatever order they were ticked in.
          onChange={(ids) => onChange(columns.filter((c) => c.fixed || ids.includes(c.id)).map((c) => c.id))}
        >
          <Stack gap={6} mt="xs" mah={360} style={{ overflowY: 'auto' }}>
            {columns.map((column) => (
              <Checkbox key={column.id} value={column.id} label={column.label} disabled={column.fixed} />
            ))}
          </Stack>
        </Checkbox.Group>
      </Popover.Dropdown>
    </Popover>
  )
}

interface BulkActionsBarProps {
  selectedIds: string[]
  /** Units the user can move companies to. */
  units: { id: string; name: string }[]
  onClear: () => void
}

type Dialog = { action: BulkAction } | null

/** Shown while rows are selected: how many, what can be done with them, and a way to deselect. */
export function BulkActionsBar({ selectedIds, units, onClear }: BulkActionsBarProps) {
  const { t } = useTranslation()
  const [dialog, setDialog] = useState<Dialog>(null)
  const count = selectedIds.length
  const exportHref = `/api/companies/export?${new URLSearchParams({ format: 'xlsx', includeArchived: 'true', ids: selectedIds.join(',') }).toString()}`
  return (
    <Paper withBorder p="xs" mb="sm" radius="md" role="region" aria-label={t('companyViews.bulk.region')}>
      <Group justify="space-between" wrap="wrap" gap="sm">
        <Text size="sm" fw={600} role="status">
          {t('companyViews.bulk.selected', { count })}
        </Text>
        <Group gap="xs">
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <Button rightSection={<IconChevronDown size={16} aria-hidden="true" />}>{t('companyViews.bulk.actions')}</Button>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item leftSection={<IconTag size={16} aria-hidden="true" />} onClick={() => setDialog({ action: 'addTag' })}>
                {t('companyViews.bulk.addTag')}
              </Menu.Item>
              <Menu.Item leftSection={<IconTagOff size={16} aria-hidden="true" />} onClick={() => setDialog({ action: 'removeTag' })}>
                {t('companyViews.bulk.removeTag')}
              </Menu.Item>
              <Menu.Item
                leftSection={<IconTransfer size={16} aria-hidden="true" />}
                onClick={() => setDialog({ action: 'assignUnit' })}
                disabled={units.length === 0}
              >
                {t('companyViews.bulk.assignUnit')}
              </Menu.Item>
              <Menu.Divider />
              <Menu.Item component="a" href={exportHref} download leftSection={<IconDownload size={16} aria-hidden="true" />}>
                {t('companyViews.bulk.export')}
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
          <Button variant="subtle" leftSection={<IconX size={16} aria-hidden="true" />} onClick={onClear}>
            {t('companyViews.bulk.clear')}
          </Button>
        </Group>
      </Group>
      <Modal
        opened={dialog !== null}
        onClose={() => setDialog(null)}
        title={dialog ? t(`companyViews.bulk.${dialog.action}`) : ''}
      >
        {dialog ? (
          <BulkForm
            action={dialog.action}
            ids={selectedIds}
            units={units}
            onDone={(applied) => {
              setDialog(null)
              if (applied) onClear()
            }}
          />
        ) : null}
      </Modal>
    </Paper>
  )
}

interface BulkValues extends Record<string, unknown> {
  tag: string
  unitId: string
}

function BulkForm({ action, ids, units, onDone }: { action: BulkAction; ids: string[]; units: { id: string; name: string }[]; onDone: (applied: boolean) => void }) {
  const { t } = useTranslation()
  const bulk = useBulkCompanies()
  const isTag = action !== 'assignUnit'
  const form = useForm<BulkValues>({
    initialValues: { tag: '', unitId: '' },
    validate: {
      tag: (value) => (isTag && value.trim() === '' ? t('validation.required') : null),
      unitId: (value) => (!isTag && value === '' ? t('validation.required') : null),
    },
  })
  const onSubmit = async (values: BulkValues) => {
    const count = ids.length
    const unitName = units.find((u) => u.id === values.unitId)?.name ?? ''
    const confirmed = await confirmAction({
      title: t(`companyViews.bulk.confirm.${action}`, { count, tag: values.tag.trim(), unit: unitName }),
      message: t('companyViews.bulk.confirm.message', { count }),
      confirmLabel: t('companyViews.bulk.confirm.apply', { count }),
      danger: action === 'removeTag',
    })
    if (!confirmed) return
    bulk.mutate(
      { ids, action, ...(isTag ? { tag: values.tag.trim() } : { unitId: values.unitId }) },
      {
        onSuccess: (result) => {
          notifySuccess(t('companyViews.bulk.done', { count: result.updated, unchanged: result.unchanged }))
          onDone(true)
        },
        onError: (error) => {
          if (isApiError(error) && error.code === 'VALIDATION' && error.fields.length > 0) {
            form.setErrors(Object.fromEntries(error.fields.map((f) => [f.path, f.message])))
          } else notifyError(error)
        },
      },
    )
  }
  return (
    <form noValidate onSubmit={form.onSubmit((values) => void onSubmit(values))}>
      <Stack gap="md">
        <Text size="sm">{t('companyViews.bulk.appliesTo', { count: ids.length })}</Text>
        {isTag ? (
          <TextInput label={t('companyViews.bulk.tag')} required data-autofocus maxLength={40} autoComplete="off" {...form.getInputProps('tag')} />
        ) : (
          <NativeSelect
            label={t('companyViews.bulk.unit')}
            required
            data={[{ value: '', label: t('common.choose') }, ...units.map((u) => ({ value: u.id, label: u.name }))]}
            {...form.getInputProps('unitId')}
          />
        )}
        <FormActions submitLabel={t('companyViews.bulk.continue')} isPending={bulk.isPending} onCancel={() => onDone(false)} />
      </Stack>
    </form>
  )
}
