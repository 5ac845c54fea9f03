import { NativeSelect, SimpleGrid, Stack, Text, TextInput } from '@mantine/core'
import { useForm, type UseFormReturnType } from '@mantine/form'
import { useTranslation } from 'react-i18next'
import { FormActions } from '../../../web/ui/form-actions'
import { contractResolver, showSubmitError } from '../../../web/ui/form-errors'
import { notifySuccess } from '../../../web/ui/notify'
import {
  REGION_CODES,
  UNIT_TYPES,
  type Unit,
  UnitCreateInput,
  UnitUpdateInput,
} from '../identity.contract'
import { useCreateUnit, useUpdateUnit } from './identity.queries'

/** What the inputs hold: text as typed, '' for "not chosen"; the contract turns it into the API shape. */
interface UnitFormValues extends Record<string, unknown> {
  type: string
  name: string
  code: string
  regionCode: string | null
  provinceCode: string
  email: string
  phone: string
  address: string
}

function valuesOf(unit: Unit | undefined): UnitFormValues {
  return {
    type: unit?.type ?? '',
    name: unit?.name ?? '',
    code: unit?.code ?? '',
    regionCode: unit?.regionCode ?? null,
    provinceCode: unit?.provinceCode ?? '',
    email: unit?.email ?? '',
    phone: unit?.phone ?? '',
    address: unit?.address ?? '',
  }
}

/** The parent is fixed by where the user clicked "new unit", so the form holds the other fields. */
const NewUnitFields = UnitCreateInput.omit({ parentId: true })

interface CreateUnitFormProps {
  parent: Unit
  onDone: (unit: Unit) => void
  onCancel: () => void
}

/** A new unit under `parent` (which the user must be allowed to add children to). */
export function CreateUnitForm({ parent, onDone, onCancel }: CreateUnitFormProps) {
  const { t } = useTranslation()
  const createUnit = useCreateUnit()
  const form = useForm<UnitFormValues>({
    initialValues: valuesOf(undefined),
    validate: contractResolver(NewUnitFields),
  })
  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) =>
        createUnit.mutate({ ...NewUnitFields.parse(values), parentId: parent.id }, {
          onSuccess: (unit) => {
            notifySuccess(t('network.form.created', { name: unit.name }))
            onDone(unit)
          },
          onError: (error) => showSubmitError(form, error),
        }),
      )}
    >
      <Stack gap="md">
        <Text size="sm">{t('network.form.parent', { name: parent.name })}</Text>
        <UnitFields form={form} />
        <FormActions
          submitLabel={t('network.form.create')}
          isPending={createUnit.isPending}
          onCancel={onCancel}
        />
      </Stack>
    </form>
  )
}

interface EditUnitFormProps {
  unit: Unit
  onDone: (unit: Unit) => void
  onCancel: () => void
}

/** Rename a unit and edit its contact details (moving it is a separate action). */
export function EditUnitForm({ unit, onDone, onCancel }: EditUnitFormProps) {
  const { t } = useTranslation()
  const updateUnit = useUpdateUnit(unit.id)
  const form = useForm<UnitFormValues>({
    initialValues: valuesOf(unit),
    validate: contractResolver(UnitUpdateInput),
  })
  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) =>
        updateUnit.mutate(UnitUpdateInput.parse(values), {
          onSuccess: (updated) => {
            notifySuccess(t('network.form.updated', { name: updated.name }))
            onDone(updated)
          },
          onError: (error) => showSubmitError(form, error),
        }),
      )}
    >
      <Stack gap="md">
        <UnitFields form={form} />
        <FormActions submitLabel={t('common.saveChanges')} isPending={updateUnit.isPending} onCancel={onCancel} />
      </Stack>
    </form>
  )
}

function UnitFields({ form: unitForm }: { form: UseFormReturnType<UnitFormValues> }) {
  const { t } = useTranslation()
  return (
    <Stack gap="md">
      <TextInput label={t('network.form.name')} required {...unitForm.getInputProps('name')} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t('network.form.code')}
          description={t('network.form.codeHint')}
          required
          {...unitForm.getInputProps('code')}
        />
        <NativeSelect
          label={t('network.form.type')}
          required
          data={[
            { value: '', label: t('common.choose') },
            ...UNIT_TYPES.map((type) => ({ value: type, label: t(`unitTypes.${type}`) })),
          ]}
          {...unitForm.getInputProps('type')}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <NativeSelect
          label={t('common.optional', { label: t('network.form.region') })}
          data={[
            { value: '', label: t('common.notSet') },
            ...REGION_CODES.map((code) => ({ value: code, label: t(`regions.${code}`) })),
          ]}
          value={unitForm.values.regionCode ?? ''}
          error={unitForm.errors.regionCode}
          // The contract wants null, not '', for "no region".
          onChange={(event) => unitForm.setFieldValue('regionCode', event.currentTarget.value || null)}
        />
        <TextInput
          label={t('common.optional', { label: t('network.form.province') })}
          description={t('network.form.provinceHint')}
          maxLength={2}
          {...unitForm.getInputProps('provinceCode')}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={t('common.optional', { label: t('network.form.email') })} type="email" {...unitForm.getInputProps('email')} />
        <TextInput label={t('common.optional', { label: t('network.form.phone') })} type="tel" {...unitForm.getInputProps('phone')} />
      </SimpleGrid>
      <TextInput label={t('common.optional', { label: t('network.form.address') })} {...unitForm.getInputProps('address')} />
    </Stack>
  )
}
