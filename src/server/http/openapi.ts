/**
 * Route definitions: every route is declared once with zod schemas, validated, documented in the
 * OpenAPI 3.1 document, and guarded (authenticated unless `public: true`).
 */
import { createRoute, OpenAPIHono, z, type RouteConfig } from '@hono/zod-openapi'
import { AppError } from '../../shared/app-error'
import type { AppEnv } from './context'
import { translateIssue } from './i18n'
import { requireActor } from './middleware'

export const ErrorBodySchema = z
  .object({
    error: z.object({
      code: z.string(),
      messageKey: z.string(),
      message: z.string(),
      details: z.record(z.string(), z.unknown()),
      fields: z.array(z.object({ path: z.string(), message: z.string() })),
      requestId: z.string(),
    }),
  })
  .openapi('Error')

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: ErrorBodySchema } },
})

const STANDARD_ERRORS = {
  400: errorResponse('Invalid input; `fields` lists each problem'),
  401: errorResponse('Not signed in'),
  403: errorResponse('Not allowed'),
  404: errorResponse('Not found'),
  409: errorResponse('Conflict with the current state'),
  429: errorResponse('Too many requests'),
} as const

export function jsonBody<T extends z.ZodTypeAny>(schema: T, description = 'JSON body') {
  return { required: true, description, content: { 'application/json': { schema } } }
}

export function jsonResponse<T extends z.ZodTypeAny>(schema: T, description: string) {
  return { description, content: { 'application/json': { schema } } }
}

type Config = Omit<RouteConfig, 'responses'> & {
  responses: RouteConfig['responses']
  /** Reachable without signing in. */
  public?: boolean
}

/** createRoute with Ponte's defaults: security, standard errors, the auth guard. */
export function defineRoute<const C extends Config>(config: C) {
  const { public: isPublic, ...rest } = config
  return createRoute({
    ...rest,
    security: isPublic ? [] : [{ session: [] }, { bearer: [] }],
    middleware: isPublic ? rest.middleware : [requireActor, ...toArray(rest.middleware)],
    responses: { ...STANDARD_ERRORS, ...rest.responses },
  } as unknown as C)
}

function toArray<T>(value: T | T[] | undefined): T[] {
  if (value === undefined) return []
  return Array.isArray(value) ? value : [value]
}

/** A router whose validation failures become VALIDATION errors with per-field messages. */
export function createRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (result.success) return
      const locale = c.get('locale')
      const fields = result.error.issues.map((issue) => ({
        path: issue.path.map(String).join('.'),
        message: translateIssue(locale, issue),
      }))
      throw new AppError('VALIDATION', 'errors.validation', {}, fields)
    },
  })
}

export { z }
