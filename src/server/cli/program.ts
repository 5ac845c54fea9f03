/**
 * The `ponte` command line as a function of its arguments and its I/O (`cli.ts` runs it on the
 * process): the same commands run in a test's process, with captured output, at no spawn cost.
 */
import fs from 'node:fs'
import { Command, CommanderError } from 'commander'
import { z } from 'zod'
import { insertUserWithPassword } from '../../modules/identity'
import { loadTerritoryReferenceData } from '../../modules/territory'
import { units } from '../../modules/identity/server/identity.table'
import { isNull } from 'drizzle-orm'
import { backupDatabase, restoreDatabase, RestoreRefusedError } from '../db/backup'
import { DataDirLockedError } from '../db/data-dir-lock'
import { migrateDatabase, readMigrationStatus } from '../db/migrate'
import { openAppDatabase, VERSION } from '../boot'
import { createApi, openApiDocument } from '../app'
import { EnvError, loadEnv } from '../env'
import { startServer } from '../main'
import { isDatabaseEmpty, seedDemoNetwork } from '../seed/demo-network'
import type { Database } from '../db/client'
import { CliExit, type CliIo } from './cli-io'
import { registerCompaniesCommands } from './companies-command'
import { registerDmaCommands } from './dma-command'
import { registerRoadmapCommands } from './roadmap-command'

class CliError extends Error {}

/** Every command of `ponte`, reading settings from `io.env` and writing to `io.stdout`/`io.stderr`. */
export function buildProgram(io: CliIo): Command {
  const say = (line: string) => void io.stdout.write(`${line}\n`)

  async function withDatabase<T>(fn: (database: Database) => Promise<T>): Promise<T> {
    const env = loadEnv(io.env)
    const database = await openAppDatabase(env)
    try {
      return await fn(database)
    } finally {
      await database.close()
    }
  }

  const program = new Command()
  program
    .name('ponte')
    .description('Ponte: the platform of a Digital Innovation Hub network')
    .showHelpAfterError()
    .configureOutput({ writeOut: (text) => void io.stdout.write(text), writeErr: (text) => void io.stderr.write(text) })
    // Commander's own exits (help, unknown option) become a returned exit code, not process.exit.
    .exitOverride()

  program.command('start').description('migrate, seed the demo network into an empty database, and serve').action(startServer)

  program
    .command('migrate')
    .description('apply pending database migrations')
    .action(() =>
      withDatabase(async (database) => {
        await migrateDatabase(database)
        const status = await readMigrationStatus(database)
        say(`Migrations applied: ${status.applied}/${status.expected} (latest ${status.latest ?? 'none'})`)
      }),
    )

  program
    .command('seed')
    .argument('<what>', 'what to seed: demo')
    .description('seed the demo network (only into an empty database)')
    .action((what: string) =>
      withDatabase(async (database) => {
        if (what !== 'demo') throw new CliError(`Unknown seed "${what}": the only seed is "demo".`)
        await migrateDatabase(database)
        // The demo places its companies in real comuni: the reference data must be there first.
        await loadTerritoryReferenceData(database.db)
        if (!(await isDatabaseEmpty(database.db))) throw new CliError('The database already has a network: the demo seeds only an empty database.')
        const counts = await seedDemoNetwork(database.db, loadEnv(io.env).PONTE_DEMO_PASSWORD)
        say(`Demo network seeded: ${counts.units} units, ${counts.users} users.`)
      }),
    )

  const user = program.command('user').description('manage users')
  user
    .command('create')
    .description('create a user; --admin makes them network admin of the root unit (first admin of a new install)')
    .requiredOption('--email <email>')
    .requiredOption('--name <name>')
    .option('--password <password>', 'at least 10 characters (default: read PONTE_NEW_PASSWORD)')
    .option('--admin', 'network admin of the root unit')
    .option('--network <name>', 'name of the root unit to create when the database has none', 'Rete Ponte')
    .action((opts: { email: string; name: string; password?: string; admin?: boolean; network: string }) =>
      withDatabase(async (database) => {
        const input = z
          .object({ email: z.email(), name: z.string().trim().min(1), password: z.string().min(10, 'password must be at least 10 characters') })
          .safeParse({ email: opts.email, name: opts.name, password: opts.password ?? io.env.PONTE_NEW_PASSWORD })
        if (!input.success) throw new CliError(input.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n'))
        await migrateDatabase(database)
        const id = await database.db.transaction(async (tx) => {
          let [root] = await tx.select().from(units).where(isNull(units.parentId))
          if (!root && opts.admin) {
            const rootId = crypto.randomUUID()
            ;[root] = await tx.insert(units).values({ id: rootId, path: `/${rootId}/`, type: 'hub', name: opts.network, code: 'ROOT' }).returning()
          }
          const grants = opts.admin && root ? [{ unitId: root.id, role: 'network_admin' as const }] : []
          return insertUserWithPassword(tx, { email: input.data.email, name: input.data.name, password: input.data.password }, grants)
        })
        say(`User ${input.data.email} created (${id})${opts.admin ? ' as network admin' : ''}.`)
      }),
    )

  program
    .command('openapi')
    .argument('[file]', 'where to write the document', 'docs/openapi.json')
    .description('write the OpenAPI 3.1 document (committed, and diffed in review)')
    .action((file: string) => {
      fs.writeFileSync(file, `${JSON.stringify(openApiDocument(createApi(), VERSION), null, 2)}\n`)
      say(`OpenAPI document written to ${file}.`)
    })

  program
    .command('backup')
    .argument('<file>', 'backup file to write (gzipped JSON lines)')
    .description('write a consistent logical backup of every table')
    .action((file: string) =>
      withDatabase(async (database) => {
        const result = await backupDatabase(database, file)
        say(`Backup written to ${file}: ${result.tables} tables, ${result.rows} rows.`)
      }),
    )

  program
    .command('restore')
    .argument('<file>', 'backup file made by `ponte backup`')
    .option('--force', 'replace the contents of a non-empty database')
    .description('restore a backup into an empty database (refuses a non-empty one unless --force)')
    .action((file: string, opts: { force?: boolean }) =>
      withDatabase(async (database) => {
        if (!fs.existsSync(file)) throw new CliError(`No such file: ${file}`)
        const result = await restoreDatabase(database, file, { force: Boolean(opts.force) })
        say(`Restored ${result.rows} rows into ${result.tables} tables.`)
      }),
    )

  registerCompaniesCommands(program, io)
  registerDmaCommands(program, io)
  registerRoadmapCommands(program, io)
  return program
}

/** Runs `ponte` with `argv` (as process.argv: node, script, args…); resolves to its exit code. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const fail = (text: string) => void io.stderr.write(`${text}\n`)
  try {
    await buildProgram(io).parseAsync(argv)
    return 0
  } catch (error) {
    // Help and version are "errors" that exit 0; commander already printed its message.
    if (error instanceof CommanderError) return error.exitCode
    if (error instanceof CliExit) {
      fail(error.message)
      return error.exitCode
    }
    if (error instanceof CliError || error instanceof EnvError || error instanceof DataDirLockedError || error instanceof RestoreRefusedError) {
      fail(error.message)
      return error instanceof DataDirLockedError ? 3 : 1
    }
    fail(error instanceof Error ? (error.stack ?? error.message) : String(error))
    return 1
  }
}
