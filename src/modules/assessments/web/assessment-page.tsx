/**
 * One assessment for hub staff and experts: fill it (assisted: with an evidence note per question;
 * every change saved by itself), send the self-assessment link, submit, validate, correct; then the
 * results — scores with bands, the radar with the company's other validated stages, the
 * interpretation, what would raise each dimension, and the PDF report.
 */
import { Accordion, Alert, Anchor, Button, Group, Modal, Select, Stack, Table, Text, Textarea, TextInput, Title, VisuallyHidden } from '@mantine/core'
import { useDebouncedCallback, useDisclosure } from '@mantine/hooks'
import { useNavigate } from '@tanstack/react-router'
import { type ReactNode, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useFormat } from '../../../web/i18n/format'
import { confirmAction } from '../../../web/ui/confirm'
import { LoadingState } from '../../../web/ui/loading-state'
import { notifyError, notifySuccess } from '../../../web/ui/notify'
import { PageHeader } from '../../../web/ui/page-header'
import { QueryError } from '../../../web/ui/query-error'
import { AnchorLink } from '../../../web/ui/router-links'
import { DMA_DIMENSION_IDS, type Assessment, type AssessmentScores } from '../assessments.contract'
import { getDmaInstrument, type DmaInstrument } from '../assessments.reference'
import { useAssessment, useAssessmentAction, useCompanyAssessments, useDeleteAssessment, useSendAssessmentLink, useSendAssessmentReport, useUpdateAssessment } from './assessments.queries'
import { StagesRadar, validatedStages } from './company-assessments-panel'
import { DmaQuestionnaire, type DmaDraftAnswers } from './dma-questionnaire'
import { AssessmentAttachments } from './assessment-attachments'
import { AssessmentBenchmarkSection } from './assessment-benchmark'
import { AssessmentCustomerDataSection } from './assessment-customer-data'
import { DmaBandBadge, formatScore } from './dma-results'

/**
 * `extraActions`: what modules above assessments add to the header (the shell wires roadmaps'
 * "Genera roadmap" there, as it composes the company page's tabs).
 */
export function AssessmentPage({ id, extraActions }: { id: string; extraActions?: (assessment: Assessment) => ReactNode }) {
  const query = useAssessment(id)
  if (query.isPending) return <LoadingState />
  if (query.error) return <QueryError error={query.error} onRetry={() => void query.refetch()} />
  return <AssessmentView assessment={query.data} extraActions={extraActions} />
}

function AssessmentView({ assessment, extraActions }: { assessment: Assessment; extraActions?: ((assessment: Assessment) => ReactNode) | undefined }) {
  const { t } = useTranslation()
  const { locale } = useFormat()
  const instrument = getDmaInstrument(assessment.instrument, assessment.instrumentVersion)
  return (
    <Stack gap="lg">
      <PageHeader
        title={t('assessments.page.title', { stage: assessment.stage, company: assessment.companyName })}
        description={`${instrument.title[locale]} · ${t(`assessments.modes.${assessment.mode}`)} · ${t(`assessments.statuses.${assessment.status}`)}`}
        back={
          <AnchorLink to="/companies/$companyId" params={{ companyId: assessment.companyId }} size="sm">
            ← {assessment.companyName}
          </AnchorLink>
        }
        actions={
          <>
            {extraActions?.(assessment)}
            <Actions assessment={assessment} />
          </>
        }
      />
      <AssessmentCustomerDataSection assessment={assessment} />
      {assessment.can.update ? <EditableAnswers assessment={assessment} instrument={instrument} /> : null}
      {assessment.mode !== 'self' || assessment.status !== 'draft' ? <AssessmentAttachments assessment={assessment} instrument={instrument} /> : null}
      {assessment.status !== 'draft' && assessment.scores && <Results assessment={assessment} instrument={instrument} />}
      {!assessment.can.update && assessment.status === 'draft' && <Alert variant="outline">{t('assessments.page.readOnlyDraft')}</Alert>}
    </Stack>
  )
}

function Actions({ assessment }: { assessment: Assessment }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const submit = useAssessmentAction(assessment.id, 'submit')
  const validate = useAssessmentAction(assessment.id, 'validate')
  const correct = useAssessmentAction(assessment.id, 'correct')
  const remove = useDeleteAssessment(assessment)
  const [linkOpened, link] = useDisclosure(false)
  const [reportOpened, reportModal] = useDisclosure(false)
  const sendLink = useSendAssessmentLink(assessment.id)
  const sendReport = useSendAssessmentReport(assessment.id)
  const run = async (action: typeof submit, key: 'submit' | 'validate' | 'correct') => {
    const confirmed = await confirmAction({ title: t(`assessments.page.${key}Title`), message: t(`assessments.page.${key}Message`), confirmLabel: t(`assessments.page.${key}`) })
    if (!confirmed) return
    action.mutate(undefined, {
      onSuccess: (result) => {
        notifySuccess(t(`assessments.page.${key}Done`))
        if (result.id !== assessment.id) void navigate({ to: '/assessments/$id', params: { id: result.id } })
      },
      onError: notifyError,
    })
  }
  const onDelete = async () => {
    const confirmed = await confirmAction({ title: t('assessments.page.deleteTitle'), message: t('assessments.page.deleteMessage'), confirmLabel: t('assessments.page.delete'), danger: true })
    if (confirmed)
      remove.mutate(undefined, {
        onSuccess: () => void navigate({ to: '/companies/$companyId', params: { companyId: assessment.companyId } }),
        onError: notifyError,
      })
  }
  return (
    <Group gap="sm">
      {assessment.can.sendLink && (
        <Button variant="default" onClick={link.open}>
          {t('assessments.page.sendLink')}
        </Button>
      )}
      {assessment.can.submit && <Button onClick={() => void run(submit, 'submit')} loading={submit.isPending}>{t('assessments.page.submit')}</Button>}
      {assessment.can.validate && <Button onClick={() => void run(validate, 'validate')} loading={validate.isPending}>{t('assessments.page.validate')}</Button>}
      {assessment.can.correct && (
        <Button variant="default" onClick={() => void run(correct, 'correct')} loading={correct.isPending}>
          {t('assessments.page.correct')}
        </Button>
      )}
      {assessment.status === 'validated' && (
        <Anchor href={`/api/assessments/${assessment.id}/report.pdf`} download>
          {t('assessments.page.report')}
        </Anchor>
      )}
      {assessment.status === 'validated' && assessment.can.correct && (
        <Button variant="default" onClick={reportModal.open}>
          {t('assessments.page.sendReport')}
        </Button>
      )}
      {assessment.can.delete && (
        <Button variant="outline" color="red.9" onClick={() => void onDelete()} loading={remove.isPending}>
          {t('assessments.page.delete')}
        </Button>
      )}
      <EmailModal
        opened={linkOpened}
        onClose={link.close}
        title={t('assessments.page.sendLinkTitle')}
        text={t('assessments.page.sendLinkText')}
        languageLabel={t('assessments.page.language')}
        pending={sendLink.isPending}
        onSend={(input, callbacks) =>
          sendLink.mutate(input, { onSuccess: () => callbacks.onSuccess(t('assessments.page.linkSent', { email: input.email })), onError: callbacks.onError })
        }
      />
      <EmailModal
        opened={reportOpened}
        onClose={reportModal.close}
        title={t('assessments.page.sendReportTitle')}
        text={t('assessments.page.sendReportText')}
        languageLabel={t('assessments.page.reportLanguage')}
        withMessage
        pending={sendReport.isPending}
        onSend={(input, callbacks) =>
          sendReport.mutate(input, {
            onSuccess: (sent) => callbacks.onSuccess(t(sent.delivery === 'failed' ? 'assessments.page.reportFailed' : 'assessments.page.reportSent', { email: sent.email })),
            onError: callbacks.onError,
          })
        }
      />
    </Group>
  )
}

interface EmailInput {
  email: string
  locale: 'it' | 'en'
  message?: string
}

/** Asks for an address, a language and (optionally) a personal line, then sends; errors stay in the form. */
function EmailModal(props: {
  opened: boolean
  onClose: () => void
  title: string
  text: string
  languageLabel: string
  withMessage?: boolean
  pending: boolean
  onSend: (input: EmailInput, callbacks: { onSuccess: (notice: string) => void; onError: (error: Error) => void }) => void
}) {
  const { t } = useTranslation()
  const [email, setEmail] = useState('')
  const [locale, setLocale] = useState<'it' | 'en'>('it')
  const [message, setMessage] = useState('')
  const [error, setError] = useState<string | null>(null)
  const onSend = () => {
    setError(null)
    props.onSend(
      { email, locale, ...(props.withMessage && message.trim() ? { message } : {}) },
      {
        onSuccess: (notice) => {
          notifySuccess(notice)
          props.onClose()
        },
        onError: (e) => setError(e.message),
      },
    )
  }
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={props.title}>
      <Stack>
        <Text size="sm">{props.text}</Text>
        <TextInput label={t('assessments.page.email')} type="email" value={email} onChange={(e) => setEmail(e.currentTarget.value)} error={error} required />
        <Select
          label={props.languageLabel}
          data={[
            { value: 'it', label: 'Italiano' },
            { value: 'en', label: 'English' },
          ]}
          value={locale}
          onChange={(v) => setLocale(v === 'en' ? 'en' : 'it')}
          allowDeselect={false}
        />
        {props.withMessage && <Textarea label={t('assessments.page.message')} value={message} onChange={(e) => setMessage(e.currentTarget.value)} autosize minRows={2} maxLength={2000} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={onSend} loading={props.pending}>
            {t('assessments.page.send')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}

function EditableAnswers({ assessment, instrument }: { assessment: Assessment; instrument: DmaInstrument }) {
  const { t } = useTranslation()
  const format = useFormat()
  const update = useUpdateAssessment(assessment.id)
  const [answers, setAnswers] = useState<DmaDraftAnswers>(assessment.answers)
  const [evidence, setEvidence] = useState<Record<string, string>>(assessment.evidence)
  const pending = useRef<{ answers?: DmaDraftAnswers; evidence?: Record<string, string> }>({})
  const [savedAt, setSavedAt] = useState<Date | null>(null)
  const save = useDebouncedCallback(() => {
    const input = pending.current
    pending.current = {}
    update.mutate(input, { onSuccess: () => setSavedAt(new Date()), onError: notifyError })
  }, 600)
  return (
    <Stack gap="md">
      <DmaQuestionnaire
        instrument={instrument}
        answers={answers}
        onChange={(next) => {
          setAnswers(next)
          pending.current.answers = next
          save()
        }}
        evidence={evidence}
        onEvidenceChange={
          assessment.mode === 'assisted'
            ? (next) => {
                setEvidence(next)
                pending.current.evidence = next
                save()
              }
            : undefined
        }
        issues={assessment.issues}
      />
      <Text size="sm" c="dimmed" role="status" aria-live="polite">
        {update.isPending ? t('assessments.self.saving') : savedAt ? t('assessments.self.saved', { time: format.time(savedAt) }) : ''}
      </Text>
    </Stack>
  )
}

function Results({ assessment, instrument }: { assessment: Assessment; instrument: DmaInstrument }) {
  const { t } = useTranslation()
  const { locale } = useFormat()
  const company = useCompanyAssessments(assessment.companyId)
  const scores = assessment.scores
  if (!scores) return null
  const stages = company.data ? validatedStages(company.data.items.filter((i) => i.instrument === assessment.instrument)) : []
  return (
    <Stack gap="md" component="section" aria-labelledby="results-title">
      <Title order={2} id="results-title">
        {t('assessments.page.results')}
      </Title>
      <Group gap="sm">
        <Text fw={700} size="xl">
          {t('assessments.fields.overall')}: {formatScore(scores.overall, locale)} / 100
        </Text>
        <DmaBandBadge band={scores.band} />
      </Group>
      <Text>{scores.interpretation.overall}</Text>
      {stages.length > 0 ? <StagesRadar summaries={stages} /> : null}
      {DMA_DIMENSION_IDS.map((d) => {
        const best = [...(scores.improvements[d] ?? [])].sort((a, b) => b.dimensionPoints - a.dimensionPoints).slice(0, 3)
        return (
          <Stack key={d} gap={4}>
            <Title order={3}>
              {d} {instrument.dimensions.find((x) => x.id === d)?.name[locale]} — {formatScore(scores.dimensions[d] ?? 0, locale)} <DmaBandBadge band={scores.dimensionBands[d] ?? 'basic'} />
            </Title>
            <Text size="sm">{scores.interpretation.dimensions[d]}</Text>
            {best.length > 0 && (
              <Text size="sm" component="ul">
                {best.map((b) => (
                  <li key={`${b.question}-${b.column ?? ''}-${b.item}`}>
                    {instrument.questions.find((q) => q.id === b.question)?.options[b.item - 1]?.[locale]} (+{formatScore(b.dimensionPoints, locale)})
                  </li>
                ))}
              </Text>
            )}
          </Stack>
        )
      })}
      <AssessmentBenchmarkSection assessmentId={assessment.id} instrument={instrument} validated={assessment.status === 'validated' || assessment.status === 'superseded'} />
      <BlockPoints blocks={scores.blocks} instrument={instrument} />
    </Stack>
  )
}

/** How each score was reached: the points of every block (question or matrix column), out of 10. */
function BlockPoints({ blocks, instrument }: { blocks: AssessmentScores['blocks']; instrument: DmaInstrument }) {
  const { t } = useTranslation()
  const { locale } = useFormat()
  if (blocks.length === 0) return null
  const inputsOf = (block: AssessmentScores['blocks'][number]) => {
    switch (block.formula) {
      case 'count':
      case 'countExcluding':
        return t('assessments.points.selected', { selected: block.inputs.selected, of: block.inputs.denominator })
      case 'sum05':
      case 'tristate':
        return t('assessments.points.sum', { sum: formatScore(block.inputs.sum, locale), of: block.inputs.max })
    }
  }
  return (
    <Accordion variant="contained">
      <Accordion.Item value="points">
        <Accordion.Control>{t('assessments.points.title')}</Accordion.Control>
        <Accordion.Panel>
          <Table.ScrollContainer minWidth={560}>
            <Table striped>
              <VisuallyHidden component="caption">{t('assessments.points.title')}</VisuallyHidden>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('assessments.points.question')}</Table.Th>
                  <Table.Th scope="col">{t('assessments.results.dimension')}</Table.Th>
                  <Table.Th scope="col">{t('assessments.points.inputs')}</Table.Th>
                  <Table.Th scope="col">{t('assessments.points.points')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {blocks.map((block) => {
                  const question = instrument.questions.find((q) => q.id === block.question)
                  const column = block.column && question?.columns ? ` — ${question.columns[block.column][locale]}` : ''
                  return (
                    <Table.Tr key={block.id}>
                      <Table.Th scope="row" fw={400}>
                        {block.question} {question?.text[locale]}
                        {column}
                      </Table.Th>
                      <Table.Td>{block.dimension}</Table.Td>
                      <Table.Td>{inputsOf(block)}</Table.Td>
                      <Table.Td>{formatScore(block.points, locale)} / 10</Table.Td>
                    </Table.Tr>
                  )
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Accordion.Panel>
      </Accordion.Item>
    </Accordion>
  )
}
