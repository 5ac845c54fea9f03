/**
 * The one error type of Ponte (HOUSE_STYLE "Errors"). Codes form a closed union; the HTTP layer maps
 * them to status codes in one table (src/server/http/error-status.ts). `messageKey` is an i18n key
 * under `errors.` rendered in the user's language; `details` fills its placeholders.
 */
export const APP_ERROR_CODES = [
  'VALIDATION',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'RATE_LIMITED',
  'GONE',
] as const
export type AppErrorCode = (typeof APP_ERROR_CODES)[number]

export interface FieldError {
  /** dotted path of the offending field, e.g. `email` or `contacts.0.phone` */
  path: string
  message: string
}

export class AppError extends Error {
  readonly code: AppErrorCode
  readonly messageKey: string
  readonly details: Record<string, unknown>
  readonly fields: FieldError[]

  constructor(
    code: AppErrorCode,
    messageKey: string,
    details: Record<string, unknown> = {},
    fields: FieldError[] = [],
  ) {
    super(`${code}: ${messageKey}`)
    this.name = 'AppError'
    this.code = code
    this.messageKey = messageKey
    this.details = details
    this.fields = fields
  }
}

/** The JSON body of every error response. */
export interface ErrorBody {
  error: {
    code: AppErrorCode | 'INTERNAL'
    messageKey: string
    message: string
    details: Record<string, unknown>
    fields: FieldError[]
    requestId: string
  }
}
