import { NativeSelect, Stack, Text } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useTranslation } from 'react-i18next'
import { FormActions } from '../../../web/ui/form-actions'
import { contractResolver, showSubmitError } from '../../../web/ui/form-errors'
import { notifySuccess } from '../../../web/ui/notify'
import { type Unit, UnitUpdateInput } from '../identity.contract'
import { useUpdateUnit } from './identity.queries'
import { moveTargets } from './unit-tree'

/** Moving is an update of `parentId` only; the contract makes it optional, here it is the point. */
const MoveFields = UnitUpdateInput.pick({ parentId: true }).required()

interface MoveUnitFormProps {
  unit: Unit
  units: Unit[]
  onDone: (unit: Unit) => void
  onCancel: () => void
}

/**
 * Gives a unit a new parent. Its own subtree is not offered (the server refuses a cycle too,
 * but the user should not be offered a choice that cannot work).
 */
export function MoveUnitForm({ unit, units, onDone, onCancel }: MoveUnitFormProps) {
  const { t } = useTranslation()
  const updateUnit = useUpdateUnit(unit.id)
  const targets = moveTargets(units, unit.id).filter((target) => target.id !== unit.parentId)
  const form = useForm({
    initialValues: { parentId: '' },
    validate: contractResolver(MoveFields),
  })
  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) =>
        updateUnit.mutate(MoveFields.parse(values), {
          onSuccess: (moved) => {
            notifySuccess(t('network.move.done', { name: moved.name }))
            onDone(moved)
          },
          onError: (error) => showSubmitError(form, error),
        }),
      )}
    >
      <Stack gap="md">
        <Text size="sm">{t('network.move.hint')}</Text>
        <NativeSelect
          label={t('network.move.parent')}
          required
          data={[
            { value: '', label: t('common.choose') },
            ...targets.map((target) => ({ value: target.id, label: `${target.name} (${target.code})` })),
          ]}
          {...form.getInputProps('parentId')}
        />
        <FormActions submitLabel={t('network.move.submit')} isPending={updateUnit.isPending} onCancel={onCancel} />
      </Stack>
    </form>
  )
}
