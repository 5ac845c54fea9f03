/**
 * Custom fields on the company pages: the right input per type in the form, and the value as read
 * in the detail page and the list. Labels follow the UI language (it/en labels of the definition).
 */
import { Card, Fieldset, MultiSelect, NativeSelect, NumberInput, SimpleGrid, Stack, TextInput, Title } from '@mantine/core'
import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { useFormat } from '../../../web/i18n/format'
import { DetailList } from '../../../web/ui/detail-list'
import type { Company, CustomFieldDefinition, CustomFieldOption } from '../companies.contract'
import { useCustomFields } from './companies-views.queries'

/** The definition's label, or an option's, in the UI language. */
export function useCustomFieldLabels() {
  const format = useFormat()
  return {
    field: (definition: Pick<CustomFieldDefinition, 'labelIt' | 'labelEn'>) =>
      format.locale === 'en' ? definition.labelEn : definition.labelIt,
    option: (option: CustomFieldOption) => (format.locale === 'en' ? option.en : option.it),
  }
}

/** A stored value as text: dates and numbers in the user's format, options by their label. */
export function useCustomFieldValueText() {
  const format = useFormat()
  const labels = useCustomFieldLabels()
  return (definition: CustomFieldDefinition, value: unknown): string | null => {
    if (value === undefined || value === null || value === '') return null
    const optionLabel = (v: string) => {
      const option = definition.options.find((o) => o.value === v)
      return option ? labels.option(option) : v
    }
    switch (definition.type) {
      case 'number':
        return typeof value === 'number' ? format.number(value) : String(value)
      case 'date':
        return typeof value === 'string' ? format.date(`${value}T12:00:00Z`) : String(value)
      case 'select':
        return optionLabel(String(value))
      case 'multi_select':
        return Array.isArray(value) && value.length > 0 ? value.map((v) => optionLabel(String(v))).join(', ') : null
      default:
        return String(value)
    }
  }
}

/**
 * What the form holds for each field: text as typed, '' for an empty number or select, a list for
 * multi_select. `customFieldsInput` turns it into what the API takes (null clears a value).
 */
export function customFieldsInput(values: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(values)) {
    if (value === '' || (Array.isArray(value) && value.length === 0)) out[key] = null
    else out[key] = value
  }
  return out
}

interface CustomFieldsFieldsetProps {
  values: Record<string, unknown>
  errors: Record<string, unknown>
  onChange: (key: string, value: unknown) => void
}

/** The network's custom fields as a section of the company form; nothing when there are none. */
export function CustomFieldsFieldset({ values, errors, onChange }: CustomFieldsFieldsetProps) {
  const { t } = useTranslation()
  const definitions = useCustomFields()
  const labels = useCustomFieldLabels()
  if (!definitions.data || definitions.data.length === 0) return null
  const optional = (label: string) => t('common.optional', { label })
  return (
    <Fieldset legend={t('companyCustomFields.formSection')}>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {definitions.data.map((definition) => {
          const key = definition.key
          const value = values[key]
          const error = errors[`customFields.${key}`] as string | undefined
          const label = optional(labels.field(definition))
          const options = definition.options.map((o) => ({ value: o.value, label: labels.option(o) }))
          switch (definition.type) {
            case 'number':
              return (
                <NumberInput
                  key={key}
                  label={label}
                  hideControls
                  value={typeof value === 'number' ? value : ''}
                  error={error}
                  onChange={(next) => onChange(key, typeof next === 'number' ? next : '')}
                />
              )
            case 'date':
              return (
                <TextInput
                  key={key}
                  type="date"
                  label={label}
                  value={typeof value === 'string' ? value : ''}
                  error={error}
                  onChange={(event) => onChange(key, event.currentTarget.value)}
                />
              )
            case 'select':
              return (
                <NativeSelect
                  key={key}
                  label={label}
                  data={[{ value: '', label: t('common.notSet') }, ...options]}
                  value={typeof value === 'string' ? value : ''}
                  error={error}
                  onChange={(event) => onChange(key, event.currentTarget.value)}
                />
              )
            case 'multi_select':
              return (
                <MultiSelect
                  key={key}
                  label={label}
                  data={options}
                  value={Array.isArray(value) ? value.map(String) : []}
                  error={error}
                  onChange={(next) => onChange(key, next)}
                  clearable
                />
              )
            default:
              return (
                <TextInput
                  key={key}
                  label={label}
                  autoComplete="off"
                  value={typeof value === 'string' ? value : ''}
                  error={error}
                  onChange={(event) => onChange(key, event.currentTarget.value)}
                />
              )
          }
        })}
      </SimpleGrid>
    </Fieldset>
  )
}

/** The company's custom field values, as a card of the detail page; nothing when no field is defined. */
export function CustomFieldsSection({ company }: { company: Pick<Company, 'customFields'> }) {
  const { t } = useTranslation()
  const titleId = useId()
  const definitions = useCustomFields()
  const labels = useCustomFieldLabels()
  const text = useCustomFieldValueText()
  if (!definitions.data || definitions.data.length === 0) return null
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby={titleId}>
      <Stack gap="md">
        <Title order={2} size="h4" id={titleId}>
          {t('companyCustomFields.formSection')}
        </Title>
        <DetailList
          cols={3}
          items={definitions.data.map((definition) => ({
            label: labels.field(definition),
            value: text(definition, company.customFields[definition.key]),
          }))}
        />
      </Stack>
    </Card>
  )
}
