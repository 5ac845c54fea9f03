/**
 * `ponte companies import|export`: batch work on companies from the shell, as a system actor with
 * the network admin role on the root unit (whoever runs the CLI already holds the database).
 * Exit codes: 0 when the import ran (even if some rows had errors: they are in the report),
 * 2 when the file cannot be read, 1 for anything else.
 */
import { once } from 'node:events'
import fs from 'node:fs'
import path from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { Command } from 'commander'
import { eq, isNull } from 'drizzle-orm'
import pino from 'pino'
import { exportCompanies, importCompanyFile } from '../../modules/companies'
import type { Actor } from '../../modules/identity'
import { units } from '../../modules/identity/server/identity.table'
import { AppError } from '../../shared/app-error'
import { buildDeps, openAppDatabase } from '../boot'
import type { AppDeps } from '../deps'
import { loadEnv } from '../env'
import { systemContext, type RequestContext } from '../http/context'
import { translateError } from '../http/i18n'
import { CliExit, type CliIo } from './cli-io'

/** Not a user: audit entries name it "ponte CLI". */
const CLI_USER_ID = '00000000-0000-0000-0000-000000000000'


async function withCliContext<T>(io: CliIo, fn: (ctx: RequestContext, deps: AppDeps) => Promise<T>): Promise<T> {
  const env = loadEnv(io.env)
  const database = await openAppDatabase(env)
  try {
    // Logs go to stderr: stdout carries the report or the exported file.
    const logger = pino({ level: env.LOG_LEVEL === 'info' ? 'warn' : env.LOG_LEVEL }, pino.destination(2))
    const deps = await buildDeps({ env, logger, database })
    const [root] = await database.db.select().from(units).where(isNull(units.parentId))
    if (!root) throw new CliError('The database has no network yet: run `ponte seed demo` or `ponte user create --admin` first.')
    const actor: Actor = {
      userId: CLI_USER_ID,
      name: 'ponte CLI',
      email: '',
      locale: 'it',
      grants: [{ membershipId: CLI_USER_ID, unitId: root.id, path: root.path, role: 'network_admin' }],
      sharedPaths: [],
      via: 'token',
      scopes: ['read', 'write'],
    }
    try {
      return await fn(systemContext(deps, actor), deps)
    } finally {
      // In-process jobs the command started (an import's duplicates refresh) end before the process.
      await deps.jobs.drain()
      deps.mailer.close()
    }
  } finally {
    await database.close()
  }
}

class CliError extends CliExit {
  constructor(message: string) {
    super(message, 1)
  }
}

export function registerCompaniesCommands(program: Command, io: CliIo): void {
  const companies = program.command('companies').description('import and export companies')

  companies
    .command('import')
    .argument('<file>', 'CSV or XLSX file (Italian or English headers)')
    .option('--unit <code>', 'code of the unit that owns the new companies (default: the root unit)')
    .option('--dry-run', 'check every row, write nothing')
    .option('--json', 'machine-readable report')
    .description('upsert companies by partita IVA from a CSV/XLSX file; prints { created, updated, unchanged, errors }')
    .action((file: string, opts: { unit?: string; dryRun?: boolean; json?: boolean }) => {
      let bytes: Buffer
      try {
        bytes = fs.readFileSync(file)
      } catch {
        throw new CliExit(`Impossibile leggere il file ${file}.`, 2)
      }
      return withCliContext(io, async (ctx) => {
        let unitId: string | undefined
        if (opts.unit) {
          const [unit] = await ctx.db.select().from(units).where(eq(units.code, opts.unit))
          if (!unit) throw new CliError(`Nessuna unità con codice ${opts.unit}.`)
          unitId = unit.id
        }
        let report
        try {
          report = await importCompanyFile(ctx, { fileName: path.basename(file), bytes, unitId, dryRun: Boolean(opts.dryRun) })
        } catch (error) {
          if (error instanceof AppError && error.code === 'VALIDATION') throw new CliExit(translateError(ctx.locale, error.messageKey, error.details), 2)
          throw error
        }
        const result = {
          created: report.created,
          updated: report.updated,
          unchanged: report.unchanged,
          errors: report.errors.map((e) => ({ row: e.row, column: e.column, code: e.code, message: e.message })),
        }
        if (opts.json) {
          io.stdout.write(`${JSON.stringify({ ...result, dryRun: Boolean(opts.dryRun), importId: report.importId })}\n`)
          return
        }
        const verb = opts.dryRun ? 'Prova (nulla è stato scritto)' : 'Importazione conclusa'
        const lines = [`${verb}: ${result.created} create, ${result.updated} aggiornate, ${result.unchanged} invariate, ${result.errors.length} errori.`]
        for (const e of result.errors) lines.push(`  riga ${e.row}${e.column ? `, ${e.column}` : ''}: ${e.message}`)
        io.stdout.write(`${lines.join('\n')}\n`)
      })
    },
    )

  companies
    .command('export')
    .option('--format <format>', 'csv (Excel: semicolon, UTF-8 BOM) or xlsx', 'csv')
    .option('--out <file>', 'file to write (default: standard output)')
    .option('--include-archived', 'also archived companies')
    .description('every company of the network as CSV or XLSX')
    .action((opts: { format: string; out?: string; includeArchived?: boolean }) =>
      withCliContext(io, async (ctx) => {
        if (opts.format !== 'csv' && opts.format !== 'xlsx') throw new CliError('--format is csv or xlsx.')
        const file = await exportCompanies(ctx, { format: opts.format, includeArchived: opts.includeArchived ? 'true' : undefined })
        const source = Readable.fromWeb(file.body as import('node:stream/web').ReadableStream<Uint8Array>)
        if (opts.out) {
          await pipeline(source, fs.createWriteStream(opts.out))
          io.stderr.write(`Esportazione scritta in ${opts.out}.\n`)
        } else {
          for await (const chunk of source) if (!io.stdout.write(chunk as Buffer)) await once(io.stdout, 'drain')
        }
      }),
    )
}
