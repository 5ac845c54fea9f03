/** `ponte start`: open the database (locked), migrate, seed the demo if empty, serve, run jobs. */
import { serve } from '@hono/node-server'
import type PgBoss from 'pg-boss'
import { createApp } from './app'
import { buildDeps, openAppDatabase } from './boot'
import { loadEnv, publicUrl, seedMode } from './env'
import { startJobs } from './jobs/jobs'
import { createLogger } from './logger'
import { DEMO_USERS, isDatabaseEmpty, seedDemoNetwork } from './seed/demo-network'

export async function startServer(): Promise<void> {
  const started = performance.now()
  const env = loadEnv()
  const logger = createLogger(env)
  const database = await openAppDatabase(env)
  const deps = await buildDeps({ env, logger, database })
  let seeded = false
  if (seedMode(env) === 'demo' && (await isDatabaseEmpty(database.db))) {
    const counts = await seedDemoNetwork(database.db, env.PONTE_DEMO_PASSWORD)
    logger.info(counts, 'demo network seeded')
    seeded = true
  }
  const app = createApp(deps)
  const server = serve({ fetch: app.fetch, port: env.PORT, hostname: env.HOST })
  await new Promise<void>((resolve, reject) => {
    server.once('listening', () => resolve())
    server.once('error', reject)
  })
  let boss: PgBoss | null = null
  if (env.PONTE_JOBS === 'on') boss = await startJobs(deps)

  const url = publicUrl(env)
  const readyMs = Math.round(performance.now() - started)
  logger.info({ url, database: database.kind, readyMs }, 'Ponte is ready')
  const lines = [
    '',
    `  Ponte ${deps.version} is running at ${url}  (database: ${database.kind}, ready in ${readyMs} ms)`,
    `  API reference: ${url}/api/docs`,
  ]
  if (seeded || (seedMode(env) === 'demo' && database.kind === 'pglite')) {
    lines.push(
      '',
      `  Demo logins (password: ${env.PONTE_DEMO_PASSWORD === 'ponte-demo' ? 'ponte-demo' : 'PONTE_DEMO_PASSWORD'}):`,
      `    network admin   ${DEMO_USERS[0]?.email}`,
      '    antenna manager bg.manager@ponte.demo',
      '    antenna staff   bg.staff@ponte.demo',
      '    expert          esperto.digitale@ponte.demo',
      '    company member  titolare@meccanica-bergamasca.demo',
      '    funder (viewer) funder@regione.demo',
    )
  }
  process.stdout.write(`${lines.join('\n')}\n\n`)

  let stopping = false
  const stop = async (signal: string) => {
    if (stopping) return
    stopping = true
    logger.info({ signal }, 'shutting down')
    server.close()
    await boss?.stop({ graceful: true, wait: true }).catch((err: unknown) => logger.warn({ err }, 'job queue stop failed'))
    deps.mailer.close()
    await database.close()
    process.exit(0)
  }
  process.on('SIGINT', () => void stop('SIGINT'))
  process.on('SIGTERM', () => void stop('SIGTERM'))
}
