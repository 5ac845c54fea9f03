import {
  Alert,
  Anchor,
  Box,
  Button,
  FileInput,
  Group,
  List,
  NativeSelect,
  Paper,
  Progress,
  SimpleGrid,
  Stack,
  Stepper,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core'
import { IconAlertTriangle, IconCircleCheck, IconDownload, IconFileSpreadsheet, IconUpload } from '@tabler/icons-react'
import { useState, type DragEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useFormat } from '../../../web/i18n/format'
import { confirmAction } from '../../../web/ui/confirm'
import { DataTable } from '../../../web/ui/data-table'
import { LoadingState } from '../../../web/ui/loading-state'
import { notifyError, notifySuccess } from '../../../web/ui/notify'
import { PageHeader } from '../../../web/ui/page-header'
import { QueryError } from '../../../web/ui/query-error'
import { ButtonLink } from '../../../web/ui/router-links'
import { useMe, useUnits } from '../../identity/web'
import type { CompanyImport, ImportRowError } from '../companies.contract'
import { CompanyImportHistory } from './company-import-history'
import { reportUrl, useCompanyImport, useImportAction, useUpdateImport, useUploadImport } from './company-import-queries'

interface CompanyImportPageProps {
  /** The import being worked on (kept in the URL, so a reload resumes it). */
  importId?: string | undefined
  onImportChange: (importId: string | undefined) => void
}

function stepOf(view: CompanyImport | undefined): number {
  if (!view) return 0
  if (view.status === 'uploaded') return 1
  if (view.status === 'validating' || view.status === 'validated') return 2
  if (view.status === 'importing' || view.status === 'failed') return 3
  // Finished (or undone): every step is complete.
  return 4
}

/** The import wizard: upload → columns → dry run → import (with progress, result and undo). */
export function CompanyImportPage({ importId, onImportChange }: CompanyImportPageProps) {
  const { t } = useTranslation()
  const query = useCompanyImport(importId)
  const view = importId ? query.data : undefined
  const active = stepOf(view)

  return (
    <>
      <PageHeader
        title={t('companyImport.title')}
        description={t('companyImport.description')}
        actions={
          <ButtonLink to="/companies" variant="default">
            {t('companyImport.back')}
          </ButtonLink>
        }
      />
      <Stepper active={active} mb="xl" size="sm" allowNextStepsSelect={false}>
        <Stepper.Step label={t('companyImport.steps.upload')} />
        <Stepper.Step label={t('companyImport.steps.mapping')} />
        <Stepper.Step label={t('companyImport.steps.check')} />
        <Stepper.Step label={t('companyImport.steps.import')} />
      </Stepper>
      {importId && query.isPending ? <LoadingState /> : null}
      {importId && query.error ? <QueryError error={query.error} onRetry={() => void query.refetch()} /> : null}
      {!importId ? <UploadStep onUploaded={(id) => onImportChange(id)} /> : null}
      {view && active === 1 ? <MappingStep key={view.id} view={view} /> : null}
      {view && active === 2 ? <CheckStep view={view} onRestart={() => onImportChange(undefined)} /> : null}
      {view && active >= 3 ? <ImportStep view={view} onRestart={() => onImportChange(undefined)} /> : null}
      <Box mt={48}>
        <CompanyImportHistory onOpen={(id) => onImportChange(id)} />
      </Box>
    </>
  )
}

function UploadStep({ onUploaded }: { onUploaded: (id: string) => void }) {
  const { t } = useTranslation()
  const upload = useUploadImport()
  const [dragging, setDragging] = useState(false)
  const send = (file: File | null) => {
    if (!file) return
    upload.mutate({ file }, { onSuccess: (view) => onUploaded(view.id), onError: notifyError })
  }
  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault()
    setDragging(false)
    send(event.dataTransfer.files[0] ?? null)
  }
  return (
    <Paper
      withBorder
      p="xl"
      radius="md"
      onDragOver={(event) => {
        event.preventDefault()
        setDragging(true)
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
      bg={dragging ? 'blue.0' : undefined}
      style={{ borderStyle: 'dashed', borderWidth: 2 }}
    >
      <Stack align="center" gap="sm">
        <IconFileSpreadsheet size={48} aria-hidden="true" />
        <Text fw={500}>{t('companyImport.upload.drop')}</Text>
        <FileInput
          label={t('companyImport.upload.fileLabel')}
          placeholder={t('companyImport.upload.choose')}
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          leftSection={<IconUpload size={16} aria-hidden="true" />}
          onChange={send}
          disabled={upload.isPending}
          w={360}
          maw="100%"
          clearable={false}
          // Mantine's placeholder grey fails WCAG contrast; this one is an invitation to click, so it must be readable.
          styles={{ placeholder: { color: 'var(--mantine-color-gray-7)' } }}
        />
        {upload.isPending ? <LoadingState label={t('companyImport.upload.uploading')} /> : null}
        <Text size="sm" c="dimmed" ta="center" maw={560}>
          {t('companyImport.upload.hint')}
        </Text>
      </Stack>
    </Paper>
  )
}

function MappingStep({ view }: { view: CompanyImport }) {
  const { t } = useTranslation()
  const me = useMe()
  const units = useUnits()
  const update = useUpdateImport(view.id)
  const validate = useImportAction(view.id, 'validate')
  const [mapping, setMapping] = useState<Record<string, string>>(view.mapping)
  const [unitId, setUnitId] = useState(view.unitId)
  const chosen = new Set(Object.values(mapping))
  const missing = view.fields.filter((f) => f.required && !chosen.has(f.key))
  const ownUnitIds = new Set(me.memberships.map((m) => m.unitId))
  const unitOptions = (units.data ?? []).filter((u) => !u.archivedAt && (u.can.update || ownUnitIds.has(u.id) || me.isNetworkAdmin))
  const options = [
    { value: '', label: t('companyImport.mapping.skip') },
    ...view.fields.map((f) => ({ value: f.key, label: f.required ? `${f.label} (${t('companyImport.mapping.required')})` : f.label })),
  ]
  const check = () =>
    update.mutate(
      { mapping, unitId },
      { onSuccess: () => validate.mutate(undefined, { onError: notifyError }), onError: notifyError },
    )
  return (
    <Stack gap="lg">
      <Text>{t('companyImport.mapping.intro')}</Text>
      <Text size="sm" c="dimmed">
        {t('companyImport.mapping.fileInfo', { fileName: view.fileName, rows: view.totalRows })}
      </Text>
      <NativeSelect
        label={t('companyImport.mapping.unit')}
        value={unitId}
        data={(unitOptions.some((u) => u.id === view.unitId) ? [] : [{ value: view.unitId, label: view.unitName }]).concat(
          unitOptions.map((u) => ({ value: u.id, label: u.name })),
        )}
        onChange={(event) => setUnitId(event.currentTarget.value)}
        w={360}
        maw="100%"
      />
      <Table.ScrollContainer minWidth={560}>
        <Table striped verticalSpacing="xs">
          <caption>
            <VisuallyHidden>{t('companyImport.mapping.field')}</VisuallyHidden>
          </caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('companyImport.mapping.column')}</Table.Th>
              <Table.Th scope="col">{t('companyImport.mapping.field')}</Table.Th>
              <Table.Th scope="col">{t('companyImport.mapping.preview')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {view.headers.map((header, index) => (
              <Table.Tr key={`${index}-${header}`}>
                <Table.Td fw={500}>{header || `#${index + 1}`}</Table.Td>
                <Table.Td>
                  <NativeSelect
                    aria-label={t('companyImport.mapping.fieldFor', { header: header || `#${index + 1}` })}
                    miw={260}
                    value={mapping[String(index)] ?? ''}
                    data={options}
                    onChange={(event) => {
                      const value = event.currentTarget.value
                      setMapping((current) => {
                        // A field fills one column: choosing it here frees it elsewhere.
                        const next = Object.fromEntries(Object.entries(current).filter(([column, field]) => column !== String(index) && field !== value))
                        return value ? { ...next, [String(index)]: value } : next
                      })
                    }}
                  />
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c="dimmed" lineClamp={1}>
                    {view.preview
                      .slice(0, 3)
                      .map((row) => row[index] ?? '')
                      .filter(Boolean)
                      .join(' · ')}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {missing.length > 0 ? (
        <Alert color="red.9" variant="outline" icon={<IconAlertTriangle aria-hidden="true" />} role="alert">
          {t('companyImport.mapping.missing', { fields: missing.map((f) => f.label).join(', ') })}
        </Alert>
      ) : null}
      <PreviewTable view={view} />
      <Group>
        <Button onClick={check} loading={update.isPending || validate.isPending} disabled={missing.length > 0}>
          {t('companyImport.mapping.check')}
        </Button>
      </Group>
    </Stack>
  )
}

function PreviewTable({ view }: { view: CompanyImport }) {
  const { t } = useTranslation()
  if (view.preview.length === 0) return null
  return (
    <Box>
      <Title order={2} size="h4" mb="xs">
        {t('companyImport.mapping.previewCaption')}
      </Title>
      <Table.ScrollContainer minWidth={Math.max(560, view.headers.length * 140)}>
        <Table withTableBorder fz="sm" verticalSpacing={4}>
          <caption>
            <VisuallyHidden>{t('companyImport.mapping.previewCaption')}</VisuallyHidden>
          </caption>
          <Table.Thead>
            <Table.Tr>
              {view.headers.map((header, index) => (
                <Table.Th key={`${index}-${header}`} scope="col">
                  {header}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {view.preview.slice(0, 5).map((row, r) => (
              <Table.Tr key={r}>
                {view.headers.map((_, c) => (
                  <Table.Td key={c}>{row[c] ?? ''}</Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Box>
  )
}

function Counts({ items }: { items: { label: string; value: number }[] }) {
  const format = useFormat()
  return (
    <SimpleGrid cols={{ base: 2, sm: items.length }} spacing="sm">
      {items.map((item) => (
        <Paper key={item.label} withBorder p="md" radius="md">
          <Text size="sm" c="dimmed">
            {item.label}
          </Text>
          <Text fz={28} fw={700}>
            {format.number(item.value)}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  )
}

function ErrorTable({ view }: { view: CompanyImport }) {
  const { t } = useTranslation()
  if (view.errorCount === 0) return null
  return (
    <Stack gap="xs">
      <Group gap="sm">
        <Anchor href={reportUrl(view.id, 'csv')} download>
          <Group gap={4} component="span">
            <IconDownload size={16} aria-hidden="true" />
            {t('companyImport.check.downloadCsv')}
          </Group>
        </Anchor>
        <Anchor href={reportUrl(view.id, 'xlsx')} download>
          <Group gap={4} component="span">
            <IconDownload size={16} aria-hidden="true" />
            {t('companyImport.check.downloadXlsx')}
          </Group>
        </Anchor>
      </Group>
      {view.errorCount > view.errors.length ? (
        <Text size="sm">{t('companyImport.check.moreErrors', { shown: view.errors.length, count: view.errorCount })}</Text>
      ) : null}
      <DataTable<ImportRowError & { key: string }>
        caption={t('companyImport.check.errorsCaption')}
        columns={[
          { id: 'row', header: t('companyImport.check.row'), cell: (e) => e.row },
          { id: 'column', header: t('companyImport.check.column'), cell: (e) => e.column ?? '—' },
          { id: 'message', header: t('companyImport.check.message'), cell: (e) => e.message },
        ]}
        rows={view.errors.map((e, i) => ({ ...e, key: `${i}` }))}
        rowKey={(e) => e.key}
        isLoading={false}
        empty={null}
        minWidth={520}
      />
    </Stack>
  )
}

function CheckStep({ view, onRestart }: { view: CompanyImport; onRestart: () => void }) {
  const { t } = useTranslation()
  const run = useImportAction(view.id, 'run')
  const remap = useUpdateImport(view.id)
  if (view.status === 'validating') return <LoadingState />
  const toImport = view.created + view.updated
  return (
    <Stack gap="lg">
      <Title order={2} size="h3">
        {t('companyImport.check.summary')}
      </Title>
      <Counts
        items={[
          { label: t('companyImport.check.toCreate'), value: view.created },
          { label: t('companyImport.check.toUpdate'), value: view.updated },
          { label: t('companyImport.check.unchanged'), value: view.unchanged },
          { label: t('companyImport.check.errors'), value: new Set(view.errors.map((e) => e.row)).size },
        ]}
      />
      {view.errorCount === 0 ? (
        <Alert color="teal.9" variant="outline" icon={<IconCircleCheck aria-hidden="true" />}>
          {t('companyImport.check.noErrors')}
        </Alert>
      ) : (
        <Alert color="red.9" variant="outline" icon={<IconAlertTriangle aria-hidden="true" />} title={t('companyImport.check.hasErrors', { count: view.errorCount })}>
          {t('companyImport.check.fixAndReload')}
        </Alert>
      )}
      <ErrorTable view={view} />
      <Group>
        {view.errorCount > 0 ? (
          <Button variant="default" leftSection={<IconUpload size={16} aria-hidden="true" />} onClick={onRestart}>
            {t('companyImport.check.reload')}
          </Button>
        ) : null}
        <Button variant="default" loading={remap.isPending} onClick={() => remap.mutate({ mapping: view.mapping }, { onError: notifyError })}>
          {t('companyImport.check.changeMapping')}
        </Button>
        <Button disabled={toImport === 0} loading={run.isPending} onClick={() => run.mutate(undefined, { onError: notifyError })}>
          {t('companyImport.check.run', { count: toImport })}
        </Button>
      </Group>
    </Stack>
  )
}

function ImportStep({ view, onRestart }: { view: CompanyImport; onRestart: () => void }) {
  const { t } = useTranslation()
  const undo = useImportAction(view.id, 'undo')
  const format = useFormat()
  const percent = view.totalRows > 0 ? Math.round((view.processedRows / view.totalRows) * 100) : 100
  const askUndo = async () => {
    const confirmed = await confirmAction({ title: t('companyImport.run.undoTitle'), message: t('companyImport.run.undoMessage'), confirmLabel: t('companyImport.run.undo'), danger: true })
    if (!confirmed) return
    undo.mutate(undefined, {
      onSuccess: (result) => notifySuccess(t('companyImport.run.undone', { deleted: result.undo?.deleted ?? 0, archived: result.undo?.archived ?? 0, restored: result.undo?.restored ?? 0 })),
      onError: notifyError,
    })
  }
  if (view.status === 'importing') {
    return (
      <Stack gap="sm" aria-live="polite">
        <Text fw={500}>{t('companyImport.run.progress', { processed: format.number(view.processedRows), total: format.number(view.totalRows) })}</Text>
        <Progress value={percent} size="xl" animated aria-label={t('companyImport.run.progressLabel')} />
      </Stack>
    )
  }
  if (view.status === 'failed') {
    return (
      <Alert color="red.9" variant="outline" role="alert" icon={<IconAlertTriangle aria-hidden="true" />}>
        {t('companyImport.run.failed', { reason: view.failure ?? '' })}
      </Alert>
    )
  }
  return (
    <Stack gap="lg">
      <Progress value={100} size="xl" aria-label={t('companyImport.run.progressLabel')} />
      <Title order={2} size="h3">
        {view.status === 'undone' ? t('companyImport.status.undone') : t('companyImport.run.done')}
      </Title>
      <Counts
        items={[
          { label: t('companyImport.run.created'), value: view.created },
          { label: t('companyImport.run.updated'), value: view.updated },
          { label: t('companyImport.run.unchanged'), value: view.unchanged },
          { label: t('companyImport.run.skipped'), value: new Set(view.errors.map((e) => e.row)).size },
        ]}
      />
      {view.undo ? (
        <Alert color="blue.9" variant="outline">
          {t('companyImport.run.undone', { deleted: view.undo.deleted, archived: view.undo.archived, restored: view.undo.restored })}
          {view.undo.conflicts.length > 0 ? (
            <>
              <Text mt="xs" fw={500}>
                {t('companyImport.run.conflicts')}
              </Text>
              <List size="sm">
                {view.undo.conflicts.map((c) => (
                  <List.Item key={c.companyId}>
                    {c.name} — {c.reason}
                  </List.Item>
                ))}
              </List>
            </>
          ) : null}
        </Alert>
      ) : null}
      <ErrorTable view={view} />
      <Group>
        <ButtonLink to="/companies" search={{ unitId: view.unitId }}>
          {t('companyImport.run.viewCompanies')}
        </ButtonLink>
        <Button variant="default" onClick={onRestart}>
          {t('companyImport.run.newImport')}
        </Button>
        {view.can.undo ? (
          <Button color="red.9" variant="outline" loading={undo.isPending} onClick={() => void askUndo()}>
            {t('companyImport.run.undo')}
          </Button>
        ) : null}
      </Group>
    </Stack>
  )
}
