/**
 * Module 1 (customer data) of an assessment: edited with the company while the assessment is a
 * draft, and compared with the company record; staff choose which corrected fields go back to the
 * record (nothing is written back by itself).
 */
import { Accordion, Button, Checkbox, Group, NumberInput, SimpleGrid, Stack, Table, Text, TextInput, VisuallyHidden } from '@mantine/core'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { api } from '../../../web/api-client'
import { confirmAction } from '../../../web/ui/confirm'
import { notifyError, notifySuccess } from '../../../web/ui/notify'
import { companyKeys } from '../../companies/web'
import type { Assessment, AssessmentCustomerData, AssessmentCustomerDataComparison, CustomerDataWritableField } from '../assessments.contract'
import { assessmentKeys, useUpdateAssessment } from './assessments.queries'

const comparisonKey = (id: string) => ['assessments', 'customer-data', id] as const

export function AssessmentCustomerDataSection({ assessment }: { assessment: Assessment }) {
  const { t } = useTranslation()
  const editable = assessment.can.update
  // Staff see the comparison with the record; others (an expert assessor) get a 403 and just edit.
  const comparison = useQuery({
    queryKey: comparisonKey(assessment.id),
    queryFn: ({ signal }) => api.get<AssessmentCustomerDataComparison>(`/api/assessments/${assessment.id}/customer-data`, { signal }),
    retry: false,
    // Not everyone may see this (an expert, a company member): a refusal just hides the section.
    meta: { handlesErrors: true },
  })
  if (!editable && !comparison.data) return null
  return (
    <Accordion variant="contained">
      <Accordion.Item value="module1">
        <Accordion.Control>{t('assessments.module1.title')}</Accordion.Control>
        <Accordion.Panel>
          <Stack gap="md">
            {editable && <CustomerDataForm assessment={assessment} />}
            {comparison.data && <WriteBack assessment={assessment} comparison={comparison.data} />}
          </Stack>
        </Accordion.Panel>
      </Accordion.Item>
    </Accordion>
  )
}

function CustomerDataForm({ assessment }: { assessment: Assessment }) {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const update = useUpdateAssessment(assessment.id)
  const [data, setData] = useState<AssessmentCustomerData>(assessment.customerData)
  const set = (patch: Partial<AssessmentCustomerData>) => setData((d) => ({ ...d, ...patch }))
  const save = () =>
    update.mutate(
      { customerData: { name: data.name ?? null, website: data.website ?? null, address: data.address ?? null, foundingYear: data.foundingYear ?? null, atecoCode: data.atecoCode ?? null } },
      {
        onSuccess: () => {
          notifySuccess(t('assessments.module1.saved'))
          void queryClient.invalidateQueries({ queryKey: comparisonKey(assessment.id) })
        },
        onError: notifyError,
      },
    )
  const text = (value: string) => (value.trim() ? value : null)
  return (
    <Stack gap="sm">
      <Text size="sm">{t('assessments.module1.help')}</Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={t('assessments.module1.fields.name')} value={data.name ?? ''} onChange={(e) => set({ name: text(e.currentTarget.value) })} maxLength={300} />
        <TextInput label={t('assessments.module1.fields.website')} value={data.website ?? ''} onChange={(e) => set({ website: text(e.currentTarget.value) })} maxLength={300} />
        <TextInput label={t('assessments.module1.fields.address')} value={data.address ?? ''} onChange={(e) => set({ address: text(e.currentTarget.value) })} maxLength={300} />
        <NumberInput
          label={t('assessments.module1.fields.foundingYear')}
          value={data.foundingYear ?? ''}
          onChange={(v) => set({ foundingYear: typeof v === 'number' ? v : null })}
          min={1800}
          max={2100}
          allowDecimal={false}
          thousandSeparator=""
        />
        <TextInput label={t('assessments.module1.fields.atecoCode')} value={data.atecoCode ?? ''} onChange={(e) => set({ atecoCode: text(e.currentTarget.value) })} maxLength={20} />
        <TextInput label={t('assessments.module1.fields.comuneIstat')} value={data.comune ?? ''} readOnly description={t('assessments.module1.comuneHelp')} />
      </SimpleGrid>
      <Group justify="flex-end">
        <Button variant="default" onClick={save} loading={update.isPending}>
          {t('assessments.module1.save')}
        </Button>
      </Group>
    </Stack>
  )
}

function WriteBack({ assessment, comparison }: { assessment: Assessment; comparison: AssessmentCustomerDataComparison }) {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const differing = comparison.fields.filter((f) => f.differs)
  const [chosen, setChosen] = useState<CustomerDataWritableField[]>([])
  const apply = useMutation({
    mutationFn: (fields: CustomerDataWritableField[]) => api.post<AssessmentCustomerDataComparison>(`/api/assessments/${assessment.id}/customer-data/apply`, { fields }),
    onSuccess: (next) => {
      queryClient.setQueryData(comparisonKey(assessment.id), next)
      void queryClient.invalidateQueries({ queryKey: companyKeys.all })
      void queryClient.invalidateQueries({ queryKey: assessmentKeys.one(assessment.id) })
      setChosen([])
      notifySuccess(t('assessments.module1.applied'))
    },
    onError: notifyError,
  })
  const show = (value: string | number | null, label: string | null) => (value === null || value === '' ? '—' : label ? `${label} (${value})` : String(value))
  if (differing.length === 0) return <Text size="sm" c="dimmed">{t('assessments.module1.same')}</Text>
  const onApply = async () => {
    const confirmed = await confirmAction({
      title: t('assessments.module1.applyTitle'),
      message: t('assessments.module1.applyMessage', { count: chosen.length }),
      confirmLabel: t('assessments.module1.apply'),
    })
    if (confirmed) apply.mutate(chosen)
  }
  return (
    <Stack gap="sm">
      <Text size="sm">{t('assessments.module1.differs')}</Text>
      <Table.ScrollContainer minWidth={480}>
        <Table>
          <VisuallyHidden component="caption">{t('assessments.module1.caption')}</VisuallyHidden>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('assessments.module1.choose')}</Table.Th>
              <Table.Th scope="col">{t('assessments.module1.field')}</Table.Th>
              <Table.Th scope="col">{t('assessments.module1.inAssessment')}</Table.Th>
              <Table.Th scope="col">{t('assessments.module1.inRecord')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {differing.map((f) => (
              <Table.Tr key={f.field}>
                <Table.Td>
                  {comparison.canApply && (
                    <Checkbox
                      aria-label={t('assessments.module1.chooseField', { field: t(`assessments.module1.fields.${f.field}`) })}
                      checked={chosen.includes(f.field)}
                      onChange={(e) => setChosen((c) => (e.currentTarget.checked ? [...c, f.field] : c.filter((x) => x !== f.field)))}
                    />
                  )}
                </Table.Td>
                <Table.Th scope="row" fw={400}>
                  {t(`assessments.module1.fields.${f.field}`)}
                </Table.Th>
                <Table.Td>{show(f.assessment, f.assessmentLabel)}</Table.Td>
                <Table.Td>{show(f.company, f.companyLabel)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {comparison.canApply && (
        <Group justify="flex-end">
          <Button onClick={() => void onApply()} disabled={chosen.length === 0} loading={apply.isPending}>
            {t('assessments.module1.apply')}
          </Button>
        </Group>
      )}
    </Stack>
  )
}
