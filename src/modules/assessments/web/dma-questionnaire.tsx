/**
 * The DMA questionnaire as a form, drawn from the instrument data (ADR 0019): one section per
 * dimension, one control per question type. Works on a phone: matrices are laid out row by row,
 * never as wide tables. Controlled: the caller owns the answers (and autosaves them).
 */
import { Alert, Badge, Checkbox, Group, Paper, SegmentedControl, Stack, Text, Textarea, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useFormat } from '../../../web/i18n/format'
import type { Locale } from '../../identity/identity.contract'
import { DMA_TRISTATE_VALUES, type DmaAnswerIssue, type DmaTristateValue } from '../assessments.contract'
import { formatDmaIssue, INVEST_COLUMNS, SCALE_05_LABELS, TRISTATE_LABELS, type DmaInstrument, type DmaQuestion } from '../assessments.reference'

export type DmaDraftAnswers = Record<string, unknown>


function numbers(value: unknown): number[] {
  return Array.isArray(value) ? value.filter((v): v is number => typeof v === 'number') : []
}

function dual(value: unknown): { plan: number[]; already: number[] } {
  const v = (value ?? {}) as { plan?: unknown; already?: unknown }
  return { plan: numbers(v.plan), already: numbers(v.already) }
}

function rows<T>(value: unknown, length: number, fallback: T): T[] {
  const list = Array.isArray(value) ? (value as T[]) : []
  return Array.from({ length }, (_, i) => list[i] ?? fallback)
}

/** Whether a question holds anything but its empty answer (for the progress count). */
export function isQuestionAnswered(question: DmaQuestion, value: unknown): boolean {
  if (value === undefined || value === null) return false
  switch (question.type) {
    case 'checkbox':
      return numbers(value).length > 0
    case 'dual': {
      const d = dual(value)
      return d.plan.length + d.already.length > 0
    }
    case 'scale05':
      return numbers(value).some((v) => v > 0)
    case 'tristate':
      return Array.isArray(value) && value.some((v) => v !== 'no')
  }
}

interface QuestionProps {
  question: DmaQuestion
  value: unknown
  locale: Locale
  readOnly: boolean
  onChange: (value: unknown) => void
}

function CheckboxQuestion({ question, value, locale, readOnly, onChange }: QuestionProps) {
  const selected = numbers(value)
  const exclusive = new Set(question.exclusiveOptions ?? [])
  const toggle = (option: number, checked: boolean) => {
    if (!checked) return onChange(selected.filter((o) => o !== option))
    // dma.md: an exclusive option (SME Q7 option 2) clears the others, and any other clears it.
    if (exclusive.has(option)) return onChange([option])
    return onChange([...selected.filter((o) => !exclusive.has(o)), option].sort((a, b) => a - b))
  }
  return (
    <Stack gap={6} role="group" aria-labelledby={`${question.id}-label`}>
      {question.options.map((option, index) => {
        const n = index + 1
        return (
          <Checkbox
            key={n}
            label={option[locale]}
            checked={selected.includes(n)}
            disabled={readOnly}
            onChange={(event) => toggle(n, event.currentTarget.checked)}
          />
        )
      })}
    </Stack>
  )
}

function DualQuestion({ question, value, locale, readOnly, onChange }: QuestionProps) {
  const current = dual(value)
  const columns = question.columns ?? INVEST_COLUMNS
  const toggle = (column: 'plan' | 'already', row: number, checked: boolean) => {
    const next = checked ? [...current[column].filter((r) => r !== row), row].sort((a, b) => a - b) : current[column].filter((r) => r !== row)
    onChange({ ...current, [column]: next })
  }
  return (
    <Stack gap="xs" role="group" aria-labelledby={`${question.id}-label`}>
      {question.options.map((option, index) => {
        const n = index + 1
        return (
          <Paper key={n} withBorder p="xs" radius="sm">
            <Text size="sm" mb={4}>
              {option[locale]}
            </Text>
            <Group gap="lg">
              {(['plan', 'already'] as const).map((column) => (
                <Checkbox
                  key={column}
                  label={columns[column][locale]}
                  aria-label={`${option[locale]}: ${columns[column][locale]}`}
                  checked={current[column].includes(n)}
                  disabled={readOnly}
                  onChange={(event) => toggle(column, n, event.currentTarget.checked)}
                />
              ))}
            </Group>
          </Paper>
        )
      })}
    </Stack>
  )
}

function ScaleQuestion({ question, value, locale, readOnly, onChange }: QuestionProps) {
  const values = rows<number>(value, question.options.length, 0)
  return (
    <Stack gap="xs">
      {question.options.map((option, index) => (
        <Paper key={index} withBorder p="xs" radius="sm">
          <Text size="sm" mb={4} id={`${question.id}-${index + 1}`}>
            {option[locale]}
          </Text>
          <SegmentedControl
            fullWidth
            size="xs"
            disabled={readOnly}
            aria-labelledby={`${question.id}-${index + 1}`}
            value={String(values[index] ?? 0)}
            onChange={(v) => onChange(values.map((old, i) => (i === index ? Number(v) : old)))}
            data={SCALE_05_LABELS.map((label, v) => ({ value: String(v), label: <span title={label[locale]}>{v}</span> }))}
          />
          <Text size="xs" c="dimmed" mt={2}>
            {SCALE_05_LABELS[values[index] ?? 0]?.[locale]}
          </Text>
        </Paper>
      ))}
    </Stack>
  )
}

function TristateQuestion({ question, value, locale, readOnly, onChange }: QuestionProps) {
  const values = rows<DmaTristateValue>(value, question.options.length, 'no')
  return (
    <Stack gap="xs">
      {question.options.map((option, index) => (
        <Paper key={index} withBorder p="xs" radius="sm">
          <Text size="sm" mb={4} id={`${question.id}-${index + 1}`}>
            {option[locale]}
          </Text>
          <SegmentedControl
            fullWidth
            size="xs"
            disabled={readOnly}
            aria-labelledby={`${question.id}-${index + 1}`}
            value={values[index] ?? 'no'}
            onChange={(v) => onChange(values.map((old, i) => (i === index ? (v as DmaTristateValue) : old)))}
            data={DMA_TRISTATE_VALUES.map((v) => ({ value: v, label: TRISTATE_LABELS[v][locale] }))}
          />
        </Paper>
      ))}
    </Stack>
  )
}

const CONTROLS = { checkbox: CheckboxQuestion, dual: DualQuestion, scale05: ScaleQuestion, tristate: TristateQuestion } as const

export interface DmaQuestionnaireProps {
  instrument: DmaInstrument
  answers: DmaDraftAnswers
  onChange: (answers: DmaDraftAnswers) => void
  /** Assisted mode: an evidence note per question. */
  evidence?: Record<string, string>
  onEvidenceChange?: (evidence: Record<string, string>) => void
  /** Problems the server (or the engine) found, shown under their question. */
  issues?: readonly DmaAnswerIssue[]
  readOnly?: boolean
}

export function DmaQuestionnaire({ instrument, answers, onChange, evidence, onEvidenceChange, issues = [], readOnly = false }: DmaQuestionnaireProps) {
  const { t } = useTranslation()
  const { locale } = useFormat()
  const answered = instrument.questions.filter((q) => isQuestionAnswered(q, answers[q.id])).length
  return (
    <Stack gap="lg">
      {locale === 'it' && !instrument.italian.official && (
        <Alert variant="outline" color="gray" title={t('assessments.questionnaire.unofficialTitle')}>
          {instrument.italian.notice.it}
        </Alert>
      )}
      <Text size="sm" aria-live="polite">
        {t('assessments.questionnaire.progress', { answered, total: instrument.questions.length })}
      </Text>
      {instrument.dimensions.map((dimension) => (
        <Stack key={dimension.id} gap="md" component="section" aria-labelledby={`dimension-${dimension.id}`}>
          <Title order={3} id={`dimension-${dimension.id}`}>
            {dimension.id} · {dimension.name[locale]}
          </Title>
          {instrument.questions
            .filter((q) => q.dimension === dimension.id)
            .map((question) => {
              const Control = CONTROLS[question.type]
              const problems = issues.filter((i) => i.question === question.id)
              return (
                <Paper key={question.id} withBorder p="md" radius="md" data-question={question.id}>
                  <Stack gap="sm">
                    <Group gap="xs" wrap="nowrap" align="flex-start">
                      <Badge variant="outline" color="gray">
                        {question.id}
                      </Badge>
                      <Text fw={600} id={`${question.id}-label`}>
                        {question.text[locale]}
                      </Text>
                    </Group>
                    <Control
                      question={question}
                      value={answers[question.id]}
                      locale={locale}
                      readOnly={readOnly}
                      onChange={(value) => onChange({ ...answers, [question.id]: value })}
                    />
                    {problems.map((problem, index) => (
                      <Text key={index} size="sm" c="red.8" role="alert">
                        {formatDmaIssue(problem, locale)}
                      </Text>
                    ))}
                    {onEvidenceChange && (
                      <Textarea
                        label={t('assessments.questionnaire.evidence')}
                        autosize
                        minRows={1}
                        disabled={readOnly}
                        value={evidence?.[question.id] ?? ''}
                        onChange={(event) => onEvidenceChange({ ...evidence, [question.id]: event.currentTarget.value })}
                      />
                    )}
                  </Stack>
                </Paper>
              )
            })}
        </Stack>
      ))}
    </Stack>
  )
}
