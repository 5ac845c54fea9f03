import { Button, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useFormat } from '../../../web/i18n/format'
import { DataTable } from '../../../web/ui/data-table'
import { EmptyState } from '../../../web/ui/empty-state'
import { StatusBadge, type BadgeTone } from '../../../web/ui/status-badge'
import type { CompanyImportList, ImportStatus } from '../companies.contract'
import { useCompanyImports } from './company-import-queries'

type ImportItem = CompanyImportList['items'][number]

const STATUS_TONES: Record<ImportStatus, BadgeTone> = {
  uploaded: 'neutral',
  validating: 'info',
  validated: 'info',
  importing: 'accent',
  done: 'positive',
  failed: 'negative',
  undone: 'neutral',
}

/** Past imports of the user's units (the server scopes them), newest first; each opens in the wizard. */
export function CompanyImportHistory({ onOpen }: { onOpen: (importId: string) => void }) {
  const { t } = useTranslation()
  const format = useFormat()
  const imports = useCompanyImports()
  return (
    <>
      <Title order={2} size="h3" mb="sm">
        {t('companyImport.history.title')}
      </Title>
      <DataTable<ImportItem>
        caption={t('companyImport.history.caption')}
        columns={[
          { id: 'file', header: t('companyImport.history.file'), cell: (i) => i.fileName },
          { id: 'unit', header: t('companyImport.history.unit'), cell: (i) => i.unitName },
          { id: 'when', header: t('companyImport.history.when'), cell: (i) => format.dateTime(i.createdAt) },
          { id: 'by', header: t('companyImport.history.by'), cell: (i) => i.createdByName ?? '—' },
          { id: 'status', header: t('companyImport.history.status'), cell: (i) => <StatusBadge tone={STATUS_TONES[i.status]}>{t(`companyImport.status.${i.status}`)}</StatusBadge> },
          {
            id: 'result',
            header: t('companyImport.history.result'),
            // Counts of a dry run are a forecast, not a result.
            cell: (i) => (i.status !== 'done' && i.status !== 'undone' ? '—' : t('companyImport.history.resultText', { created: i.created, updated: i.updated, errors: i.errorCount })),
          },
          {
            id: 'open',
            header: t('companyImport.history.open'),
            cell: (i) => (
              <Button size="xs" variant="default" aria-label={t('companyImport.history.openLabel', { fileName: i.fileName })} onClick={() => onOpen(i.id)}>
                {t('companyImport.history.open')}
              </Button>
            ),
          },
        ]}
        rows={imports.data ?? []}
        rowKey={(i) => i.id}
        isLoading={imports.isPending}
        error={imports.error}
        onRetry={() => void imports.refetch()}
        empty={<EmptyState title={t('companyImport.history.empty')} />}
        minWidth={760}
      />
    </>
  )
}
