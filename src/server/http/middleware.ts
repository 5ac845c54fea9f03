import { createMiddleware } from 'hono/factory'
import { HTTPException } from 'hono/http-exception'
import type { Context } from 'hono'
import { AppError, type ErrorBody } from '../../shared/app-error'
import type { AppEnv, RequestContext } from './context'
import { ERROR_STATUS } from './error-status'
import { localeFromAcceptLanguage, translateError } from './i18n'

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])
export const CSRF_HEADER = 'x-ponte-csrf'

/** Request id (taken from a proxy's X-Request-Id when sane), child logger, initial locale. */
export const requestScope = createMiddleware<AppEnv>(async (c, next) => {
  const incoming = c.req.header('x-request-id')
  const requestId = incoming && /^[\w-]{8,64}$/.test(incoming) ? incoming : crypto.randomUUID()
  const log = c.get('deps').logger.child({ reqId: requestId })
  c.set('requestId', requestId)
  c.set('log', log)
  c.set('actor', null)
  c.set('locale', localeFromAcceptLanguage(c.req.header('accept-language')))
  c.header('x-request-id', requestId)
  const started = performance.now()
  await next()
  const ms = Math.round(performance.now() - started)
  const status = c.res.status
  const line = { method: c.req.method, path: c.req.path, status, ms, user: c.get('actor')?.userId }
  if (status >= 500) log.error(line, 'request failed')
  else log.info(line, 'request')
})

/**
 * CSRF guard for cookie-authenticated (or cookie-setting) mutations: the browser must send our
 * custom header, which a cross-site form cannot and a cross-site fetch cannot without a CORS
 * preflight that Ponte never grants; a foreign Origin is refused too. Bearer-token calls are exempt.
 */
export const csrfGuard = createMiddleware<AppEnv>(async (c, next) => {
  if (UNSAFE_METHODS.has(c.req.method) && !c.req.header('authorization')?.startsWith('Bearer ')) {
    const origin = c.req.header('origin')
    const ownOrigins = [new URL(c.req.url).origin, c.get('deps').publicUrl]
    if (!c.req.header(CSRF_HEADER) || (origin && !ownOrigins.includes(origin))) {
      throw new AppError('FORBIDDEN', 'errors.csrf')
    }
  }
  await next()
})

export const requireActor = createMiddleware<AppEnv>(async (c, next) => {
  const actor = c.get('actor')
  if (!actor) throw new AppError('UNAUTHENTICATED', 'errors.unauthenticated')
  // A read-only token may only read.
  if (UNSAFE_METHODS.has(c.req.method) && !actor.scopes.includes('write')) {
    throw new AppError('FORBIDDEN', 'errors.tokenScope', { scope: 'write' })
  }
  await next()
})

/** The service context of this request. */
export function ctxOf(c: Context<AppEnv>): RequestContext {
  const deps = c.get('deps')
  return {
    db: deps.database.db,
    deps,
    actor: c.get('actor'),
    requestId: c.get('requestId'),
    locale: c.get('locale'),
    now: deps.clock,
  }
}

export function errorBody(c: Context<AppEnv>, error: AppError): ErrorBody {
  const locale = c.get('locale') ?? 'it'
  return {
    error: {
      code: error.code,
      messageKey: error.messageKey,
      message: translateError(locale, error.messageKey, error.details),
      details: error.details,
      // Field messages set by services are i18n keys too; zod's arrive already translated.
      fields: error.fields.map((f) => ({
        path: f.path,
        message: f.message.startsWith('errors.') ? translateError(locale, f.message, error.details) : f.message,
      })),
      requestId: c.get('requestId') ?? '',
    },
  }
}

/** The app's onError: AppError → its status; anything else → 500 with the request id, logged. */
export function handleError(error: Error, c: Context<AppEnv>): Response {
  if (error instanceof AppError) {
    return c.json(errorBody(c, error), ERROR_STATUS[error.code])
  }
  if (error instanceof HTTPException && error.status < 500) {
    // Hono's own 4xx (e.g. malformed JSON body): a user mistake, never a 500.
    const code = error.status === 401 ? 'UNAUTHENTICATED' : 'VALIDATION'
    return c.json(errorBody(c, new AppError(code, `errors.${code === 'VALIDATION' ? 'validation' : 'unauthenticated'}`)), ERROR_STATUS[code])
  }
  const requestId = c.get('requestId') ?? ''
  ;(c.get('log') ?? console).error({ err: error, path: c.req.path }, 'unhandled error')
  const body: ErrorBody = {
    error: {
      code: 'INTERNAL',
      messageKey: 'errors.internal',
      message: translateError(c.get('locale') ?? 'it', 'errors.internal', { requestId }),
      details: {},
      fields: [],
      requestId,
    },
  }
  return c.json(body, 500)
}
