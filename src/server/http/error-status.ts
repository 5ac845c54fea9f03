import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { AppErrorCode } from '../../shared/app-error'

/** The one table from AppError codes to HTTP status (HOUSE_STYLE "Errors"). */
export const ERROR_STATUS: Record<AppErrorCode | 'INTERNAL', ContentfulStatusCode> = {
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  GONE: 410,
  RATE_LIMITED: 429,
  INTERNAL: 500,
}
