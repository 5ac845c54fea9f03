import { Checkbox, Fieldset, MultiSelect, NativeSelect, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useTranslation } from 'react-i18next'
import { FormActions } from '../../../web/ui/form-actions'
import { contractResolver, showSubmitError } from '../../../web/ui/form-errors'
import { notifySuccess } from '../../../web/ui/notify'
import { useMe } from '../../identity/web'
import {
  INTERACTION_KINDS,
  InteractionCreateInput,
  type Interaction,
  type InteractionKind,
  type ParticipantRef,
} from '../interactions.contract'
import { isInteractionKind } from './interaction-kinds'
import { useCreateInteraction, usePeopleOptions, useUpdateInteraction } from './interactions.queries'

/** What the inputs hold; `toInput` turns it into the contract's shape. */
interface InteractionFormValues extends Record<string, unknown> {
  kind: InteractionKind
  /** `datetime-local` value, in the browser's time zone. */
  occurredAt: string
  subject: string
  body: string
  /** `user:<id>` or `contact:<id>`. */
  participants: string[]
  withFollowUp: boolean
  followUpTitle: string
  followUpDueOn: string
  followUpAssigneeId: string
}

const pad = (n: number) => String(n).padStart(2, '0')

/** An instant as a `datetime-local` value in the browser's time zone. */
export function toLocalInput(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`
}

/** A `datetime-local` value (browser time zone) as ISO 8601; '' stays '' so validation reports it. */
function fromLocalInput(value: string): string {
  const date = new Date(value)
  return value && !Number.isNaN(date.getTime()) ? date.toISOString() : ''
}

/** Tomorrow as `YYYY-MM-DD` in the browser's time zone: the default due date of a follow-up. */
export function tomorrow(now = new Date()): string {
  const d = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1)
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
}

function toParticipants(values: readonly string[]): ParticipantRef[] {
  return values.flatMap((value) => {
    const [type, id] = value.split(':')
    return (type === 'user' || type === 'contact') && id ? [{ type, id }] : []
  })
}

function toInput(values: InteractionFormValues, where: { companyId?: string; unitId?: string }): InteractionCreateInput {
  return {
    ...where,
    kind: values.kind,
    occurredAt: fromLocalInput(values.occurredAt),
    subject: values.subject,
    body: values.body.trim() === '' ? null : values.body,
    participants: toParticipants(values.participants),
    followUp: values.withFollowUp
      ? { title: values.followUpTitle, dueOn: values.followUpDueOn, assigneeId: values.followUpAssigneeId }
      : undefined,
  }
}

/** The contract without the placement (the form does not show it; the page gives it). */
const resolveFields = contractResolver(InteractionCreateInput.omit({ companyId: true, unitId: true }))

/** Contract paths → the inputs that show them. */
const FIELD_OF: Record<string, string> = {
  'followUp.title': 'followUpTitle',
  'followUp.dueOn': 'followUpDueOn',
  'followUp.assigneeId': 'followUpAssigneeId',
}
const fieldOf = (path: string) => FIELD_OF[path] ?? (path.startsWith('participants') ? 'participants' : path)

interface InteractionFormProps {
  /** Where the interaction is recorded: a company, or (without one) a unit. */
  where: { companyId?: string; unitId?: string }
  /** Set when editing. */
  interaction?: Interaction
  /** A contact to list as participant of a new interaction (the contact page's timeline). */
  defaultParticipant?: string
  onDone: () => void
  onCancel: () => void
}

/** "Registra attività": kind, date and time, subject, notes, participants and an optional follow-up. */
export function InteractionForm({ where, interaction, defaultParticipant, onDone, onCancel }: InteractionFormProps) {
  const { t } = useTranslation()
  const me = useMe()
  const people = usePeopleOptions(where.companyId ?? null)
  const create = useCreateInteraction()
  const update = useUpdateInteraction(interaction?.id ?? '')
  const isEdit = interaction !== undefined

  const form = useForm<InteractionFormValues>({
    mode: 'controlled',
    initialValues: {
      kind: interaction && isInteractionKind(interaction.kind) ? interaction.kind : 'call',
      occurredAt: toLocalInput(interaction ? new Date(interaction.occurredAt) : new Date()),
      subject: interaction?.subject ?? '',
      body: interaction?.body ?? '',
      participants: interaction
        ? interaction.participants.map((p) => `${p.type}:${p.id}`)
        : defaultParticipant
          ? [defaultParticipant]
          : [],
      withFollowUp: false,
      followUpTitle: '',
      followUpDueOn: tomorrow(),
      followUpAssigneeId: me.id,
    },
    validate: (values) => {
      const errors = resolveFields(toInput(values, {}))
      return Object.fromEntries(Object.entries(errors).map(([path, message]) => [fieldOf(path), message]))
    },
  })

  const options = people.data ?? []
  // Participants already on the entry stay selectable even if the lists no longer offer them.
  const known = new Set(options.map((o) => o.value))
  const extra = (interaction?.participants ?? [])
    .filter((p) => !known.has(`${p.type}:${p.id}`))
    .map((p) => ({ value: `${p.type}:${p.id}`, label: p.name, type: p.type }))
  const all = [...options, ...extra]
  const participantData = [
    { group: t('interactions.form.staffGroup'), items: all.filter((o) => o.type === 'user').map(({ value, label }) => ({ value, label })) },
    { group: t('interactions.form.contactsGroup'), items: all.filter((o) => o.type === 'contact').map(({ value, label }) => ({ value, label })) },
  ].filter((g) => g.items.length > 0)
  const assignees = options.filter((o) => o.type === 'user').map((o) => ({ value: o.value.slice('user:'.length), label: o.label }))
  if (!assignees.some((a) => a.value === me.id)) assignees.unshift({ value: me.id, label: me.name })

  const onSubmit = form.onSubmit((values) => {
    const input = toInput(values, where)
    const handlers = {
      onSuccess: () => {
        notifySuccess(isEdit ? t('interactions.form.updated') : t('interactions.form.created'))
        onDone()
      },
      onError: (error: unknown) => {
        showSubmitError(form, error)
      },
    }
    if (isEdit) {
      const { companyId: _c, unitId: _u, followUp: _f, ...changes } = input
      update.mutate(changes, handlers)
    } else {
      create.mutate(input, handlers)
    }
  })

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect
            label={t('interactions.fields.kind')}
            data={INTERACTION_KINDS.map((kind) => ({ value: kind, label: t(`interactions.kinds.${kind}`) }))}
            withAsterisk
            {...form.getInputProps('kind')}
          />
          <TextInput type="datetime-local" label={t('interactions.fields.occurredAt')} withAsterisk {...form.getInputProps('occurredAt')} />
        </SimpleGrid>
        <TextInput label={t('interactions.fields.subject')} placeholder={t('interactions.form.subjectPlaceholder')} withAsterisk maxLength={200} {...form.getInputProps('subject')} />
        <Textarea label={t('interactions.fields.body')} autosize minRows={3} maxRows={10} {...form.getInputProps('body')} />
        <MultiSelect
          label={t('interactions.fields.participants')}
          description={t('interactions.form.participantsHint')}
          data={participantData}
          searchable
          clearable
          nothingFoundMessage={t('interactions.form.nobodyFound')}
          {...form.getInputProps('participants')}
        />
        {isEdit ? null : (
          <Fieldset legend={t('interactions.form.followUpLegend')} variant="filled">
            <Stack gap="sm">
              <Checkbox label={t('interactions.form.withFollowUp')} {...form.getInputProps('withFollowUp', { type: 'checkbox' })} />
              {form.getValues().withFollowUp ? (
                <>
                  <TextInput label={t('interactions.fields.followUpTitle')} placeholder={t('interactions.form.followUpPlaceholder')} withAsterisk maxLength={200} {...form.getInputProps('followUpTitle')} />
                  <SimpleGrid cols={{ base: 1, sm: 2 }}>
                    <TextInput type="date" label={t('interactions.fields.dueOn')} withAsterisk {...form.getInputProps('followUpDueOn')} />
                    <NativeSelect label={t('interactions.fields.assignee')} data={assignees} withAsterisk {...form.getInputProps('followUpAssigneeId')} />
                  </SimpleGrid>
                </>
              ) : null}
            </Stack>
          </Fieldset>
        )}
        <FormActions
          submitLabel={isEdit ? t('interactions.form.save') : t('interactions.form.submit')}
          isPending={create.isPending || update.isPending}
          onCancel={onCancel}
        />
      </Stack>
    </form>
  )
}
