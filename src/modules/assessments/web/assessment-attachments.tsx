/**
 * Evidence files of an assessment (photos, procedures, inventories), optionally tied to a question:
 * listed for staff and the assessor, added and removed while the assessment is a draft.
 */
import { ActionIcon, Anchor, Button, FileInput, Group, Select, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core'
import { IconTrash } from '@tabler/icons-react'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { api } from '../../../web/api-client'
import { useFormat } from '../../../web/i18n/format'
import { confirmAction } from '../../../web/ui/confirm'
import { notifyError, notifySuccess } from '../../../web/ui/notify'
import { fileToBase64 } from '../../companies/web'
import { ASSESSMENT_ATTACHMENT_MAX_BYTES, ASSESSMENT_ATTACHMENT_TYPES, type Assessment, type AssessmentAttachment, type AssessmentAttachmentUploadInput } from '../assessments.contract'
import type { DmaInstrument } from '../assessments.reference'

const key = (id: string) => ['assessments', 'attachments', id] as const

export function AssessmentAttachments({ assessment, instrument }: { assessment: Assessment; instrument: DmaInstrument }) {
  const { t } = useTranslation()
  const { locale, number, date } = useFormat()
  const queryClient = useQueryClient()
  const list = useQuery({
    queryKey: key(assessment.id),
    queryFn: ({ signal }) => api.get<{ items: AssessmentAttachment[] }>(`/api/assessments/${assessment.id}/attachments`, { signal }),
    retry: false,
    // Not everyone may see this (an expert, a company member): a refusal just hides the section.
    meta: { handlesErrors: true },
  })
  const [file, setFile] = useState<File | null>(null)
  const [questionId, setQuestionId] = useState<string>('')
  const [error, setError] = useState<string | null>(null)
  const upload = useMutation({
    mutationFn: async (chosen: File) => {
      const body: AssessmentAttachmentUploadInput = { fileName: chosen.name, contentType: chosen.type, content: await fileToBase64(chosen), ...(questionId ? { questionId } : {}) }
      return api.post<AssessmentAttachment>(`/api/assessments/${assessment.id}/attachments`, body)
    },
    onSuccess: (added) => {
      setFile(null)
      setError(null)
      notifySuccess(t('assessments.attachments.added', { name: added.fileName }))
      void queryClient.invalidateQueries({ queryKey: key(assessment.id) })
    },
    onError: (e) => setError(e.message),
  })
  const remove = useMutation({
    mutationFn: (attachment: AssessmentAttachment) => api.delete(`/api/assessments/${assessment.id}/attachments/${attachment.id}`),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: key(assessment.id) }),
    onError: notifyError,
  })
  // Company members (and anyone else) do not see the hub's evidence: nothing to show.
  if (list.isError || !list.data) return null
  const editable = assessment.can.update
  const items = list.data.items
  const onRemove = async (attachment: AssessmentAttachment) => {
    if (await confirmAction({ title: t('assessments.attachments.removeTitle'), message: t('assessments.attachments.removeMessage', { name: attachment.fileName }), confirmLabel: t('assessments.attachments.remove'), danger: true }))
      remove.mutate(attachment)
  }
  const onUpload = () => {
    if (!file) return
    if (file.size > ASSESSMENT_ATTACHMENT_MAX_BYTES) {
      setError(t('assessments.attachments.tooLarge', { maxMb: ASSESSMENT_ATTACHMENT_MAX_BYTES / 1024 / 1024 }))
      return
    }
    upload.mutate(file)
  }
  return (
    <Stack gap="sm" component="section" aria-labelledby="attachments-title">
      <Title order={2} id="attachments-title">
        {t('assessments.attachments.title')}
      </Title>
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('assessments.attachments.empty')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={480}>
          <Table striped>
            <VisuallyHidden component="caption">{t('assessments.attachments.title')}</VisuallyHidden>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('assessments.attachments.file')}</Table.Th>
                <Table.Th scope="col">{t('assessments.attachments.question')}</Table.Th>
                <Table.Th scope="col">{t('assessments.attachments.size')}</Table.Th>
                <Table.Th scope="col">{t('assessments.attachments.by')}</Table.Th>
                {editable && <Table.Th scope="col"><VisuallyHidden>{t('assessments.attachments.actions')}</VisuallyHidden></Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td>
                    <Anchor href={`/api/assessments/${assessment.id}/attachments/${a.id}`} download={a.fileName}>
                      {a.fileName}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{a.questionId ?? t('assessments.attachments.whole')}</Table.Td>
                  <Table.Td>{t('assessments.attachments.kb', { kb: number(Math.max(1, Math.round(a.size / 1024))) })}</Table.Td>
                  <Table.Td>
                    {a.uploadedBy?.name ?? '—'} · {date(a.createdAt)}
                  </Table.Td>
                  {editable && (
                    <Table.Td>
                      <ActionIcon variant="subtle" color="red.9" aria-label={t('assessments.attachments.removeOne', { name: a.fileName })} onClick={() => void onRemove(a)}>
                        <IconTrash size={16} aria-hidden="true" />
                      </ActionIcon>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {editable && (
        <Group align="flex-end" wrap="wrap">
          <FileInput
            label={t('assessments.attachments.choose')}
            description={t('assessments.attachments.help', { maxMb: ASSESSMENT_ATTACHMENT_MAX_BYTES / 1024 / 1024 })}
            accept={ASSESSMENT_ATTACHMENT_TYPES.join(',')}
            value={file}
            onChange={(f) => {
              setFile(f)
              setError(null)
            }}
            error={error}
            clearable
            w={{ base: '100%', sm: 320 }}
          />
          <Select
            label={t('assessments.attachments.question')}
            data={[{ value: '', label: t('assessments.attachments.whole') }, ...instrument.questions.map((q) => ({ value: q.id, label: `${q.id} ${q.text[locale]}`.slice(0, 80) }))]}
            value={questionId}
            onChange={(v) => setQuestionId(v ?? '')}
            allowDeselect={false}
            w={{ base: '100%', sm: 320 }}
          />
          <Button onClick={onUpload} disabled={!file} loading={upload.isPending}>
            {t('assessments.attachments.upload')}
          </Button>
        </Group>
      )}
    </Stack>
  )
}
