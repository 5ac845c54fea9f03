import { NativeSelect, Stack, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useTranslation } from 'react-i18next'
import { FormActions } from '../../../web/ui/form-actions'
import { contractResolver, showSubmitError } from '../../../web/ui/form-errors'
import { notifySuccess } from '../../../web/ui/notify'
import { InvitationCreateInput, ROLES, type Unit } from '../identity.contract'
import { useCreateInvitation, useMe } from './identity.queries'
import { buildUnitTree, type UnitNode } from './unit-tree'

interface InvitationFormProps {
  /** Units the user can see; only those they may invite into (update rights, not archived) are offered. */
  units: Unit[]
  /** Preselected unit, e.g. when inviting from the network page. */
  unitId?: string
  onDone: () => void
  onCancel: () => void
}

/** Units in tree order (parents before children), so the flat select still reads as the network. */
function inTreeOrder(nodes: UnitNode[]): Unit[] {
  return nodes.flatMap((node) => [node.unit, ...inTreeOrder(node.children)])
}

export function InvitationForm({ units, unitId, onDone, onCancel }: InvitationFormProps) {
  const { t } = useTranslation()
  const me = useMe()
  const createInvitation = useCreateInvitation()
  // Only a network administrator can make another one; others are not offered the role.
  const roles = ROLES.filter((role) => role !== 'network_admin' || me.isNetworkAdmin)
  const invitable = inTreeOrder(buildUnitTree(units)).filter((unit) => unit.can.update && unit.archivedAt === null)
  const form = useForm({
    initialValues: { email: '', unitId: unitId ?? '', role: '' },
    validate: contractResolver(InvitationCreateInput),
  })

  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) => {
        const input = InvitationCreateInput.parse(values)
        createInvitation.mutate(input, {
          onSuccess: () => {
            notifySuccess(t('invitations.form.sent', { email: input.email }))
            onDone()
          },
          onError: (error) => showSubmitError(form, error),
        })
      })}
    >
      <Stack gap="md">
        <TextInput
          label={t('invitations.form.email')}
          type="email"
          autoComplete="off"
          required
          data-autofocus
          {...form.getInputProps('email')}
        />
        <NativeSelect
          label={t('invitations.form.unit')}
          required
          data={[
            { value: '', label: t('common.choose') },
            ...invitable.map((unit) => ({ value: unit.id, label: unit.name })),
          ]}
          {...form.getInputProps('unitId')}
        />
        <NativeSelect
          label={t('invitations.form.role')}
          required
          data={[
            { value: '', label: t('common.choose') },
            ...roles.map((role) => ({ value: role, label: t(`roles.${role}`) })),
          ]}
          {...form.getInputProps('role')}
        />
        <FormActions
          submitLabel={t('invitations.form.submit')}
          isPending={createInvitation.isPending}
          onCancel={onCancel}
        />
      </Stack>
    </form>
  )
}
