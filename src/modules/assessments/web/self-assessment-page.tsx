/**
 * The self-assessment a company fills through its emailed link, with no account (issue 4
 * "Lifecycle"): works on a phone, saves every change by itself (so it can be resumed later on
 * another device from the same link), and is submitted once, after a confirmation.
 */
import { Alert, Button, Group, Stack, Text, Title } from '@mantine/core'
import { useDebouncedCallback, useDocumentTitle } from '@mantine/hooks'
import { IconAlertCircle, IconCircleCheck } from '@tabler/icons-react'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { api, isApiError } from '../../../web/api-client'
import { useFormat } from '../../../web/i18n/format'
import { confirmAction } from '../../../web/ui/confirm'
import { LoadingState } from '../../../web/ui/loading-state'
import { QueryError } from '../../../web/ui/query-error'
import type { SelfAssessment } from '../assessments.contract'
import { getDmaInstrument } from '../assessments.reference'
import { DmaQuestionnaire, type DmaDraftAnswers } from './dma-questionnaire'

const selfAssessmentKey = (token: string) => ['self-assessment', token] as const
const path = (token: string) => `/api/assessment-links/${encodeURIComponent(token)}`

export function SelfAssessmentPage({ token }: { token: string }) {
  const { t } = useTranslation()
  useDocumentTitle(`${t('assessments.self.title')} · ${t('app.name')}`)
  const query = useQuery({
    queryKey: selfAssessmentKey(token),
    queryFn: ({ signal }) => api.get<SelfAssessment>(path(token), { signal, redirectOnUnauthenticated: false }),
    // The answers on screen are the truth while the page is open: never overwrite them by a refetch.
    refetchOnWindowFocus: false,
    retry: (count, error) => !isApiError(error, 'GONE') && !isApiError(error, 'NOT_FOUND') && count < 2,
  })
  let body
  if (query.isPending) body = <LoadingState />
  else if (isApiError(query.error, 'GONE') || isApiError(query.error, 'NOT_FOUND'))
    body = (
      <Alert role="alert" color="red.9" variant="outline" icon={<IconAlertCircle aria-hidden="true" />}>
        {query.error.message || t('assessments.self.gone')}
      </Alert>
    )
  else if (query.error) body = <QueryError error={query.error} onRetry={() => void query.refetch()} />
  else body = <SelfAssessmentForm token={token} assessment={query.data} />
  return (
    <Stack gap="lg">
      <Title order={1}>{t('assessments.self.title')}</Title>
      {body}
    </Stack>
  )
}

type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; at: Date } | { kind: 'failed'; message: string }

function SelfAssessmentForm({ token, assessment }: { token: string; assessment: SelfAssessment }) {
  const { t } = useTranslation()
  const format = useFormat()
  const queryClient = useQueryClient()
  const instrument = getDmaInstrument(assessment.instrument, assessment.instrumentVersion)
  const [answers, setAnswers] = useState<DmaDraftAnswers>(assessment.answers)
  const [issues, setIssues] = useState(assessment.issues)
  const [saveState, setSaveState] = useState<SaveState>({ kind: 'idle' })
  const latest = useRef(answers)

  const save = useMutation({
    mutationFn: (next: DmaDraftAnswers) => api.patch<SelfAssessment>(path(token), { answers: next }, { redirectOnUnauthenticated: false }),
    onMutate: () => setSaveState({ kind: 'saving' }),
    onSuccess: (saved, sent) => {
      // A later change may be on its way: only the answers of the last save are authoritative.
      if (sent === latest.current) setIssues(saved.issues)
      setSaveState({ kind: 'saved', at: new Date() })
    },
    onError: (error) => setSaveState({ kind: 'failed', message: error.message }),
  })
  const autosave = useDebouncedCallback((next: DmaDraftAnswers) => save.mutate(next), 600)
  // Leaving the page with a save pending: send it now.
  useEffect(() => () => autosave.flush(), [autosave])

  const submit = useMutation({
    mutationFn: async () => {
      autosave.cancel()
      await api.patch<SelfAssessment>(path(token), { answers: latest.current }, { redirectOnUnauthenticated: false })
      return api.post<SelfAssessment>(`${path(token)}/submit`, {}, { redirectOnUnauthenticated: false })
    },
    onSuccess: (submitted) => queryClient.setQueryData(selfAssessmentKey(token), submitted),
  })

  const onChange = (next: DmaDraftAnswers) => {
    latest.current = next
    setAnswers(next)
    autosave(next)
  }
  const onSubmit = async () => {
    const confirmed = await confirmAction({
      title: t('assessments.self.confirmTitle'),
      message: t('assessments.self.confirmMessage'),
      confirmLabel: t('assessments.self.submit'),
    })
    if (confirmed) submit.mutate()
  }

  if (assessment.readOnly) {
    return (
      <Alert color="green.9" variant="outline" icon={<IconCircleCheck aria-hidden="true" />} title={t('assessments.self.submittedTitle')}>
        {t('assessments.self.submitted', { company: assessment.companyName })}
      </Alert>
    )
  }
  return (
    <Stack gap="lg">
      <Text>{t('assessments.self.intro', { company: assessment.companyName, expires: format.dateTime(assessment.expiresAt) })}</Text>
      <DmaQuestionnaire instrument={instrument} answers={answers} onChange={onChange} issues={issues} />
      <Group justify="space-between" align="center" wrap="wrap">
        <Text size="sm" c={saveState.kind === 'failed' ? 'red.9' : 'dimmed'} role="status" aria-live="polite">
          {saveState.kind === 'saving' && t('assessments.self.saving')}
          {saveState.kind === 'saved' && t('assessments.self.saved', { time: format.time(saveState.at) })}
          {saveState.kind === 'failed' && t('assessments.self.saveFailed', { message: saveState.message })}
        </Text>
        <Button onClick={() => void onSubmit()} loading={submit.isPending}>
          {t('assessments.self.submit')}
        </Button>
      </Group>
      {submit.error && (
        <Alert role="alert" color="red.9" variant="outline" icon={<IconAlertCircle aria-hidden="true" />}>
          <Text>{submit.error.message}</Text>
          {isApiError(submit.error) &&
            submit.error.fields.map((field, index) => (
              <Text key={index} size="sm">
                {field.message}
              </Text>
            ))}
        </Alert>
      )}
    </Stack>
  )
}
