import { Alert, Group, List, Text } from '@mantine/core'
import { IconCopy } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { AnchorLink } from '../../../web/ui/router-links'
import type { Company } from '../companies.contract'
import { useCompanyDuplicates } from './company-duplicates.queries'
import { useReasonLabel } from './duplicates-page'

/**
 * "Possibile duplicato di …" on a company's page, with a link to the merge screen for each
 * candidate. Shown to those who can change the company; nothing when there is no candidate (or the
 * check fails: it is a hint, not the page's content).
 */
export function CompanyDuplicateNotice({ company }: { company: Company }) {
  const { t } = useTranslation()
  const reasonLabel = useReasonLabel()
  const enabled = company.can.update && company.archivedAt === null
  const duplicates = useCompanyDuplicates(company.id, { enabled })
  const items = duplicates.data?.items ?? []
  if (!enabled || items.length === 0) return null
  return (
    <Alert color="blue.9" variant="outline" icon={<IconCopy size={18} aria-hidden="true" />} title={t('companyDuplicates.notice.title')} mb="lg">
      <Text size="sm" mb={6}>
        {t('companyDuplicates.notice.text', { count: items.length })}
      </Text>
      <List spacing={6} size="sm">
        {items.map((match) => (
          <List.Item key={match.company.id}>
            <Group gap="xs" wrap="wrap">
              <AnchorLink to="/companies/$companyId" params={{ companyId: match.company.id }} fw={600}>
                {match.company.name}
              </AnchorLink>
              <Text span size="sm" c="dimmed">
                ({match.company.unitName}) — {match.reasons.map(reasonLabel).join('; ')}
              </Text>
              {match.company.can.update ? (
                <AnchorLink
                  to="/companies/merge"
                  search={{ survivor: company.id, merged: match.company.id }}
                  aria-label={t('companyDuplicates.notice.reviewLabel', { name: match.company.name })}
                >
                  {t('companyDuplicates.notice.review')}
                </AnchorLink>
              ) : null}
            </Group>
          </List.Item>
        ))}
      </List>
    </Alert>
  )
}
