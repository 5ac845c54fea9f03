import { List } from '@mantine/core'
import { Navigate } from '@tanstack/react-router'
import { IconBuildingFactory2 } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { EmptyState } from '../../../web/ui/empty-state'
import { LoadingState } from '../../../web/ui/loading-state'
import { PageHeader } from '../../../web/ui/page-header'
import { QueryError } from '../../../web/ui/query-error'
import { AnchorLink } from '../../../web/ui/router-links'
import { useCompanyList } from './companies.queries'

/**
 * `/my-company`: where a company member lands ("La mia azienda"). The server lists exactly the
 * companies linked to them: one opens directly, several are listed, none is explained.
 */
export function MyCompanyPage() {
  const { t } = useTranslation()
  const companies = useCompanyList({})
  if (companies.isPending) return <LoadingState />
  const header = <PageHeader title={t('companyDuplicates.myCompany.title')} />
  if (companies.error) {
    return (
      <>
        {header}
        <QueryError error={companies.error} onRetry={() => void companies.refetch()} />
      </>
    )
  }
  const [only] = companies.rows
  if (companies.rows.length === 1 && only) return <Navigate to="/companies/$companyId" params={{ companyId: only.id }} replace />
  return (
    <>
      {header}
      {companies.rows.length === 0 ? (
        <EmptyState
          title={t('companyDuplicates.myCompany.empty')}
          description={t('companyDuplicates.myCompany.emptyHint')}
          icon={<IconBuildingFactory2 aria-hidden="true" />}
        />
      ) : (
        <List aria-label={t('companyDuplicates.myCompany.choose')} spacing="sm">
          {companies.rows.map((company) => (
            <List.Item key={company.id}>
              <AnchorLink to="/companies/$companyId" params={{ companyId: company.id }}>
                {company.name}
              </AnchorLink>
            </List.Item>
          ))}
        </List>
      )}
    </>
  )
}
