/** The `ponte` command line (package.json `bin`). */
import fs from 'node:fs'
import { Command } from 'commander'
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
import { CliExit, registerCompaniesCommands } from './companies-command'
import { registerDmaCommands } from './dma-command'
import { registerRoadmapCommands } from './roadmap-command'

async function withDatabase<T>(fn: (database: Database) => Promise<T>): Promise<T> {
  const env = loadEnv()
  const database = await openAppDatabase(env)
  try {
    return await fn(database)
  } finally {
    await database.close()
  }
}

const program = new Command()
program.name('ponte').description('Ponte: the platform of a Digital Innovation Hub network').showHelpAfterError()

program.command('start').description('migrate, seed the demo network into an empty database, and serve').action(startServer)

program
  .command('migrate')
  .description('apply pending database migrations')
  .action(() =>
    withDatabase(async (database) => {
      await migrateDatabase(database)
      const status = await readMigrationStatus(database)
      console.log(`Migrations applied: ${status.applied}/${status.expected} (latest ${status.latest ?? 'none'})`)
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
      const counts = await seedDemoNetwork(database.db, loadEnv().PONTE_DEMO_PASSWORD)
      console.log(`Demo network seeded: ${counts.units} units, ${counts.users} users.`)
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
        .safeParse({ email: opts.email, name: opts.name, password: opts.password ?? process.env.PONTE_NEW_PASSWORD })
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
      console.log(`User ${input.data.email} created (${id})${opts.admin ? ' as network admin' : ''}.`)
    }),
  )

program
  .command('openapi')
  .argument('[file]', 'where to write the document', 'docs/openapi.json')
  .description('write the OpenAPI 3.1 document (committed, and diffed in review)')
  .action((file: string) => {
    fs.writeFileSync(file, `${JSON.stringify(openApiDocument(createApi(), VERSION), null, 2)}\n`)
    console.log(`OpenAPI document written to ${file}.`)
  })

program
  .command('backup')
  .argument('<file>', 'backup file to write (gzipped JSON lines)')
  .description('write a consistent logical backup of every table')
  .action((file: string) =>
    withDatabase(async (database) => {
      const result = await backupDatabase(database, file)
      console.log(`Backup written to ${file}: ${result.tables} tables, ${result.rows} rows.`)
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
      console.log(`Restored ${result.rows} rows into ${result.tables} tables.`)
    }),
  )

registerCompaniesCommands(program)
registerDmaCommands(program)
registerRoadmapCommands(program)

class CliError extends Error {}

program.parseAsync(process.argv).catch((error: unknown) => {
  if (error instanceof CliExit) {
    console.error(error.message)
    process.exit(error.exitCode)
  }
  if (error instanceof CliError || error instanceof EnvError || error instanceof DataDirLockedError || error instanceof RestoreRefusedError) {
    console.error(error.message)
    process.exit(error instanceof DataDirLockedError ? 3 : 1)
  }
  console.error(error)
  process.exit(1)
})
