import { Group } from '@mantine/core'
import { IconArrowLeft } from '@tabler/icons-react'
import { useNavigate } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import { isApiError } from '../../../web/api-client'
import { EmptyState } from '../../../web/ui/empty-state'
import { LoadingState } from '../../../web/ui/loading-state'
import { PageHeader } from '../../../web/ui/page-header'
import { QueryError } from '../../../web/ui/query-error'
import { AnchorLink } from '../../../web/ui/router-links'
import { useCompany } from './companies.queries'
import { CompanyForm } from './company-form'

/** `/companies/new`: a new company, then its page. */
export function CompanyCreatePage() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  return (
    <>
      <PageHeader
        title={t('companies.form.newTitle')}
        back={
          <AnchorLink to="/companies" size="sm">
            <Group gap={4} component="span">
              <IconArrowLeft size={14} aria-hidden="true" />
              {t('companies.detail.back')}
            </Group>
          </AnchorLink>
        }
      />
      <CompanyForm
        onDone={(company) => void navigate({ to: '/companies/$companyId', params: { companyId: company.id } })}
        onCancel={() => void navigate({ to: '/companies' })}
      />
    </>
  )
}

/** `/companies/$companyId/edit`: the company's data, then back to its page. */
export function CompanyEditPage({ companyId }: { companyId: string }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const company = useCompany(companyId)
  const toDetail = () => void navigate({ to: '/companies/$companyId', params: { companyId } })
  const back = (
    <AnchorLink to="/companies/$companyId" params={{ companyId }} size="sm">
      <Group gap={4} component="span">
        <IconArrowLeft size={14} aria-hidden="true" />
        {t('companies.form.backToCompany')}
      </Group>
    </AnchorLink>
  )

  if (company.isPending) return <LoadingState />
  if (isApiError(company.error, 'NOT_FOUND')) {
    return (
      <>
        <PageHeader title={t('companies.detail.notFound')} back={back} />
        <EmptyState title={t('companies.detail.notFound')} description={t('companies.detail.notFoundHint')} />
      </>
    )
  }
  if (company.error) {
    return (
      <>
        <PageHeader title={t('companies.title')} back={back} />
        <QueryError error={company.error} onRetry={() => void company.refetch()} />
      </>
    )
  }
  if (!company.data.can.update) {
    return (
      <>
        <PageHeader title={company.data.name} back={back} />
        <EmptyState title={t('companies.form.cannotEdit')} description={t('companies.form.cannotEditHint')} />
      </>
    )
  }
  return (
    <>
      <PageHeader title={t('companies.form.editTitle', { name: company.data.name })} back={back} />
      <CompanyForm key={company.data.id} company={company.data} onDone={toDetail} onCancel={toDetail} />
    </>
  )
}
