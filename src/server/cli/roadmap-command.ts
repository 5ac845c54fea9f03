/**
 * `ponte roadmap draft`: drafts a roadmap from a DMA answers file with the pure engine and the
 * built-in action catalogue. It opens no database and reads no environment (like `ponte dma score`).
 * Exit codes: 0 drafted (a table, or JSON with --json, on stdout); 2 answers file unreadable, not
 * JSON or invalid (the issues on stderr, as JSON); 1 bad options (instrument, locale, targets...).
 */
import fs from 'node:fs'
import type { Command } from 'commander'
import { DMA_DIMENSION_IDS, DMA_INSTRUMENT_IDS, type DmaDimensionId, type DmaInstrumentId } from '../../modules/assessments/assessments.contract'
import { DmaValidationError, findDmaRules, formatDmaIssue } from '../../modules/assessments'
import { draftRoadmap, HORIZON_LABELS, RoadmapInputError, type RoadmapDraft } from '../../modules/roadmaps'
import { CliExit, type CliIo } from './cli-io'

export interface RoadmapDraftOptions {
  instrument: string
  json?: boolean
  locale?: string
  /** `D1=60` pairs. */
  target?: string[]
  /** `D4=5` pairs. */
  importance?: string[]
}

function pairs(values: readonly string[] | undefined, option: string): Partial<Record<DmaDimensionId, number>> {
  const result: Partial<Record<DmaDimensionId, number>> = {}
  for (const value of values ?? []) {
    const match = /^(D[1-6])=(-?\d+(?:\.\d+)?)$/.exec(value.trim())
    if (!match) throw new CliExit(`--${option} takes DIMENSION=NUMBER, e.g. D1=60 (got "${value}").`, 1)
    result[match[1] as DmaDimensionId] = Number(match[2])
  }
  return result
}

function formatNumber(value: number, locale: 'it' | 'en', decimals = 1): string {
  const text = value.toFixed(decimals)
  return locale === 'it' ? text.replace('.', ',') : text
}

const HEADINGS = {
  it: { title: 'Bozza di roadmap', overall: 'Punteggio complessivo', dimension: 'Dimensione', score: 'punteggio', target: 'obiettivo', gap: 'divario', none: 'nessuno', items: 'Azioni', empty: 'Nessuna azione: ogni dimensione ha raggiunto il suo obiettivo o le sue voci sono già in atto.', priority: 'priorità' },
  en: { title: 'Roadmap draft', overall: 'Overall score', dimension: 'Dimension', score: 'score', target: 'target', gap: 'gap', none: 'none', items: 'Actions', empty: 'No actions: every dimension has reached its target or its items are already in place.', priority: 'priority' },
} as const

function bandLabel(draft: RoadmapDraft, band: string, locale: 'it' | 'en'): string {
  return findDmaRules(draft.rulesVersion)?.bands.find((b) => b.id === band)?.label[locale] ?? band
}

/** The roadmap as readable text: dimensions with targets and gaps, then one block per item. */
export function formatRoadmapDraft(draft: RoadmapDraft, locale: 'it' | 'en'): string {
  const h = HEADINGS[locale]
  const lines = [
    `${h.title}: ${draft.instrument} ${draft.instrumentVersion}, rules ${draft.rulesVersion}, catalogue ${draft.catalogueVersion}`,
    `${h.overall}: ${formatNumber(draft.overall.score, locale)} (${bandLabel(draft, draft.overall.band, locale)})`,
    '',
    ...draft.dimensions.map(
      (d) =>
        `${d.dimension} ${d.name[locale]}: ${h.score} ${formatNumber(d.score, locale)} (${bandLabel(draft, d.band, locale)}), ${h.target} ${d.target === null ? h.none : formatNumber(d.target, locale)}, ${h.gap} ${formatNumber(d.gap, locale)}`,
    ),
    '',
    `${h.items} (${draft.items.length}):`,
  ]
  if (draft.items.length === 0) lines.push(h.empty)
  for (const item of draft.items) {
    lines.push(`${String(item.order).padStart(2)}. ${item.actionId}  [${item.dimension} · ${HORIZON_LABELS[item.horizon][locale]} · ${h.priority} ${formatNumber(item.priority, locale, 2)}]`)
    lines.push(`    ${item.title[locale]}`)
    for (const reason of item.reasons) lines.push(`    - ${reason.text[locale]}`)
  }
  return `${lines.join('\n')}\n`
}

/** What `ponte roadmap draft` prints; throws `CliExit` (cli.ts reports it on stderr). */
export function runRoadmapDraft(file: string, options: RoadmapDraftOptions): string {
  const locale = options.locale ?? 'it'
  if (locale !== 'it' && locale !== 'en') throw new CliExit(`--locale is it or en, not "${locale}".`, 1)
  if (!(DMA_INSTRUMENT_IDS as readonly string[]).includes(options.instrument)) {
    throw new CliExit(`Unknown instrument "${options.instrument}": use ${DMA_INSTRUMENT_IDS.join(' or ')}.`, 1)
  }
  const targets = pairs(options.target, 'target')
  const importance = pairs(options.importance, 'importance')

  let text: string
  try {
    text = fs.readFileSync(file, 'utf8')
  } catch (error) {
    throw new CliExit(`Cannot read the answers file ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}.`, 2)
  }
  let answers: unknown
  try {
    answers = JSON.parse(text)
  } catch (error) {
    throw new CliExit(`The answers file ${file} is not valid JSON: ${(error as Error).message}`, 2)
  }

  try {
    const draft = draftRoadmap({ instrument: options.instrument as DmaInstrumentId, answers, targets, importance })
    return options.json ? `${JSON.stringify(draft, null, 2)}\n` : formatRoadmapDraft(draft, locale)
  } catch (error) {
    if (error instanceof DmaValidationError) {
      const errors = error.issues.map((issue) => {
        const { messageKey: _messageKey, ...fields } = issue
        return { ...fields, message: formatDmaIssue(issue, locale) }
      })
      throw new CliExit(JSON.stringify({ errors }, null, 2), 2)
    }
    if (error instanceof RoadmapInputError) {
      throw new CliExit(error.issues.map((i) => `${i.field}: ${i.code === 'targetOutOfRange' ? 'a target is 0-100' : i.code === 'ratingOutOfRange' ? 'importance is an integer 1-5' : i.code} (got ${i.value}).`).join('\n'), 1)
    }
    throw error
  }
}

const collect = (value: string, previous: string[] = []) => [...previous, value]

export function registerRoadmapCommands(program: Command, io: CliIo): void {
  const roadmap = program.command('roadmap').description('digital roadmaps drafted from DMA answers')
  roadmap
    .command('draft')
    .argument('<answers>', 'answers JSON file (one key per question, as in the DMA answer format)')
    .requiredOption('--instrument <id>', `questionnaire: ${DMA_INSTRUMENT_IDS.join(' | ')}`)
    .option('--json', 'print the full draft as JSON (items, reasons, moves, priorities)')
    .option('--locale <locale>', 'language of the text and of validation messages: it | en', 'it')
    .option('--target <dimension=score>', `custom target of a dimension (${DMA_DIMENSION_IDS.join(', ')}), repeatable`, collect)
    .option('--importance <dimension=1-5>', 'business importance of a dimension, repeatable (default 3)', collect)
    .description('draft a roadmap from an answers file with the built-in action catalogue (exit 2 on unreadable or invalid answers)')
    .action((file: string, options: RoadmapDraftOptions) => {
      io.stdout.write(runRoadmapDraft(file, options))
    })
}
