/**
 * /support-days/confirm/$token — the company confirms (or disputes, with a note) one support-day
 * entry through the emailed link, without an account. Made for a phone: one column, large buttons.
 */
import { Alert, Button, Container, Group, Paper, Stack, Text, TextInput, Textarea, Title } from '@mantine/core'
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useFormat } from '../../../web/i18n/format'
import { LoadingState } from '../../../web/ui/loading-state'
import { notifyError } from '../../../web/ui/notify'
import { QueryError } from '../../../web/ui/query-error'
import { StatusBadge } from '../../../web/ui/status-badge'
import { CONFIRMATION_TONES } from './project-page'
import { useAnswerSupportDayLink, useSupportDayLink } from './projects.queries'

export function SupportDayConfirmPage({ token }: { token: string }) {
  const { t } = useTranslation()
  const format = useFormat()
  const link = useSupportDayLink(token)
  const answer = useAnswerSupportDayLink(token)
  const [name, setName] = useState('')
  const [disputing, setDisputing] = useState(false)
  const [note, setNote] = useState('')
  if (link.isLoading) return <LoadingState />
  if (link.error || !link.data) return <QueryError error={link.error} />
  const entry = link.data
  const submit = (event: FormEvent) => {
    event.preventDefault()
    answer.mutate(disputing ? { kind: 'dispute', input: { name, note } } : { kind: 'confirm', input: { name } }, { onError: notifyError })
  }
  const days = format.number(entry.days, { maximumFractionDigits: 3 })
  return (
    <Container size="xs" py="lg">
      <Stack>
        <Title order={1} size="h2">
          {t('projects.confirm.title')}
        </Title>
        <Text>{t('projects.confirm.intro', { expert: entry.expertName ?? '', company: entry.companyName, project: entry.projectTitle })}</Text>
        <Paper withBorder p="md">
          <Stack gap="xs">
            <Text>
              <strong>{t('projects.confirm.day')}:</strong> {format.date(entry.workedOn)}
            </Text>
            <Text>
              <strong>{t('projects.confirm.duration')}:</strong> {t('projects.days', { value: days })}
              {entry.hours !== null ? ` (${t('projects.ledger.hours', { hours: format.number(entry.hours) })})` : ''}
            </Text>
            <Text>
              <strong>{t('projects.confirm.activity')}:</strong> {entry.activity}
            </Text>
            {entry.outcome && (
              <Text>
                <strong>{t('projects.confirm.outcome')}:</strong> {entry.outcome}
              </Text>
            )}
            {entry.isCorrection && <Text size="sm">{t('projects.confirm.correction')}</Text>}
            <Group>
              <StatusBadge tone={CONFIRMATION_TONES[entry.status]}>{t(`projects.confirmation.${entry.status}`)}</StatusBadge>
            </Group>
          </Stack>
        </Paper>
        {entry.status === 'confirmed' && (
          <Alert color="teal" role="status">
            {t('projects.confirm.confirmed', { name: entry.confirmerName ?? '', date: entry.confirmedAt ? format.date(entry.confirmedAt) : '' })}
          </Alert>
        )}
        {entry.status === 'disputed' && (
          <Alert color="orange" role="status">
            {t('projects.confirm.disputed', { name: entry.confirmerName ?? '', date: entry.confirmedAt ? format.date(entry.confirmedAt) : '', note: entry.disputeNote ?? '' })}
          </Alert>
        )}
        {entry.status === 'pending' && (
          <form onSubmit={submit}>
            <Stack>
              <TextInput label={t('projects.confirm.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} required autoComplete="name" size="md" />
              {disputing && <Textarea label={t('projects.confirm.disputeNote')} value={note} onChange={(e) => setNote(e.currentTarget.value)} required autosize minRows={3} size="md" />}
              {disputing ? (
                <Button type="submit" color="red.9" size="md" loading={answer.isPending}>
                  {t('projects.confirm.disputeSubmit')}
                </Button>
              ) : (
                <Stack gap="sm">
                  <Button type="submit" size="md" loading={answer.isPending}>
                    {t('projects.confirm.confirm')}
                  </Button>
                  <Button variant="default" size="md" onClick={() => setDisputing(true)}>
                    {t('projects.confirm.dispute')}
                  </Button>
                </Stack>
              )}
              <Text size="sm" c="dimmed">
                {t('projects.confirm.expires', { date: format.date(entry.expiresAt) })}
              </Text>
            </Stack>
          </form>
        )}
      </Stack>
    </Container>
  )
}
