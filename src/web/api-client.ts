/**
 * The one way the web app talks to the API: same-origin JSON over fetch with the session cookie.
 * Every non-GET request carries `x-ponte-csrf: 1` (the server's CSRF guard rejects cross-site
 * writes without it) and every request `accept-language`, so server messages come back in the
 * user's language. Failures are thrown as `ApiError`, carrying the server's error body.
 */
import type { AppErrorCode, ErrorBody, FieldError } from '../shared/app-error'
import { currentLocale } from './i18n/i18n'

export type ApiErrorCode = AppErrorCode | 'INTERNAL' | 'NETWORK'

export class ApiError extends Error {
  readonly status: number
  readonly code: ApiErrorCode
  readonly messageKey: string
  readonly details: Record<string, unknown>
  readonly fields: FieldError[]
  readonly requestId: string | null

  constructor(status: number, body: ErrorBody['error'] | null, fallbackMessage: string) {
    super(body?.message || fallbackMessage)
    this.name = 'ApiError'
    this.status = status
    this.code = body?.code ?? (status === 0 ? 'NETWORK' : 'INTERNAL')
    this.messageKey = body?.messageKey ?? ''
    this.details = body?.details ?? {}
    this.fields = body?.fields ?? []
    this.requestId = body?.requestId ?? null
  }
}

export function isApiError(error: unknown, code?: ApiErrorCode): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code)
}

type QueryValue = string | number | boolean | null | undefined
export type QueryParams = Record<string, QueryValue>

interface RequestOptions {
  query?: QueryParams
  body?: unknown
  /**
   * Whether a 401 sends the user to the sign-in page. Off for the calls that expect 401 as an
   * ordinary answer: the session probe and the sign-in itself.
   */
  redirectOnUnauthenticated?: boolean
  signal?: AbortSignal
}

let onUnauthenticated: (() => void) | null = null

/** Registers what to do when the session has ended (main.tsx: go to /login?redirect=…). */
export function setUnauthenticatedHandler(handler: (() => void) | null): void {
  onUnauthenticated = handler
}

function buildUrl(path: string, query: QueryParams | undefined): string {
  if (!query) return path
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) {
    // Absent filters are left out rather than sent as "undefined" or empty strings.
    if (value === undefined || value === null || value === '') continue
    params.set(key, String(value))
  }
  const search = params.toString()
  return search ? `${path}?${search}` : path
}

function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false
  const error = (value as { error: unknown }).error
  return typeof error === 'object' && error !== null && 'code' in error && 'message' in error
}

/** The body as JSON, or undefined when there is none (204, 202) or it is not JSON (a proxy's page). */
async function readJson(response: Response): Promise<unknown> {
  const text = await response.text()
  if (!text) return undefined
  try {
    return JSON.parse(text) as unknown
  } catch (cause) {
    if (response.ok) throw cause
    return undefined
  }
}

async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = {
    accept: 'application/json',
    'accept-language': currentLocale(),
  }
  if (method !== 'GET') headers['x-ponte-csrf'] = '1'
  if (options.body !== undefined) headers['content-type'] = 'application/json'

  let response: Response
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    })
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause
    throw new ApiError(0, null, cause instanceof Error ? cause.message : String(cause))
  }

  const data = await readJson(response)

  if (!response.ok) {
    const error = new ApiError(
      response.status,
      isErrorBody(data) ? data.error : null,
      `${response.status} ${response.statusText}`,
    )
    if (response.status === 401 && options.redirectOnUnauthenticated !== false) onUnauthenticated?.()
    throw error
  }
  return data as T
}

type Options = Omit<RequestOptions, 'body'>

/** Typed calls over the JSON API; the response types come from the contracts (`import type`). */
export const api = {
  get: <T>(path: string, options?: Options) => request<T>('GET', path, options),
  post: <T>(path: string, body?: unknown, options?: Options) =>
    request<T>('POST', path, { ...options, body }),
  patch: <T>(path: string, body: unknown, options?: Options) =>
    request<T>('PATCH', path, { ...options, body }),
  put: <T>(path: string, body: unknown, options?: Options) =>
    request<T>('PUT', path, { ...options, body }),
  delete: <T = void>(path: string, options?: Options) => request<T>('DELETE', path, options),
}
