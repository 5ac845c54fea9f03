import { Button, Group } from '@mantine/core'
import { useTranslation } from 'react-i18next'

interface FormActionsProps {
  submitLabel: string
  isPending: boolean
  onCancel?: () => void
}

/** The buttons at the foot of a form: cancel (if it can be left) and the named submit. */
export function FormActions({ submitLabel, isPending, onCancel }: FormActionsProps) {
  const { t } = useTranslation()
  return (
    <Group justify="flex-end" mt="sm">
      {onCancel ? (
        <Button variant="default" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      ) : null}
      <Button type="submit" loading={isPending}>
        {submitLabel}
      </Button>
    </Group>
  )
}
