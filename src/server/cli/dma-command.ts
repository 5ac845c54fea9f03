/**
 * `ponte dma score`: scores a DMA answers file with the pure engine. It opens no database and
 * reads no environment, so it runs anywhere the code is (e.g. to check an export).
 * `ponte dma rescore`: recomputes stored scores under a rules version (opens the database).
 * Exit codes: 0 scored (JSON on stdout); 2 invalid answers (the issues as JSON on stderr);
 * 1 unreadable file, bad JSON, unknown instrument, rules version or locale.
 */
import fs from 'node:fs'
import type { Command } from 'commander'
import pino from 'pino'
import { DMA_INSTRUMENT_IDS } from '../../modules/assessments/assessments.contract'
import {
  DEFAULT_DMA_RULES_VERSION,
  DMA_RULES_VERSIONS,
  DmaValidationError,
  findDmaInstrument,
  findDmaInstrumentRules,
  findDmaRules,
  formatDmaIssue,
  rescoreAssessments,
  scoreDmaAnswers,
  type RescoreReport,
} from '../../modules/assessments'
import type { Actor } from '../../modules/identity'
import { AppError } from '../../shared/app-error'
import { buildDeps, openAppDatabase } from '../boot'
import { loadEnv } from '../env'
import { systemContext, type RequestContext } from '../http/context'
import { CliExit, type CliIo } from './cli-io'

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

export interface DmaRescoreOptions {
  rules: string
  dryRun?: boolean
  json?: boolean
}

/** Not a user: audit entries of a rescore name it "ponte CLI" (as `ponte companies` does). */
const CLI_ACTOR: Actor = {
  userId: '00000000-0000-0000-0000-000000000000',
  name: 'ponte CLI',
  email: '',
  locale: 'it',
  grants: [],
  sharedPaths: [],
  via: 'token',
  scopes: ['read', 'write'],
}

function formatScore(score: { overall: number | null; band: string | null }): string {
  return score.overall === null ? '—' : `${score.overall.toFixed(1)} ${score.band ?? ''}`.trim()
}

/** The rescore report for stdout: JSON, or one line per changed assessment. */
export function formatRescoreReport(report: RescoreReport, json: boolean): string {
  if (json) return `${JSON.stringify(report, null, 2)}\n`
  const lines = [
    `${report.dryRun ? 'Dry run (nothing written): ' : ''}${report.changed.length} of ${report.examined} assessments ${report.dryRun ? 'would change' : 'changed'} under rules ${report.rulesVersion}.`,
    ...report.changed.map((c) => `${c.id}  ${c.status}  ${c.fromRules} ${formatScore(c.old)} → ${report.rulesVersion} ${formatScore(c.new)}`),
    ...report.skipped.map((s) => `${s.id}  skipped: ${s.reason}`),
    ...(report.importedSkipped > 0 ? [`${report.importedSkipped} imported assessments skipped: they hold scores from elsewhere and no answers to rescore.`] : []),
  ]
  return `${lines.join('\n')}\n`
}

/** `ponte dma rescore` over an open context (tests pass the test app's). */
export async function runDmaRescore(ctx: RequestContext, options: DmaRescoreOptions): Promise<string> {
  if (!findDmaRules(options.rules)) {
    throw new CliExit(`Unknown rules version "${options.rules}": known versions are ${DMA_RULES_VERSIONS.map((r) => r.id).join(', ')}.`, 1)
  }
  try {
    const report = await rescoreAssessments(ctx, { rulesVersion: options.rules, dryRun: Boolean(options.dryRun) })
    return formatRescoreReport(report, Boolean(options.json))
  } catch (error) {
    if (error instanceof AppError) throw new CliExit(error.messageKey, 1)
    throw error
  }
}

export function registerDmaCommands(program: Command, io: CliIo): void {
  const dma = program.command('dma').description('EU digital maturity assessment (DMA)')
  dma
    .command('score')
    .argument('<answers>', 'answers JSON file (one key per question, as in the DMA answer format)')
    .requiredOption('--instrument <id>', `questionnaire: ${DMA_INSTRUMENT_IDS.join(' | ')}`)
    .option('--rules <version>', 'scoring rules version', DEFAULT_DMA_RULES_VERSION)
    .option('--locale <locale>', 'language of validation messages: it | en', 'it')
    .description('score an answers file; prints { instrument, rulesVersion, dimensions, overall, band } (exit 2 on invalid answers)')
    .action((file: string, options: DmaScoreOptions) => {
      io.stdout.write(runDmaScore(file, options))
    })
  dma
    .command('rescore')
    .requiredOption('--rules <version>', 'scoring rules version to apply')
    .option('--dry-run', 'report what would change, write nothing')
    .option('--json', 'machine-readable report')
    .description('recompute the stored scores of every assessment with answers (not imported ones) under a rules version')
    .action(async (options: DmaRescoreOptions) => {
      const env = loadEnv(io.env)
      const database = await openAppDatabase(env)
      try {
        // Logs go to stderr: stdout carries the report.
        const deps = await buildDeps({ env, logger: pino({ level: env.LOG_LEVEL === 'info' ? 'warn' : env.LOG_LEVEL }, pino.destination(2)), database })
        try {
          io.stdout.write(await runDmaRescore(systemContext(deps, CLI_ACTOR), options))
        } finally {
          deps.mailer.close()
        }
      } finally {
        await database.close()
      }
    })
}
