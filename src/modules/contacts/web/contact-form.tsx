import { Checkbox, Fieldset, NativeSelect, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core'
import { useForm, type UseFormReturnType } from '@mantine/form'
import { useTranslation } from 'react-i18next'
import { FormActions } from '../../../web/ui/form-actions'
import { contractResolver, showSubmitError } from '../../../web/ui/form-errors'
import { LoadingState } from '../../../web/ui/loading-state'
import { notifySuccess } from '../../../web/ui/notify'
import { QueryError } from '../../../web/ui/query-error'
import type { Unit } from '../../identity/identity.contract'
import { useMe, useUnits } from '../../identity/web'
import {
  CONTACT_ROLES,
  type Contact,
  ContactCreateInput,
  type ContactRole,
  ContactUpdateInput,
  LAWFUL_BASES,
  type LawfulBasis,
} from '../contacts.contract'
import { useCreateContact, useUpdateContact } from './contacts.queries'

interface ContactFormValues extends Record<string, unknown> {
  firstName: string
  lastName: string
  email: string
  phone: string
  jobTitle: string
  notes: string
  lawfulBasis: LawfulBasis
  unitId: string
  role: ContactRole
  isPrimary: boolean
}

/** The company a new contact is created for (the "new contact" button of a company page). */
export interface ContactFormCompany {
  id: string
  name: string
  unitId: string
}

interface ContactFormProps {
  /** The contact to edit; a new one when absent. */
  contact?: Contact
  /** For a new contact: link it to this company at once (role chosen in the form). */
  company?: ContactFormCompany
  onDone: (contact: Contact) => void
  onCancel: () => void
}

function valuesOf(contact: Contact | undefined, unitId: string): ContactFormValues {
  return {
    firstName: contact?.firstName ?? '',
    lastName: contact?.lastName ?? '',
    email: contact?.email ?? '',
    phone: contact?.phone ?? '',
    jobTitle: contact?.jobTitle ?? '',
    notes: contact?.notes ?? '',
    lawfulBasis: contact?.lawfulBasis ?? 'legitimate_interest',
    unitId: contact?.unitId ?? unitId,
    role: 'referente',
    isPrimary: false,
  }
}

function toCreateInput(values: ContactFormValues, company: ContactFormCompany | undefined): Record<string, unknown> {
  const { role, isPrimary, ...fields } = values
  return company ? { ...fields, company: { companyId: company.id, role, isPrimary } } : fields
}

function toUpdateInput(values: ContactFormValues): Record<string, unknown> {
  const { role: _r, isPrimary: _p, ...fields } = values
  return fields
}

export function ContactForm({ contact, company, onDone, onCancel }: ContactFormProps) {
  return contact ? (
    <EditContactForm contact={contact} onDone={onDone} onCancel={onCancel} />
  ) : (
    <CreateContactForm company={company} onDone={onDone} onCancel={onCancel} />
  )
}

function CreateContactForm({ company, onDone, onCancel }: Omit<ContactFormProps, 'contact'>) {
  const units = useUnits()
  if (units.isPending) return <LoadingState />
  if (units.error) return <QueryError error={units.error} onRetry={() => void units.refetch()} />
  return <CreateContactFormBody units={units.data.filter((unit) => unit.archivedAt === null)} company={company} onDone={onDone} onCancel={onCancel} />
}

/** A new contact starts in the company's unit, else the user's own unit among those offered. */
function defaultUnitIdOf(units: Pick<Unit, 'id'>[], ownUnitIds: string[], company: ContactFormCompany | undefined): string {
  if (company) return company.unitId
  const own = ownUnitIds.find((unitId) => units.some((unit) => unit.id === unitId))
  if (own) return own
  return units.length === 1 && units[0] ? units[0].id : ''
}

function CreateContactFormBody({ units, company, onDone, onCancel }: Omit<ContactFormProps, 'contact'> & { units: Unit[] }) {
  const { t } = useTranslation()
  const me = useMe()
  const create = useCreateContact()
  const resolve = contractResolver(ContactCreateInput)
  const form = useForm<ContactFormValues>({
    initialValues: valuesOf(undefined, defaultUnitIdOf(units, me.memberships.map((m) => m.unitId), company)),
    validate: (values) => resolve(toCreateInput(values, company)),
    validateInputOnBlur: ['email'],
  })
  const offered = company && !units.some((unit) => unit.id === company.unitId) ? [{ id: company.unitId, name: company.name }, ...units] : units
  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) =>
        create.mutate(ContactCreateInput.parse(toCreateInput(values, company)), {
          onSuccess: (created) => {
            notifySuccess(t('contacts.form.created', { name: `${created.firstName} ${created.lastName}` }))
            onDone(created)
          },
          onError: (error) => showSubmitError(form, error),
        }),
      )}
    >
      <Stack gap="lg">
        <ContactFields form={form} units={offered} />
        {company ? (
          <Fieldset legend={t('contacts.form.linkSection')}>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput label={t('contacts.fields.company')} value={company.name} readOnly variant="filled" />
              <NativeSelect
                label={t('contacts.fields.role')}
                data={CONTACT_ROLES.map((role) => ({ value: role, label: t(`contacts.roles.${role}`) }))}
                {...form.getInputProps('role')}
              />
            </SimpleGrid>
            <Checkbox mt="md" label={t('contacts.fields.isPrimary')} {...form.getInputProps('isPrimary', { type: 'checkbox' })} />
          </Fieldset>
        ) : null}
        <FormActions submitLabel={t('contacts.form.create')} isPending={create.isPending} onCancel={onCancel} />
      </Stack>
    </form>
  )
}

function EditContactForm({ contact, onDone, onCancel }: Required<Pick<ContactFormProps, 'contact' | 'onDone' | 'onCancel'>>) {
  const { t } = useTranslation()
  const units = (useUnits().data ?? []).filter((unit) => unit.archivedAt === null)
  const update = useUpdateContact(contact.id)
  const resolve = contractResolver(ContactUpdateInput)
  const form = useForm<ContactFormValues>({
    initialValues: valuesOf(contact, contact.unitId),
    validate: (values) => resolve(toUpdateInput(values)),
    validateInputOnBlur: ['email'],
  })
  const owningUnits = units.some((unit) => unit.id === contact.unitId) ? units : [{ id: contact.unitId, name: contact.unitName }, ...units]
  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) =>
        update.mutate(ContactUpdateInput.parse(toUpdateInput(values)), {
          onSuccess: (updated) => {
            notifySuccess(t('contacts.form.updated', { name: `${updated.firstName} ${updated.lastName}` }))
            onDone(updated)
          },
          onError: (error) => showSubmitError(form, error),
        }),
      )}
    >
      <Stack gap="lg">
        <ContactFields form={form} units={owningUnits} />
        <FormActions submitLabel={t('common.saveChanges')} isPending={update.isPending} onCancel={onCancel} />
      </Stack>
    </form>
  )
}

function ContactFields({ form, units }: { form: UseFormReturnType<ContactFormValues>; units: Pick<Unit, 'id' | 'name'>[] }) {
  const { t } = useTranslation()
  const optional = (label: string) => t('common.optional', { label })
  return (
    <Fieldset legend={t('contacts.detail.person')}>
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('contacts.fields.firstName')} required autoComplete="off" {...form.getInputProps('firstName')} />
          <TextInput label={t('contacts.fields.lastName')} required autoComplete="off" {...form.getInputProps('lastName')} />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={optional(t('contacts.fields.email'))} type="email" autoComplete="off" {...form.getInputProps('email')} />
          <TextInput label={optional(t('contacts.fields.phone'))} type="tel" autoComplete="off" {...form.getInputProps('phone')} />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={optional(t('contacts.fields.jobTitle'))} autoComplete="off" {...form.getInputProps('jobTitle')} />
          <NativeSelect
            label={t('contacts.fields.unit')}
            required
            data={[{ value: '', label: t('common.notSet'), disabled: true }, ...units.map((unit) => ({ value: unit.id, label: unit.name }))]}
            {...form.getInputProps('unitId')}
          />
        </SimpleGrid>
        <NativeSelect
          label={t('contacts.fields.lawfulBasis')}
          description={t('contacts.form.lawfulBasisHint')}
          data={LAWFUL_BASES.map((basis) => ({ value: basis, label: t(`contacts.lawfulBases.${basis}`) }))}
          {...form.getInputProps('lawfulBasis')}
        />
        <Textarea label={optional(t('contacts.fields.notes'))} autosize minRows={3} {...form.getInputProps('notes')} />
      </Stack>
    </Fieldset>
  )
}
