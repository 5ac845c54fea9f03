import { NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useTranslation } from 'react-i18next'
import { FormActions } from '../../../web/ui/form-actions'
import { contractResolver, showSubmitError } from '../../../web/ui/form-errors'
import { notifySuccess } from '../../../web/ui/notify'
import { type FollowUp, FollowUpUpdateInput } from '../interactions.contract'
import { usePeopleOptions, useUpdateFollowUp } from './interactions.queries'

interface FollowUpEditValues extends Record<string, unknown> {
  title: string
  dueOn: string
  assigneeId: string
}

const resolve = contractResolver(FollowUpUpdateInput)

/** Reschedule or reassign a follow-up (the server checks the new assignee reads the company's unit). */
export function FollowUpEditForm({ followUp, onDone, onCancel }: { followUp: FollowUp; onDone: () => void; onCancel: () => void }) {
  const { t } = useTranslation()
  const people = usePeopleOptions(followUp.companyId)
  const update = useUpdateFollowUp(followUp.id)
  const form = useForm<FollowUpEditValues>({
    mode: 'controlled',
    initialValues: { title: followUp.title, dueOn: followUp.dueOn, assigneeId: followUp.assignee.id },
    validate: (values) => resolve(values),
  })
  const assignees = (people.data ?? []).filter((o) => o.type === 'user').map((o) => ({ value: o.value.slice('user:'.length), label: o.label }))
  if (!assignees.some((a) => a.value === followUp.assignee.id)) assignees.unshift({ value: followUp.assignee.id, label: followUp.assignee.name })

  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) =>
        update.mutate(values, {
          onSuccess: () => {
            notifySuccess(t('interactions.followUps.updated'))
            onDone()
          },
          onError: (error) => showSubmitError(form, error),
        }),
      )}
    >
      <Stack gap="md">
        <TextInput label={t('interactions.fields.followUpTitle')} withAsterisk maxLength={200} {...form.getInputProps('title')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput type="date" label={t('interactions.fields.dueOn')} withAsterisk {...form.getInputProps('dueOn')} />
          <NativeSelect label={t('interactions.fields.assignee')} data={assignees} withAsterisk {...form.getInputProps('assigneeId')} />
        </SimpleGrid>
        <FormActions submitLabel={t('interactions.form.save')} isPending={update.isPending} onCancel={onCancel} />
      </Stack>
    </form>
  )
}
