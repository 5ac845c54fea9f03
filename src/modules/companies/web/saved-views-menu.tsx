/**
 * The "Viste" menu of the companies list: apply a saved view (it sets the page's URL), save the
 * current filters and columns as a view (personal or shared with a unit), rename, overwrite and
 * delete one. The active view is named beside the menu, marked when the list no longer matches it.
 */
import { Button, Group, Menu, Modal, Radio, Stack, Text, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { IconBookmark, IconBookmarkPlus, IconCheck, IconDeviceFloppy, IconPencil, IconTrash, IconUsers } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { isApiError } from '../../../web/api-client'
import { confirmAction } from '../../../web/ui/confirm'
import { FormActions } from '../../../web/ui/form-actions'
import { notifyError, notifySuccess } from '../../../web/ui/notify'
import { StatusBadge } from '../../../web/ui/status-badge'
import type { SavedView, SavedViewQuery } from '../companies.contract'
import { useCreateSavedView, useDeleteSavedView, useSavedViews, useUpdateSavedView } from './companies-views.queries'

/** Two queries are the same view when their filters and columns match (key order aside). */
export function sameQuery(a: SavedViewQuery, b: SavedViewQuery): boolean {
  const canonical = (q: SavedViewQuery) =>
    JSON.stringify({
      filters: Object.fromEntries(
        Object.entries(q.filters)
          .filter(([, v]) => v !== undefined)
          .sort(([x], [y]) => x.localeCompare(y)),
      ),
      columns: q.columns ?? null,
    })
  return canonical(a) === canonical(b)
}

interface SavedViewsMenuProps {
  /** The list as it is now: what "Salva vista" stores. */
  current: SavedViewQuery
  activeViewId: string | undefined
  /** Units the user can share a view with (those they work in). */
  shareUnits: { id: string; name: string }[]
  onApply: (view: SavedView) => void
  /** The active view was deleted. */
  onLeave: () => void
}

export function SavedViewsMenu({ current, activeViewId, shareUnits, onApply, onLeave }: SavedViewsMenuProps) {
  const { t } = useTranslation()
  const views = useSavedViews()
  const update = useUpdateSavedView()
  const remove = useDeleteSavedView()
  const [dialog, setDialog] = useState<{ mode: 'create' } | { mode: 'rename'; view: SavedView } | null>(null)
  const items = views.data ?? []
  const active = items.find((view) => view.id === activeViewId)
  const modified = active ? !sameQuery(active.query, current) : false
  const personal = items.filter((view) => view.sharedUnitId === null)
  const shared = items.filter((view) => view.sharedUnitId !== null)

  const overwrite = (view: SavedView) =>
    update.mutate(
      { id: view.id, input: { query: current } },
      { onSuccess: (saved) => notifySuccess(t('companyViews.updated', { name: saved.name })), onError: notifyError },
    )

  const onDelete = async (view: SavedView) => {
    const confirmed = await confirmAction({
      title: t('companyViews.delete.title', { name: view.name }),
      message: view.sharedUnitName ? t('companyViews.delete.messageShared', { unit: view.sharedUnitName }) : t('companyViews.delete.message'),
      confirmLabel: t('companyViews.delete.confirm'),
      danger: true,
    })
    if (!confirmed) return
    remove.mutate(view.id, {
      onSuccess: () => {
        notifySuccess(t('companyViews.delete.done', { name: view.name }))
        if (view.id === activeViewId) onLeave()
      },
    })
  }

  const viewItem = (view: SavedView) => (
    <Menu.Item
      key={view.id}
      onClick={() => onApply(view)}
      leftSection={view.id === activeViewId ? <IconCheck size={16} aria-hidden="true" /> : <span style={{ width: 16 }} />}
      rightSection={view.sharedUnitName ? <IconUsers size={14} aria-label={t('companyViews.sharedWith', { unit: view.sharedUnitName })} /> : null}
      aria-current={view.id === activeViewId ? 'true' : undefined}
    >
      {view.name}
    </Menu.Item>
  )

  return (
    <Group gap="xs" wrap="wrap">
      <Menu position="bottom-start" width={300} withinPortal>
        <Menu.Target>
          <Button variant="default" leftSection={<IconBookmark size={16} aria-hidden="true" />}>
            {t('companyViews.menu')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>{t('companyViews.personal')}</Menu.Label>
          {personal.length > 0 ? personal.map(viewItem) : <Menu.Item disabled>{t('companyViews.nonePersonal')}</Menu.Item>}
          <Menu.Label>{t('companyViews.shared')}</Menu.Label>
          {shared.length > 0 ? shared.map(viewItem) : <Menu.Item disabled>{t('companyViews.noneShared')}</Menu.Item>}
          <Menu.Divider />
          <Menu.Item leftSection={<IconBookmarkPlus size={16} aria-hidden="true" />} onClick={() => setDialog({ mode: 'create' })}>
            {t('companyViews.save')}
          </Menu.Item>
          {active?.can.update ? (
            <>
              <Menu.Item
                leftSection={<IconDeviceFloppy size={16} aria-hidden="true" />}
                disabled={!modified}
                onClick={() => overwrite(active)}
              >
                {t('companyViews.overwrite', { name: active.name })}
              </Menu.Item>
              <Menu.Item leftSection={<IconPencil size={16} aria-hidden="true" />} onClick={() => setDialog({ mode: 'rename', view: active })}>
                {t('companyViews.rename.action', { name: active.name })}
              </Menu.Item>
              <Menu.Item color="red.9" leftSection={<IconTrash size={16} aria-hidden="true" />} onClick={() => void onDelete(active)}>
                {t('companyViews.delete.action', { name: active.name })}
              </Menu.Item>
            </>
          ) : null}
        </Menu.Dropdown>
      </Menu>
      {active ? (
        <Group gap={6} aria-live="polite">
          <Text size="sm">
            {t('companyViews.active')} <strong>{active.name}</strong>
          </Text>
          {active.sharedUnitName ? (
            <StatusBadge tone="info">{t('companyViews.sharedWith', { unit: active.sharedUnitName })}</StatusBadge>
          ) : null}
          {modified ? (
            <StatusBadge tone="neutral">{t('companyViews.modified')}</StatusBadge>
          ) : null}
        </Group>
      ) : null}
      <Modal
        opened={dialog !== null}
        onClose={() => setDialog(null)}
        title={dialog?.mode === 'rename' ? t('companyViews.rename.title', { name: dialog.view.name }) : t('companyViews.saveTitle')}
      >
        {dialog?.mode === 'create' ? (
          <SaveViewForm
            query={current}
            shareUnits={shareUnits}
            onDone={(view) => {
              setDialog(null)
              onApply(view)
            }}
            onCancel={() => setDialog(null)}
          />
        ) : dialog?.mode === 'rename' ? (
          <RenameViewForm view={dialog.view} onDone={() => setDialog(null)} />
        ) : null}
      </Modal>
    </Group>
  )
}

interface SaveValues extends Record<string, unknown> {
  name: string
  visibility: string
}

function SaveViewForm({
  query,
  shareUnits,
  onDone,
  onCancel,
}: {
  query: SavedViewQuery
  shareUnits: { id: string; name: string }[]
  onDone: (view: SavedView) => void
  onCancel: () => void
}) {
  const { t } = useTranslation()
  const create = useCreateSavedView()
  const form = useForm<SaveValues>({
    initialValues: { name: '', visibility: 'personal' },
    validate: { name: (value) => (value.trim() === '' ? t('validation.required') : null) },
  })
  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) =>
        create.mutate(
          { name: values.name.trim(), entity: 'companies', sharedUnitId: values.visibility === 'personal' ? null : values.visibility, query },
          {
            onSuccess: (view) => {
              notifySuccess(t('companyViews.saved', { name: view.name }))
              onDone(view)
            },
            onError: (error) => {
              if (isApiError(error) && error.fields.some((f) => f.path === 'name')) {
                form.setFieldError('name', error.fields.find((f) => f.path === 'name')?.message)
              } else notifyError(error)
            },
          },
        ),
      )}
    >
      <Stack gap="md">
        <TextInput label={t('companyViews.name')} required data-autofocus maxLength={100} {...form.getInputProps('name')} />
        <Radio.Group label={t('companyViews.visibility')} {...form.getInputProps('visibility')}>
          <Stack gap="xs" mt="xs">
            <Radio value="personal" label={t('companyViews.visibilityPersonal')} />
            {shareUnits.map((unit) => (
              <Radio key={unit.id} value={unit.id} label={t('companyViews.visibilityShared', { unit: unit.name })} />
            ))}
          </Stack>
        </Radio.Group>
        <FormActions submitLabel={t('companyViews.save')} isPending={create.isPending} onCancel={onCancel} />
      </Stack>
    </form>
  )
}

function RenameViewForm({ view, onDone }: { view: SavedView; onDone: () => void }) {
  const { t } = useTranslation()
  const update = useUpdateSavedView()
  const form = useForm<{ name: string }>({
    initialValues: { name: view.name },
    validate: { name: (value) => (value.trim() === '' ? t('validation.required') : null) },
  })
  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) =>
        update.mutate(
          { id: view.id, input: { name: values.name.trim() } },
          {
            onSuccess: (saved) => {
              notifySuccess(t('companyViews.rename.done', { name: saved.name }))
              onDone()
            },
            onError: notifyError,
          },
        ),
      )}
    >
      <Stack gap="md">
        <TextInput label={t('companyViews.name')} required data-autofocus maxLength={100} {...form.getInputProps('name')} />
        <FormActions submitLabel={t('common.save')} isPending={update.isPending} onCancel={onDone} />
      </Stack>
    </form>
  )
}
