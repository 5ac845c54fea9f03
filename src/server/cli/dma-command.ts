/**
 * `ponte dma score`: scores a DMA answers file with the pure engine. It opens no database and
 * reads no environment, so it runs anywhere the code is (e.g. to check an export).
 * Exit codes: 0 scored (JSON on stdout); 2 invalid answers (the issues as JSON on stderr);
 * 1 unreadable file, bad JSON, unknown instrument, rules version or locale.
 */
import fs from 'node:fs'
import type { Command } from 'commander'
import { DMA_INSTRUMENT_IDS } from '../../modules/assessments/assessments.contract'
import {
  DEFAULT_DMA_RULES_VERSION,
  DMA_RULES_VERSIONS,
  DmaValidationError,
  findDmaInstrument,
  findDmaInstrumentRules,
  findDmaRules,
  formatDmaIssue,
  scoreDmaAnswers,
} from '../../modules/assessments'
import { CliExit } from './companies-command'

export interface DmaScoreOptions {
  instrument: string
  rules?: string
  locale?: string
}

/**
 * What `ponte dma score` prints: the JSON document for stdout. Throws `CliExit` (exit code 2 with
 * the validation issues as JSON, 1 for anything else) so cli.ts reports it on stderr.
 */
export function runDmaScore(file: string, options: DmaScoreOptions): string {
  const locale = options.locale ?? 'it'
  if (locale !== 'it' && locale !== 'en') throw new CliExit(`--locale is it or en, not "${locale}".`, 1)
  const instrument = findDmaInstrument(options.instrument)
  if (!instrument) throw new CliExit(`Unknown instrument "${options.instrument}": use ${DMA_INSTRUMENT_IDS.join(' or ')}.`, 1)
  const rulesVersion = options.rules ?? DEFAULT_DMA_RULES_VERSION
  const rules = findDmaRules(rulesVersion)
  if (!rules) throw new CliExit(`Unknown rules version "${rulesVersion}": known versions are ${DMA_RULES_VERSIONS.map((r) => r.id).join(', ')}.`, 1)
  if (!findDmaInstrumentRules(rules, instrument)) throw new CliExit(`Rules ${rules.id} do not cover ${instrument.id} version ${instrument.version}.`, 1)

  let text: string
  try {
    text = fs.readFileSync(file, 'utf8')
  } catch (error) {
    throw new CliExit(`Cannot read ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}.`, 1)
  }
  let answers: unknown
  try {
    answers = JSON.parse(text)
  } catch (error) {
    throw new CliExit(`${file} is not valid JSON: ${(error as Error).message}`, 1)
  }

  try {
    const result = scoreDmaAnswers(instrument, rules, answers)
    const output = { instrument: result.instrument, rulesVersion: result.rulesVersion, dimensions: result.dimensions, overall: result.overall, band: result.band }
    return `${JSON.stringify(output, null, 2)}\n`
  } catch (error) {
    if (!(error instanceof DmaValidationError)) throw error
    const errors = error.issues.map((issue) => {
      const { messageKey: _messageKey, ...fields } = issue
      return { ...fields, message: formatDmaIssue(issue, locale) }
    })
    throw new CliExit(JSON.stringify({ errors }, null, 2), 2)
  }
}

export function registerDmaCommands(program: Command): void {
  const dma = program.command('dma').description('EU digital maturity assessment (DMA)')
  dma
    .command('score')
    .argument('<answers>', 'answers JSON file (one key per question, as in the DMA answer format)')
    .requiredOption('--instrument <id>', `questionnaire: ${DMA_INSTRUMENT_IDS.join(' | ')}`)
    .option('--rules <version>', 'scoring rules version', DEFAULT_DMA_RULES_VERSION)
    .option('--locale <locale>', 'language of validation messages: it | en', 'it')
    .description('score an answers file; prints { instrument, rulesVersion, dimensions, overall, band } (exit 2 on invalid answers)')
    .action((file: string, options: DmaScoreOptions) => {
      process.stdout.write(runDmaScore(file, options))
    })
}
