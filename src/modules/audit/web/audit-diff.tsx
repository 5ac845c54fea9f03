import { Code, Table, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useOptionalLabel } from '../../../web/i18n/optional-label'
import type { AuditEntry } from '../audit.contract'

/** A value as it was stored: text as is, absent as "(empty)", anything structured as JSON. */
function DiffValue({ value }: { value: unknown }) {
  const { t } = useTranslation()
  if (value === null || value === undefined || value === '') {
    return (
      <Text span size="sm" c="dimmed" fs="italic">
        {t('audit.diff.empty')}
      </Text>
    )
  }
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return <Text span size="sm" style={{ wordBreak: 'break-word' }}>{String(value)}</Text>
  }
  return <Code block>{JSON.stringify(value, null, 2)}</Code>
}

/** The fields an entry changed, each with its value before and after. */
export function AuditDiff({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation()
  const label = useOptionalLabel()
  if (entry.changedFields.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('audit.diff.noChanges')}
      </Text>
    )
  }
  return (
    <Table withTableBorder withColumnBorders verticalSpacing="xs" bg="var(--mantine-color-body)">
      <caption style={{ captionSide: 'top', textAlign: 'start', padding: '0 0 var(--mantine-spacing-xs)' }}>
        <Text span size="sm" fw={600}>
          {t('audit.diff.caption')}
        </Text>
      </caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('audit.diff.field')}</Table.Th>
          <Table.Th scope="col">{t('audit.diff.before')}</Table.Th>
          <Table.Th scope="col">{t('audit.diff.after')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {entry.changedFields.map((field) => (
          <Table.Tr key={field}>
            <Table.Th scope="row" fw={500}>
              {label(`audit.fields.${field}`, field)}
            </Table.Th>
            <Table.Td>
              <DiffValue value={entry.before?.[field]} />
            </Table.Td>
            <Table.Td>
              <DiffValue value={entry.after?.[field]} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}
