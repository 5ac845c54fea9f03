import { Button, Group } from '@mantine/core'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

interface FilterBarProps {
  label: string
  children: ReactNode
  /** Shown when some filter is set. */
  onClear?: () => void
}

/** The search and filter inputs above a list, as a labelled search landmark (a div: a form would submit on Enter). */
export function FilterBar({ label, children, onClear }: FilterBarProps) {
  const { t } = useTranslation()
  return (
    <Group role="search" aria-label={label} align="flex-end" gap="sm" mb="md" wrap="wrap">
      {children}
      {onClear ? (
        <Button variant="subtle" onClick={onClear}>
          {t('common.clearFilters')}
        </Button>
      ) : null}
    </Group>
  )
}
