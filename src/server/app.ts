/**
 * The HTTP application: request scope → secure headers → CSRF guard → authentication → module
 * routes (each validated and documented) → one error handler. Also serves the OpenAPI document, the
 * API reference page, and the built web app.
 */
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { OpenAPIHono, z } from '@hono/zod-openapi'
import { Scalar } from '@scalar/hono-api-reference'
import { secureHeaders } from 'hono/secure-headers'
import { serveStatic } from '@hono/node-server/serve-static'
import { createMiddleware } from 'hono/factory'
import { auditRoutes } from '../modules/audit'
import { authenticate, identityRoutes } from '../modules/identity'
import { mailRoutes } from '../modules/mail'
import { companiesRoutes } from '../modules/companies'
import { contactsRoutes } from '../modules/contacts'
import { interactionsRoutes } from '../modules/interactions'
import { assessmentsRoutes } from '../modules/assessments'
import { projectsRoutes } from '../modules/projects'
import { expertsRoutes } from '../modules/experts'
import { roadmapsRoutes } from '../modules/roadmaps'
import { territoryRoutes } from '../modules/territory'
import { AppError } from '../shared/app-error'
import { readMigrationStatus } from './db/migrate'
import type { AppDeps } from './deps'
import type { AppEnv } from './http/context'
import { csrfGuard, errorBody, handleError, requestScope } from './http/middleware'
import { createRouter, defineRoute, jsonResponse } from './http/openapi'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
export const WEB_DIST = path.join(ROOT, 'dist', 'web')
const SCALAR_JS = path.join(ROOT, 'node_modules', '@scalar', 'api-reference', 'dist', 'browser', 'standalone.js')

export const Health = z
  .object({
    status: z.literal('ok'),
    database: z.enum(['pglite', 'postgres']),
    version: z.string(),
    migrations: z.object({ applied: z.number().int(), expected: z.number().int(), latest: z.string().nullable() }),
  })
  .openapi('Health')

const healthRoutes = createRouter().openapi(
  defineRoute({
    method: 'get', path: '/health', tags: ['Platform'], public: true,
    summary: 'Liveness and readiness: database kind, version, migrations',
    responses: { 200: jsonResponse(Health, 'Healthy') },
  }),
  async (c) => {
    const deps = c.get('deps')
    return c.json({ status: 'ok' as const, database: deps.database.kind, version: deps.version, migrations: await readMigrationStatus(deps.database) }, 200)
  },
)

const authenticateRequest = createMiddleware<AppEnv>(async (c, next) => {
  const deps = c.get('deps')
  const { actor, setCookies } = await authenticate(deps.database.db, deps.auth, c.req.raw.headers, deps.clock())
  c.set('actor', actor)
  if (actor) c.set('locale', actor.locale)
  await next()
  for (const cookie of setCookies) c.header('set-cookie', cookie, { append: true })
})

/** Every API router, mounted under /api. Tests enumerate routes from the OpenAPI document. */
export function createApi() {
  const api = createRouter()
  api.route('/', healthRoutes)
  api.route('/', identityRoutes)
  api.route('/', auditRoutes)
  api.route('/', mailRoutes)
  api.route('/', companiesRoutes)
  api.route('/', contactsRoutes)
  api.route('/', interactionsRoutes)
  api.route('/', assessmentsRoutes)
  api.route('/', projectsRoutes)
  api.route('/', expertsRoutes)
  api.route('/', roadmapsRoutes)
  api.route('/', territoryRoutes)
  api.openAPIRegistry.registerComponent('securitySchemes', 'session', { type: 'apiKey', in: 'cookie', name: 'ponte.session_token' })
  api.openAPIRegistry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer', description: 'Personal API token (ponte_…)' })
  return api
}

export function createApp(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>()
  app.use('*', async (c, next) => {
    c.set('deps', deps)
    await next()
  })
  app.use('*', requestScope)
  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", "'unsafe-inline'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        workerSrc: ["'self'", 'blob:'],
      },
    }),
  )
  app.use('/api/*', csrfGuard)
  app.use('/api/*', authenticateRequest)
  app.onError(handleError)

  const api = createApi()
  app.route('/api', api)

  app.get('/api/openapi.json', (c) => c.json(openApiDocument(api, deps.version)))
  app.get('/api/docs/scalar.js', (c) => {
    c.header('content-type', 'text/javascript; charset=utf-8')
    c.header('cache-control', 'public, max-age=86400')
    return c.body(fs.readFileSync(SCALAR_JS))
  })
  app.get('/api/docs', Scalar({ url: '/api/openapi.json', pageTitle: 'Ponte API', cdn: '/api/docs/scalar.js' }))
  app.all('/api/*', (c) => c.json(errorBody(c, new AppError('NOT_FOUND', 'errors.routeNotFound', { path: c.req.path })), 404))

  // The web app: static assets, then index.html for every client-side route.
  if (fs.existsSync(WEB_DIST)) app.use('/*', serveStatic({ root: path.relative(process.cwd(), WEB_DIST) || '.' }))
  app.get('*', (c) => {
    const index = path.join(WEB_DIST, 'index.html')
    if (!fs.existsSync(index)) return c.text('The web app is not built: run `npm run build`.', 503)
    return c.html(fs.readFileSync(index, 'utf8'))
  })
  return app
}

export function openApiDocument(api: OpenAPIHono<AppEnv>, version: string) {
  return api.getOpenAPI31Document({
    openapi: '3.1.0',
    info: {
      title: 'Ponte API',
      version,
      description: 'The API of Ponte, the platform of a Digital Innovation Hub network. Cookie sessions need the `x-ponte-csrf: 1` header on mutations; API tokens go in `Authorization: Bearer`.',
    },
    servers: [{ url: '/api' }],
  })
}
