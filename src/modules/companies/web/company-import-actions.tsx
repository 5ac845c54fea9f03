import { Button, Menu } from '@mantine/core'
import { IconChevronDown, IconDownload, IconUpload } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { ButtonLink } from '../../../web/ui/router-links'
import type { CompanyFilters } from './companies.queries'
import { exportUrl } from './company-import-queries'

/** "Importa" (the import wizard) and "Esporta" (the list as filtered now, CSV or XLSX) for the companies list. */
export function CompanyImportExportActions({ filters }: { filters: CompanyFilters }) {
  const { t } = useTranslation()
  return (
    <>
      <Menu position="bottom-end">
        <Menu.Target>
          <Button variant="default" leftSection={<IconDownload size={16} aria-hidden="true" />} rightSection={<IconChevronDown size={14} aria-hidden="true" />} aria-label={t('companyImport.export.menuLabel')}>
            {t('companyImport.export.button')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item component="a" href={exportUrl(filters, 'csv')} download>
            {t('companyImport.export.csv')}
          </Menu.Item>
          <Menu.Item component="a" href={exportUrl(filters, 'xlsx')} download>
            {t('companyImport.export.xlsx')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <ButtonLink to="/companies/import" search={{ id: undefined }} variant="default" leftSection={<IconUpload size={16} aria-hidden="true" />}>
        {t('companyImport.button')}
      </ButtonLink>
    </>
  )
}
