/**
 * Export and import of assessments on the hub's page (issue 4 "Exports"): a menu of downloads
 * (the EDIH reporting tool's spreadsheet, CSV and Excel with raw answers) that carries the list's
 * filters, and an import of the EDIH spreadsheet shape: a dry run first, row by row, then the real
 * import (all or nothing) once every row is right.
 */
import { Alert, Button, FileInput, List, Menu, Modal, NativeSelect, Stack, Table, Text, TextInput } from '@mantine/core'
import { IconChevronDown, IconDownload, IconFileSpreadsheet, IconUpload } from '@tabler/icons-react'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { api, isApiError } from '../../../web/api-client'
import { useFormat } from '../../../web/i18n/format'
import { notifySuccess } from '../../../web/ui/notify'
import { StatusBadge } from '../../../web/ui/status-badge'
import { canWorkWithCompanies, fileToBase64 } from '../../companies/web'
import { useMe } from '../../identity/web'
import {
  ASSESSMENT_STAGES,
  type AssessmentExportFormat,
  type AssessmentImportInput,
  type AssessmentImportReport,
  type AssessmentMode,
  type AssessmentStage,
  type AssessmentStatus,
  type DmaInstrumentId,
} from '../assessments.contract'

/** The list filters an export carries (those of GET /assessments). */
export interface AssessmentsTransferFilters {
  unitId?: string | undefined
  instrument?: DmaInstrumentId | undefined
  stage?: AssessmentStage | undefined
  status?: AssessmentStatus | undefined
  mode?: AssessmentMode | undefined
}

/** The download address of an export with the list's filters (empty ones left out). */
export function assessmentsExportHref(format: AssessmentExportFormat, filters: AssessmentsTransferFilters): string {
  const params = new URLSearchParams({ format })
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value)
  return `/api/assessments/export?${params.toString()}`
}

export function AssessmentsExportMenu({ filters }: { filters: AssessmentsTransferFilters }) {
  const { t } = useTranslation()
  const item = (format: AssessmentExportFormat, label: string, hint: string) => (
    <Menu.Item component="a" href={assessmentsExportHref(format, filters)} download leftSection={<IconFileSpreadsheet size={16} aria-hidden="true" />}>
      <Text size="sm">{label}</Text>
      <Text size="xs" c="dimmed">
        {hint}
      </Text>
    </Menu.Item>
  )
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="default" leftSection={<IconDownload size={16} aria-hidden="true" />} rightSection={<IconChevronDown size={14} aria-hidden="true" />}>
          {t('assessments.transfer.export')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('assessments.transfer.exportFiltered')}</Menu.Label>
        {item('edih', t('assessments.transfer.formats.edih'), filters.status ? t('assessments.transfer.hints.edihFiltered') : t('assessments.transfer.hints.edih'))}
        {item('csv', t('assessments.transfer.formats.csv'), t('assessments.transfer.hints.csv'))}
        {item('xlsx', t('assessments.transfer.formats.xlsx'), t('assessments.transfer.hints.xlsx'))}
      </Menu.Dropdown>
    </Menu>
  )
}

function today(): string {
  const now = new Date()
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`
}

function ImportReportTable({ report }: { report: AssessmentImportReport }) {
  const { t } = useTranslation()
  const format = useFormat()
  return (
    <Table.ScrollContainer minWidth={640} mah={360}>
      <Table striped stickyHeader>
        <Table.Caption>{t('assessments.transfer.import.tableCaption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('assessments.transfer.import.columns.row')}</Table.Th>
            <Table.Th scope="col">{t('assessments.transfer.import.columns.name')}</Table.Th>
            <Table.Th scope="col">{t('assessments.transfer.import.columns.company')}</Table.Th>
            <Table.Th scope="col">{t('assessments.transfer.import.columns.score')}</Table.Th>
            <Table.Th scope="col">{t('assessments.transfer.import.columns.outcome')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {report.rows.map((row) => (
            <Table.Tr key={`${row.sheet}-${row.row}`}>
              <Table.Td>
                <Text size="sm">{row.row}</Text>
                <Text size="xs" c="dimmed">
                  {row.instrument === 'eu-dma-pso' ? 'PSO' : 'SME'}
                </Text>
              </Table.Td>
              <Table.Td>{row.name || '—'}</Table.Td>
              <Table.Td>{row.company ? `${row.company.name} (${row.company.vatNumber})` : '—'}</Table.Td>
              <Table.Td>{row.overall === null ? '—' : format.number(row.overall, { maximumFractionDigits: 1 })}</Table.Td>
              <Table.Td>
                {row.outcome === 'create' ? (
                  <StatusBadge tone="positive">{t(report.applied ? 'assessments.transfer.import.outcome.created' : 'assessments.transfer.import.outcome.create')}</StatusBadge>
                ) : (
                  <Stack gap={4}>
                    <StatusBadge tone="negative">{t('assessments.transfer.import.outcome.error')}</StatusBadge>
                    <List size="xs" spacing={2}>
                      {row.errors.map((error) => (
                        <List.Item key={`${error.code}-${error.column ?? ''}`}>{error.message}</List.Item>
                      ))}
                    </List>
                  </Stack>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}

/** The import entry point; shown only to those who work on the registry (the server decides each row). */
export function AssessmentsImportButton({ unitId }: { unitId?: string | undefined }) {
  const me = useMe()
  return canWorkWithCompanies(me) ? <AssessmentsImportDialog unitId={unitId} /> : null
}

function AssessmentsImportDialog({ unitId }: { unitId?: string | undefined }) {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const [opened, setOpened] = useState(false)
  const [file, setFile] = useState<File | null>(null)
  const [stage, setStage] = useState<AssessmentStage>('T0')
  const [assessedOn, setAssessedOn] = useState(today)
  const [report, setReport] = useState<AssessmentImportReport | null>(null)

  const run = useMutation({
    mutationFn: async (dryRun: boolean) => {
      if (!file) throw new Error('no file')
      const body: AssessmentImportInput = { fileName: file.name, content: await fileToBase64(file), stage, assessedOn, dryRun, ...(unitId ? { unitId } : {}) }
      return api.post<AssessmentImportReport>('/api/assessments/imports', body)
    },
    onSuccess: (result) => {
      setReport(result)
      if (result.applied) {
        notifySuccess(t('assessments.transfer.import.done', { count: result.created }))
        void queryClient.invalidateQueries({ queryKey: ['assessments'] })
      }
    },
  })

  const close = () => {
    setOpened(false)
    setFile(null)
    setReport(null)
    run.reset()
  }
  // Any change of the inputs asks for a new preview.
  const changed = () => {
    setReport(null)
    run.reset()
  }
  const error = run.error ? (isApiError(run.error) && run.error.code !== 'NETWORK' ? run.error.message : t('failure.network')) : null
  const canImport = report !== null && report.dryRun && report.errorRows === 0 && report.created > 0

  return (
    <>
      <Button variant="default" leftSection={<IconUpload size={16} aria-hidden="true" />} onClick={() => setOpened(true)}>
        {t('assessments.transfer.import.open')}
      </Button>
      <Modal opened={opened} onClose={close} title={t('assessments.transfer.import.title')} size="xl">
        <Stack>
          <Text size="sm">{t('assessments.transfer.import.intro')}</Text>
          <FileInput
            label={t('assessments.transfer.import.file')}
            description={t('assessments.transfer.import.fileHint')}
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            value={file}
            onChange={(next) => {
              setFile(next)
              changed()
            }}
            clearable
            clearButtonProps={{ 'aria-label': t('assessments.transfer.import.clearFile') }}
            required
          />
          <NativeSelect
            label={t('assessments.fields.stage')}
            value={stage}
            data={ASSESSMENT_STAGES.map((s) => ({ value: s, label: t(`assessments.stages.${s}`) }))}
            onChange={(event) => {
              setStage(event.currentTarget.value as AssessmentStage)
              changed()
            }}
          />
          <TextInput
            type="date"
            label={t('assessments.transfer.import.assessedOn')}
            value={assessedOn}
            max={today()}
            required
            onChange={(event) => {
              setAssessedOn(event.currentTarget.value)
              changed()
            }}
          />
          {error ? (
            <Alert role="alert" color="red.9" variant="outline" title={t('assessments.transfer.import.failed')}>
              {error}
            </Alert>
          ) : null}
          {report ? (
            <>
              <Alert
                role="status"
                color={report.errorRows > 0 ? 'red.9' : 'teal.9'}
                variant="outline"
                title={
                  report.applied
                    ? t('assessments.transfer.import.appliedTitle', { count: report.created })
                    : t('assessments.transfer.import.previewTitle', { total: report.total, create: report.created, errors: report.errorRows })
                }
              >
                {report.applied
                  ? t('assessments.transfer.import.appliedText')
                  : report.errorRows > 0
                    ? t('assessments.transfer.import.fixErrors')
                    : report.total === 0
                      ? t('assessments.transfer.import.empty')
                      : t('assessments.transfer.import.ready')}
              </Alert>
              {report.rows.length > 0 ? <ImportReportTable report={report} /> : null}
            </>
          ) : null}
          <Stack gap="xs" align="flex-end">
            {report?.applied ? (
              <Button onClick={close}>{t('assessments.transfer.import.close')}</Button>
            ) : canImport ? (
              <Button onClick={() => run.mutate(false)} loading={run.isPending} disabled={run.isPending}>
                {t('assessments.transfer.import.confirm', { count: report.created })}
              </Button>
            ) : (
              <Button onClick={() => run.mutate(true)} loading={run.isPending} disabled={!file || !assessedOn || run.isPending}>
                {t('assessments.transfer.import.preview')}
              </Button>
            )}
          </Stack>
        </Stack>
      </Modal>
    </>
  )
}
