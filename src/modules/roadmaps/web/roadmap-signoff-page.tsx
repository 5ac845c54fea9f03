/**
 * The page a company opens from the sign-off email, with no account (issue 5, "the company signs
 * off through a link"): the roadmap read-only (gaps, items by horizon with the reason for each,
 * the re-assessment date), then name, role and an explicit "I approve" before signing. Works on a
 * phone.
 */
import { Alert, Button, Card, Checkbox, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core'
import { useDocumentTitle } from '@mantine/hooks'
import { IconAlertCircle, IconCircleCheck } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { isApiError } from '../../../web/api-client'
import { useFormat } from '../../../web/i18n/format'
import { LoadingState } from '../../../web/ui/loading-state'
import { notifyError } from '../../../web/ui/notify'
import { QueryError } from '../../../web/ui/query-error'
import { getDmaInstrument } from '../../assessments/assessments.reference'
import type { PublicRoadmap } from '../roadmaps.contract'
import { ROADMAP_HORIZONS } from '../roadmaps.reference'
import { usePublicRoadmap, useSignRoadmap } from './roadmaps.queries'

export function RoadmapSignoffPage({ token }: { token: string }) {
  const { t } = useTranslation()
  useDocumentTitle(`${t('roadmapRecords.public.title')} · ${t('app.name')}`)
  const query = usePublicRoadmap(token)
  let body
  if (query.isPending) body = <LoadingState />
  else if (isApiError(query.error, 'GONE') || isApiError(query.error, 'NOT_FOUND'))
    body = (
      <Alert role="alert" color="red.9" variant="outline" icon={<IconAlertCircle aria-hidden="true" />}>
        {query.error.message}
      </Alert>
    )
  else if (query.error) body = <QueryError error={query.error} onRetry={() => void query.refetch()} />
  else body = <SignoffBody token={token} roadmap={query.data} />
  return (
    <Stack gap="lg" maw={860} mx="auto">
      <Title order={1}>{t('roadmapRecords.public.title')}</Title>
      {body}
    </Stack>
  )
}

function SignoffBody({ token, roadmap }: { token: string; roadmap: PublicRoadmap }) {
  const { t } = useTranslation()
  const format = useFormat()
  const instrument = getDmaInstrument(roadmap.instrumentId)
  return (
    <Stack gap="lg">
      <Text>{t('roadmapRecords.public.intro', { company: roadmap.companyName })}</Text>
      <Card withBorder padding="md">
        <Title order={2} size="h4" mb="xs" id="signoff-gaps">
          {t('roadmapRecords.gaps.title')}
        </Title>
        <Table aria-labelledby="signoff-gaps">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('roadmapRecords.gaps.dimension')}</Table.Th>
              <Table.Th ta="right">{t('roadmapRecords.gaps.score')}</Table.Th>
              <Table.Th ta="right">{t('roadmapRecords.gaps.target')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {roadmap.gaps.map((g) => (
              <Table.Tr key={g.dimension}>
                <Table.Td>{instrument.dimensions.find((d) => d.id === g.dimension)?.name[format.locale] ?? g.dimension}</Table.Td>
                <Table.Td ta="right">{format.number(g.score, { maximumFractionDigits: 0 })}</Table.Td>
                <Table.Td ta="right">{format.number(g.target, { maximumFractionDigits: 0 })}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Card>
      {ROADMAP_HORIZONS.map((horizon) => {
        const items = roadmap.items.filter((i) => i.horizon === horizon && i.status !== 'dropped')
        if (items.length === 0) return null
        return (
          <Stack key={horizon} gap="xs">
            <Title order={2} size="h4">
              {t(`roadmapRecords.horizons.${horizon}`)}
            </Title>
            <Stack component="ol" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
              {items.map((item) => (
                <Card component="li" key={item.id} withBorder padding="sm">
                  <Text fw={600}>
                    {roadmap.items.indexOf(item) + 1}. {item.title[format.locale]}
                  </Text>
                  {item.reason ? (
                    <Text size="sm" c="gray.7">
                      {item.reason.text[format.locale]}
                    </Text>
                  ) : null}
                  {item.owner || item.dueOn ? (
                    <Text size="sm">
                      {[item.owner ? t('roadmapRecords.items.owner', { name: item.owner }) : null, item.dueOn ? t('roadmapRecords.items.due', { date: format.date(item.dueOn) }) : null].filter(Boolean).join(' · ')}
                    </Text>
                  ) : null}
                </Card>
              ))}
            </Stack>
          </Stack>
        )
      })}
      {roadmap.t1DueOn ? <Text>{t('roadmapRecords.t1.due', { date: format.date(roadmap.t1DueOn) })}</Text> : null}
      {roadmap.status === 'signed' ? (
        <Alert color="teal.9" variant="outline" icon={<IconCircleCheck aria-hidden="true" />} role="status">
          {t('roadmapRecords.public.signed', { name: roadmap.signerName ?? '', date: roadmap.signedAt ? format.dateTime(roadmap.signedAt) : '' })}
        </Alert>
      ) : roadmap.status === 'awaiting_signoff' ? (
        <SignForm token={token} version={roadmap.version} />
      ) : (
        <Alert color="gray" variant="outline">
          {t('roadmapRecords.public.replaced')}
        </Alert>
      )}
    </Stack>
  )
}

function SignForm({ token, version }: { token: string; version: number }) {
  const { t } = useTranslation()
  const sign = useSignRoadmap(token)
  const [name, setName] = useState('')
  const [role, setRole] = useState('')
  const [accept, setAccept] = useState(false)
  const [errors, setErrors] = useState<{ name?: string | undefined; accept?: string | undefined }>({})
  const submit = async () => {
    const next: typeof errors = {}
    if (name.trim().length < 2) next.name = t('roadmapRecords.public.nameRequired')
    if (!accept) next.accept = t('roadmapRecords.public.acceptRequired')
    setErrors(next)
    if (next.name || next.accept) return
    try {
      await sign.mutateAsync({ name: name.trim(), version, accept: true, ...(role.trim() ? { role: role.trim() } : {}) })
    } catch (err) {
      notifyError(err)
    }
  }
  return (
    <Card withBorder padding="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('roadmapRecords.public.signTitle')}
        </Title>
        <Group grow align="flex-start" wrap="wrap">
          <TextInput label={t('roadmapRecords.public.name')} value={name} onChange={(e) => { setName(e.currentTarget.value); setErrors({ ...errors, name: undefined }) }} error={errors.name} required autoComplete="name" maxLength={120} />
          <TextInput label={t('roadmapRecords.public.role')} value={role} onChange={(e) => setRole(e.currentTarget.value)} autoComplete="organization-title" maxLength={120} />
        </Group>
        <Checkbox label={t('roadmapRecords.public.accept')} checked={accept} onChange={(e) => { setAccept(e.currentTarget.checked); setErrors({ ...errors, accept: undefined }) }} error={errors.accept} />
        <Group>
          <Button loading={sign.isPending} onClick={() => void submit()}>
            {t('roadmapRecords.public.sign')}
          </Button>
        </Group>
      </Stack>
    </Card>
  )
}
