/**
 * Editing a project (staff, while it is planned or active): title, description, the roadmap items
 * it carries out, budget and dates (PATCH /projects/{id}) and, in the same form, its status with the
 * outcome and the expert's rating (POST /projects/{id}/transition). Validated by the contract's
 * schemas; the server's refusals land on their fields in the user's language. Lowering the budget
 * and closing the project (completing or cancelling it) are confirmed first.
 */
import { Checkbox, NativeSelect, NumberInput, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core'
import { useForm, type UseFormReturnType } from '@mantine/form'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { isApiError } from '../../../web/api-client'
import { useFormat } from '../../../web/i18n/format'
import { i18n } from '../../../web/i18n/i18n'
import { confirmAction } from '../../../web/ui/confirm'
import { FormActions } from '../../../web/ui/form-actions'
import { contractResolver, showSubmitError } from '../../../web/ui/form-errors'
import { notifySuccess } from '../../../web/ui/notify'
import type { RoadmapRecordItem } from '../../roadmaps/roadmaps.contract'
import {
  ProjectTransitionInput,
  ProjectUpdateInput,
  type Milestone,
  type Project,
  type ProjectStatus,
  type RoadmapItemRef,
} from '../projects.contract'
import { useCompanyRoadmapItems, useTransitionProject, useUpdateMilestone, useUpdateProject } from './projects.queries'

type NextStatus = ProjectTransitionInput['status']

/** The statuses a project may move to from each status (the server's TRANSITIONS). */
export const NEXT_STATUSES: Record<ProjectStatus, readonly NextStatus[]> = {
  planned: ['active', 'cancelled'],
  active: ['completed', 'cancelled'],
  completed: [],
  cancelled: [],
}

export interface ProjectFormValues extends Record<string, unknown> {
  title: string
  description: string
  /** NumberInput: a number, or '' while empty. */
  budgetDays: number | string
  startsOn: string
  endsOn: string
  /** Keys of the chosen roadmap items (see `refKey`). */
  roadmapItems: string[]
  /** '' keeps the current status. */
  status: '' | NextStatus
  outcome: string
  expertRating: string
}

/** One roadmap item the form offers, keyed so that a ref of the current roadmap and a stored ref meet. */
interface ItemOption {
  key: string
  label: string
  ref: RoadmapItemRef
}

export function refKey(ref: RoadmapItemRef): string {
  return ref.roadmapId && ref.itemId ? `${ref.roadmapId}:${ref.itemId}` : `action:${ref.actionId ?? ''}:${ref.title}`
}

/**
 * What the form offers: the open items of the company's current roadmap, plus whatever the project
 * already carries (an item of an older roadmap, an action named by hand, a finished item).
 */
export function itemOptions(project: Project, roadmap: { id: string; items: RoadmapRecordItem[] } | null, locale: 'it' | 'en'): ItemOption[] {
  const chosen = new Set(project.roadmapItems.map(refKey))
  const options: ItemOption[] = []
  for (const item of roadmap?.items ?? []) {
    const ref: RoadmapItemRef = { roadmapId: roadmap?.id, itemId: item.id, actionId: item.actionId, title: item.title.it }
    const open = item.status !== 'done' && item.status !== 'dropped'
    if (open || chosen.has(refKey(ref))) options.push({ key: refKey(ref), label: `${item.title[locale]} · ${item.dimension}`, ref })
  }
  const offered = new Set(options.map((o) => o.key))
  for (const ref of project.roadmapItems) if (!offered.has(refKey(ref))) options.push({ key: refKey(ref), label: ref.title, ref })
  // What the project carries comes first (the list scrolls), the rest in the roadmap's order.
  return [...options.filter((o) => chosen.has(o.key)), ...options.filter((o) => !chosen.has(o.key))]
}

export function initialValues(project: Project, status: '' | NextStatus = ''): ProjectFormValues {
  return {
    title: project.title,
    description: project.description ?? '',
    budgetDays: project.budgetDays,
    startsOn: project.startsOn ?? '',
    endsOn: project.endsOn ?? '',
    roadmapItems: project.roadmapItems.map(refKey),
    status,
    outcome: project.outcome ?? '',
    expertRating: '',
  }
}

function numberOrText(value: number | string): number | string | undefined {
  if (typeof value === 'number') return value
  const text = value.trim().replace(',', '.')
  return text === '' ? undefined : Number.isFinite(Number(text)) ? Number(text) : text
}

function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((key) => b.includes(key))
}

/** Only what changed goes to the server: an unchanged budget is not re-checked, the audit shows the real change. */
export function projectChanges(project: Project, values: ProjectFormValues, options: readonly ItemOption[]): Record<string, unknown> {
  const patch: Record<string, unknown> = {}
  if (values.title.trim() !== project.title) patch.title = values.title
  const description = values.description.trim() === '' ? null : values.description
  if ((description?.trim() ?? null) !== (project.description ?? null)) patch.description = description
  const budget = numberOrText(values.budgetDays)
  if (budget !== project.budgetDays) patch.budgetDays = budget
  if ((values.startsOn || null) !== project.startsOn) patch.startsOn = values.startsOn || null
  if ((values.endsOn || null) !== project.endsOn) patch.endsOn = values.endsOn || null
  if (!sameKeys(values.roadmapItems, project.roadmapItems.map(refKey))) {
    patch.roadmapItems = options.filter((o) => values.roadmapItems.includes(o.key)).map((o) => o.ref)
  }
  return patch
}

function transitionOf(values: ProjectFormValues): Record<string, unknown> {
  return {
    status: values.status,
    outcome: values.outcome.trim() === '' ? null : values.outcome,
    ...(values.status === 'completed' && values.expertRating ? { expertRating: Number(values.expertRating) } : {}),
  }
}

const resolveUpdate = contractResolver(ProjectUpdateInput)
const resolveTransition = contractResolver(ProjectTransitionInput)

/** The contract's schemas, plus what the server would refuse and the browser already knows. */
function validator(project: Project, options: () => readonly ItemOption[]) {
  return (values: ProjectFormValues): Record<string, string> => {
    const errors: Record<string, string> = { ...resolveUpdate(projectChanges(project, values, options())) } as Record<string, string>
    if (values.status) Object.assign(errors, resolveTransition(transitionOf(values)))
    if (values.budgetDays === '' && !errors.budgetDays) errors.budgetDays = i18n.t('validation.required')
    const budget = numberOrText(values.budgetDays)
    if (!errors.budgetDays && typeof budget === 'number' && budget < project.loggedDays) {
      errors.budgetDays = i18n.t('projectBudgetBelowLogged', { ns: 'errors', logged: new Intl.NumberFormat(i18n.resolvedLanguage === 'en' ? 'en-GB' : 'it-IT').format(project.loggedDays) })
    }
    if (values.startsOn && values.endsOn && values.endsOn < values.startsOn && !errors.endsOn) errors.endsOn = i18n.t('projectEndsBeforeStart', { ns: 'errors' })
    if (values.status === 'active' && !project.expert) errors.status = i18n.t('projectNoExpert', { ns: 'errors' })
    return errors
  }
}

/** Server refusals without a field of their own, placed on the field they are about. */
const FIELD_OF_CONFLICT: Record<string, 'budgetDays' | 'status'> = {
  'errors.projectBudgetBelowLogged': 'budgetDays',
  'errors.projectNoExpert': 'status',
  'errors.projectTransitionInvalid': 'status',
}

function showProjectError(form: UseFormReturnType<ProjectFormValues>, error: unknown) {
  const field = isApiError(error) ? FIELD_OF_CONFLICT[error.messageKey] : undefined
  if (field && isApiError(error)) form.setFieldError(field, error.message)
  else showSubmitError(form, error)
}

/** After a refused submit the first field in error takes the focus (a screen reader reads it with its message). */
function useFocusFirstError() {
  const formRef = useRef<HTMLFormElement>(null)
  const [request, setRequest] = useState(0)
  useEffect(() => {
    if (request > 0) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus()
  }, [request])
  return { formRef, focusFirstError: () => setRequest((count) => count + 1) }
}

interface ProjectEditFormProps {
  project: Project
  /** Preselected status change (the "Concludi" button opens the form with 'completed'). */
  initialStatus?: '' | NextStatus
  onDone: () => void
  onCancel: () => void
}

export function ProjectEditForm({ project, initialStatus = '', onDone, onCancel }: ProjectEditFormProps) {
  const { t } = useTranslation()
  const format = useFormat()
  const roadmap = useCompanyRoadmapItems(project.companyId).data ?? null
  const options = itemOptions(project, roadmap, format.locale)
  const optionsRef = useRef(options)
  optionsRef.current = options
  const update = useUpdateProject(project.id)
  const transition = useTransitionProject(project.id)
  const { formRef, focusFirstError } = useFocusFirstError()
  const form = useForm<ProjectFormValues>({
    initialValues: initialValues(project, initialStatus),
    validate: validator(project, () => optionsRef.current),
    validateInputOnBlur: ['budgetDays', 'endsOn'],
  })
  const [saving, setSaving] = useState(false)
  const days = (value: number) => format.number(value, { maximumFractionDigits: 3 })
  const values = form.getValues()
  const nextStatuses = NEXT_STATUSES[project.status]

  const submit = async (values: ProjectFormValues) => {
    const patch = projectChanges(project, values, options)
    const closing = values.status === 'completed' || values.status === 'cancelled'
    const lowering = typeof patch.budgetDays === 'number' && patch.budgetDays < project.budgetDays
    if (Object.keys(patch).length === 0 && !values.status) {
      notifySuccess(t('projects.edit.nothingChanged'))
      onDone()
      return
    }
    if (lowering || closing) {
      const reasons = [
        lowering ? t('projects.edit.lowerBudgetConfirm', { from: days(project.budgetDays), to: days(patch.budgetDays as number), logged: days(project.loggedDays) }) : null,
        values.status === 'completed' ? t('projects.edit.completeConfirm') : null,
        values.status === 'cancelled' ? t('projects.edit.cancelConfirm') : null,
      ].filter(Boolean)
      const ok = await confirmAction({
        title: closing ? t(values.status === 'completed' ? 'projects.edit.completeTitle' : 'projects.edit.cancelTitle') : t('projects.edit.lowerBudgetTitle'),
        message: reasons.join(' '),
        confirmLabel: closing ? t(values.status === 'completed' ? 'projects.edit.completeAction' : 'projects.edit.cancelAction') : t('projects.edit.lowerBudgetAction'),
        danger: closing,
      })
      if (!ok) return
    }
    setSaving(true)
    try {
      if (Object.keys(patch).length > 0) await update.mutateAsync(patch as ProjectUpdateInput)
      if (values.status) await transition.mutateAsync(transitionOf(values) as ProjectTransitionInput)
      notifySuccess(values.status ? t(`projects.edit.saved.${values.status}`) : t('projects.edit.saved.details'))
      onDone()
    } catch (error) {
      showProjectError(form, error)
      focusFirstError()
    } finally {
      setSaving(false)
    }
  }

  const itemsError = form.errors.roadmapItems ?? Object.entries(form.errors).find(([path]) => path.startsWith('roadmapItems.'))?.[1]
  return (
    <form ref={formRef} noValidate aria-label={t('projects.edit.title')} onSubmit={form.onSubmit((v) => void submit(v), focusFirstError)}>
      <Stack>
        <TextInput label={t('projects.fields.title')} required {...form.getInputProps('title')} />
        <Textarea label={t('projects.fields.description')} autosize minRows={2} {...form.getInputProps('description')} />
        {options.length > 0 && (
          <Checkbox.Group label={t('projects.create.roadmapItems')} description={t('projects.edit.roadmapItemsHint')} error={itemsError} {...form.getInputProps('roadmapItems')}>
            <Stack gap={6} mt="xs" mah={200} style={{ overflowY: 'auto' }}>
              {options.map((o) => (
                <Checkbox key={o.key} value={o.key} label={o.label} />
              ))}
            </Stack>
          </Checkbox.Group>
        )}
        <NumberInput
          label={t('projects.fields.budget')}
          description={project.loggedDays > 0 ? t('projects.edit.budgetHint', { logged: days(project.loggedDays) }) : undefined}
          min={0.5}
          step={0.5}
          decimalSeparator={format.locale === 'it' ? ',' : '.'}
          required
          {...form.getInputProps('budgetDays')}
         
        />
        <SimpleGrid cols={{ base: 1, xs: 2 }}>
          <TextInput type="date" label={t('projects.fields.startsOn')} {...form.getInputProps('startsOn')} />
          <TextInput type="date" label={t('projects.fields.endsOn')} {...form.getInputProps('endsOn')} />
        </SimpleGrid>
        {project.can.transition && nextStatuses.length > 0 && (
          <NativeSelect
            label={t('projects.fields.status')}
            data={[
              { value: '', label: t('projects.edit.keepStatus', { status: t(`projects.statuses.${project.status}`) }) },
              ...nextStatuses.map((s) => ({ value: s, label: t(`projects.edit.to.${s}`) })),
            ]}
            {...form.getInputProps('status')}
           
          />
        )}
        {(values.status === 'completed' || values.status === 'cancelled') && (
          <>
            <Textarea label={t('projects.fields.outcome')} description={t('projects.edit.outcomeHint')} autosize minRows={3} {...form.getInputProps('outcome')} />
            {values.status === 'completed' && (
              <NativeSelect
                label={t('projects.fields.rating')}
                description={t('projects.edit.ratingHint')}
                data={[{ value: '', label: t('projects.edit.noRating') }, ...['1', '2', '3', '4', '5'].map((v) => ({ value: v, label: v }))]}
                {...form.getInputProps('expertRating')}
               
              />
            )}
          </>
        )}
        {values.status === 'cancelled' && project.loggedDays > 0 && (
          <Text size="sm" c="dimmed">
            {t('projects.edit.cancelLoggedHint', { logged: days(project.loggedDays) })}
          </Text>
        )}
        <FormActions submitLabel={values.status ? t(`projects.edit.submit.${values.status}`) : t('projects.edit.submit.details')} isPending={saving} onCancel={onCancel} />
      </Stack>
    </form>
  )
}

/** A milestone's title and due date (its done box sits in the list). */
export function MilestoneEditForm({ projectId, milestone, onDone }: { projectId: string; milestone: Milestone; onDone: () => void }) {
  const { t } = useTranslation()
  const update = useUpdateMilestone(projectId)
  const form = useForm({
    initialValues: { title: milestone.title, dueOn: milestone.dueOn ?? '' },
    validate: (values) => {
      const errors: Record<string, string> = {}
      if (values.title.trim() === '') errors.title = i18n.t('validation.required')
      return errors
    },
  })
  return (
    <form
      noValidate
      aria-label={t('projects.milestones.editTitle', { title: milestone.title })}
      onSubmit={form.onSubmit((values) =>
        update.mutate(
          { milestoneId: milestone.id, input: { title: values.title.trim(), dueOn: values.dueOn || null } },
          {
            onSuccess: () => {
              notifySuccess(t('projects.milestones.saved'))
              onDone()
            },
            onError: (error) => showSubmitError(form, error),
          },
        ),
      )}
    >
      <Stack>
        <TextInput label={t('projects.milestones.titleField')} required {...form.getInputProps('title')} />
        <TextInput type="date" label={t('projects.milestones.due')} {...form.getInputProps('dueOn')} />
        <FormActions submitLabel={t('projects.milestones.save')} isPending={update.isPending} onCancel={onDone} />
      </Stack>
    </form>
  )
}
