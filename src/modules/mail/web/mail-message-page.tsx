import { Anchor, Card, Group, List, Stack, Text, Title } from '@mantine/core'
import { IconArrowLeft } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { isApiError } from '../../../web/api-client'
import { useFormat } from '../../../web/i18n/format'
import { DetailList } from '../../../web/ui/detail-list'
import { EmptyState } from '../../../web/ui/empty-state'
import { LoadingState } from '../../../web/ui/loading-state'
import { PageHeader } from '../../../web/ui/page-header'
import { QueryError } from '../../../web/ui/query-error'
import { AnchorLink } from '../../../web/ui/router-links'
import { StatusBadge } from '../../../web/ui/status-badge'
import { useMailMessage } from './mail.queries'
import { extractLinks, MAIL_TONES } from './mail-status'

export function MailMessagePage({ messageId }: { messageId: string }) {
  const { t } = useTranslation()
  const format = useFormat()
  const message = useMailMessage(messageId)
  const back = (
    <AnchorLink to="/outbox" size="sm">
      <Group gap={4} component="span">
        <IconArrowLeft size={14} aria-hidden="true" />
        {t('outbox.message.back')}
      </Group>
    </AnchorLink>
  )

  if (message.isPending) return <LoadingState />
  if (isApiError(message.error, 'NOT_FOUND')) {
    return (
      <>
        <PageHeader title={t('outbox.message.notFound')} back={back} />
        <EmptyState title={t('outbox.message.notFound')} />
      </>
    )
  }
  if (message.error) {
    return (
      <>
        <PageHeader title={t('outbox.title')} back={back} />
        <QueryError error={message.error} onRetry={() => void message.refetch()} />
      </>
    )
  }

  const mail = message.data
  const links = extractLinks(mail.text)
  return (
    <>
      <PageHeader title={mail.subject} back={back} />
      <Stack gap="lg">
        <Card withBorder radius="md" padding="lg">
          <DetailList
            cols={3}
            items={[
              { label: t('outbox.columns.to'), value: mail.to },
              {
                label: t('outbox.columns.status'),
                value: <StatusBadge tone={MAIL_TONES[mail.status]}>{t(`outbox.status.${mail.status}`)}</StatusBadge>,
              },
              { label: t('outbox.columns.createdAt'), value: format.dateTime(mail.createdAt) },
              { label: t('outbox.columns.sentAt'), value: mail.sentAt ? format.dateTime(mail.sentAt) : null },
              ...(mail.error ? [{ label: t('outbox.message.error'), value: mail.error }] : []),
            ]}
          />
        </Card>
        {links.length > 0 ? (
          <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="mail-links">
            <Stack gap="xs">
              <Title order={2} size="h4" id="mail-links">
                {t('outbox.message.links')}
              </Title>
              <Text size="sm" c="dimmed">
                {t('outbox.message.linksHint')}
              </Text>
              <List spacing={4}>
                {links.map((link) => (
                  <List.Item key={link}>
                    <Anchor href={link} style={{ wordBreak: 'break-all' }}>
                      {link}
                    </Anchor>
                  </List.Item>
                ))}
              </List>
            </Stack>
          </Card>
        ) : null}
        <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="mail-text">
          <Stack gap="xs">
            <Title order={2} size="h4" id="mail-text">
              {t('outbox.message.text')}
            </Title>
            <Text component="pre" size="sm" m={0} style={{ whiteSpace: 'pre-wrap', fontFamily: 'inherit' }}>
              {mail.text}
            </Text>
          </Stack>
        </Card>
        {mail.html ? (
          <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="mail-html">
            <Stack gap="xs">
              <Title order={2} size="h4" id="mail-html">
                {t('outbox.message.html')}
              </Title>
              {/* Sandboxed without scripts or same-origin rights: the message's HTML cannot run code here. */}
              <iframe
                title={t('outbox.message.htmlFrame', { subject: mail.subject })}
                sandbox=""
                srcDoc={mail.html}
                style={{ width: '100%', minHeight: 400, border: '1px solid var(--mantine-color-gray-3)', borderRadius: 4 }}
              />
            </Stack>
          </Card>
        ) : null}
      </Stack>
    </>
  )
}
