import {
  Checkbox,
  Fieldset,
  NativeSelect,
  NumberInput,
  SimpleGrid,
  Stack,
  TagsInput,
  Textarea,
  TextInput,
} from '@mantine/core'
import { useForm, type UseFormReturnType } from '@mantine/form'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useFormat } from '../../../web/i18n/format'
import { i18n } from '../../../web/i18n/i18n'
import { FormActions } from '../../../web/ui/form-actions'
import { contractResolver, showSubmitError } from '../../../web/ui/form-errors'
import { LoadingState } from '../../../web/ui/loading-state'
import { notifySuccess } from '../../../web/ui/notify'
import { QueryError } from '../../../web/ui/query-error'
import type { Unit } from '../../identity/identity.contract'
import { useMe, useUnits } from '../../identity/web'
import { ComuneField, comuneLabel } from '../../territory/web'
import {
  ATECO_CODE_PATTERN,
  type AtecoEdition,
  atecoSectionOf,
  type Company,
  COMPANY_SIZES,
  CompanyCreateInput,
  CompanyUpdateInput,
  COOPERATIVE_FORMS,
  LEGAL_FORMS,
  type LegalForm,
} from '../companies.contract'
import { useCreateCompany, useUpdateCompany } from './companies.queries'
import { useAtecoSectionLabel } from './company-labels'
import { CustomFieldsFieldset, customFieldsInput } from './custom-field-inputs'

/**
 * What the inputs hold: text as typed, '' for "not chosen" or an empty number box. `toInput` turns
 * it into the shape the contract checks (null for the empty ones), for validation and for sending.
 */
interface CompanyFormValues extends Record<string, unknown> {
  name: string
  vatNumber: string
  taxCode: string
  legalForm: string
  isCooperative: boolean
  /** Not edited here: kept so that saving does not turn a 2025 code into a 2007 one. */
  atecoEdition: AtecoEdition
  atecoCode: string
  foundingYear: number | string
  employees: number | string
  turnover: number | string
  balanceSheetTotal: number | string
  sizeOverride: string
  address: string
  comuneIstat: string
  website: string
  pec: string
  email: string
  phone: string
  unitId: string
  tags: string[]
  description: string
  notes: string
  /** Custom field key → value as the inputs hold it (custom-field-inputs.tsx). */
  customFields: Record<string, unknown>
}

function isLegalForm(value: string): value is LegalForm {
  return (LEGAL_FORMS as readonly string[]).includes(value)
}

/** NumberInput gives a number, or a string while empty (''); anything else is left for zod to reject. */
function numberOrNull(value: number | string): number | string | null {
  if (typeof value === 'number') return value
  return value.trim() === '' ? null : value
}

function toInput(values: CompanyFormValues): Record<string, unknown> {
  return {
    ...values,
    legalForm: values.legalForm === '' ? null : values.legalForm,
    sizeOverride: values.sizeOverride === '' ? null : values.sizeOverride,
    foundingYear: numberOrNull(values.foundingYear),
    employees: numberOrNull(values.employees),
    turnover: numberOrNull(values.turnover),
    balanceSheetTotal: numberOrNull(values.balanceSheetTotal),
    customFields: customFieldsInput(values.customFields),
  }
}

function valuesOf(company: Company | undefined, defaultUnitId: string): CompanyFormValues {
  return {
    name: company?.name ?? '',
    vatNumber: company?.vatNumber ?? '',
    taxCode: company?.taxCode ?? '',
    legalForm: company?.legalForm ?? '',
    isCooperative: company?.isCooperative ?? false,
    atecoEdition: company?.atecoEdition ?? '2007',
    atecoCode: company?.atecoCode ?? '',
    foundingYear: company?.foundingYear ?? '',
    employees: company?.employees ?? '',
    turnover: company?.turnover ?? '',
    balanceSheetTotal: company?.balanceSheetTotal ?? '',
    sizeOverride: company?.sizeOverride ?? '',
    address: company?.address ?? '',
    comuneIstat: company?.comune?.istatCode ?? '',
    website: company?.website ?? '',
    pec: company?.pec ?? '',
    email: company?.email ?? '',
    phone: company?.phone ?? '',
    unitId: company?.unitId ?? defaultUnitId,
    tags: company?.tags ?? [],
    description: company?.description ?? '',
    notes: company?.notes ?? '',
    customFields: { ...(company?.customFields ?? {}) },
  }
}

/**
 * The contract's schema checks the form. One exception: an empty partita IVA reads "required"
 * rather than the contract's format message, which is meant for a wrong number, not a missing one.
 */
function companyResolver(schema: typeof CompanyCreateInput | typeof CompanyUpdateInput) {
  const resolve = contractResolver(schema)
  return (values: CompanyFormValues) => {
    const errors = resolve(toInput(values))
    if (values.vatNumber.trim() === '') errors.vatNumber = i18n.t('validation.required')
    return errors
  }
}

/**
 * After a refused submit the first field in error gets the focus: in a form this long the message
 * may be a screen away, and a screen reader then reads the field with its error (WCAG 3.3.1).
 * The request is state, so the focus moves once the errors (and their aria-invalid) are rendered.
 */
function useFocusFirstError() {
  const formRef = useRef<HTMLFormElement>(null)
  const [request, setRequest] = useState(0)
  useEffect(() => {
    if (request > 0) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus()
  }, [request])
  return { formRef, focusFirstError: () => setRequest((count) => count + 1) }
}

/** Identifiers are checked as soon as the user leaves the field, not only on submit. */
const VALIDATE_ON_BLUR = ['vatNumber', 'taxCode', 'atecoCode', 'foundingYear', 'pec', 'email']

interface CompanyFormProps {
  /** The company to edit; a new one when absent. */
  company?: Company
  onDone: (company: Company) => void
  onCancel: () => void
}

export function CompanyForm({ company, onDone, onCancel }: CompanyFormProps) {
  return company ? (
    <EditCompanyForm company={company} onDone={onDone} onCancel={onCancel} />
  ) : (
    <CreateCompanyForm onDone={onDone} onCancel={onCancel} />
  )
}

/** The unit a new company starts in: the user's own unit when they have one among those offered. */
function defaultUnitIdOf(units: Unit[], ownUnitIds: string[]): string {
  const own = ownUnitIds.find((unitId) => units.some((unit) => unit.id === unitId))
  if (own) return own
  return units.length === 1 && units[0] ? units[0].id : ''
}

function CreateCompanyForm({ onDone, onCancel }: Omit<CompanyFormProps, 'company'>) {
  const units = useUnits()
  // The form starts once the units are known, so the user's own unit can be preselected.
  if (units.isPending) return <LoadingState />
  if (units.error) return <QueryError error={units.error} onRetry={() => void units.refetch()} />
  return <CreateCompanyFormBody units={units.data.filter(isOpen)} onDone={onDone} onCancel={onCancel} />
}

function CreateCompanyFormBody({ units, onDone, onCancel }: Omit<CompanyFormProps, 'company'> & { units: Unit[] }) {
  const { t } = useTranslation()
  const me = useMe()
  const createCompany = useCreateCompany()
  const { formRef, focusFirstError } = useFocusFirstError()
  const form = useForm<CompanyFormValues>({
    initialValues: valuesOf(undefined, defaultUnitIdOf(units, me.memberships.map((membership) => membership.unitId))),
    validate: companyResolver(CompanyCreateInput),
    validateInputOnBlur: VALIDATE_ON_BLUR,
  })
  return (
    <form
      ref={formRef}
      noValidate
      onSubmit={form.onSubmit(
        (values) =>
          createCompany.mutate(CompanyCreateInput.parse(toInput(values)), {
            onSuccess: (created) => {
              notifySuccess(t('companies.form.created', { name: created.name }))
              onDone(created)
            },
            onError: (error) => {
              showSubmitError(form, error)
              focusFirstError()
            },
          }),
        () => focusFirstError(),
      )}
    >
      <Stack gap="lg">
        <CompanyFields form={form} units={units} />
        <FormActions submitLabel={t('companies.form.create')} isPending={createCompany.isPending} onCancel={onCancel} />
      </Stack>
    </form>
  )
}

function EditCompanyForm({ company, onDone, onCancel }: Required<CompanyFormProps>) {
  const { t } = useTranslation()
  const units = (useUnits().data ?? []).filter(isOpen)
  const updateCompany = useUpdateCompany(company.id)
  const { formRef, focusFirstError } = useFocusFirstError()
  const form = useForm<CompanyFormValues>({
    initialValues: valuesOf(company, company.unitId),
    validate: companyResolver(CompanyUpdateInput),
    validateInputOnBlur: VALIDATE_ON_BLUR,
  })
  // The company's unit stays selectable even when the user sees it only through a share.
  const owningUnits = units.some((unit) => unit.id === company.unitId)
    ? units
    : [{ id: company.unitId, name: company.unitName }, ...units]
  return (
    <form
      ref={formRef}
      noValidate
      onSubmit={form.onSubmit(
        (values) =>
          updateCompany.mutate(CompanyUpdateInput.parse(toInput(values)), {
            onSuccess: (updated) => {
              notifySuccess(t('companies.form.updated', { name: updated.name }))
              onDone(updated)
            },
            onError: (error) => {
              showSubmitError(form, error)
              focusFirstError()
            },
          }),
        () => focusFirstError(),
      )}
    >
      <Stack gap="lg">
        <CompanyFields form={form} units={owningUnits} company={company} />
        <FormActions submitLabel={t('common.saveChanges')} isPending={updateCompany.isPending} onCancel={onCancel} />
      </Stack>
    </form>
  )
}

/** Units that can own a company: those the user sees and that are not archived (the server has the last word). */
function isOpen(unit: Unit): boolean {
  return unit.archivedAt === null
}

interface CompanyFieldsProps {
  form: UseFormReturnType<CompanyFormValues>
  units: Pick<Unit, 'id' | 'name'>[]
  company?: Company
}

function CompanyFields({ form, units, company }: CompanyFieldsProps) {
  const { t } = useTranslation()
  const format = useFormat()
  const sectionLabel = useAtecoSectionLabel()
  const optional = (label: string) => t('common.optional', { label })
  const isCooperativeForm = isLegalForm(form.values.legalForm) && COOPERATIVE_FORMS.has(form.values.legalForm)
  // Italian writes 1.234.567,89; British English 1,234,567.89.
  const separators =
    format.locale === 'it'
      ? { thousandSeparator: '.', decimalSeparator: ',' }
      : { thousandSeparator: ',', decimalSeparator: '.' }

  const atecoCode = form.values.atecoCode.trim()
  const atecoSection =
    form.values.atecoEdition === '2007' && ATECO_CODE_PATTERN.test(atecoCode) ? atecoSectionOf(atecoCode) : null
  const atecoHelp = atecoSection
    ? t('companies.form.atecoSection', { code: atecoSection, label: sectionLabel(atecoSection) })
    : t('companies.form.atecoHint')

  const sizeDerived = company
    ? company.sizeDerived
      ? t(`companies.sizes.${company.sizeDerived}`)
      : t('companies.form.sizeDerivedUnknown')
    : t('companies.form.sizeDerivedPending')

  return (
    <>
      <Fieldset legend={t('companies.form.sections.identity')}>
        <Stack gap="md">
          <TextInput label={t('companies.fields.name')} required autoComplete="off" {...form.getInputProps('name')} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('companies.fields.vatNumber')}
              description={t('companies.form.vatNumberHint')}
              required
              autoComplete="off"
              inputMode="numeric"
              {...form.getInputProps('vatNumber')}
            />
            <TextInput
              label={optional(t('companies.fields.taxCode'))}
              description={t('companies.form.taxCodeHint')}
              autoComplete="off"
              {...form.getInputProps('taxCode')}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NativeSelect
              label={optional(t('companies.fields.legalForm'))}
              data={[
                { value: '', label: t('common.notSet') },
                ...LEGAL_FORMS.map((legalForm) => ({ value: legalForm, label: t(`companies.legalForms.${legalForm}`) })),
              ]}
              {...form.getInputProps('legalForm')}
              onChange={(event) => {
                const legalForm = event.currentTarget.value
                form.setFieldValue('legalForm', legalForm)
                // A società cooperativa is a cooperative by definition; other forms leave the flag as set.
                if (isLegalForm(legalForm) && COOPERATIVE_FORMS.has(legalForm)) form.setFieldValue('isCooperative', true)
              }}
            />
            <Checkbox
              label={t('companies.fields.isCooperative')}
              description={isCooperativeForm ? t('companies.form.cooperativeByForm') : undefined}
              disabled={isCooperativeForm}
              mt={{ base: 0, sm: 'xl' }}
              {...form.getInputProps('isCooperative', { type: 'checkbox' })}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={optional(t('companies.fields.atecoCode'))}
              description={atecoHelp}
              autoComplete="off"
              {...form.getInputProps('atecoCode')}
            />
            <NumberInput
              label={optional(t('companies.fields.foundingYear'))}
              allowDecimal={false}
              allowNegative={false}
              hideControls
              {...form.getInputProps('foundingYear')}
            />
          </SimpleGrid>
        </Stack>
      </Fieldset>

      <Fieldset legend={t('companies.form.sections.size')}>
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <NumberInput
              label={optional(t('companies.fields.employees'))}
              allowDecimal={false}
              allowNegative={false}
              hideControls
              thousandSeparator={separators.thousandSeparator}
              decimalSeparator={separators.decimalSeparator}
              {...form.getInputProps('employees')}
            />
            <NumberInput
              label={optional(t('companies.fields.turnover'))}
              decimalScale={2}
              allowNegative={false}
              hideControls
              {...separators}
              {...form.getInputProps('turnover')}
            />
            <NumberInput
              label={optional(t('companies.fields.balanceSheetTotal'))}
              decimalScale={2}
              allowNegative={false}
              hideControls
              {...separators}
              {...form.getInputProps('balanceSheetTotal')}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('companies.fields.sizeDerived')}
              description={t('companies.form.sizeDerivedHint')}
              value={sizeDerived}
              readOnly
              variant="filled"
            />
            <NativeSelect
              label={t('companies.fields.sizeOverride')}
              description={t('companies.form.sizeOverrideHint')}
              data={[
                { value: '', label: t('companies.form.sizeAutomatic') },
                ...COMPANY_SIZES.map((size) => ({ value: size, label: t(`companies.sizes.${size}`) })),
              ]}
              {...form.getInputProps('sizeOverride')}
            />
          </SimpleGrid>
        </Stack>
      </Fieldset>

      <Fieldset legend={t('companies.form.sections.place')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={optional(t('companies.fields.address'))} autoComplete="off" {...form.getInputProps('address')} />
          <ComuneField
            label={optional(t('companies.fields.comune'))}
            description={t('companies.form.comuneHint')}
            value={form.values.comuneIstat}
            initialLabel={company?.comune ? comuneLabel(company.comune) : undefined}
            onChange={(istatCode) => form.setFieldValue('comuneIstat', istatCode)}
            error={form.errors.comuneIstat}
          />
        </SimpleGrid>
      </Fieldset>

      <Fieldset legend={t('companies.form.sections.contacts')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={optional(t('companies.fields.website'))} type="url" autoComplete="off" {...form.getInputProps('website')} />
          <TextInput label={optional(t('companies.fields.pec'))} type="email" autoComplete="off" {...form.getInputProps('pec')} />
          <TextInput label={optional(t('companies.fields.email'))} type="email" autoComplete="off" {...form.getInputProps('email')} />
          <TextInput label={optional(t('companies.fields.phone'))} type="tel" autoComplete="off" {...form.getInputProps('phone')} />
        </SimpleGrid>
      </Fieldset>

      <Fieldset legend={t('companies.form.sections.other')}>
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NativeSelect
              label={t('companies.fields.unit')}
              description={t('companies.form.unitHint')}
              required
              data={[{ value: '', label: t('common.choose') }, ...units.map((unit) => ({ value: unit.id, label: unit.name }))]}
              {...form.getInputProps('unitId')}
            />
            <TagsInput
              label={optional(t('companies.fields.tags'))}
              description={t('companies.form.tagsHint')}
              maxTags={30}
              {...form.getInputProps('tags')}
            />
          </SimpleGrid>
          <Textarea label={optional(t('companies.fields.description'))} autosize minRows={3} {...form.getInputProps('description')} />
          <Textarea label={optional(t('companies.fields.notes'))} description={t('companies.form.notesHint')} autosize minRows={3} {...form.getInputProps('notes')} />
        </Stack>
      </Fieldset>

      <CustomFieldsFieldset
        values={form.values.customFields}
        errors={form.errors}
        onChange={(key, value) => {
          form.setFieldValue('customFields', { ...form.values.customFields, [key]: value })
          form.clearFieldError(`customFields.${key}`)
        }}
      />
    </>
  )
}
