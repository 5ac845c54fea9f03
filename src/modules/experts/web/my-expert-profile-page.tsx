import { ActionIcon, Alert, Anchor, Button, Fieldset, FileInput, Group, MultiSelect, NativeSelect, NumberInput, SimpleGrid, Stack, Switch, Text, Textarea, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { IconPlus, IconTrash, IconUpload } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useFormat } from '../../../web/i18n/format'
import { confirmAction } from '../../../web/ui/confirm'
import { contractResolver, showSubmitError } from '../../../web/ui/form-errors'
import { LoadingState } from '../../../web/ui/loading-state'
import { notifyError, notifySuccess } from '../../../web/ui/notify'
import { PageHeader } from '../../../web/ui/page-header'
import { QueryError } from '../../../web/ui/query-error'
import { isApiError } from '../../../web/api-client'
import { ATECO_2007_SECTIONS } from '../../companies/companies.reference'
import { fileToBase64 } from '../../companies/web'
import { ComuneField, comuneLabel, useProvinces } from '../../territory/web'
import { EXPERT_CV_MAX_BYTES, EXPERT_KINDS, EXPERT_TIE_KINDS, type ExpertKind, type ExpertProfile, ExpertProfileInput, type ExpertTieKind } from '../experts.contract'
import { competenceOptions, languageOptions } from './expert-labels'
import { ExpertStatusBadge } from './expert-status-badge'
import { expertCvUrl, useDeleteMyCv, useMyExpertProfile, useSaveMyProfile, useSubmitMyProfile, useUploadMyCv } from './experts.queries'

interface TieValues {
  name: string
  vatNumber: string
  kind: ExpertTieKind
}

interface ProfileValues extends Record<string, unknown> {
  headline: string
  bio: string
  kind: ExpertKind
  programme: string
  outOfWork: boolean
  competences: string[]
  sectors: string[]
  provinces: string[]
  homeComuneIstat: string
  languages: string[]
  availabilityDaysPerMonth: number
  employerName: string
  employerVatNumber: string
  ties: TieValues[]
}

function valuesOf(p: ExpertProfile): ProfileValues {
  return {
    headline: p.headline,
    bio: p.bio,
    kind: p.kind,
    programme: p.programme ?? '',
    outOfWork: p.outOfWork,
    competences: p.competences,
    sectors: p.sectors,
    provinces: p.provinces,
    homeComuneIstat: p.homeComune?.istatCode ?? '',
    languages: p.languages,
    availabilityDaysPerMonth: p.availabilityDaysPerMonth,
    employerName: p.employerName ?? '',
    employerVatNumber: p.employerVatNumber ?? '',
    ties: p.ties.map((tie) => ({ name: tie.name, vatNumber: tie.vatNumber ?? '', kind: tie.kind })),
  }
}

/** `/expert-profile`: the expert's own profile, CV and submission for approval. */
export function MyExpertProfilePage() {
  const { t } = useTranslation()
  const profile = useMyExpertProfile()
  return (
    <>
      <PageHeader title={t('experts.me.title')} description={t('experts.me.description')} />
      {profile.isPending ? (
        <LoadingState />
      ) : profile.isError ? (
        isApiError(profile.error, 'FORBIDDEN') ? (
          <Alert color="blue">{t('experts.me.notExpert')}</Alert>
        ) : (
          <QueryError error={profile.error} onRetry={() => void profile.refetch()} />
        )
      ) : (
        <ProfileEditor key={profile.data.updatedAt ?? 'new'} profile={profile.data} />
      )}
    </>
  )
}

function ProfileEditor({ profile }: { profile: ExpertProfile }) {
  const { t, i18n } = useTranslation()
  const locale = i18n.resolvedLanguage === 'en' ? 'en' : 'it'
  const provinces = useProvinces()
  const save = useSaveMyProfile()
  const submit = useSubmitMyProfile()
  const form = useForm<ProfileValues>({ mode: 'controlled', initialValues: valuesOf(profile), validate: contractResolver(ExpertProfileInput) })
  const values = form.getValues()

  const onSave = form.onSubmit((v) =>
    save.mutate(v as ExpertProfileInput, {
      onSuccess: (saved) => notifySuccess(saved.status === 'submitted' && profile.status === 'approved' ? t('experts.me.savedBackToReview') : t('experts.me.saved')),
      onError: (error) => showSubmitError(form, error),
    }),
  )
  const onSubmitForApproval = async () => {
    if (!(await confirmAction({ title: t('experts.me.submitTitle'), message: t('experts.me.submitMessage'), confirmLabel: t('experts.me.submit') }))) return
    submit.mutate(undefined, { onSuccess: () => notifySuccess(t('experts.me.submitted')), onError: (error) => showSubmitError(form, error) })
  }
  const canSubmit = profile.exists && (profile.status === 'draft' || profile.status === 'rejected') && !form.isDirty()

  return (
    <Stack gap="lg">
      <Alert color={profile.status === 'rejected' ? 'red' : profile.status === 'approved' ? 'teal' : 'blue'} variant="light" title={<Group gap="xs"><span>{t('experts.me.statusLabel')}</span><ExpertStatusBadge status={profile.status} /></Group>}>
        <Text size="sm">{t(`experts.me.notice.${profile.status}`)}</Text>
        {profile.reviewNote ? (
          <Text size="sm" mt="xs">
            {t('experts.me.reviewNote', { note: profile.reviewNote })}
          </Text>
        ) : null}
      </Alert>

      <form onSubmit={onSave} noValidate>
        <Stack gap="lg">
          <Fieldset legend={t('experts.me.sections.about')}>
            <Stack gap="sm">
              <TextInput label={t('experts.fields.headline')} description={t('experts.fields.headlineHint')} maxLength={160} {...form.getInputProps('headline')} />
              <Textarea label={t('experts.fields.bio')} autosize minRows={3} maxLength={4000} {...form.getInputProps('bio')} />
              <SimpleGrid cols={{ base: 1, sm: 3 }}>
                <NativeSelect
                  label={t('experts.fields.kind')}
                  data={EXPERT_KINDS.map((k) => ({ value: k, label: t(`experts.kinds.${k}`) }))}
                  {...form.getInputProps('kind')}
                />
                <TextInput label={t('experts.fields.optional', { label: t('experts.fields.programme') })} description={t('experts.fields.programmeHint')} {...form.getInputProps('programme')} />
                <NumberInput
                  label={t('experts.fields.availability')}
                  min={0}
                  max={22}
                  step={0.5}
                  decimalScale={1}
                  {...form.getInputProps('availabilityDaysPerMonth')}
                  onChange={(v) => form.setFieldValue('availabilityDaysPerMonth', typeof v === 'number' ? v : Number(v) || 0)}
                />
              </SimpleGrid>
              <Switch label={t('experts.fields.outOfWork')} {...form.getInputProps('outOfWork', { type: 'checkbox' })} />
            </Stack>
          </Fieldset>

          <Fieldset legend={t('experts.me.sections.competences')}>
            <Stack gap="sm">
              <MultiSelect
                label={t('experts.fields.competences')}
                description={t('experts.fields.competencesHint')}
                data={competenceOptions(t, locale)}
                searchable
                clearable
                hidePickedOptions
                {...form.getInputProps('competences')}
              />
              <MultiSelect
                label={t('experts.fields.sectors')}
                data={ATECO_2007_SECTIONS.map((s) => ({ value: s.code, label: `${s.code} · ${locale === 'en' ? s.en : s.it}` }))}
                searchable
                clearable
                {...form.getInputProps('sectors')}
              />
            </Stack>
          </Fieldset>

          <Fieldset legend={t('experts.me.sections.territory')}>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <MultiSelect
                label={t('experts.fields.provinces')}
                data={(provinces.data ?? []).map((p) => ({ value: p.code, label: `${p.name} (${p.code})` }))}
                searchable
                clearable
                {...form.getInputProps('provinces')}
              />
              <ComuneField
                label={t('experts.fields.homeComune')}
                description={t('experts.fields.homeComuneHint')}
                value={values.homeComuneIstat}
                initialLabel={profile.homeComune ? comuneLabel(profile.homeComune) : undefined}
                onChange={(istat) => form.setFieldValue('homeComuneIstat', istat)}
                error={form.errors.homeComuneIstat}
              />
              <MultiSelect label={t('experts.fields.languages')} data={languageOptions(locale)} searchable {...form.getInputProps('languages')} />
            </SimpleGrid>
          </Fieldset>

          <Fieldset legend={t('experts.me.sections.ties')}>
            <Stack gap="sm">
              <Text size="sm" c="dimmed">
                {t('experts.me.tiesHint')}
              </Text>
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TextInput label={t('experts.fields.optional', { label: t('experts.fields.employerName') })} {...form.getInputProps('employerName')} />
                <TextInput label={t('experts.fields.optional', { label: t('experts.fields.employerVatNumber') })} {...form.getInputProps('employerVatNumber')} />
              </SimpleGrid>
              <Text fw={600} size="sm">
                {t('experts.fields.ties')}
              </Text>
              {values.ties.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('experts.fields.noTies')}
                </Text>
              ) : null}
              {values.ties.map((tie, index) => (
                <Group key={index} align="flex-end" gap="sm" wrap="wrap">
                  <TextInput label={t('experts.fields.tieName')} {...form.getInputProps(`ties.${index}.name`)} w={260} />
                  <TextInput label={t('experts.fields.optional', { label: t('experts.fields.tieVatNumber') })} {...form.getInputProps(`ties.${index}.vatNumber`)} w={200} />
                  <NativeSelect
                    label={t('experts.fields.tieKind')}
                    data={EXPERT_TIE_KINDS.map((k) => ({ value: k, label: t(`experts.tieKinds.${k}`) }))}
                    {...form.getInputProps(`ties.${index}.kind`)}
                  />
                  <ActionIcon variant="subtle" color="red.9" size="lg" mb={2} aria-label={t('experts.fields.removeTie', { name: tie.name || String(index + 1) })} onClick={() => form.removeListItem('ties', index)}>
                    <IconTrash size={18} aria-hidden="true" />
                  </ActionIcon>
                </Group>
              ))}
              <Group>
                <Button variant="default" leftSection={<IconPlus size={16} aria-hidden="true" />} onClick={() => form.insertListItem('ties', { name: '', vatNumber: '', kind: 'client' })}>
                  {t('experts.fields.addTie')}
                </Button>
              </Group>
            </Stack>
          </Fieldset>

          <Group>
            <Button type="submit" loading={save.isPending}>
              {t('experts.me.save')}
            </Button>
            {canSubmit ? (
              <Button variant="outline" onClick={() => void onSubmitForApproval()} loading={submit.isPending}>
                {t('experts.me.submit')}
              </Button>
            ) : null}
          </Group>
        </Stack>
      </form>

      <CvSection profile={profile} />
    </Stack>
  )
}

function CvSection({ profile }: { profile: ExpertProfile }) {
  const { t } = useTranslation()
  const format = useFormat()
  const [file, setFile] = useState<File | null>(null)
  const [error, setError] = useState<string | null>(null)
  const upload = useUploadMyCv()
  const remove = useDeleteMyCv()
  const maxMb = EXPERT_CV_MAX_BYTES / 1024 / 1024
  const onUpload = async () => {
    if (!file) return
    if (file.size > EXPERT_CV_MAX_BYTES) {
      setError(t('experts.cv.tooLarge', { maxMb }))
      return
    }
    upload.mutate(
      { fileName: file.name, contentType: file.type, content: await fileToBase64(file) },
      {
        onSuccess: () => {
          setFile(null)
          setError(null)
          notifySuccess(t('experts.cv.uploaded'))
        },
        onError: (e) => setError(isApiError(e) && e.fields[0] ? e.fields[0].message : e.message),
      },
    )
  }
  const onRemove = async () => {
    if (!profile.cv) return
    if (!(await confirmAction({ title: t('experts.cv.removeTitle'), message: t('experts.cv.removeMessage', { name: profile.cv.fileName }), confirmLabel: t('experts.cv.remove'), danger: true }))) return
    remove.mutate(undefined, { onSuccess: () => notifySuccess(t('experts.cv.removed')), onError: notifyError })
  }
  return (
    <Fieldset legend={t('experts.me.sections.cv')}>
      <Stack gap="sm">
        {profile.cv ? (
          <Group gap="sm">
            <Anchor href={expertCvUrl('me')} download>
              {t('experts.cv.current', { name: profile.cv.fileName, size: format.number(Math.max(1, Math.round(profile.cv.size / 1024))) })}
            </Anchor>
            <Button variant="subtle" color="red.9" size="xs" onClick={() => void onRemove()} loading={remove.isPending}>
              {t('experts.cv.remove')}
            </Button>
          </Group>
        ) : (
          <Text size="sm" c="dimmed">
            {t('experts.cv.none')}
          </Text>
        )}
        <Group align="flex-end" gap="sm">
          <FileInput
            label={t('experts.cv.choose', { maxMb })}
            accept=".pdf,.doc,.docx,.odt,application/pdf"
            value={file}
            onChange={(f) => {
              setFile(f)
              setError(null)
            }}
            error={error}
            clearable
            w={360}
            maw="100%"
          />
          <Button leftSection={<IconUpload size={16} aria-hidden="true" />} onClick={() => void onUpload()} disabled={!file} loading={upload.isPending}>
            {t('experts.cv.upload')}
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  )
}
